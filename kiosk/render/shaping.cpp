// Runs, their bidi order and one picture of them (see shaping.h).
#include "kiosk/render/shaping.h"

#include <algorithm>
#include <memory>

#include <SDL.h>
#include <SDL_ttf.h>
#include <fribidi.h>
#include <hb.h>

#include "kiosk/render/fonts.h"
#include "kiosk/slides/unicode.h"

namespace kiosk {

namespace {

constexpr char32_t placeholder = 0xFFFD;  // "�", for a character no installed font has

bool in_font(TTF_Font* font, char32_t c) { return TTF_GlyphIsProvided32(font, c) != 0; }

bool in_inter(TTF_Font* inter, char32_t c) {
    // Printable ASCII is all in Inter: most characters of any program skip the lookup.
    return (c >= 0x20 && c < 0x7F) || in_font(inter, c);
}

bool needs_bidi(char32_t c) {
    if (c < 0x80) return false;
    FriBidiCharType t = fribidi_get_bidi_type(c);
    return FRIBIDI_IS_RTL(t) || FRIBIDI_IS_ARABIC(t) || FRIBIDI_IS_EXPLICIT(t) ||
           FRIBIDI_IS_ISOLATE(t);
}

bool is_kana(char32_t c) {
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
           (c >= 0xFF66 && c <= 0xFF9F);
}
bool is_hangul(char32_t c) {
    return (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) ||
           (c >= 0x3130 && c <= 0x318F);
}
// Chinese, Japanese and Korean fonts draw the same Han character differently. A line with kana
// is Japanese and one with Hangul Korean; any other is taken for Chinese (simplified, as most
// Chinese names in programs are written): a Japanese name in kanji alone gets Chinese forms,
// still legible, where guessing from a name is impossible.
std::string_view cjk_language(const std::u32string& chars) {
    if (std::any_of(chars.begin(), chars.end(), is_kana)) return "ja";
    if (std::any_of(chars.begin(), chars.end(), is_hangul)) return "ko";
    return "zh-cn";
}

std::vector<FriBidiLevel> bidi_levels(const std::u32string& chars, TextDirection base) {
    const FriBidiLevel base_level = base == TextDirection::rtl ? 1 : 0;
    std::vector<FriBidiChar> str(chars.begin(), chars.end());
    auto n = static_cast<FriBidiStrIndex>(str.size());
    std::vector<FriBidiCharType> types(str.size());
    std::vector<FriBidiBracketType> brackets(str.size());
    std::vector<FriBidiLevel> levels(str.size(), base_level);
    fribidi_get_bidi_types(str.data(), n, types.data());
    fribidi_get_bracket_types(str.data(), n, types.data(), brackets.data());
    FriBidiParType dir = base == TextDirection::rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    if (fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &dir,
                                            levels.data()) == 0) {
        // FriBidi ran out of memory: the line keeps its logical order, in its base direction.
        std::fill(levels.begin(), levels.end(), base_level);
    }
    return levels;
}

bool weak_script(hb_script_t s) {
    return s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED || s == HB_SCRIPT_UNKNOWN;
}

// Each character's script, where spaces, digits, punctuation and combining marks take the script
// of the text they are in: the one before them, or, opening the line, the first one after.
std::vector<hb_script_t> scripts_of(const std::u32string& chars) {
    hb_unicode_funcs_t* funcs = hb_unicode_funcs_get_default();
    std::vector<hb_script_t> s(chars.size());
    std::vector<bool> weak(chars.size());
    for (std::size_t i = 0; i < chars.size(); ++i) {
        s[i] = hb_unicode_script(funcs, chars[i]);
        weak[i] = weak_script(s[i]);
    }
    hb_script_t last = HB_SCRIPT_UNKNOWN;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!weak[i])
            last = s[i];
        else if (!weak_script(last))
            s[i] = last;
    }
    hb_script_t next = HB_SCRIPT_UNKNOWN;
    for (std::size_t i = s.size(); i-- > 0;) {
        if (!weak_script(s[i]))
            next = s[i];
        else
            s[i] = next;
    }
    return s;
}

std::array<char, 5> script_name(hb_script_t script) {
    hb_tag_t tag = hb_script_to_iso15924_tag(script);
    if (tag == HB_TAG_NONE) tag = HB_TAG('Z', 'z', 'z', 'z');
    return {static_cast<char>(tag >> 24), static_cast<char>((tag >> 16) & 0xFF),
            static_cast<char>((tag >> 8) & 0xFF), static_cast<char>(tag & 0xFF), '\0'};
}

