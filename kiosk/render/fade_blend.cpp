// Text blended at an opacity into software pixels (see fade_blend.h).
#include "kiosk/render/fade_blend.h"

#include <algorithm>

#include <SDL.h>

namespace kiosk {

namespace {

// One row: d = s·a + d·(1 − a), two channels at a time, with a = s's alpha × alpha / 255 on a
// scale of 256. The destination's top byte (X or an opaque A) is kept.
void blend_row(const std::uint32_t* src, std::uint32_t* dst, int n, std::uint32_t alpha) {
    for (int x = 0; x < n; ++x) {
        std::uint32_t s = src[x];
        std::uint32_t a = ((s >> 24) * alpha) >> 8;
        if (a == 0) continue;
        std::uint32_t d = dst[x];
        std::uint32_t ia = 256 - a;
        std::uint32_t rb = (((s & 0xFF00FFu) * a + (d & 0xFF00FFu) * ia) >> 8) & 0xFF00FFu;
        std::uint32_t g = (((s & 0x00FF00u) * a + (d & 0x00FF00u) * ia) >> 8) & 0x00FF00u;
        dst[x] = (d & 0xFF000000u) | rb | g;
    }
}

}  // namespace

bool fade_blend(SDL_Texture* texture, int w, int h, SDL_Surface* dst, Rect at, Rect clip,
                std::uint8_t alpha) {
    if (texture == nullptr || dst == nullptr) return false;
    Uint32 format = 0;
    int access = 0;
    if (SDL_QueryTexture(texture, &format, &access, nullptr, nullptr) != 0) return false;
    if (format != SDL_PIXELFORMAT_ARGB8888 || access != SDL_TEXTUREACCESS_STREAMING) return false;
    Uint32 dst_format = dst->format->format;
    if (dst_format != SDL_PIXELFORMAT_RGB888 && dst_format != SDL_PIXELFORMAT_ARGB8888) {
        return false;
    }
    // What of the line lands inside the clip and the surface.
    int x0 = std::max({at.x, clip.x, 0});
    int y0 = std::max({at.y, clip.y, 0});
    int x1 = std::min({at.x + w, clip.right(), dst->w});
    int y1 = std::min({at.y + h, clip.bottom(), dst->h});
    if (x1 <= x0 || y1 <= y0) return true;
    void* pixels = nullptr;
    int pitch = 0;
    // A software renderer's streaming texture hands out its own pixels: nothing is copied.
    if (SDL_LockTexture(texture, nullptr, &pixels, &pitch) != 0) return false;
    bool locked_dst = SDL_MUSTLOCK(dst);
    if (locked_dst && SDL_LockSurface(dst) != 0) {
        SDL_UnlockTexture(texture);
        return false;
    }
    std::uint32_t scale = alpha + (alpha >> 7);  // 0..256
    for (int y = y0; y < y1; ++y) {
        const auto* s =
            reinterpret_cast<const std::uint32_t*>(static_cast<const std::uint8_t*>(pixels) +
                                                   static_cast<std::ptrdiff_t>(y - at.y) * pitch) +
            (x0 - at.x);
        auto* d = reinterpret_cast<std::uint32_t*>(static_cast<std::uint8_t*>(dst->pixels) +
                                                   static_cast<std::ptrdiff_t>(y) * dst->pitch) +
                  x0;
        blend_row(s, d, x1 - x0, scale);
    }
    if (locked_dst) SDL_UnlockSurface(dst);
    SDL_UnlockTexture(texture);
    return true;
}

}  // namespace kiosk
