// Colours as the config writes them ("#5AA9FF") and the WCAG 2 contrast between two: what the
// config checks a theme's text against and what the slides paint with.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

struct Colour {
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;
    std::uint8_t a = 255;

    bool operator==(const Colour&) const = default;
};

// "#5AA9FF" or "#5AA9FF80"; nothing for anything else (the caller names the file and line).
std::optional<Colour> parse_colour(std::string_view text);
std::string to_string(Colour c);  // "#5AA9FF" (alpha only when not opaque)

// Relative luminance as WCAG 2 defines it (sRGB, linearised): 0 (black) to 1 (white).
double luminance(Colour c);

// WCAG 2 contrast ratio between two opaque colours: 1 (same) to 21 (black on white).
double contrast_ratio(Colour a, Colour b);

// The contrast the design keeps for any text on any surface (WCAG 2's AA for body text).
inline constexpr double min_text_contrast = 4.5;

}  // namespace kiosk
