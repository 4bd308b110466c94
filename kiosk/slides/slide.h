// A laid-out slide: filled rectangles and single lines of text at pixel positions, ready to draw.
//
// Everything the renderer needs is here as values, so tests can inspect a slide without SDL:
// where each line is, in which style, on which background, and what did not fit.
#pragma once

#include <string>
#include <vector>

#include "kiosk/slides/theme.h"

namespace kiosk {

struct Size {
    int w = 0;
    int h = 0;

    bool operator==(const Size&) const = default;
};

struct Rect {
    int x = 0;
    int y = 0;
    int w = 0;
    int h = 0;

    int right() const { return x + w; }
    int bottom() const { return y + h; }
    bool operator==(const Rect&) const = default;
};

bool overlaps(const Rect& a, const Rect& b);
bool contains(const Rect& outer, const Rect& inner);

// One line of text; `box` is the rendered line's box (measured width, the font's line height).
struct TextRun {
    Rect box;
    std::string text;
    TextStyle style;
    Colour background;  // what it is drawn on, for the contrast check

    bool operator==(const TextRun&) const = default;
};

// A filled rectangle; `radius` rounds its corners (a chip, a panel, a rotation dot).
struct Fill {
    Rect box;
    Colour colour;
    int radius = 0;

    bool operator==(const Fill&) const = default;
};

enum class SlideKind {
    now,           // "Now in ‹room›": the session on now (or the next one here), talk on stage
    up_next,       // the coming sessions in this room
    talk,          // one talk of the current session: label, speakers, abstract
    around,        // on now and next elsewhere, and venue-wide events
    later,         // the rest of today here, "time to be announced" included
    tomorrow,      // the first sessions of the next program day
    status,        // before/after the conference, between days, no program loaded
    announcement,  // a staff message that interrupts the rotation
    overview,      // every room's now and next (an entrance screen); one page of rows each
    chrome,        // not a slide: the header band and rotation indicator on every slide
};

const char* to_string(SlideKind k);

// Layout trouble found while placing elements; tests require none for real programs.
struct LayoutProblem {
    std::string what;  // "text 'Outstanding Papers' leaves the screen at x=1990"

    bool operator==(const LayoutProblem&) const = default;
};

struct Slide {
    SlideKind kind = SlideKind::status;
    std::string name;            // file-name friendly and stable across rebuilds: "now", "talk-2"
    std::vector<Fill> fills;     // drawn first, in order
    std::vector<TextRun> texts;  // drawn over the fills
    std::vector<LayoutProblem> problems;

    bool operator==(const Slide&) const = default;
};

// Adds a problem for every element outside `area` and every pair of overlapping text runs.
void check_layout(Slide& slide, const Rect& area);

}  // namespace kiosk
