// Inter through SDL_ttf, from bytes read once at start-up (see fonts.h).
#include "kiosk/render/fonts.h"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

#include <SDL.h>
#include <SDL_ttf.h>

#include "kiosk/core/import/text.h"
#include "kiosk/render/fallback_fonts.h"
#include "kiosk/render/shaping.h"

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

// Widths kept for lines that needed runs; past this many, or this many bytes of text, the cache
// starts again (a deck has a few hundred lines, wrapping a long title measures a few hundred
// candidates): a program of long titles cannot keep megabytes here after it is replaced.
constexpr std::size_t max_widths = 4096;

// 8 KB of text is over 2,000 characters: wider than 16,384 pixels at any size above 8 px.
constexpr std::size_t max_measured_bytes = 8192;

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

void SurfaceFree::operator()(SDL_Surface* s) const { SDL_FreeSurface(s); }

std::string code_point_name(char32_t c) {
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(c));
    return name;
}

std::string missing_glyph_warning(char32_t c) {
    return "no installed font has " + code_point_name(c) +
           "; it is drawn as a placeholder (\uFFFD). Install fonts-noto-core and "
           "fonts-noto-cjk, or a font that has it";
}

FontSet::FontSet(std::string dir)
    : dir_(std::move(dir)), fallback_(std::make_unique<FallbackFonts>()) {}

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
            int maxy = 0;
            if (TTF_GlyphMetrics32(set->first_[slot(w)].get(), 'x', nullptr, nullptr, nullptr,
                                   &maxy, nullptr) == 0) {
                set->x_height_[slot(w)] = static_cast<double>(maxy) / first_px;
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
    widths_.clear();
    width_bytes_ = 0;
    fallback_->close_sizes();
}

_TTF_Font* FontSet::fallback(char32_t c, Weight weight, int px, std::string_view lang) const {
    return fallback_->font_for(c, weight, px, lang, x_height_[slot(weight)]);
}

void FontSet::note_missing(char32_t c) const {
    if (missing_set_.insert(c).second) missing_.push_back(c);
}

std::vector<std::string> FontSet::fallback_faces() const { return fallback_->faces_opened(); }

int FontSet::width(std::string_view text, Weight weight, int px) const {
    if (text.empty()) return 0;
    // Past this many bytes a line is wider than any screen at any size the slides use; measuring
    // the rest would only cost time (and memory in the cache key). The slides cut text to what
    // fits before it gets here (wrap.h); this holds for any other caller.
    text = utf8_prefix(text, max_measured_bytes);
    bool ascii = std::all_of(text.begin(), text.end(),
                             [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    std::string key;
    if (!ascii) {
        key = std::to_string(static_cast<int>(weight)) + ' ' + std::to_string(px) + ' ';
        key += text;
        if (auto it = widths_.find(key); it != widths_.end()) return it->second;
    }
    ShapedLine line;
    if (!ascii) line = shape_line(text, weight, px, *this);
    int w = line.width;
    if (line.plain) {
        // Inter alone, measured in one call as before there were runs (see ShapedLine::plain).
        int h = 0;
        TTF_Font* f = font(weight, px);
        set_shaping(f, "Zzzz", false);
        std::string s(text);
        if (TTF_SizeUTF8(f, s.c_str(), &w, &h) != 0) w = 0;
    }
    if (!ascii) {
        if (widths_.size() >= max_widths || width_bytes_ + key.size() > width_cache_budget) {
            widths_.clear();
            width_bytes_ = 0;
        }
        width_bytes_ += key.size();
        widths_.emplace(std::move(key), w);
    }
    return w;
}

RenderedLine FontSet::render(const std::string& text, const TextStyle& style) const {
    RenderedLine out;
    if (text.empty()) return out;
    ShapedLine line = shape_line(text, style.weight, style.px, *this);
    if (line.plain) {
        SDL_Color c{style.colour.r, style.colour.g, style.colour.b, style.colour.a};
        TTF_Font* f = font(style.weight, style.px);
        set_shaping(f, "Zzzz", false);
        out.surface.reset(TTF_RenderUTF8_Blended(f, text.c_str(), c));
        return out;
    }
    int baseline = 0;
    out.surface.reset(draw_runs(line, style.colour, &baseline));
    out.dy = metrics(style.weight, style.px).ascent - baseline;
    return out;
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
