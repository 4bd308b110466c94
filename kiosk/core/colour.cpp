// Colour parsing and contrast (see colour.h).
#include "kiosk/core/colour.h"

#include <algorithm>
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

}  // namespace

double luminance(Colour c) {
    auto lin = [](std::uint8_t v) {
        double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

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

}  // namespace kiosk
