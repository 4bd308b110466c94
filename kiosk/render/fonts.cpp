// Inter through SDL_ttf, from bytes read once at start-up (see fonts.h).
#include "kiosk/render/fonts.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

#include <SDL.h>
#include <SDL_ttf.h>

namespace kiosk {

namespace {

constexpr std::array<Weight, 4> weights = {Weight::regular, Weight::medium, Weight::semibold,
                                           Weight::bold};

// The size each weight is first opened at: any size proves the bytes parse; this one is also the
// stand-in of last resort, so it is a readable one.
constexpr int first_px = 48;

std::size_t slot(Weight weight) { return static_cast<std::size_t>(weight); }

// A whole file, or nothing when it cannot be read.
std::optional<std::string> read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return std::nullopt;
    return bytes;
}

// One size of a font from its bytes; null when SDL_ttf cannot open it (TTF_GetError() says
// why). The font reads glyphs through the RWops while it is open, so `bytes` must outlive it;
// freesrc = 1 closes the RWops with the font, or at once when opening fails.
TTF_Font* open_from(std::string_view bytes, int px) {
    // SDL and ImGui take the size as an int; a font file is far smaller.
    if (bytes.empty() || bytes.size() > static_cast<std::size_t>(INT_MAX)) return nullptr;
    SDL_RWops* rw = SDL_RWFromConstMem(bytes.data(), static_cast<int>(bytes.size()));
    if (rw == nullptr) return nullptr;
    TTF_Font* f = TTF_OpenFontRW(rw, 1, std::max(1, px));
    // Light hinting keeps Inter's shapes at large sizes and sharp stems at small ones.
    if (f != nullptr) TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
    return f;
}

}  // namespace

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
        for (Weight w : weights) {
            std::error_code ec;
            all = all &&
                  std::filesystem::is_regular_file(std::filesystem::path(dir) / font_file(w), ec);
        }
        tried += "\n  " + dir;
        if (!all) continue;
        // All four are there: read them now, once, and check each opens, so that a broken file
        // is found at start-up and nothing in the render loop depends on the disk.
        std::unique_ptr<FontSet> set(new FontSet(dir));
        std::string why;
        for (Weight w : weights) {
            auto bytes = read_all(std::filesystem::path(dir) / font_file(w));
            if (!bytes) {
                why = std::string("cannot read ") + font_file(w);
                break;
            }
            set->bytes_[slot(w)] = std::move(*bytes);
            set->first_[slot(w)].reset(open_from(set->bytes_[slot(w)], first_px));
            if (!set->first_[slot(w)]) {
                why =
                    std::string(font_file(w)) + " does not open as a font (" + TTF_GetError() + ")";
                break;
            }
        }
        if (why.empty()) return set;
        tried += " (" + why + ")";
    }
    return fail(Diagnostic{"", 0, Severity::error,
                           "cannot find the Inter fonts (Inter-Regular.otf, Inter-Medium.otf, "
                           "Inter-SemiBold.otf, Inter-Bold.otf); looked in:" +
                               tried});
}

FontSet::~FontSet() = default;

std::string_view FontSet::bytes(Weight weight) const { return bytes_[slot(weight)]; }

_TTF_Font* FontSet::font(Weight weight, int px) const {
    const Key key{weight, px};
    if (auto it = fonts_.find(key); it != fonts_.end()) return it->second.get();
    if (auto it = stand_ins_.find(key); it != stand_ins_.end()) return it->second;
    if (TTF_Font* f = open_from(bytes(weight), px)) {
        return fonts_.emplace(key, Font(f)).first->second.get();
    }
    // Not expected (the bytes parsed at start-up), but the loop must go on drawing: the nearest
    // size of this weight that is open, else the one opened at start-up.
    // (Gaps in long long: a size far out either way must not overflow the subtraction.)
    auto gap_to = [px](int size) { return std::llabs(static_cast<long long>(size) - px); };
    TTF_Font* best = first_[slot(weight)].get();
    long long best_gap = gap_to(first_px);
    auto consider = [&](std::map<Key, Font>::const_iterator it) {
        if (it == fonts_.end() || it->first.first != weight) return;
        if (long long gap = gap_to(it->first.second); gap < best_gap) {
            best = it->second.get();
            best_gap = gap;
        }
    };
    auto above = fonts_.lower_bound(key);
    consider(above);
    if (above != fonts_.begin()) consider(std::prev(above));
    stand_ins_.emplace(key, best);
    return best;
}

void FontSet::close_sizes() const {
    // Stand-ins point into fonts_: they go with it.
    stand_ins_.clear();
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
