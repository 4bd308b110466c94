// The key chord that opens the staff overlay, as the config writes it and the overlay shows it.
//
// Its own header so the render layer can take a Hotkey without seeing the config (render must not
// depend on config.h; the app hands it the chord).
#pragma once

#include <string>

namespace kiosk {

// A key chord: modifiers plus one key named as SDL names keys ("F12", "S", "Escape"); the render
// layer turns the name into a key code.
struct Hotkey {
    bool ctrl = false;
    bool alt = false;
    bool shift = false;
    std::string key;  // "S", "F12"; never empty in a parsed config

    bool operator==(const Hotkey&) const = default;
};

// "Ctrl+Alt+S" (the form the config uses and the overlay shows).
std::string to_string(const Hotkey& h);

}  // namespace kiosk
