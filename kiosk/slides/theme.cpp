// Colour parsing, contrast and kind colours (see theme.h).
#include "kiosk/slides/theme.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace kiosk {

namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Relative luminance as WCAG 2 defines it (sRGB, linearised).
double luminance(Colour c) {
    auto lin = [](std::uint8_t v) {
        double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

bool contains_word(std::string_view haystack, std::string_view word) {
    auto it =
        std::search(haystack.begin(), haystack.end(), word.begin(), word.end(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) ==
                   std::tolower(static_cast<unsigned char>(b));
        });
    return !word.empty() && it != haystack.end();
}

}  // namespace

std::optional<Colour> parse_colour(std::string_view text) {
    if ((text.size() != 7 && text.size() != 9) || text[0] != '#') return std::nullopt;
    std::uint8_t v[4] = {0, 0, 0, 255};
    for (std::size_t i = 0; i + 1 < text.size(); i += 2) {
        int hi = hex_digit(text[i + 1]);
        int lo = hex_digit(text[i + 2]);
        if (hi < 0 || lo < 0) return std::nullopt;
        v[i / 2] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    return Colour{v[0], v[1], v[2], v[3]};
}

std::string to_string(Colour c) {
    char buf[10];
    if (c.a == 255) {
        std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c.r, c.g, c.b);
    } else {
        std::snprintf(buf, sizeof buf, "#%02X%02X%02X%02X", c.r, c.g, c.b, c.a);
    }
    return buf;
}

double contrast_ratio(Colour a, Colour b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

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
