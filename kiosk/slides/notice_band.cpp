// The notice band at the foot of every slide (see notice_band.h).
#include "kiosk/slides/notice_band.h"

#include <algorithm>
#include <cmath>

#include "kiosk/slides/tokens.h"
#include "kiosk/slides/wrap.h"

namespace kiosk::deck_parts {

namespace {

constexpr std::string_view chip_text = "NOTICE";

// Where the chip and the text go across the band, the same for measuring and drawing.
struct Across {
    int text_x = 0;
    int text_w = 0;
};

TextStyle text_style(const Geometry& g, const Theme& t) {
    return {Weight::regular, g.px(t.type.meta), t.body};
}

Across across(const Geometry& g, const Theme& t, const TextMeasurer& measure) {
    TextStyle chip{Weight::semibold, g.px(t.type.body * tokens::chip_text_of_body), t.on_kind};
    int chip_w =
        measure.width(chip_text, chip.weight, chip.px) + 2 * (chip.px / tokens::chip_pad_x_div);
    int x = g.margin + chip_w + g.px(tokens::notice_chip_gap);
    return {x, std::max(1, g.screen.w - g.margin - x)};
}

int line_count(std::string_view text, const Geometry& g, const Theme& t,
               const TextMeasurer& measure) {
    TextStyle s = text_style(g, t);
    auto wrapped = wrap_text(text, s.weight, s.px, across(g, t, measure).text_w,
                             tokens::notice_lines, measure);
    return std::max<int>(1, static_cast<int>(wrapped.lines.size()));
}

}  // namespace

int notice_band_height(const std::vector<std::string>& tickers, Size screen, const Theme& theme,
                       const TextMeasurer& measure) {
    if (tickers.empty()) return 0;
    Geometry g = Geometry::for_screen(screen);
    int lines = 1;
    for (const auto& t : tickers) lines = std::max(lines, line_count(t, g, theme, measure));
    TextStyle s = text_style(g, theme);
    int height = measure.metrics(s.weight, s.px).height;
    int advance = std::max(height, static_cast<int>(std::lround(s.px * tokens::line_spacing)));
    return 2 * g.px(tokens::notice_pad_y) + height + (lines - 1) * advance;
}

void notice_band(Painter& p, std::string_view text) {
    const Geometry& g = p.g();
    const Theme& t = p.theme();
    if (g.band_h <= 0) return;
    int top = g.screen.h - g.band_h;
    p.fill({0, top, g.screen.w, g.band_h}, t.panel);
    TextStyle s = text_style(g, t);
    int y = top + g.px(tokens::notice_pad_y);
    // The chip sits on the first line, centred on it.
    TextStyle chip_s{Weight::semibold, g.px(t.type.body * tokens::chip_text_of_body), t.on_kind};
    int chip_h = p.metrics(chip_s).height + 2 * (chip_s.px / tokens::chip_pad_y_div);
    p.chip(g.margin, y + (p.metrics(s).height - chip_h) / 2, chip_text, t.notice);
    Across a = across(g, t, p.measure());
    p.paragraph(a.text_x, y, text, s, a.text_w, tokens::notice_lines, t.panel);
}

}  // namespace kiosk::deck_parts
