// A test picture for the PNG and packed-picture tests.
#pragma once

#include <cstdint>

#include "kiosk/render/canvas.h"

namespace kiosk {

// Noise, gradients and flat runs, so every row filter libpng may pick and both kinds of packed
// run get used.
inline Image mixed_picture(int w, int h) {
    Image img{w, h, {}};
    std::uint32_t seed = 12345;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            seed = seed * 1664525u + 1013904223u;
            auto noise = static_cast<std::uint8_t>(seed >> 24);
            img.rgb.push_back(y < h / 3 ? noise : static_cast<std::uint8_t>(x * 2));
            img.rgb.push_back(y < 2 * h / 3 ? static_cast<std::uint8_t>(y * 4) : 7);
            img.rgb.push_back(y < h / 3 || (x + y) % 3 != 0 ? noise : 255);
        }
    }
    return img;
}

}  // namespace kiosk
