// One line of text in any script as runs that SDL_ttf shapes with HarfBuzz: split where the font,
// the script or the bidi level changes, ordered by the Unicode bidi algorithm (FriBidi), each
// measured and drawn with its script and direction, all on one baseline.
//
// Internal to kiosk/render: FontSet measures and draws through here, so the layout's widths and
// the pictures agree for every script.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/slides/theme.h"

struct _TTF_Font;
struct SDL_Surface;

namespace kiosk {

class FontSet;

struct ShapedRun {
    std::string text;  // in logical order: HarfBuzz lays out a right-to-left run itself
    _TTF_Font* font = nullptr;
    bool rtl = false;
    std::array<char, 5> script{};  // ISO 15924 ("Arab", "Hani"), for TTF_SetFontScriptName
    int width = 0;                 // as SDL_ttf measures it, which is its picture's width too
};

struct ShapedLine {
    // Every character in Inter and nothing right to left (the seed's every line): measured and
    // drawn in one SDL_ttf call as before there was fallback, so those pictures stay the same.
    bool plain = true;
    std::vector<ShapedRun> runs;  // left to right as drawn; empty when plain
    int width = 0;                // the runs side by side; 0 when plain
};

// `text` as runs in `weight` at `px`. Characters no installed font has are drawn as U+FFFD and
// reported to `fonts` (FontSet::missing()).
ShapedLine shape_line(std::string_view text, Weight weight, int px, const FontSet& fonts);

// Points a font's shaping at a script ("Zzzz": unknown, SDL_ttf's default) and a direction
// before it measures or draws: SDL_ttf keeps both per font, and every line shares the fonts.
void set_shaping(_TTF_Font* font, const char* script, bool rtl);

// The runs drawn side by side in `colour` on one baseline; `baseline` is set to its y in the
// picture. Null when nothing could be drawn.
SDL_Surface* draw_runs(const ShapedLine& line, Colour colour, int* baseline);

}  // namespace kiosk