// The font that draws chars[i]. A combining mark stays with the character it sits on; anything
// else Inter has is Inter's, so spaces, digits and punctuation look the same all over the
// slide ("Hall 東 · on now" keeps Inter's "·"); a space, digit or punctuation mark Inter lacks
// stays in the font before it when that has it (an Arabic comma, a Devanagari danda); the rest
// comes from a fallback. A character no font has becomes the placeholder, reported once.
TTF_Font* font_of(std::u32string& chars, std::size_t i, hb_script_t script, TTF_Font* before,
                  Weight weight, int px, const FontSet& fonts, std::string_view cjk_lang) {
    char32_t c = chars[i];
    TTF_Font* inter = fonts.font(weight, px);
    bool can_stay = before != nullptr && in_font(before, c);
    if (script == HB_SCRIPT_INHERITED && can_stay) return before;
    if (in_inter(inter, c)) return inter;
    if (weak_script(script) && can_stay) return before;
    std::string_view lang = is_cjk(c) ? cjk_lang : std::string_view{};
    if (TTF_Font* f = fonts.fallback(c, weight, px, lang)) return f;
    fonts.note_missing(c);
    chars[i] = placeholder;
    if (in_inter(inter, placeholder)) return inter;
    // Inter has no U+FFFD; without any font that has it, Inter's own empty box stands in.
    TTF_Font* f = fonts.fallback(placeholder, weight, px, {});
    return f != nullptr ? f : inter;
}

// L2 of the bidi algorithm on whole runs: from the highest level down to the lowest odd one,
// every stretch of runs at that level or above is reversed.
void visual_order(std::vector<ShapedRun>& runs, std::vector<FriBidiLevel>& levels) {
    if (levels.empty()) return;
    FriBidiLevel highest = *std::max_element(levels.begin(), levels.end());
    FriBidiLevel lowest = *std::min_element(levels.begin(), levels.end());
    FriBidiLevel lowest_odd = static_cast<FriBidiLevel>(lowest | 1);
    for (FriBidiLevel level = highest; level >= lowest_odd && level > 0; --level) {
        std::size_t i = 0;
        while (i < runs.size()) {
            if (levels[i] < level) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < runs.size() && levels[j] >= level) ++j;
            std::reverse(runs.begin() + static_cast<std::ptrdiff_t>(i),
                         runs.begin() + static_cast<std::ptrdiff_t>(j));
            std::reverse(levels.begin() + static_cast<std::ptrdiff_t>(i),
                         levels.begin() + static_cast<std::ptrdiff_t>(j));
            i = j;
        }
    }
}

bool is_plain(const std::u32string& chars, TTF_Font* inter) {
    return std::all_of(chars.begin(), chars.end(),
                       [&](char32_t c) { return !needs_bidi(c) && in_inter(inter, c); });
}

}  // namespace

