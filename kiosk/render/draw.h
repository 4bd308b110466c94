// Drawing laid-out slides with an SDL renderer: fills with anti-aliased round corners, cached
// text, a slide's content at an opacity (for the fade) under the steady header.
#pragma once

#include "kiosk/slides/slide.h"
#include "kiosk/slides/theme.h"

struct SDL_Renderer;

namespace kiosk {

class TextCache;

// Fills a rectangle whose corners are rounded with `radius`, the corner edges blended.
void fill_rounded(SDL_Renderer* renderer, const Rect& box, Colour colour, int radius);

// Draws a slide's fills and text; `opacity` (0..1) scales every alpha.
void draw_slide(SDL_Renderer* renderer, TextCache& cache, const Slide& slide, double opacity);

// One whole picture: the background, the slide (if any) at `opacity`, then the chrome.
void draw_frame(SDL_Renderer* renderer, TextCache& cache, const Theme& theme, const Slide* slide,
                double opacity, const Slide& chrome);

}  // namespace kiosk
