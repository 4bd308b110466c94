// Readable colours, chips and kind colours (see theme.h).
#include "kiosk/slides/theme.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace kiosk {

namespace {

bool contains_word(std::string_view haystack, std::string_view word) {
    auto it =
        std::search(haystack.begin(), haystack.end(), word.begin(), word.end(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) ==
                   std::tolower(static_cast<unsigned char>(b));
        });
    return !word.empty() && it != haystack.end();
}

}  // namespace

namespace {

// `a` moved a `t` (0..1) of the way to `b`.
Colour blend(Colour a, Colour b, double t) {
    auto mix = [t](std::uint8_t x, std::uint8_t y) {
        return static_cast<std::uint8_t>(std::lround(x + (y - x) * t));
    };
    return {mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b), 255};
}

// `c` moved towards `towards` in small steps until it reaches `min_ratio` against `against`.
Colour away_from(Colour c, Colour towards, Colour against, double min_ratio) {
    for (int step = 1; step <= 20 && contrast_ratio(c, against) < min_ratio; ++step) {
        c = blend(c, towards, 0.05 * step);
    }
    return contrast_ratio(c, against) < min_ratio ? towards : c;
}

const Colour white{0xFF, 0xFF, 0xFF};
const Colour black{0x00, 0x00, 0x00};

}  // namespace

Colour readable_on(Colour wanted, Colour bg, double min_ratio) {
    wanted.a = 255;
    if (contrast_ratio(wanted, bg) >= min_ratio) return wanted;
    return away_from(wanted, luminance(bg) < 0.18 ? white : black, bg, min_ratio);
}

ChipColours chip_colours(Colour fill, Colour dark_text, Colour light_text) {
    fill.a = 255;
    bool dark = contrast_ratio(fill, dark_text) >= contrast_ratio(fill, light_text);
    Colour text = dark ? dark_text : light_text;
    if (contrast_ratio(fill, text) >= min_text_contrast) return {fill, text};
    // Dark text wants a lighter fill, light text a darker one.
    return {away_from(fill, dark ? white : black, text, min_text_contrast), text};
}

Colour Theme::kind_colour(std::string_view kind, std::string_view title) const {
    for (std::string_view source : {kind, title}) {
        for (const auto& k : kinds) {
            if (contains_word(source, k.word)) return k.colour;
        }
        if (!kind.empty()) break;  // a stated kind is never second-guessed from the title
    }
    return kind_fallback;
}

}  // namespace kiosk
