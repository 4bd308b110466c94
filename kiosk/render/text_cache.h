// Text rendered once into textures and reused: a line is re-rendered only when its text or style
// changes, so a line shaped in runs of several fonts is shaped once, not every frame. Bounded by
// bytes; textures not drawn in the latest frames go first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>

#include "kiosk/slides/theme.h"

struct SDL_Renderer;
struct SDL_Texture;

namespace kiosk {

class FontSet;

struct TextCacheStats {
    std::size_t entries = 0;
    std::size_t bytes = 0;    // pixels held, at four bytes a pixel
    std::size_t renders = 0;  // lines rendered since the cache was made
    std::size_t hits = 0;
};

class TextCache {
  public:
    // `budget_bytes`: texture memory kept beyond the current frame's needs.
    TextCache(SDL_Renderer* renderer, const FontSet& fonts, std::size_t budget_bytes);
    ~TextCache();
    TextCache(const TextCache&) = delete;
    TextCache& operator=(const TextCache&) = delete;

    // The texture of one line, in any script; null for empty text or when SDL could not make
    // it. `dy` (when asked) is where its top goes relative to the line box's top: 0 for Inter
    // alone, negative when a fallback font reaches above Inter's ascent. The texture stays valid
    // until the next begin_frame().
    SDL_Texture* get(const std::string& text, const TextStyle& style, int* w, int* h,
                     int* dy = nullptr);

    // Marks a new frame: evicts the least recently drawn lines while over budget, never one
    // drawn in the frame that just ended.
    void begin_frame();
    void clear();
    TextCacheStats stats() const { return stats_; }

  private:
    struct Entry;
    struct TextureDeleter {
        void operator()(SDL_Texture* t) const;
    };
    SDL_Renderer* renderer_;
    const FontSet& fonts_;
    std::size_t budget_;
    bool software_ = false;  // SDL's software renderer: textures whose pixels fade_blend() reads
    std::uint64_t frame_ = 0;
    std::list<Entry> lru_;  // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> index_;
    TextCacheStats stats_;
};

}  // namespace kiosk
