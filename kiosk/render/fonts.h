// The shipped Inter fonts through SDL_ttf: read into memory once at start-up, opened lazily per
// weight and size from those bytes, and the TextMeasurer the slides lay out with, so measured and
// drawn text are the same.
//
// Nothing here reads the disk after open(): the screen runs unattended for days, and a package
// upgrade may replace or remove the font files under it.
#pragma once

#include <array>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/core/result.h"
#include "kiosk/slides/measure.h"

struct _TTF_Font;  // SDL_ttf's font handle (TTF_Font), kept out of this header

namespace kiosk {

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
    FontMetrics metrics(Weight weight, int px) const override;

    // The SDL_ttf font for a style, opened from memory on first use; never null. Should a size
    // fail to open (the bytes parsed at start-up, so it should not), the nearest size of the
    // weight already open stands in for it, and since measuring and drawing both come here the
    // layout still fits what is drawn. Valid until close_sizes() or the FontSet goes.
    _TTF_Font* font(Weight weight, int px) const;

    // The font file of a weight as read at start-up, for the staff overlay's ImGui font. Valid
    // as long as the FontSet: whoever keeps the view (the overlay) must be done with it first.
    std::string_view bytes(Weight weight) const;

    // Closes every size opened since start-up (after the screen changes size, old sizes are not
    // used again); the bytes stay.
    void close_sizes() const;
    // The folder the fonts were read from at start-up (they may be gone from it since).
    const std::string& dir() const { return dir_; }

  private:
    explicit FontSet(std::string dir) : dir_(std::move(dir)) {}
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
};

// The file name of a weight: "Inter-SemiBold.otf".
const char* font_file(Weight weight);

}  // namespace kiosk
