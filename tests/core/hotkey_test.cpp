// Key chords written as the config spells them.
#include "kiosk/core/hotkey.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(Hotkey, ModifiersComeInTheOrderCtrlAltShift) {
    EXPECT_EQ(to_string(Hotkey{true, true, false, "S"}), "Ctrl+Alt+S");
    EXPECT_EQ(to_string(Hotkey{true, false, true, "F1"}), "Ctrl+Shift+F1");
    EXPECT_EQ(to_string(Hotkey{true, true, true, "Delete"}), "Ctrl+Alt+Shift+Delete");
}

TEST(Hotkey, AKeyAloneIsJustItsName) {
    EXPECT_EQ(to_string(Hotkey{false, false, false, "F12"}), "F12");
}

}  // namespace
}  // namespace kiosk
