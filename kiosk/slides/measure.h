// How the slides learn the size of text: an interface, so layout runs without fonts or a display.
//
// The renderer implements it with SDL_ttf; tests use a fake with fixed advances.
#pragma once

#include <string_view>

#include "kiosk/slides/theme.h"

namespace kiosk {

struct FontMetrics {
    int height = 0;      // a line's box: ascent + descent, the height of a rendered line
    int ascent = 0;      // from the top of the box to the baseline
    int cap_height = 0;  // height of a capital 'H' above the baseline

    bool operator==(const FontMetrics&) const = default;
};

class TextMeasurer {
  public:
    virtual ~TextMeasurer() = default;
    // The advance width of `text` (UTF-8, one line) in pixels.
    virtual int width(std::string_view text, Weight weight, int px) const = 0;
    virtual FontMetrics metrics(Weight weight, int px) const = 0;
};

}  // namespace kiosk
