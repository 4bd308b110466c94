// The Painter: places lines, paragraphs, chips, fills, headings and footers on a slide.
//
// Internal to kiosk/slides. Every slide is drawn through one, so text is measured, wrapped, cut
// with "…" and checked for fit the same way everywhere; what does not fit becomes a
// LayoutProblem on the slide rather than text drawn out of its box.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kiosk/slides/deck.h"
#include "kiosk/slides/measure.h"
#include "kiosk/slides/slide.h"
#include "kiosk/slides/theme.h"
#include "kiosk/slides/tokens.h"

namespace kiosk::deck_parts {

// The count for this screen's orientation (portrait: taller than wide).
int by_orientation(const Geometry& g, tokens::ByOrientation n);

// Where a line sits in a box wider than it.
enum class Align {
    reading,  // by its reading direction: a mostly right-to-left line (Arabic, Hebrew) at the
              // box's right edge, any other at its left; the slide's grid stays left to right
    start,    // at the left edge whatever the script: a label with more on its line after it
};

class Painter {
  public:
    Painter(Slide& slide, const Geometry& g, const Theme& theme, const TextMeasurer& measure)
        : slide_(slide), g_(g), theme_(theme), measure_(measure) {}

    const Geometry& g() const { return g_; }
    const Theme& theme() const { return theme_; }
    const TextMeasurer& measure() const { return measure_; }

    TextStyle style(Weight w, double share, Colour c) const { return {w, g_.px(share), c}; }
    FontMetrics metrics(const TextStyle& s) const { return measure_.metrics(s.weight, s.px); }
    int width(std::string_view text, const TextStyle& s) const {
        return measure_.width(text, s.weight, s.px);
    }
    // The distance between consecutive lines of a paragraph: a little air over the font's box.
    int advance(const TextStyle& s) const;

    // One line with its top at y, cut with "…" to max_w; returns its box (empty text: w = 0).
    Rect line(int x, int y, std::string_view text, const TextStyle& s, int max_w, Colour bg,
              Align align = Align::reading);

    // One line whose baseline is at `baseline`, for runs of mixed sizes on one line.
    Rect on_baseline(int x, int baseline, std::string_view text, const TextStyle& s, int max_w,
                     Colour bg, Align align = Align::reading) {
        return line(x, baseline - metrics(s).ascent, text, s, max_w, bg, align);
    }

    // A wrapped paragraph with its first line's top at y; returns the bottom of its last line.
    int paragraph(int x, int y, std::string_view text, const TextStyle& s, int w, int max_lines,
                  Colour bg);

    // How many lines of a paragraph fit between y and limit.
    int lines_between(int y, int limit, const TextStyle& s) const;

    void fill(Rect box, Colour c, int radius = 0) { slide_.fills.push_back({box, c, radius}); }

    // A rounded label with dark text on a colour ("NOW · ORAL"), or `text_colour` on it;
    // returns its box.
    Rect chip(int x, int y, std::string_view text, Colour colour,
              std::optional<Colour> text_colour = std::nullopt);

    // A progress bar: a track and the part done, rounded at the ends.
    void progress(Rect box, double fraction, Colour done);

    // A heading in small capitals over a list ("UP NEXT HERE"); returns where the list starts.
    int heading(int y, std::string_view text, Colour colour);

    // The footer line at the foot of a slide, left of the rotation dots: `text`, then `then`
    // after two spaces ("Later here: 13:00", "Distributed and Parallel Learning"). A line too
    // long for it (a portrait screen) takes a second line above rather than losing its end to
    // "…", broken before `then` when there is one. Returns the top of the footer, for what is
    // laid out above.
    int footer(const std::string& text, const std::string& then = {});

  private:
    Slide& slide_;
    const Geometry& g_;
    const Theme& theme_;
    const TextMeasurer& measure_;
};

}  // namespace kiosk::deck_parts
