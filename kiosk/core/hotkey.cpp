// Writing a key chord the way the config spells it (see hotkey.h).
#include "kiosk/core/hotkey.h"

namespace kiosk {

std::string to_string(const Hotkey& h) {
    std::string out;
    if (h.ctrl) out += "Ctrl+";
    if (h.alt) out += "Alt+";
    if (h.shift) out += "Shift+";
    return out + h.key;
}

}  // namespace kiosk
