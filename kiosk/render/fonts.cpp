// Inter through SDL_ttf (see fonts.h).
#include "kiosk/render/fonts.h"

#include <filesystem>
#include <stdexcept>

#include <SDL.h>
#include <SDL_ttf.h>

namespace kiosk {

const char* font_file(Weight weight) {
    switch (weight) {
        case Weight::regular:
            return "Inter-Regular.otf";
        case Weight::medium:
            return "Inter-Medium.otf";
        case Weight::semibold:
            return "Inter-SemiBold.otf";
        case Weight::bold:
            return "Inter-Bold.otf";
    }
    return "Inter-Regular.otf";
}

void FontSet::Closer::operator()(_TTF_Font* f) const {
    // Fonts outlive nothing: TTF_Quit() may already have run at exit, when closing is moot.
    if (TTF_WasInit() != 0) TTF_CloseFont(f);
}

Result<std::unique_ptr<FontSet>> FontSet::open(const std::vector<std::string>& dirs) {
    if (TTF_WasInit() == 0 && TTF_Init() != 0) {
        return fail(Diagnostic{"", 0, Severity::error,
                               std::string("cannot start SDL_ttf: ") + TTF_GetError()});
    }
    std::string tried;
    for (const auto& dir : dirs) {
        bool all = true;
        for (Weight w : {Weight::regular, Weight::medium, Weight::semibold, Weight::bold}) {
            std::error_code ec;
            all = all &&
                  std::filesystem::is_regular_file(std::filesystem::path(dir) / font_file(w), ec);
        }
        if (all) return std::unique_ptr<FontSet>(new FontSet(dir));
        tried += "\n  " + dir;
    }
    return fail(Diagnostic{"", 0, Severity::error,
                           "cannot find the Inter fonts (Inter-Regular.otf, Inter-Medium.otf, "
                           "Inter-SemiBold.otf, Inter-Bold.otf); looked in:" +
                               tried});
}

FontSet::~FontSet() = default;

_TTF_Font* FontSet::font(Weight weight, int px) const {
    auto key = std::make_pair(weight, px);
    auto it = fonts_.find(key);
    if (it != fonts_.end()) return it->second.get();
    std::string path = (std::filesystem::path(dir_) / font_file(weight)).string();
    TTF_Font* f = TTF_OpenFont(path.c_str(), std::max(1, px));
    if (f == nullptr) {
        throw std::runtime_error("cannot open font " + path + ": " + TTF_GetError());
    }
    // Light hinting keeps Inter's shapes at large sizes and sharp stems at small ones.
    TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
    return fonts_.emplace(key, std::unique_ptr<_TTF_Font, Closer>(f)).first->second.get();
}

void FontSet::close_sizes() const {
    fonts_.clear();
    metrics_.clear();
}

int FontSet::width(std::string_view text, Weight weight, int px) const {
    if (text.empty()) return 0;
    int w = 0;
    int h = 0;
    std::string s(text);
    if (TTF_SizeUTF8(font(weight, px), s.c_str(), &w, &h) != 0) return 0;
    return w;
}

FontMetrics FontSet::metrics(Weight weight, int px) const {
    auto key = std::make_pair(weight, px);
    if (auto it = metrics_.find(key); it != metrics_.end()) return it->second;
    TTF_Font* f = font(weight, px);
    FontMetrics m;
    m.height = TTF_FontHeight(f);
    m.ascent = TTF_FontAscent(f);
    int minx = 0, maxx = 0, miny = 0, maxy = 0, advance = 0;
    if (TTF_GlyphMetrics32(f, 'H', &minx, &maxx, &miny, &maxy, &advance) == 0) m.cap_height = maxy;
    metrics_.emplace(key, m);
    return m;
}

}  // namespace kiosk
