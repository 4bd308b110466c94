// Colours, text styles and the theme: what the slides are painted with, as plain values.
//
// The defaults are the design's (shared/design/README.md): a dark theme whose every text colour
// keeps a contrast of at least 4.5:1 against the surface it sits on. The config's `[theme]` fills
// a Theme later; until then these defaults are the one place the colours live.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/colour.h"
#include "kiosk/slides/tokens.h"

namespace kiosk {

// `wanted` moved just far enough towards white (on a dark `bg`) or black (on a light one) to
// reach `min_ratio` against `bg`: a track's own colour, as legible text on the screen. Colours
// that already reach it come back unchanged.
Colour readable_on(Colour wanted, Colour bg, double min_ratio = min_text_contrast);

// A chip's fill and the text on it.
struct ChipColours {
    Colour fill;
    Colour text;
};

// For a chip in a colour the program chose (a track's): dark or light text, whichever reads
// better on it, and where neither reaches min_text_contrast (mid-tones) the fill moved just far
// enough away from the text that it does.
ChipColours chip_colours(Colour fill, Colour dark_text, Colour light_text);

enum class Weight {
    regular,   // Inter Regular: body, times
    medium,    // Inter Medium: section labels
    semibold,  // Inter SemiBold: the room name, kind chips
    bold,      // Inter Bold: titles and the clock
};

struct TextStyle {
    Weight weight = Weight::regular;
    int px = 16;  // font size in pixels (the em), after scaling to the screen
    Colour colour;

    bool operator==(const TextStyle&) const = default;
};

// A session kind's colour, chosen by a word in the kind (or, for kind-less sessions, the title).
struct KindColour {
    std::string word;  // matched case-insensitively: "oral" matches "Oral", "Orals"
    Colour colour;

    bool operator==(const KindColour&) const = default;
};

// Sizes as shares of the screen's short side, so a slide looks the same from 720p to 4K and in
// portrait. The defaults are the design tokens (tokens.h), which say why body text is 3.5%.
struct TypeScale {
    double display = tokens::session_title;  // the session on now, status headlines
    double title = tokens::talk_label;       // talk labels, the announcement
    double clock = tokens::clock;
    double heading = tokens::room_name;  // the room name, titles in lists
    double meta = tokens::times;         // times and relative times
    double body = tokens::body;          // abstracts, labels, footers

    bool operator==(const TypeScale&) const = default;
};

struct Theme {
    Colour background{0x0E, 0x11, 0x16};  // the screen
    Colour header{0x16, 0x1B, 0x22};      // the band with room, date and clock
    Colour panel{0x1C, 0x22, 0x2B};       // "next" panel, list rows
    Colour track{0x2A, 0x31, 0x3C};       // progress bar track, inactive rotation dots
    Colour text{0xF2, 0xF4, 0xF8};        // titles, clock, room: 17.2:1 on background
    Colour body{0xC9, 0xD1, 0xDB};        // abstracts and body text: 12.3:1
    Colour muted{0xA9, 0xB1, 0xBD};       // times, relative times: 8.7:1
    Colour faint{0x80, 0x88, 0x93};       // footer lines: 5.3:1, the floor for anything read
    Colour on_kind{0x0E, 0x11, 0x16};     // text on a kind-coloured chip
    Colour accent{0x5A, 0xA9, 0xFF};      // the lit rotation dot
    Colour notice{0xF2, 0xB8, 0x4B};      // the announcement chip
    Colour full{0xFF, 0x6B, 0x6B};        // the ROOM FULL badge: on_kind text on it, 6.8:1
    Colour kind_fallback{0x8F, 0xA1, 0xB3};
    std::vector<KindColour> kinds = {
        {"oral", {0x5A, 0xA9, 0xFF}},         {"invited", {0xF2, 0xB8, 0x4B}},
        {"keynote", {0xF2, 0xB8, 0x4B}},      {"tutorial", {0x7B, 0xD8, 0x8F}},
        {"workshop", {0x7B, 0xD8, 0x8F}},     {"panel", {0xC7, 0x92, 0xEA}},
        {"registration", {0x8F, 0xA1, 0xB3}}, {"social", {0xFF, 0x8A, 0x65}},
        {"reception", {0xFF, 0x8A, 0x65}},
    };

    // The first entry whose word is in `kind`, else in `title` (kind-less "Welcome Reception"),
    // else the fallback.
    Colour kind_colour(std::string_view kind, std::string_view title = {}) const;

    TypeScale type;

    bool operator==(const Theme&) const = default;
};

}  // namespace kiosk
