// The list slides, Up next here, Around the venue and Later today, and the row grammar they share.
#include <algorithm>
#include <optional>

#include "kiosk/slides/deck_parts.h"
#include "kiosk/slides/painter.h"
#include "kiosk/slides/tokens.h"

namespace kiosk::deck_parts {

namespace {

// A word in its own colour at the start of a row's detail line: the kind, the track.
struct Tag {
    std::string text;
    Colour colour;
};

struct Row {
    std::string time;                 // left column: "13:00", "≈ 09:15", "TBA" for untimed items
    std::string title;                // the session's title
    std::vector<Tag> tags;            // the kind, then the track, each in its colour
    std::vector<std::string> detail;  // {"Mission City Ballroom", "starts in 12 min"}, read
                                      // joined by " · "
};

// The styles and columns shared by every row of one list.
struct RowLayout {
    TextStyle time;
    TextStyle title;
    TextStyle kind;
    TextStyle detail;
    int time_w = 0;   // the time column
    int title_x = 0;  // where titles, kinds and details start
    int title_w = 0;
};

RowLayout row_layout(Painter& p, const Context& c, const std::vector<Row>& items) {
    const auto& t = c.theme;
    RowLayout layout;
    layout.time = p.style(Weight::regular, t.type.meta, t.muted);
    layout.title = p.style(Weight::bold, t.type.heading, t.text);
    layout.kind = p.style(Weight::semibold, t.type.body, t.muted);
    layout.detail = p.style(Weight::regular, t.type.body, t.muted);
    // The time column is as wide as the widest time it may hold, so titles share one edge.
    for (const auto& r : items)
        layout.time_w = std::max(layout.time_w, p.width(r.time, layout.time));
    layout.time_w = std::max(layout.time_w, p.width("00:00", layout.time));
    layout.title_x = c.g.content.x + layout.time_w + c.g.px(tokens::list_time_gap);
    layout.title_w = c.g.content.right() - layout.title_x;
    return layout;
}

// The kind, then the details joined by " · ", from the top `dy` under a row's title, wrapped
// between details onto further lines while the list has room (a portrait screen), so "until
// ≈ 20:30" is not cut to "≈…". Returns the bottom of the last line.
int detail_lines(Painter& p, const Context& c, const RowLayout& layout, const Row& r, int dy,
                 int limit) {
    const auto& t = c.theme;
    int right = c.g.content.right();
    int x = layout.title_x;
    for (const auto& tag : r.tags) {
        if (x > layout.title_x) {
            x = p.line(x, dy, dot, layout.detail, right - x, t.background, Align::start).right();
        }
        auto ks = layout.kind;
        ks.colour = tag.colour;
        x = p.line(x, dy, tag.text, ks, right - x, t.background, Align::start).right();
    }
    int line_h = p.metrics(layout.detail).height;
    int bottom_y = dy + line_h;
    if (x > layout.title_x && x + p.width(dot + join(r.detail, dot), layout.detail) > right &&
        bottom_y + line_h <= limit) {
        // Not all after the kind: the details start their own line, the kind stands alone.
        x = layout.title_x;
        dy = bottom_y;
        bottom_y += line_h;
    }
    std::string text;  // the detail line being filled, starting at x
    for (const auto& part : r.detail) {
        std::string joined =
            text.empty() ? (x > layout.title_x ? dot : "") + part : text + dot + part;
        bool fits = x + p.width(joined, layout.detail) <= right;
        bool room_below = bottom_y + line_h <= limit;
        if (fits || !room_below || (text.empty() && x == layout.title_x)) {
            text = std::move(joined);
            continue;
        }
        if (!text.empty()) p.line(x, dy, text, layout.detail, right - x, t.background);
        // The next line starts at the title's edge.
        x = layout.title_x;
        dy = bottom_y;
        bottom_y += line_h;
        text = part;
    }
    if (!text.empty()) p.line(x, dy, text, layout.detail, right - x, t.background);
    return bottom_y;
}

// One row with its top at y: the time, the title, the detail lines. Returns the bottom of its
// last line, or nothing when not even one line of title and one of detail fit above limit.
std::optional<int> draw_row(Painter& p, const Context& c, const RowLayout& layout, const Row& r,
                            int y, int limit) {
    const auto& t = c.theme;
    int title_h = p.metrics(layout.title).height;
    int h_one = title_h + c.g.px(tokens::list_detail_gap) + p.metrics(layout.detail).height;
    if (y + h_one > limit) return std::nullopt;
    // A long title gets a second line rather than an ellipsis ("Gemmini: Enabling Systematic
    // Deep-Learning Architecture…" said little), on wide screens too; rows that no longer fit go
    // to the next slide (Later today, "+ 3 more").
    int lines = std::min(tokens::list_title_lines,
                         p.lines_between(y, limit - h_one + title_h, layout.title));
    int baseline = y + p.metrics(layout.title).ascent;
    p.on_baseline(c.g.content.x, baseline, r.time, layout.time, layout.time_w, t.background);
    int bottom = p.paragraph(layout.title_x, y, r.title, layout.title, layout.title_w,
                             std::max(1, lines), t.background);
    return detail_lines(p, c, layout, r, bottom + c.g.px(tokens::list_detail_gap), limit);
}

// Draws rows from y down to limit; returns how many fitted.
std::size_t rows(Painter& p, const Context& c, int y, int limit, const std::vector<Row>& items) {
    RowLayout layout = row_layout(p, c, items);
    std::size_t n = 0;
    for (const auto& r : items) {
        auto bottom = draw_row(p, c, layout, r, y, limit);
        if (!bottom) break;
        y = *bottom + c.g.px(tokens::list_row_gap);
        ++n;
    }
    return n;
}

// The detail line's parts: where (when `with_room`), and when relative to now.
std::vector<std::string> row_details(const Context& c, const ScheduledSession& s, bool with_room) {
    std::vector<std::string> parts;
    if (!s.start && !s.room) {
        parts.push_back("room and time to be announced");
    } else if (with_room) {
        if (s.room) {
            parts.push_back(*s.room);
        } else if (s.venue_wide) {
            parts.push_back("venue-wide");
        }
    }
    if (!s.start) {
        if (s.room) parts.push_back("time to be announced");
    } else if (*s.start <= c.at) {
        std::string until;
        if (s.end) until = "until " + c.clock(*s.end, s.end_estimated);
        parts.push_back(join({"on now", until}, " "));
    } else {
        parts.push_back(session_relative(c, s));
    }
    std::vector<std::string> detail;
    for (auto& part : parts) {
        if (!part.empty()) detail.push_back(std::move(part));
    }
    return detail;
}

Row session_row(const Context& c, const ScheduledSession& s, bool with_room) {
    Row r;
    // An untimed item keeps the column's rhythm with the short form of what its detail line
    // spells out ("time to be announced"), never a guessed time.
    r.time = s.start ? c.clock(*s.start) : "TBA";
    r.title = s.title;
    if (!s.kind.empty()) r.tags.push_back({upper(s.kind), c.kind_colour(s)});
    if (!s.track.empty()) {
        r.tags.push_back(
            {s.track, readable_on(c.track_colour(s).value_or(c.theme.muted), c.theme.background)});
    }
    r.detail = row_details(c, s, with_room);
    if (std::string language = c.other_language(s); !language.empty()) {
        r.detail.push_back(language);
    }
    return r;
}

// A line at the foot of the list when not every row fitted: "+ 3 more".
void more_line(Painter& p, std::size_t shown, std::size_t total, std::string_view what) {
    if (shown >= total || what.empty()) return;
    p.footer("+ " + std::to_string(total - shown) + " more " + std::string(what));
}

// A heading and rows; returns how many rows fitted (none: the slide is left out).
std::size_t list_slide(Slide& slide, const Context& c, std::string_view title, Colour title_colour,
                       const std::vector<Row>& items, std::string_view more_what) {
    if (items.empty()) return 0;
    Painter p(slide, c.g, c.theme, c.measure);
    int y = p.heading(c.g.content.y, title, title_colour);
    int limit = c.g.footer_y - c.g.px(tokens::list_above_footer);
    std::size_t shown = rows(p, c, y, limit, items);
    more_line(p, shown, items.size(), more_what);
    return shown;
}

}  // namespace

bool up_next_slide(Slide& slide, const Context& c, std::size_t& shown) {
    const Lists& l = c.lists;
    std::size_t from = l.now.empty() && !l.coming.empty() ? 1 : 0;
    std::vector<Row> items;
    for (std::size_t i = from; i < l.coming.size(); ++i) {
        items.push_back(session_row(c, *l.coming[i], false));
    }
    shown = from + list_slide(slide, c, "Up next here", c.theme.text, items, "");
    return shown > from;
}

bool around_slide(Slide& slide, const Context& c) {
    std::vector<Row> items;
    for (const auto* s : c.lists.elsewhere) items.push_back(session_row(c, *s, true));
    return list_slide(slide, c, "Around the venue", c.theme.text, items, "around the venue");
}

bool later_slide(Slide& slide, const Context& c, std::size_t skip) {
    const Lists& l = c.lists;
    std::vector<Row> items;
    for (std::size_t i = skip; i < l.coming.size(); ++i) {
        items.push_back(session_row(c, *l.coming[i], false));
    }
    for (const auto* s : l.tba) items.push_back(session_row(c, *s, true));
    // Untimed items alone are not "later": at 22:00 they may well have happened. Say what is
    // known, that they are today's.
    std::string_view heading = skip < l.coming.size() ? "Later today" : "Also today";
    return list_slide(slide, c, heading, c.theme.text, items, "today") > 0;
}

}  // namespace kiosk::deck_parts
