// Placing text and shapes on a slide: lines, paragraphs, chips, bars, headings, footers.
#include "kiosk/slides/painter.h"

#include <algorithm>
#include <cmath>

#include "kiosk/slides/format.h"
#include "kiosk/slides/unicode.h"
#include "kiosk/slides/wrap.h"

namespace kiosk::deck_parts {

int by_orientation(const Geometry& g, tokens::ByOrientation n) {
    return g.screen.h > g.screen.w ? n.portrait : n.landscape;
}

int Painter::advance(const TextStyle& s) const {
    return std::max(metrics(s).height, static_cast<int>(std::lround(s.px * tokens::line_spacing)));
}

Rect Painter::line(int x, int y, std::string_view text, const TextStyle& s, int max_w, Colour bg,
                   Align align) {
    std::string fitted = fit_line(text, s.weight, s.px, max_w, measure_);
    Rect box{x, y, width(fitted, s), metrics(s).height};
    if (align == Align::reading && box.w < max_w && base_direction(fitted) == TextDirection::rtl) {
        box.x = x + max_w - box.w;
    }
    if (box.w > max_w) {
        slide_.problems.push_back({"'" + fitted + "' is wider than its box"});
    }
    if (!fitted.empty()) slide_.texts.push_back({box, std::move(fitted), s, bg});
    return box;
}

int Painter::paragraph(int x, int y, std::string_view text, const TextStyle& s, int w,
                       int max_lines, Colour bg) {
    // A right-to-left paragraph set in a reading measure narrower than the content (an abstract)
    // hangs from the right margin, under its right-aligned title, not from the left one.
    if (x == g_.content.x && w < g_.content.w && base_direction(text) == TextDirection::rtl) {
        x = g_.content.right() - w;
    }
    auto wrapped = wrap_text(text, s.weight, s.px, w, max_lines, measure_);
    if (wrapped.overflow) {
        constexpr std::size_t quoted = 40;  // enough of the text to find it in the program
        slide_.problems.push_back({"'" + squash_spaces(text).substr(0, quoted) +
                                   "' does not fit a box " + std::to_string(w) + " wide"});
    }
    int bottom = y;
    for (auto& l : wrapped.lines) {
        Rect box = line(x, y, l, s, w, bg);
        bottom = box.bottom();
        y += advance(s);
    }
    return bottom;
}

int Painter::lines_between(int y, int limit, const TextStyle& s) const {
    int h = metrics(s).height;
    if (limit - y < h) return 0;
    return 1 + (limit - y - h) / advance(s);
}

Rect Painter::chip(int x, int y, std::string_view text, Colour colour,
                   std::optional<Colour> text_colour) {
    TextStyle s = style(Weight::semibold, theme_.type.body * tokens::chip_text_of_body,
                        text_colour.value_or(theme_.on_kind));
    auto m = metrics(s);
    int pad_x = s.px / tokens::chip_pad_x_div;
    int pad_y = s.px / tokens::chip_pad_y_div;
    std::string fitted = fit_line(text, s.weight, s.px, g_.content.w - 2 * pad_x, measure_);
    Rect box{x, y, width(fitted, s) + 2 * pad_x, m.height + 2 * pad_y};
    fill(box, colour, std::max(tokens::chip_min_radius_px, s.px / tokens::chip_pad_y_div));
    line(x + pad_x, y + pad_y, fitted, s, g_.content.w - 2 * pad_x, colour, Align::start);
    return box;
}

void Painter::progress(Rect box, double fraction, Colour done) {
    fraction = std::clamp(fraction, 0.0, 1.0);
    int r = box.h / 2;
    fill(box, theme_.track, r);
    int w = static_cast<int>(std::lround(box.w * fraction));
    if (w > 0) fill({box.x, box.y, std::max(w, box.h), box.h}, done, r);
}

int Painter::heading(int y, std::string_view text, Colour colour) {
    auto s = style(Weight::semibold, theme_.type.body, colour);
    Rect r = line(g_.content.x, y, upper(text), s, g_.content.w, theme_.background);
    return r.bottom() + g_.px(tokens::list_heading_gap);
}

int Painter::footer(const std::string& text, const std::string& then) {
    if (text.empty()) return g_.footer_y;
    auto s = style(Weight::regular, theme_.type.body, theme_.faint);
    int w = g_.content.w - g_.px(tokens::footer_dots_room);
    std::string one = then.empty() ? text : text + "  " + then;
    if (width(one, s) <= w) {
        line(g_.content.x, g_.footer_y, one, s, w, theme_.background);
        return g_.footer_y;
    }
    int top = g_.footer_y - advance(s);
    if (then.empty()) {
        paragraph(g_.content.x, top, text, s, w, tokens::footer_max_lines, theme_.background);
    } else {
        line(g_.content.x, top, text, s, w, theme_.background);
        line(g_.content.x, g_.footer_y, then, s, w, theme_.background);
    }
    return top;
}

}  // namespace kiosk::deck_parts
