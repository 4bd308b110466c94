// The shipped Inter fonts through SDL_ttf: read into memory once at start-up, opened lazily per
// weight and size from those bytes, and the TextMeasurer the slides lay out with, so measured and
// drawn text are the same.
//
// Inter draws Latin, Greek and Cyrillic. A line with characters Inter lacks (Chinese, Arabic,
// Devanagari…) is split into runs, each drawn with an installed font that has them (see
// fallback_fonts.h and shaping.h); measuring goes the same way, so layout fits in every script.
//
// Inter is never read from the disk after open(): the screen runs unattended for days, and a
// package upgrade may replace or remove the font files under it. Fallback fonts are opened from
// their files when a line first needs them (one Noto CJK weight is 20 MB).
#pragma once

#include <array>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kiosk/core/result.h"
#include "kiosk/slides/measure.h"

struct _TTF_Font;  // SDL_ttf's font handle (TTF_Font), kept out of this header
struct SDL_Surface;

namespace kiosk {

class FallbackFonts;

struct SurfaceFree {
    void operator()(SDL_Surface* s) const;
};

// One line drawn: its picture in the text's colour (alpha is coverage) and where to put it.
struct RenderedLine {
    std::unique_ptr<SDL_Surface, SurfaceFree> surface;  // null for empty text or on failure
    // The picture's top relative to the line box's top: 0 for Inter alone; negative when a
    // fallback font reaches higher above the shared baseline than Inter does.
    int dy = 0;
};

class FontSet : public TextMeasurer {
  public:
    // Reads Inter-{Regular,Medium,SemiBold,Bold}.otf from the first of `dirs` where all four
    // read and open as fonts; the error names every folder tried (and why a folder that has the
    // files was passed over).
    static Result<std::unique_ptr<FontSet>> open(const std::vector<std::string>& dirs);
    ~FontSet() override;
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    int width(std::string_view text, Weight weight, int px) const override;
    // Bytes of text the width cache holds now; never over width_cache_budget.
    std::size_t width_cache_bytes() const { return width_bytes_; }
    static constexpr std::size_t width_cache_budget = std::size_t{1} << 20;
    // Inter's, whatever the script: every line's box is Inter's, and runs in other fonts share
    // its baseline, so a slide's grid is the same in every language.
    FontMetrics metrics(Weight weight, int px) const override;

    // One line in `style`, in any script (see shaping.h).
    RenderedLine render(const std::string& text, const TextStyle& style) const;

    // A font for a character Inter lacks, its size matched to Inter's x-height at `px`; null
    // when no installed font has it. `lang` picks Chinese, Japanese or Korean Han forms.
    _TTF_Font* fallback(char32_t c, Weight weight, int px, std::string_view lang) const;

    // Characters no installed font has, in the order first met; each is drawn as a placeholder
    // ("�") and said here once, for `kiosk render` and the status file to warn about.
    const std::vector<char32_t>& missing() const { return missing_; }
    void note_missing(char32_t c) const;
    // The fallback faces opened so far, as "file:index".
    std::vector<std::string> fallback_faces() const;

    // The SDL_ttf font for a style, opened from memory on first use; never null. Should a size
    // fail to open (the bytes parsed at start-up, so it should not), the nearest size of the
    // weight already open stands in for it, and since measuring and drawing both come here the
    // layout still fits what is drawn. Valid until close_sizes() or the FontSet goes.
    _TTF_Font* font(Weight weight, int px) const;

    // The font file of a weight as read at start-up, for the staff overlay's ImGui font. Valid
    // as long as the FontSet: whoever keeps the view (the overlay) must be done with it first.
    std::string_view bytes(Weight weight) const;

    // Closes every size opened since start-up, fallbacks too (after the screen changes size, old
    // sizes are not used again); the bytes stay.
    void close_sizes() const;
    // The folder the fonts were read from at start-up (they may be gone from it since).
    const std::string& dir() const { return dir_; }

  private:
    explicit FontSet(std::string dir);
    struct Closer {
        void operator()(_TTF_Font* f) const;
    };
    using Font = std::unique_ptr<_TTF_Font, Closer>;
    using Key = std::pair<Weight, int>;  // weight, px

    std::string dir_;
    // Declared before every font: an open font reads its glyphs from these bytes, so they must
    // be freed after the fonts are closed.
    std::array<std::string, 4> bytes_;
    // Each weight opened at start-up to check that it parses, and kept: the stand-in of last
    // resort, which close_sizes() leaves open, so font() always has one.
    std::array<Font, 4> first_;
    mutable std::map<Key, Font> fonts_;
    // Sizes that failed to open, and the open font standing in for each (owned by fonts_ or
    // first_), so a failing size is tried once rather than on every measurement.
    mutable std::map<Key, _TTF_Font*> stand_ins_;
    mutable std::map<Key, FontMetrics> metrics_;
    std::array<double, 4> x_height_{};  // Inter's x-height per weight, as a share of the em
    std::unique_ptr<FallbackFonts> fallback_;
    // Widths of lines with characters beyond ASCII, whose fonts take a pass over the line to
    // find, and which wrapping measures again and again; bounded.
    mutable std::unordered_map<std::string, int> widths_;
    mutable std::size_t width_bytes_ = 0;  // the keys' bytes
    mutable std::vector<char32_t> missing_;
    mutable std::set<char32_t> missing_set_;
};

// "U+1F9FF" for a code point.
std::string code_point_name(char32_t c);
// The warning for a character no installed font has: what it is, how it is drawn, what to do.
std::string missing_glyph_warning(char32_t c);

// The file name of a weight: "Inter-SemiBold.otf".
const char* font_file(Weight weight);

}  // namespace kiosk