void set_shaping(_TTF_Font* font, const char* script, bool rtl) {
    TTF_SetFontScriptName(font, script);
    TTF_SetFontDirection(font, rtl ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
}

ShapedLine shape_line(std::string_view text, Weight weight, int px, const FontSet& fonts) {
    ShapedLine out;
    std::u32string chars = decode_utf8(text);
    if (is_plain(chars, fonts.font(weight, px))) return out;
    out.plain = false;
    auto levels = bidi_levels(chars, base_direction(text));
    auto scripts = scripts_of(chars);
    std::string_view cjk_lang = cjk_language(chars);
    hb_unicode_funcs_t* funcs = hb_unicode_funcs_get_default();
    std::vector<FriBidiLevel> run_levels;
    TTF_Font* before = nullptr;
    std::size_t start = 0;
    for (std::size_t i = 0; i < chars.size(); ++i) {
        hb_script_t own = hb_unicode_script(funcs, chars[i]);
        TTF_Font* f = font_of(chars, i, own, before, weight, px, fonts, cjk_lang);
        bool same = !out.runs.empty() && f == before && levels[i] == levels[i - 1] &&
                    scripts[i] == scripts[i - 1];
        if (!same) {
            if (!out.runs.empty()) out.runs.back().text = encode_utf8({&chars[start], i - start});
            out.runs.push_back({"", f, (levels[i] & 1) != 0, script_name(scripts[i]), 0});
            run_levels.push_back(levels[i]);
            start = i;
        }
        before = f;
    }
    if (!out.runs.empty()) {
        out.runs.back().text = encode_utf8({&chars[start], chars.size() - start});
    }
    for (auto& run : out.runs) {
        int h = 0;
        set_shaping(run.font, run.script.data(), run.rtl);
        if (TTF_SizeUTF8(run.font, run.text.c_str(), &run.width, &h) != 0) run.width = 0;
        out.width += run.width;
    }
    visual_order(out.runs, run_levels);
    return out;
}

namespace {

struct SurfaceFree {
    void operator()(SDL_Surface* s) const { SDL_FreeSurface(s); }
};
using Surface = std::unique_ptr<SDL_Surface, SurfaceFree>;

// Where a run's baseline is in its picture: at the font's ascent, unless SDL_ttf grew the picture
// upwards for a glyph reaching above it (stacked Arabic marks, a tall accent), which it does not
// report; the tallest glyph of the run says by how much.
int baseline_in(const ShapedRun& run, const SDL_Surface* s) {
    int ascent = TTF_FontAscent(run.font);
    if (s->h <= TTF_FontHeight(run.font)) return ascent;
    int top = ascent;
    for (char32_t c : decode_utf8(run.text)) {
        int maxy = 0;
        if (TTF_GlyphMetrics32(run.font, c, nullptr, nullptr, nullptr, &maxy, nullptr) == 0) {
            top = std::max(top, maxy);
        }
    }
    return std::min(top, s->h);
}

// Adds a run's coverage to the line's picture at (x, y). Both hold the text's colour in every
// pixel and differ only in alpha, so the larger alpha wins where runs touch (blending onto the
// transparent picture would darken the anti-aliased edges).
void add_coverage(const SDL_Surface* run, SDL_Surface* line, int x, int y) {
    for (int row = 0; row < run->h; ++row) {
        int ly = y + row;
        if (ly < 0 || ly >= line->h) continue;
        const auto* src = reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(run->pixels) +
                                                          std::ptrdiff_t{row} * run->pitch);
        auto* dst = reinterpret_cast<Uint32*>(static_cast<Uint8*>(line->pixels) +
                                              std::ptrdiff_t{ly} * line->pitch);
        for (int col = 0; col < run->w; ++col) {
            int lx = x + col;
            if (lx < 0 || lx >= line->w) continue;
            Uint32 alpha = std::max(src[col] >> 24, dst[lx] >> 24);
            dst[lx] = (alpha << 24) | (dst[lx] & 0x00FFFFFFu);
        }
    }
}

}  // namespace

SDL_Surface* draw_runs(const ShapedLine& line, Colour colour, int* baseline) {
    struct Drawn {
        Surface picture;
        int x = 0;
        int base = 0;
    };
    SDL_Color fg{colour.r, colour.g, colour.b, colour.a};
    std::vector<Drawn> drawn;
    int x = 0;
    int above = 0;
    int below = 0;
    for (const auto& run : line.runs) {
        set_shaping(run.font, run.script.data(), run.rtl);
        Surface s(TTF_RenderUTF8_Blended(run.font, run.text.c_str(), fg));
        // A run of spaces draws nothing: it only moves the next run along.
        if (s && s->format->format == SDL_PIXELFORMAT_ARGB8888) {
            int base = baseline_in(run, s.get());
            above = std::max(above, base);
            below = std::max(below, s->h - base);
            drawn.push_back({std::move(s), x, base});
        }
        x += run.width;
    }
    if (drawn.empty() || x <= 0 || above + below <= 0) return nullptr;
    SDL_Surface* out =
        SDL_CreateRGBSurfaceWithFormat(0, x, above + below, 32, SDL_PIXELFORMAT_ARGB8888);
    if (out == nullptr) return nullptr;
    Uint32 clear = (Uint32{colour.r} << 16) | (Uint32{colour.g} << 8) | Uint32{colour.b};
    SDL_FillRect(out, nullptr, clear);
    SDL_LockSurface(out);
    for (const auto& d : drawn) {
        SDL_LockSurface(d.picture.get());
        add_coverage(d.picture.get(), out, d.x, above - d.base);
        SDL_UnlockSurface(d.picture.get());
    }
    SDL_UnlockSurface(out);
    *baseline = above;
    return out;
}

}  // namespace kiosk
