// Drawing laid-out slides with an SDL renderer: fills with anti-aliased round corners, cached
// text, a slide's content at an opacity (for the fade) under the steady header; the whole
// picture, or again only inside the areas that changed (FramePainter).
#pragma once

#include <optional>
#include <vector>

#include "kiosk/slides/damage.h"
#include "kiosk/slides/slide.h"
#include "kiosk/slides/theme.h"

struct SDL_Renderer;
struct SDL_Surface;

namespace kiosk {

class TextCache;

// Fills a rectangle whose corners are rounded with `radius`, the corner edges blended. An opaque
// colour is written, not blended: the same pixels, an order of magnitude cheaper in SDL's
// software renderer (50 ms against 3 ms for a 3840x2160 rectangle).
void fill_rounded(SDL_Renderer* renderer, const Rect& box, Colour colour, int radius);

// Draws a slide's fills and text at `opacity` (0..1) over `background`, only what meets `area`
// (all of it when none). Opaque fills are mixed with the background and written, so a fade
// shows each fill at the opacity (not fills seen through fills) at the cost of a plain fill.
// Each line is kept to its ink_box(). `pixels`, when given, is the software surface the renderer
// draws into: lines at an opacity below 1 are blended into it directly (fade_blend.h).
void draw_slide(SDL_Renderer* renderer, TextCache& cache, const Slide& slide, double opacity,
                Colour background, const std::optional<Rect>& area = std::nullopt,
                SDL_Surface* pixels = nullptr);

// One whole picture: the background, the slide (if any) at `opacity`, then the chrome.
void draw_frame(SDL_Renderer* renderer, TextCache& cache, const Theme& theme, const Slide* slide,
                double opacity, const Slide& chrome);

// Draws frames, each only where it differs from the one before (see damage.h): the clock's
// minute redraws the clock, a fade redraws the slide's lines and not the header, and a frame
// like the last draws nothing. The target must keep its pixels between frames (a software
// renderer's surface, a target texture).
class FramePainter {
  public:
    enum class Mode {
        changes,           // only the areas that changed
        whole_if_changed,  // everything, when anything changed (a target that keeps no pixels)
        whole,             // everything (a first frame, a window uncovered)
    };

    // Returns the areas drawn: none when nothing changed, one of `size` for a whole picture.
    // `pixels`: the software surface `renderer` draws into, if known (see draw_slide).
    std::vector<Rect> paint(SDL_Renderer* renderer, TextCache& cache, const Theme& theme,
                            const Slide* slide, double opacity, const Slide& chrome, Size size,
                            Mode mode, SDL_Surface* pixels = nullptr);

    // The next paint() draws everything (the pixels drawn before are gone).
    void forget() { last_.reset(); }

  private:
    struct Last {
        std::optional<Slide> slide;
        double opacity = 1.0;
        Slide chrome;
        Colour background;
        Size size;
    };
    std::optional<Last> last_;
};

}  // namespace kiosk
