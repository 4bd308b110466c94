// The offscreen software canvas and PNG files (see canvas.h).
#include "kiosk/render/canvas.h"

#include <cstring>

#include <SDL.h>
#include <stb_image.h>

#include "kiosk/render/draw.h"
#include "kiosk/render/fonts.h"
#include "kiosk/render/text_cache.h"

namespace kiosk {

namespace {

struct SurfaceDeleter {
    void operator()(SDL_Surface* s) const { SDL_FreeSurface(s); }
};
struct RendererDeleter {
    void operator()(SDL_Renderer* r) const { SDL_DestroyRenderer(r); }
};

Diagnostic error(std::string message) {
    return Diagnostic{"", 0, Severity::error, std::move(message)};
}

}  // namespace

// Destroyed in reverse: the cache's textures before the renderer, the renderer before its surface.
struct Canvas::Parts {
    std::unique_ptr<SDL_Surface, SurfaceDeleter> surface;
    std::unique_ptr<SDL_Renderer, RendererDeleter> renderer;
    std::unique_ptr<TextCache> cache;
    FramePainter painter;
};

Result<std::unique_ptr<Canvas>> Canvas::create(Size size, const FontSet& fonts) {
    if (size.w <= 0 || size.h <= 0 || size.w > 16384 || size.h > 16384) {
        return fail(error("cannot draw a picture of " + std::to_string(size.w) + "x" +
                          std::to_string(size.h) + " pixels"));
    }
    auto parts = std::make_unique<Parts>();
    parts->surface.reset(
        SDL_CreateRGBSurfaceWithFormat(0, size.w, size.h, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!parts->surface)
        return fail(error(std::string("cannot make a picture: ") + SDL_GetError()));
    parts->renderer.reset(SDL_CreateSoftwareRenderer(parts->surface.get()));
    if (!parts->renderer) {
        return fail(error(std::string("cannot start the software renderer: ") + SDL_GetError()));
    }
    // A picture drawn once keeps every line; the budget only matters for long runs.
    parts->cache = std::make_unique<TextCache>(parts->renderer.get(), fonts, 64u << 20);
    std::unique_ptr<Canvas> canvas(new Canvas());
    canvas->parts_ = std::move(parts);
    canvas->size_ = size;
    return canvas;
}

Canvas::~Canvas() = default;

void Canvas::draw(const Theme& theme, const Slide* slide, double opacity, const Slide& chrome) {
    parts_->painter.paint(parts_->renderer.get(), *parts_->cache, theme, slide, opacity, chrome,
                          size_, FramePainter::Mode::whole, parts_->surface.get());
    SDL_RenderPresent(parts_->renderer.get());
}

std::vector<Rect> Canvas::draw_changes(const Theme& theme, const Slide* slide, double opacity,
                                       const Slide& chrome) {
    auto areas =
        parts_->painter.paint(parts_->renderer.get(), *parts_->cache, theme, slide, opacity, chrome,
                              size_, FramePainter::Mode::changes, parts_->surface.get());
    SDL_RenderPresent(parts_->renderer.get());
    return areas;
}

Image Canvas::image() const {
    SDL_Surface* s = parts_->surface.get();
    Image img{s->w, s->h, {}};
    img.rgb.resize(static_cast<std::size_t>(s->w) * static_cast<std::size_t>(s->h) * 3);
    SDL_LockSurface(s);
    for (int y = 0; y < s->h; ++y) {
        const auto* row =
            reinterpret_cast<const std::uint32_t*>(static_cast<const std::uint8_t*>(s->pixels) +
                                                   static_cast<std::ptrdiff_t>(y) * s->pitch);
        auto* out =
            img.rgb.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(s->w) * 3;
        for (int x = 0; x < s->w; ++x) {
            std::uint32_t p = row[x];  // ARGB8888: alpha in the top byte
            out[3 * x + 0] = static_cast<std::uint8_t>(p >> 16);
            out[3 * x + 1] = static_cast<std::uint8_t>(p >> 8);
            out[3 * x + 2] = static_cast<std::uint8_t>(p);
        }
    }
    SDL_UnlockSurface(s);
    return img;
}

Result<Image> read_png(const std::string& path) {
    int w = 0;
    int h = 0;
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &w, &h, &channels, 3);
    if (data == nullptr) {
        return fail(Diagnostic{path, 0, Severity::error,
                               std::string("cannot read the PNG file: ") + stbi_failure_reason()});
    }
    Image img{w, h, {}};
    img.rgb.assign(data, data + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3);
    stbi_image_free(data);
    return img;
}

}  // namespace kiosk
