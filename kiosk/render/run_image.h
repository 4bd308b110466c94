// A picture kept compact while it waits for its PNG: each row packed as runs of one colour.
//
// A running screen takes a picture of itself every minute and compresses it off the render
// thread. Held as RGB, the picture is 6 MB at 1920x1080 for the tens of ms that takes, which
// pushed the screen past its 48 MB peak (tests/measure/measure-run.sh measured 49 MB against
// 44 MB without pictures). A slide (flat panels, text) packs into a tenth of that or less;
// anything else (a photo) packs to about its RGB size, never much more. libpng takes the rows
// unpacked one at a time (png.h), so the whole picture is never RGB at once.
#pragma once

#include <cstdint>
#include <vector>

#include "kiosk/core/result.h"
#include "kiosk/render/canvas.h"

namespace kiosk {

// A picture's rows, each packed on its own: a control byte c, then for c < 128 the next c + 1
// pixels as they are (R, G, B each), for c >= 128 one pixel that repeats c - 126 times (2..129).
struct RunImage {
    int w = 0;
    int h = 0;
    std::vector<std::uint8_t> bytes;

    bool operator==(const RunImage&) const = default;
};

// Appends a row of `image.w` RGB pixels; rows go in top to bottom, `image.h` of them.
void append_row(RunImage& image, const std::uint8_t* rgb);
RunImage pack(const Image& image);
// The pixels again; an error when `image` is not rows as append_row packs them.
Result<Image> unpack(const RunImage& image);

// Unpacks a RunImage a row at a time into one row's buffer.
class RunRows {
  public:
    explicit RunRows(const RunImage& image);
    // The next row as RGB, top to bottom, valid until the next call; null when the packed rows
    // are broken (or all have been read).
    const std::uint8_t* next();
    // Every byte read, no more and no less than the rows.
    bool at_end() const { return at_ == image_.bytes.size(); }

  private:
    const RunImage& image_;
    std::vector<std::uint8_t> row_;
    std::size_t at_ = 0;
};

}  // namespace kiosk
