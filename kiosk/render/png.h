// PNG files of pictures, written with libpng a row at a time.
//
// A running screen takes a picture of itself every minute (and on SIGUSR2) and compresses it off
// the render thread; `kiosk render` and the golden tests write theirs the same way. libpng is
// handed one row at a time (from the picture as it is, or unpacked from runs), so besides the
// picture only zlib's state and libpng's row buffers (a few hundred KB) are held while it
// compresses: no second copy of the picture, whatever its size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "kiosk/core/result.h"
#include "kiosk/render/canvas.h"
#include "kiosk/render/run_image.h"

namespace kiosk {

// Where the file's bytes go, a piece at a time; false: they could not be written (errno says why).
using PngSink = std::function<bool(const std::uint8_t* bytes, std::size_t n)>;

// The next row of a picture as RGB, top to bottom, valid until the next call; null: the picture
// is broken.
using PngRows = std::function<const std::uint8_t*()>;

// An RGB PNG, 8 bits a channel, of a w x h picture whose rows `rows` gives, through `sink`. The
// error says what went wrong, with no file name.
Result<bool> encode_png(int w, int h, const PngRows& rows, const PngSink& sink);
Result<bool> encode_png(const Image& image, const PngSink& sink);
// A packed picture, unpacked a row at a time (run_image.h).
Result<bool> encode_png(const RunImage& image, const PngSink& sink);

// Writes an RGB PNG at `path` (not atomically: the screen's own pictures are, see
// app/screenshots.h); the error names the file.
Result<bool> write_png(const std::string& path, const Image& image);

}  // namespace kiosk
