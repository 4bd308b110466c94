// The overview slides for an entrance screen: one row per room (room, what is on now, what is
// next), paged like slides when the rows do not fit one screen, never drawn smaller to fit.
#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/slides/deck_parts.h"
#include "kiosk/slides/painter.h"
#include "kiosk/slides/tokens.h"
#include "kiosk/slides/wrap.h"

namespace kiosk::deck_parts {

namespace {

// A row's words, decided before any layout so paging only measures.
struct RowText {
    std::string room;
    std::string chip;        // the kind of the session on now; empty when nothing is on
    Colour chip_colour;      // its kind colour
    std::string now;         // the session's title, or "Nothing now"
    bool quiet = false;      // nothing on: the title in the muted colour
    std::string now_detail;  // "until ≈ 10:00 · on stage: QuadraLib", "free until 11:30"
    std::string next_when;   // "next 13:00"; empty when nothing more today
    std::string next_title;  // the next session's title, or "nothing more today"
    bool full = false;       // staff marked the room full: ROOM FULL under its name
};

// Where the parts of a row go: three columns side by side, or stacked in one (portrait).
struct Columns {
    bool stacked = false;
    int room_x = 0, room_w = 0;
    int now_x = 0, now_w = 0;
    int next_x = 0, next_w = 0;
};

Columns columns_for(const Geometry& g) {
    Columns k;
    const Rect& c = g.content;
    k.room_x = k.now_x = k.next_x = c.x;
    k.room_w = k.now_w = k.next_w = c.w;
    if (c.w < g.px(tokens::overview_columns_min_width)) {
        k.stacked = true;
        return k;
    }
    const int gap = g.px(tokens::overview_column_gap);
    k.room_w = static_cast<int>(c.w * tokens::overview_room_column);
    k.next_w = static_cast<int>(c.w * tokens::overview_next_column);
    k.now_x = c.x + k.room_w + gap;
    k.next_x = c.right() - k.next_w;
    k.now_w = k.next_x - gap - k.now_x;
    return k;
}

// "until ≈ 10:00 · on stage: QuadraLib", and "+ 1 more" when two sessions share the room.
std::string on_now_detail(const Context& c, const OverviewRow& r) {
    const BoardSession& s = r.now.front();
    std::vector<std::string> parts;
    if (s->end) parts.push_back("until " + c.clock(*s->end, s->end_estimated));
    if (s.on_stage) parts.push_back("on stage: " + s->talks[*s.on_stage].label);
    if (r.now.size() > 1) parts.push_back("+ " + std::to_string(r.now.size() - 1) + " more");
    return join(parts, dot);
}

RowText row_text(const Context& c, const OverviewRow& r) {
    RowText t;
    t.room = r.room.empty() ? "Venue-wide" : r.room;
    t.full = c.room_full(r.room);
    if (!r.now.empty()) {
        const ScheduledSession& s = *r.now.front();
        t.chip = kind_label(s);
        t.chip_colour = c.kind_colour(s);
        t.now = s.title;
        t.now_detail = on_now_detail(c, r);
    } else {
        t.now = "Nothing now";
        t.quiet = true;
    }
    if (!r.next.empty() && r.next.front()->start) {
        const std::string when = c.clock(*r.next.front()->start);
        if (r.state == RoomState::opens) t.now_detail = "opens " + when;
        if (r.state == RoomState::free_until) t.now_detail = "free until " + when;
        t.next_when = "next " + when;
        t.next_title = r.next.front()->title;
        if (r.next.size() > 1) t.next_title += dot + "+ " + std::to_string(r.next.size() - 1);
    } else if (r.now.empty()) {
        t.now_detail = "nothing more today";
    }
    return t;
}

// The title of what is on, with its kind chip on the first line: the first line is filled
// beside the chip, the rest wraps under it at the column's edge. Returns the bottom.
int chip_and_title(Painter& p, const Context& c, const RowText& t, int x, int y, int w) {
    const auto& th = c.theme;
    auto title_s = p.style(Weight::bold, th.type.heading, t.quiet ? th.muted : th.text);
    if (t.chip.empty()) {
        return p.paragraph(x, y, t.now, title_s, w, tokens::overview_title_lines, th.background);
    }
    // The chip is centred on the title's first line (its height as Painter::chip makes it).
    auto chip_s = p.style(Weight::semibold, th.type.body * tokens::chip_text_of_body, th.on_kind);
    const int chip_h = p.metrics(chip_s).height + 2 * (chip_s.px / tokens::chip_pad_y_div);
    const int shift = (p.metrics(title_s).height - chip_h) / 2;
    Rect chip = p.chip(x, y + shift, t.chip, t.chip_colour);
    const int gap = c.g.px(tokens::chip_gap);
    const int first_w = w - chip.w - gap;
    const std::string title = squash_spaces(t.now);
    auto wrapped = wrap_text(title, title_s.weight, title_s.px, std::max(1, first_w),
                             tokens::overview_title_lines, c.measure);
    const std::string& first = wrapped.lines.empty() ? title : wrapped.lines.front();
    // Beside the chip when at least a whole word fits there; else the title starts under it
    // (a word broken between letters beside a wide chip reads as two words).
    const bool whole =
        title.rfind(first, 0) == 0 && (first.size() == title.size() || title[first.size()] == ' ');
    if (first_w <= 0 || wrapped.overflow || !whole) {
        return p.paragraph(x, chip.bottom() + c.g.px(tokens::overview_line_gap), title, title_s, w,
                           tokens::overview_title_lines, th.background);
    }
    Rect l = p.line(x + chip.w + gap, y, first, title_s, first_w, th.background, Align::start);
    std::string rest = squash_spaces(title.substr(first.size()));
    if (rest.empty()) return l.bottom();
    return p.paragraph(x, y + p.advance(title_s), rest, title_s, w,
                       tokens::overview_title_lines - 1, th.background);
}

// One row with its top at y; returns its bottom.
int draw_row(Painter& p, const Context& c, const Columns& k, const RowText& t, int y) {
    const auto& th = c.theme;
    const auto& g = c.g;
    auto room_s = p.style(Weight::semibold, th.type.heading, th.text);
    auto meta_s = p.style(Weight::regular, th.type.meta, th.muted);
    auto next_s = p.style(Weight::regular, th.type.body, th.body);
    const int line_gap = g.px(tokens::overview_line_gap);
    int room_bottom = p.paragraph(k.room_x, y, t.room, room_s, k.room_w,
                                  tokens::overview_room_lines, th.background);
    if (t.full) {
        room_bottom = full_badge(p, k.room_x, room_bottom + line_gap, th.type.body).bottom();
    }
    int now_y = k.stacked ? room_bottom + g.px(tokens::overview_stack_gap) : y;
    int now_bottom = chip_and_title(p, c, t, k.now_x, now_y, k.now_w);
    if (!t.now_detail.empty()) {
        now_bottom =
            p.line(k.now_x, now_bottom + line_gap, t.now_detail, meta_s, k.now_w, th.background)
                .bottom();
    }
    int next_y = k.stacked ? now_bottom + g.px(tokens::overview_stack_gap) : y;
    int next_bottom = next_y;
    if (!t.next_when.empty()) {
        // Stacked, "next 13:00" leads the title's line; in columns it sits above it.
        if (k.stacked) {
            Rect when = p.line(k.next_x, next_y, t.next_when + dot, meta_s, k.next_w, th.background,
                               Align::start);
            int base = when.y + p.metrics(meta_s).ascent;
            int x = when.right();
            next_bottom =
                p.on_baseline(x, base, t.next_title, next_s, k.next_x + k.next_w - x, th.background)
                    .bottom();
            next_bottom = std::max(next_bottom, when.bottom());
        } else {
            Rect when = p.line(k.next_x, next_y, t.next_when, meta_s, k.next_w, th.background);
            next_bottom = p.paragraph(k.next_x, when.bottom() + line_gap, t.next_title, next_s,
                                      k.next_w, tokens::overview_next_lines, th.background);
        }
    }
    return std::max({room_bottom, now_bottom, next_bottom});
}

// The heading over each page: "NOW IN EVERY ROOM", with "2 of 3" when there are pages.
std::string page_heading(std::size_t page, std::size_t pages) {
    std::string h = "Now in every room";
    if (pages > 1) h += dot + std::to_string(page + 1) + " of " + std::to_string(pages);
    return h;
}

// Which rows go on which page: as many as fit between the heading and the footer line, each
// row whole. Rows are measured by drawing them on a scratch slide.
std::vector<std::vector<std::size_t>> pages_of(const Context& c, const Columns& k,
                                               const std::vector<RowText>& rows, int top,
                                               int limit) {
    std::vector<std::vector<std::size_t>> pages(1);
    const int pad = c.g.px(tokens::overview_row_pad);
    int y = top;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        Slide scratch;
        Painter p(scratch, c.g, c.theme, c.measure);
        int h = draw_row(p, c, k, rows[i], 0);
        if (!pages.back().empty() && y + pad + h > limit) {
            pages.emplace_back();
            y = top;
        }
        pages.back().push_back(i);
        y += pad + h + pad;
    }
    return pages;
}

}  // namespace

