// A TextMeasurer with fixed proportions, so slide layout is tested without fonts or SDL.
#pragma once

#include <cmath>

#include "kiosk/slides/measure.h"

namespace kiosk::testing {

// Every character is 0.55 em wide (Bold 0.6 em); the line box is Inter's 1.21 em.
class FakeMeasurer : public TextMeasurer {
  public:
    int width(std::string_view text, Weight weight, int px) const override {
        int chars = 0;
        for (unsigned char c : text) {
            if ((c & 0xC0) != 0x80) ++chars;  // count UTF-8 characters, not bytes
        }
        double em = weight == Weight::bold ? 0.6 : 0.55;
        return static_cast<int>(std::lround(chars * em * px));
    }
    FontMetrics metrics(Weight, int px) const override {
        return {static_cast<int>(std::lround(px * 1.21)), static_cast<int>(std::lround(px * 0.97)),
                static_cast<int>(std::lround(px * 0.727))};
    }
};

}  // namespace kiosk::testing
