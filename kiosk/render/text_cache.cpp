// The text texture cache (see text_cache.h).
#include "kiosk/render/text_cache.h"

#include <SDL.h>

#include "kiosk/render/fonts.h"

namespace kiosk {

struct TextCache::Entry {
    std::string key;
    std::unique_ptr<SDL_Texture, TextureDeleter> texture;
    int w = 0;
    int h = 0;
    int dy = 0;  // the picture's top relative to the line box's (see RenderedLine)
    std::uint64_t last_frame = 0;
};

void TextCache::TextureDeleter::operator()(SDL_Texture* t) const { SDL_DestroyTexture(t); }

TextCache::TextCache(SDL_Renderer* renderer, const FontSet& fonts, std::size_t budget_bytes)
    : renderer_(renderer), fonts_(fonts), budget_(budget_bytes) {
    SDL_RendererInfo info{};
    if (SDL_GetRendererInfo(renderer_, &info) == 0) {
        software_ = (info.flags & SDL_RENDERER_SOFTWARE) != 0;
    }
}

TextCache::~TextCache() = default;

namespace {

std::string key_of(const std::string& text, const TextStyle& s) {
    std::string key;
    key.reserve(text.size() + 16);
    key += static_cast<char>('0' + static_cast<int>(s.weight));
    key += std::to_string(s.px);
    key += to_string(s.colour);
    key += '\x1f';
    key += text;
    return key;
}

}  // namespace

SDL_Texture* TextCache::get(const std::string& text, const TextStyle& style, int* w, int* h,
                            int* dy) {
    if (text.empty()) return nullptr;
    std::string key = key_of(text, style);
    if (auto it = index_.find(key); it != index_.end()) {
        lru_.splice(lru_.begin(), lru_, it->second);
        Entry& e = *it->second;
        e.last_frame = frame_;
        ++stats_.hits;
        *w = e.w;
        *h = e.h;
        if (dy != nullptr) *dy = e.dy;
        return e.texture.get();
    }
    RenderedLine line = fonts_.render(text, style);
    if (!line.surface) return nullptr;
    int sw = line.surface->w;
    int sh = line.surface->h;
    SDL_Texture* texture = nullptr;
    if (software_ && line.surface->format->format == SDL_PIXELFORMAT_ARGB8888) {
        // A software renderer keeps a streaming texture's pixels where fade_blend() can read
        // them without a copy; a static one's are out of reach.
        texture = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888,
                                    SDL_TEXTUREACCESS_STREAMING, sw, sh);
        if (texture != nullptr &&
            SDL_UpdateTexture(texture, nullptr, line.surface->pixels, line.surface->pitch) != 0) {
            SDL_DestroyTexture(texture);
            texture = nullptr;
        }
    }
    if (texture == nullptr) texture = SDL_CreateTextureFromSurface(renderer_, line.surface.get());
    line.surface.reset();
    if (texture == nullptr) return nullptr;
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    lru_.push_front(
        Entry{key, std::unique_ptr<SDL_Texture, TextureDeleter>(texture), sw, sh, line.dy, frame_});
    index_[key] = lru_.begin();
    ++stats_.renders;
    ++stats_.entries;
    stats_.bytes += static_cast<std::size_t>(sw) * static_cast<std::size_t>(sh) * 4;
    *w = sw;
    *h = sh;
    if (dy != nullptr) *dy = line.dy;
    return texture;
}

void TextCache::begin_frame() {
    while (stats_.bytes > budget_ && !lru_.empty() && lru_.back().last_frame < frame_) {
        const Entry& e = lru_.back();
        stats_.bytes -= static_cast<std::size_t>(e.w) * static_cast<std::size_t>(e.h) * 4;
        --stats_.entries;
        index_.erase(e.key);
        lru_.pop_back();
    }
    ++frame_;
}

void TextCache::clear() {
    index_.clear();
    lru_.clear();
    stats_.entries = 0;
    stats_.bytes = 0;
}

}  // namespace kiosk
