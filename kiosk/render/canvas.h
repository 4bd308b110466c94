// An offscreen picture drawn with SDL's software renderer: `kiosk render` and the golden tests.
// Needs no display (no SDL video subsystem at all).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/result.h"
#include "kiosk/slides/slide.h"
#include "kiosk/slides/theme.h"

struct SDL_Surface;
struct SDL_Renderer;

namespace kiosk {

class FontSet;
class TextCache;

// Pixels as 8-bit RGB rows, top to bottom.
struct Image {
    int w = 0;
    int h = 0;
    std::vector<std::uint8_t> rgb;

    bool operator==(const Image&) const = default;
};

class Canvas {
  public:
    static Result<std::unique_ptr<Canvas>> create(Size size, const FontSet& fonts);
    ~Canvas();
    Canvas(const Canvas&) = delete;
    Canvas& operator=(const Canvas&) = delete;

    // Draws the whole picture.
    void draw(const Theme& theme, const Slide* slide, double opacity, const Slide& chrome);
    // Draws only where the picture differs from the last one drawn (FramePainter), as the
    // screen's window does; returns the areas drawn.
    std::vector<Rect> draw_changes(const Theme& theme, const Slide* slide, double opacity,
                                   const Slide& chrome);
    Image image() const;
    Size size() const { return size_; }

  private:
    Canvas() = default;
    struct Parts;
    std::unique_ptr<Parts> parts_;
    Size size_;
};

// Reads a PNG as RGB (for the golden tests; stb_image, which shares no code with the libpng that
// writes them, png.h); the error names the file. Writing: write_png in png.h.
Result<Image> read_png(const std::string& path);

}  // namespace kiosk
