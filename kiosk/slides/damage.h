// Where one frame differs from the next: the areas a screen must draw again, as values.
//
// A hallway screen changes little from frame to frame: the clock's minute, a rotation dot, one
// slide fading into the next while the header stands still. Drawing and sending the whole
// picture for that costs four times as much at 3840x2160 as at 1920x1080; drawing only the areas
// that changed costs what changed. These functions say which areas those are, without SDL, so
// they are tested on real decks.
#pragma once

#include <vector>

#include "kiosk/slides/slide.h"

namespace kiosk {

// One picture as the screen draws it: the background, `slide` (none: nothing) at `opacity`,
// then `chrome` over it at full opacity.
struct FrameView {
    const Slide* slide = nullptr;
    double opacity = 1.0;
    const Slide* chrome = nullptr;
};

// The box a text line may colour: its line box and a margin for glyphs that reach past it
// (accents above capitals, overhang, a fallback font's taller picture). The renderer draws
// nothing of the line outside it.
Rect ink_box(const TextRun& text);

// The areas where `after` may differ from `before`, both drawn on the same background at the
// same size: every element one frame draws and the other does not, both the old and the new
// place of a moved one, and every element of a slide whose opacity changed. Empty when the
// pictures are the same. Overlapping areas are merged, and when they would cover most of the
// screen the answer is the whole screen, `{0, 0, size.w, size.h}`.
std::vector<Rect> changed_areas(const FrameView& before, const FrameView& after, Size size);

// The smallest rectangle holding both.
Rect bounding(const Rect& a, const Rect& b);

}  // namespace kiosk
