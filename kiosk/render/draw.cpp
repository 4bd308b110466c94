// Drawing slides with SDL_Renderer (see draw.h).
#include "kiosk/render/draw.h"

#include <algorithm>
#include <cmath>

#include <SDL.h>

#include "kiosk/render/fade_blend.h"
#include "kiosk/render/text_cache.h"

namespace kiosk {

namespace {

std::uint8_t scaled(std::uint8_t a, double opacity) {
    return static_cast<std::uint8_t>(std::lround(a * std::clamp(opacity, 0.0, 1.0)));
}

void set_colour(SDL_Renderer* r, Colour c, double coverage = 1.0) {
    SDL_SetRenderDrawColor(r, c.r, c.g, c.b, scaled(c.a, coverage));
}

// `over` seen through `c` at `opacity`: what blending would give, as an opaque colour.
Colour mixed(Colour c, Colour over, double opacity) {
    auto mix = [&](std::uint8_t top, std::uint8_t under) {
        return static_cast<std::uint8_t>(std::lround(under + (top - under) * opacity));
    };
    return {mix(c.r, over.r), mix(c.g, over.g), mix(c.b, over.b), 255};
}

SDL_Rect sdl(const Rect& r) { return {r.x, r.y, r.w, r.h}; }

std::optional<Rect> intersection(const Rect& a, const Rect& b) {
    int x0 = std::max(a.x, b.x);
    int y0 = std::max(a.y, b.y);
    int x1 = std::min(a.right(), b.right());
    int y1 = std::min(a.bottom(), b.bottom());
    if (x1 <= x0 || y1 <= y0) return std::nullopt;
    return Rect{x0, y0, x1 - x0, y1 - y0};
}

void set_clip(SDL_Renderer* r, const std::optional<Rect>& clip) {
    if (clip) {
        SDL_Rect c = sdl(*clip);
        SDL_RenderSetClipRect(r, &c);
    } else {
        SDL_RenderSetClipRect(r, nullptr);
    }
}

}  // namespace

void fill_rounded(SDL_Renderer* renderer, const Rect& box, Colour colour, int radius) {
    if (box.w <= 0 || box.h <= 0) return;
    // SDL's software renderer blends every pixel of a blended fill even at full alpha.
    SDL_BlendMode mode = colour.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND;
    SDL_SetRenderDrawBlendMode(renderer, mode);
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
            SDL_SetRenderDrawBlendMode(renderer, mode);
            set_colour(renderer, colour);
            SDL_Rect span{box.x + full, y, box.w - 2 * full, 1};
            if (span.w > 0) SDL_RenderFillRect(renderer, &span);
            if (full > 0 && edge_cover > 0.02) {
                SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND);
                set_colour(renderer, colour, edge_cover);
                SDL_RenderDrawPoint(renderer, box.x + full - 1, y);
                SDL_RenderDrawPoint(renderer, box.right() - full, y);
            }
        }
    }
}

void draw_slide(SDL_Renderer* renderer, TextCache& cache, const Slide& slide, double opacity,
                Colour background, const std::optional<Rect>& area, SDL_Surface* pixels) {
    if (opacity <= 0.0) return;
    for (const auto& f : slide.fills) {
        if (area && !intersection(*area, f.box)) continue;
        Colour c = f.colour;
        if (opacity < 1.0 && c.a == 255) {
            c = mixed(c, background, opacity);
        } else if (opacity < 1.0) {
            c.a = scaled(c.a, opacity);
        }
        fill_rounded(renderer, f.box, c, f.radius);
    }
    for (const auto& t : slide.texts) {
        // Nothing of a line is drawn outside its ink box, so the areas damage.h names as changed
        // hold every pixel a change can touch.
        Rect ink = ink_box(t);
        auto clip = area ? intersection(*area, ink) : std::optional<Rect>(ink);
        if (!clip) continue;
        int w = 0;
        int h = 0;
        int dy = 0;
        SDL_Texture* tex = cache.get(t.text, t.style, &w, &h, &dy);
        if (tex == nullptr) continue;
        std::uint8_t alpha = scaled(255, opacity);
        Rect at{t.box.x, t.box.y + dy, w, h};
        if (alpha < 255 && pixels != nullptr) {
            // What the renderer queued must land first: the blend reads what it drew.
            SDL_RenderFlush(renderer);
            if (fade_blend(tex, w, h, pixels, at, *clip, alpha)) continue;
        }
        SDL_SetTextureAlphaMod(tex, alpha);
        SDL_Rect dst = sdl(at);
        set_clip(renderer, clip);
        SDL_RenderCopy(renderer, tex, nullptr, &dst);
    }
    set_clip(renderer, area);
}

namespace {

void draw_in(SDL_Renderer* renderer, TextCache& cache, const Theme& theme, const Slide* slide,
             double opacity, const Slide& chrome, const std::optional<Rect>& area,
             SDL_Surface* pixels) {
    set_clip(renderer, area);
    fill_rounded(renderer, area.value_or(Rect{0, 0, 1 << 15, 1 << 15}), theme.background, 0);
    if (slide != nullptr) {
        draw_slide(renderer, cache, *slide, opacity, theme.background, area, pixels);
    }
    draw_slide(renderer, cache, chrome, 1.0, theme.background, area);
    set_clip(renderer, std::nullopt);
}

}  // namespace

void draw_frame(SDL_Renderer* renderer, TextCache& cache, const Theme& theme, const Slide* slide,
                double opacity, const Slide& chrome) {
    cache.begin_frame();
    draw_in(renderer, cache, theme, slide, opacity, chrome, std::nullopt, nullptr);
}

std::vector<Rect> FramePainter::paint(SDL_Renderer* renderer, TextCache& cache, const Theme& theme,
                                      const Slide* slide, double opacity, const Slide& chrome,
                                      Size size, Mode mode, SDL_Surface* pixels) {
    std::vector<Rect> areas;
    if (mode == Mode::whole || !last_ || !(last_->size == size) ||
        !(last_->background == theme.background)) {
        areas = {Rect{0, 0, size.w, size.h}};
    } else {
        FrameView before{last_->slide ? &*last_->slide : nullptr, last_->opacity, &last_->chrome};
        FrameView after{slide, opacity, &chrome};
        areas = changed_areas(before, after, size);
        if (mode == Mode::whole_if_changed && !areas.empty()) areas = {Rect{0, 0, size.w, size.h}};
    }
    if (!areas.empty()) {
        cache.begin_frame();
        for (const auto& a : areas) {
            draw_in(renderer, cache, theme, slide, opacity, chrome, a, pixels);
        }
    }
    if (!last_) last_.emplace();
    if (slide != nullptr) {
        last_->slide = *slide;
    } else {
        last_->slide.reset();
    }
    last_->opacity = opacity;
    last_->chrome = chrome;
    last_->background = theme.background;
    last_->size = size;
    return areas;
}

}  // namespace kiosk
