// A line of text blended at an opacity straight into a software picture's pixels.
//
// SDL's software renderer draws a texture at an alpha below 255 through its generic blitter,
// about five times slower than at full alpha; during a fade that is most of a frame's cost
// (9 ns a pixel, 17 ms a frame at 3840x2160 on the development machine). This loop does the same
// blend on 32-bit pixels at about the cost of SDL's full-alpha path.
#pragma once

#include <cstdint>

#include "kiosk/slides/slide.h"

struct SDL_Surface;
struct SDL_Texture;

namespace kiosk {

// Draws `texture` (ARGB8888, streaming, of a software renderer; straight alpha) with its top left
// at `at`, at `alpha` (0..255) times its own alpha, into `dst` (32-bit xRGB or ARGB), only inside
// `clip`. False, having drawn nothing, when the texture or the surface is not of that kind: the
// caller draws it through SDL instead.
bool fade_blend(SDL_Texture* texture, int w, int h, SDL_Surface* dst, Rect at, Rect clip,
                std::uint8_t alpha);

}  // namespace kiosk
