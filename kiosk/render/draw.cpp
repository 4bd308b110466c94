// Drawing slides with SDL_Renderer (see draw.h).
#include "kiosk/render/draw.h"

#include <algorithm>
#include <cmath>

#include <SDL.h>

#include "kiosk/render/text_cache.h"

namespace kiosk {

namespace {

std::uint8_t scaled(std::uint8_t a, double opacity) {
    return static_cast<std::uint8_t>(std::lround(a * std::clamp(opacity, 0.0, 1.0)));
}

void set_colour(SDL_Renderer* r, Colour c, double coverage = 1.0) {
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, scaled(c.a, coverage));
}

}  // namespace

void fill_rounded(SDL_Renderer* renderer, const Rect& box, Colour colour, int radius) {
    if (box.w <= 0 || box.h <= 0) return;
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
    int r = std::clamp(radius, 0, std::min(box.w, box.h) / 2);
    set_colour(renderer, colour);
    if (r == 0) {
        SDL_Rect rect{box.x, box.y, box.w, box.h};
        SDL_RenderFillRect(renderer, &rect);
        return;
    }
    // The straight middle band, then each corner row: a span of full pixels and one blended
    // edge pixel whose alpha is how much of it the circle covers (sampled at the row's centre).
    SDL_Rect middle{box.x, box.y + r, box.w, box.h - 2 * r};
    SDL_RenderFillRect(renderer, &middle);
    for (int row = 0; row < r; ++row) {
        double dy = r - row - 0.5;
        double inset = r - std::sqrt(std::max(0.0, double(r) * r - dy * dy));
        int full = static_cast<int>(std::ceil(inset));
        double edge_cover = full - inset;
        for (int y : {box.y + row, box.bottom() - 1 - row}) {
            set_colour(renderer, colour);
            SDL_Rect span{box.x + full, y, box.w - 2 * full, 1};
            if (span.w > 0) SDL_RenderFillRect(renderer, &span);
            if (full > 0 && edge_cover > 0.02) {
                set_colour(renderer, colour, edge_cover);
                SDL_RenderDrawPoint(renderer, box.x + full - 1, y);
                SDL_RenderDrawPoint(renderer, box.right() - full, y);
            }
        }
    }
}

void draw_slide(SDL_Renderer* renderer, TextCache& cache, const Slide& slide, double opacity) {
    if (opacity <= 0.0) return;
    for (const auto& f : slide.fills) {
        Colour c = f.colour;
        c.a = scaled(c.a, opacity);
        fill_rounded(renderer, f.box, c, f.radius);
    }
    for (const auto& t : slide.texts) {
        int w = 0;
        int h = 0;
        int dy = 0;
        SDL_Texture* tex = cache.get(t.text, t.style, &w, &h, &dy);
        if (tex == nullptr) continue;
        SDL_SetTextureAlphaMod(tex, scaled(255, opacity));
        SDL_Rect dst{t.box.x, t.box.y + dy, w, h};
        SDL_RenderCopy(renderer, tex, nullptr, &dst);
    }
}

void draw_frame(SDL_Renderer* renderer, TextCache& cache, const Theme& theme, const Slide* slide,
                double opacity, const Slide& chrome) {
    cache.begin_frame();
    SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(renderer, theme.background.r, theme.background.g, theme.background.b,
                           255);
    SDL_RenderClear(renderer);
    if (slide != nullptr) draw_slide(renderer, cache, *slide, opacity);
    draw_slide(renderer, cache, chrome, 1.0);
}

}  // namespace kiosk
