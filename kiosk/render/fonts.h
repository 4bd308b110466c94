// The shipped Inter fonts through SDL_ttf: opened lazily per weight and size, and the
// TextMeasurer the slides lay out with, so measured and drawn text are the same.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/core/result.h"
#include "kiosk/slides/measure.h"

struct _TTF_Font;  // SDL_ttf's font handle (TTF_Font), kept out of this header

namespace kiosk {

class FontSet : public TextMeasurer {
  public:
    // Looks for Inter-{Regular,Medium,SemiBold,Bold}.otf in the first of `dirs` that has all four;
    // the error names every folder tried.
    static Result<std::unique_ptr<FontSet>> open(const std::vector<std::string>& dirs);
    ~FontSet() override;
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;

    int width(std::string_view text, Weight weight, int px) const override;
    FontMetrics metrics(Weight weight, int px) const override;

    // The SDL_ttf font for a style, opened on first use; never null once open() succeeded
    // (a font that fails to open at some size throws: the files were checked at start-up).
    _TTF_Font* font(Weight weight, int px) const;

    // Closes every opened size (after the screen changes size, old sizes are not used again).
    void close_sizes() const;
    const std::string& dir() const { return dir_; }

  private:
    explicit FontSet(std::string dir) : dir_(std::move(dir)) {}
    struct Closer {
        void operator()(_TTF_Font* f) const;
    };
    std::string dir_;
    mutable std::map<std::pair<Weight, int>, std::unique_ptr<_TTF_Font, Closer>> fonts_;
    mutable std::map<std::pair<Weight, int>, FontMetrics> metrics_;
};

// The file name of a weight: "Inter-SemiBold.otf".
const char* font_file(Weight weight);

}  // namespace kiosk