std::vector<Slide> overview_slides(const Context& c, const Overview& o) {
    std::vector<RowText> rows;
    for (const auto& r : o.rooms) rows.push_back(row_text(c, r));
    if (o.venue_wide) rows.push_back(row_text(c, *o.venue_wide));
    const Columns k = columns_for(c.g);
    const int limit = c.g.footer_y - c.g.px(tokens::list_above_footer);
    // The heading's height, the same on every page.
    int top = 0;
    {
        Slide scratch;
        Painter p(scratch, c.g, c.theme, c.measure);
        top = p.heading(c.g.content.y, page_heading(0, 2), c.theme.muted);
    }
    const auto pages = pages_of(c, k, rows, top, limit);
    const int pad = c.g.px(tokens::overview_row_pad);
    const int rule_h = std::max(tokens::overview_rule_min_px, c.g.px(tokens::overview_rule));
    std::vector<Slide> out;
    for (std::size_t n = 0; n < pages.size(); ++n) {
        Slide s;
        s.kind = SlideKind::overview;
        s.name = "overview-" + std::to_string(n + 1);
        Painter p(s, c.g, c.theme, c.measure);
        int y = p.heading(c.g.content.y, page_heading(n, pages.size()), c.theme.muted);
        for (std::size_t i : pages[n]) {
            p.fill({c.g.content.x, y - rule_h, c.g.content.w, rule_h}, c.theme.track);
            y = draw_row(p, c, k, rows[i], y + pad) + pad;
        }
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace kiosk::deck_parts
