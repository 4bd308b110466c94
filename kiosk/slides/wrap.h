// Line-wrapping into a box: lines that fit its width, at most N of them, an ellipsis when cut.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/slides/measure.h"

namespace kiosk {

struct Wrapped {
    std::vector<std::string> lines;
    bool shortened = false;  // text was left out and the last line ends with "…"
    bool overflow = false;   // even one character and "…" are wider than the box

    bool operator==(const Wrapped&) const = default;
};

// Breaks `text` where UAX #14 allows (white space runs and line breaks count as one space) into
// lines no wider than `width`: at spaces, and between the ideographs of a Chinese or Japanese
// title that has no spaces, never before closing punctuation ("。", "）"); words stay whole at
// hyphens and slashes. A word wider than a whole line is broken between characters. When more
// than `max_lines` would be needed, the last line is cut at a break and ends with "…".
Wrapped wrap_text(std::string_view text, Weight weight, int px, int width, int max_lines,
                  const TextMeasurer& measure);

// One line that fits `width`, cut with "…" when needed.
std::string fit_line(std::string_view text, Weight weight, int px, int width,
                     const TextMeasurer& measure);

// Collapses white space runs to one space and trims both ends.
std::string squash_spaces(std::string_view text);

}  // namespace kiosk
