// Fonts for the characters Inter lacks (Chinese, Arabic, Devanagari, Hebrew…), found through
// fontconfig among the installed fonts, Noto first, and opened only when a line needs them.
//
// Internal to kiosk/render (FontSet owns one). Unlike Inter, these are opened from their files
// when first needed, not read into memory at start-up: one Noto CJK weight is 20 MB, and a
// screen whose program is all Latin never opens it. A file that has gone (a package upgrade)
// only means that face is not used: the character goes on to the next font, or the placeholder.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/slides/theme.h"

struct _TTF_Font;

namespace kiosk {

class FallbackFonts {
  public:
    FallbackFonts();
    ~FallbackFonts();
    FallbackFonts(const FallbackFonts&) = delete;
    FallbackFonts& operator=(const FallbackFonts&) = delete;

    // A font that has `c`, in the installed face nearest `weight`, at the size whose x-height
    // matches Inter's at `px` (`inter_x_height`: Inter's x-height as a share of the em), so a
    // mixed line looks like one size. `lang` ("zh-cn", "ja", "ko" or empty) picks among the
    // faces that draw the same Han character differently. Null when no installed font has it.
    _TTF_Font* font_for(char32_t c, Weight weight, int px, std::string_view lang,
                        double inter_x_height);

    // Closes every size opened (the faces found stay known).
    void close_sizes();

    // The faces opened so far, as "file:index" (for tests and the measurements).
    std::vector<std::string> faces_opened() const;

  private:
    struct Face;
    // The face of `weight` and `lang` that has `c`, asking fontconfig when none known has it;
    // null when no installed font has it.
    Face* face_for(char32_t c, Weight weight, std::string_view lang);
    Face* ask_fontconfig(char32_t c, Weight weight, std::string_view lang);
    _TTF_Font* size_of(Face& face, int px, double inter_x_height);

    struct Config;
    std::unique_ptr<Config> config_;  // fontconfig's, loaded on the first question
    std::vector<std::unique_ptr<Face>> faces_;
    // Characters no installed font has, per weight: fontconfig is asked once, not every frame.
    std::set<std::pair<Weight, char32_t>> none_;
};

}  // namespace kiosk
