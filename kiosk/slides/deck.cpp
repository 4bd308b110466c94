// Lays out the deck of slides for a board, and the header drawn over every slide (see deck.h).
//
// Index
// [SECTION] Geometry and formatting of times
// [SECTION] Painter: placing lines, paragraphs, chips and fills on a slide
// [SECTION] Rows: the list grammar shared by Up next, Around the venue, Later today
// [SECTION] The slides
// [SECTION] The deck and the chrome
#include "kiosk/slides/deck.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "kiosk/core/time.h"
#include "kiosk/slides/wrap.h"

namespace kiosk {

// ---------------------------------------------------------------------------------------------
// [SECTION] Geometry and formatting of times
// ---------------------------------------------------------------------------------------------

int Geometry::px(double share) const { return static_cast<int>(std::lround(share * unit)); }

Geometry Geometry::for_screen(Size screen) {
    Geometry g;
    g.screen = screen;
    g.unit = std::max(1, std::min(screen.w, screen.h));
    g.margin = g.px(0.074);
    g.header_h = g.px(0.11);
    g.footer_y = screen.h - g.px(0.072);
    int top = g.header_h + g.px(0.05);
    g.content = {g.margin, top, std::max(1, screen.w - 2 * g.margin),
                 std::max(1, screen.h - top - g.px(0.035))};
    return g;
}

namespace {

const date::time_zone* zone_or_utc(const std::string& name) {
    if (!name.empty()) {
        auto z = find_zone(name);
        if (z) return z.value();
    }
    return date::locate_zone("UTC");
}

date::local_seconds local(Instant t, const date::time_zone& zone) {
    return date::make_zoned(&zone, t).get_local_time();
}

// "Mon 29 Aug": the day a passer-by reads, without a leading zero or a year.
std::string format_day(Instant t, const date::time_zone& zone) {
    auto days = date::floor<date::days>(local(t, zone));
    date::year_month_day ymd{days};
    date::weekday wd{days};
    static const char* const wdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return std::string(wdays[wd.c_encoding()]) + " " +
           std::to_string(static_cast<unsigned>(ymd.day())) + " " +
           months[static_cast<unsigned>(ymd.month()) - 1];
}

// Where a sign shows an estimate: to the nearest 5 minutes of the venue's wall clock. Talks
// spread over a session land on odd minutes (4 talks in 75 min: 13:00, 13:18, 13:36, 13:54) and
// "≈ 13:18" claims a precision the estimate does not have; "≈ 13:20" reads as what it is. Exact
// times are shown as they are. The board keeps the scheduler's instants (`kiosk agenda`
// shows them); only what the slides show, and so what they call on stage, is rounded. Rounded
// on the local clock (for zones whose offset is not whole minutes of 5, such as historical ones),
// by moving the instant itself, so the hour a DST change skips or repeats cannot trip it.
Instant shown_instant(Instant t, bool estimated, const date::time_zone& zone) {
    if (!estimated) return t;
    using std::chrono::seconds;
    constexpr seconds step{5 * 60};
    auto lt = local(t, zone);
    seconds into_day = lt - date::floor<date::days>(lt);
    seconds rounded = (into_day + step / 2) / step * step;  // halves go up: 13:17:30 → 13:20
    return t + (rounded - into_day);
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

const std::string dot = " \u00B7 ";    // " · " between items on a line
const std::string approx = "\u2248 ";  // "≈ " before an estimated time
const std::string dash = " \u2013 ";   // " – " between start and end

}  // namespace

std::string format_clock(Instant t, const date::time_zone& zone, bool h24) {
    auto lt = local(t, zone);
    auto since_midnight = lt - date::floor<date::days>(lt);
    auto h =
        static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(since_midnight).count());
    auto m = static_cast<int>(
        std::chrono::duration_cast<std::chrono::minutes>(since_midnight).count() % 60);
    char buf[16];
    if (h24) {
        std::snprintf(buf, sizeof buf, "%02d:%02d", h, m);
    } else {
        int h12 = h % 12 == 0 ? 12 : h % 12;
        std::snprintf(buf, sizeof buf, "%d:%02d %s", h12, m, h < 12 ? "a.m." : "p.m.");
    }
    return buf;
}

std::string format_relative(std::chrono::seconds delta, bool starts, bool estimated) {
    // Whole minutes rounded up: at 08:59:30 a 09:00 start is "in 1 min", not "in 0 min".
    long long minutes = (std::max<long long>(0, delta.count()) + 59) / 60;
    std::string about = estimated ? "about " : "";
    if (minutes == 0)
        return starts ? "starting now" : (estimated ? "ending about now" : "ending now");
    std::string amount;
    if (minutes < 90) {
        amount = std::to_string(minutes) + " min";
    } else if (minutes % 60 == 0) {
        amount = std::to_string(minutes / 60) + " h";
    } else {
        amount = std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) + " min";
    }
    return std::string(starts ? "starts in " : "ends in ") + about + amount;
}

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] Painter: placing lines, paragraphs, chips and fills on a slide
// ---------------------------------------------------------------------------------------------

class Painter {
  public:
    Painter(Slide& slide, const Geometry& g, const Theme& theme, const TextMeasurer& measure)
        : slide_(slide), g_(g), theme_(theme), measure_(measure) {}

    const Geometry& g() const { return g_; }
    const Theme& theme() const { return theme_; }

    TextStyle style(Weight w, double share, Colour c) const { return {w, g_.px(share), c}; }
    FontMetrics metrics(const TextStyle& s) const { return measure_.metrics(s.weight, s.px); }
    int width(std::string_view text, const TextStyle& s) const {
        return measure_.width(text, s.weight, s.px);
    }
    // The distance between consecutive lines of a paragraph: a little air over the font's box.
    int advance(const TextStyle& s) const {
        return std::max(metrics(s).height, static_cast<int>(std::lround(s.px * 1.3)));
    }

    // One line with its top at y, cut with "…" to max_w; returns its box (empty text: w = 0).
    Rect line(int x, int y, std::string_view text, const TextStyle& s, int max_w, Colour bg) {
        std::string fitted = fit_line(text, s.weight, s.px, max_w, measure_);
        Rect box{x, y, width(fitted, s), metrics(s).height};
        if (box.w > max_w) {
            slide_.problems.push_back({"'" + fitted + "' is wider than its box"});
        }
        if (!fitted.empty()) slide_.texts.push_back({box, std::move(fitted), s, bg});
        return box;
    }

    // One line whose baseline is at `baseline`, for runs of mixed sizes on one line.
    Rect on_baseline(int x, int baseline, std::string_view text, const TextStyle& s, int max_w,
                     Colour bg) {
        return line(x, baseline - metrics(s).ascent, text, s, max_w, bg);
    }

    // A wrapped paragraph with its first line's top at y; returns the bottom of its last line.
    int paragraph(int x, int y, std::string_view text, const TextStyle& s, int w, int max_lines,
                  Colour bg) {
        auto wrapped = wrap_text(text, s.weight, s.px, w, max_lines, measure_);
        if (wrapped.overflow) {
            slide_.problems.push_back({"'" + squash_spaces(text).substr(0, 40) +
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

    // How many lines of a paragraph fit between y and limit.
    int lines_between(int y, int limit, const TextStyle& s) const {
        int h = metrics(s).height;
        if (limit - y < h) return 0;
        return 1 + (limit - y - h) / advance(s);
    }

    void fill(Rect box, Colour c, int radius = 0) { slide_.fills.push_back({box, c, radius}); }

    // A rounded label with dark text on a colour ("NOW · ORAL"); returns its box.
    Rect chip(int x, int y, std::string_view text, Colour colour) {
        TextStyle s = style(Weight::semibold, theme_.type.body * 0.92, theme_.on_kind);
        auto m = metrics(s);
        int pad_x = s.px / 2;
        int pad_y = s.px / 5;
        std::string fitted = fit_line(text, s.weight, s.px, g_.content.w - 2 * pad_x, measure_);
        Rect box{x, y, width(fitted, s) + 2 * pad_x, m.height + 2 * pad_y};
        fill(box, colour, std::max(2, s.px / 5));
        line(x + pad_x, y + pad_y, fitted, s, g_.content.w - 2 * pad_x, colour);
        return box;
    }

    // A progress bar: a track and the part done, rounded at the ends.
    void progress(Rect box, double fraction, Colour done) {
        fraction = std::clamp(fraction, 0.0, 1.0);
        int r = box.h / 2;
        fill(box, theme_.track, r);
        int w = static_cast<int>(std::lround(box.w * fraction));
        if (w > 0) fill({box.x, box.y, std::max(w, box.h), box.h}, done, r);
    }

  private:
    Slide& slide_;
    const Geometry& g_;
    const Theme& theme_;
    const TextMeasurer& measure_;
};

// The board's lists as the slides read them; the one place that knows the board's shape.
struct Lists {
    std::vector<const ScheduledSession*> now;
    std::optional<std::size_t> on_stage;          // of now.front()'s talks
    std::vector<const ScheduledSession*> coming;  // timed, here, still to come today, in order
    std::vector<const ScheduledSession*> tba;     // today's sessions with no time
    std::vector<const ScheduledSession*> elsewhere;
    const ScheduledSession* next_day_first = nullptr;
};

// The talk probably on stage in a session that is on: the last one whose start *as shown* has
// come (the first before any has), as the scheduler decides with its exact instants. Deciding by
// the shown, rounded starts keeps the slide consistent with itself: at 13:19 a talk shown as
// "≈ 13:20" is still next, not on stage. Talks with no times keep the scheduler's choice.
std::optional<std::size_t> on_stage_index(const BoardSession& s, Instant at,
                                          const date::time_zone& zone) {
    std::optional<std::size_t> stage;
    for (std::size_t i = 0; i < s->talks.size(); ++i) {
        const auto& t = s->talks[i];
        if (!t.start) continue;
        if (!stage || shown_instant(*t.start, t.estimated, zone) <= at) stage = i;
    }
    return stage ? stage : s.on_stage;
}

Lists lists_of(const Board* b, const date::time_zone& zone) {
    Lists l;
    if (b == nullptr) return l;
    for (const auto& s : b->now) l.now.push_back(&*s);
    if (!b->now.empty()) l.on_stage = on_stage_index(b->now.front(), b->at, zone);
    auto add_coming = [&](const ScheduledSession& s) {
        auto& list = s.start ? l.coming : l.tba;
        for (const auto* x : list) {
            if (*x == s) return;  // `later` may repeat `next`
        }
        list.push_back(&s);
    };
    for (const auto& s : b->next) add_coming(*s);
    for (const auto& s : b->later) add_coming(*s);
    for (const auto& s : b->elsewhere) l.elsewhere.push_back(&*s);
    if (b->next_day_first) l.next_day_first = &**b->next_day_first;
    return l;
}

// What every slide builder gets.
struct Context {
    const Board* board;
    Lists lists;
    const date::time_zone* zone;
    Instant at;
    const Geometry& g;
    const Theme& theme;
    const DeckOptions& options;
    const TextMeasurer& measure;

    std::string clock(Instant t) const { return format_clock(t, *zone, options.clock_24h); }
    // An instant as the slides show it: estimates to the nearest 5 minutes (shown_instant).
    Instant shown(Instant t, bool estimated) const { return shown_instant(t, estimated, *zone); }
    std::string clock(Instant t, bool estimated) const {
        return (estimated ? approx : "") + clock(shown(t, estimated));
    }
    std::string day(Instant t) const { return format_day(t, *zone); }
    Colour kind_colour(const ScheduledSession& s) const {
        return theme.kind_colour(s.kind, s.title);
    }
    bool same_day(Instant a, Instant b) const {
        return date::floor<date::days>(local(a, *zone)) == date::floor<date::days>(local(b, *zone));
    }
};

// "08:45 – ≈ 10:00", "≈ 09:15", or "time to be announced".
std::string session_times(const Context& c, const ScheduledSession& s) {
    if (!s.start) return "time to be announced";
    std::string out = c.clock(*s.start);
    if (s.end) out += dash + c.clock(*s.end, s.end_estimated);
    return out;
}

std::string talk_time(const Context& c, const ScheduledTalk& t) {
    if (!t.start) return "";
    return c.clock(*t.start, t.estimated);
}

// "ends in about 70 min" for a session on now, "starts in 12 min" for one to come.
std::string session_relative(const Context& c, const ScheduledSession& s) {
    if (!s.start) return "";
    if (*s.start > c.at) return format_relative(*s.start - c.at, true, false);
    if (!s.end) return "on now";
    // An end shown rounded down may be a minute past while the session is still on: "ending
    // about now" rather than a negative time.
    return format_relative(c.shown(*s.end, s.end_estimated) - c.at, false, s.end_estimated);
}

std::string kind_label(const ScheduledSession& s) {
    return upper(s.kind.empty() ? std::string_view("event") : std::string_view(s.kind));
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (const auto& i : items) {
        if (i.empty()) continue;
        if (!out.empty()) out += sep;
        out += i;
    }
    return out;
}

// The footer line at the foot of a slide, left of the rotation dots: `text`, then `then` after
// two spaces ("Later here: 13:00", "Distributed and Parallel Learning"). A line too long for it
// (a portrait screen) takes a second line above rather than losing its end to "…", broken
// before `then` when there is one. Returns the top of the footer, for what is laid out above.
int footer(Painter& p, const Context& c, const std::string& text, const std::string& then = {}) {
    if (text.empty()) return c.g.footer_y;
    auto s = p.style(Weight::regular, c.theme.type.body, c.theme.faint);
    int w = c.g.content.w - c.g.px(0.2);  // room on the right for the rotation dots
    std::string one = then.empty() ? text : text + "  " + then;
    if (p.width(one, s) <= w) {
        p.line(c.g.content.x, c.g.footer_y, one, s, w, c.theme.background);
        return c.g.footer_y;
    }
    int top = c.g.footer_y - p.advance(s);
    if (then.empty()) {
        p.paragraph(c.g.content.x, top, text, s, w, 2, c.theme.background);
    } else {
        p.line(c.g.content.x, top, text, s, w, c.theme.background);
        p.line(c.g.content.x, c.g.footer_y, then, s, w, c.theme.background);
    }
    return top;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Rows: the list grammar shared by Up next, Around the venue, Later today
// ---------------------------------------------------------------------------------------------

// A heading in small capitals over a list: "UP NEXT HERE".
int heading(Painter& p, const Context& c, int y, std::string_view text, Colour colour) {
    auto s = p.style(Weight::semibold, c.theme.type.body, colour);
    Rect r = p.line(c.g.content.x, y, upper(text), s, c.g.content.w, c.theme.background);
    return r.bottom() + c.g.px(0.03);
}

struct Row {
    std::string time;    // left column: "13:00", "≈ 09:15", "TBA" for untimed items
    std::string title;   // the session's title
    Colour kind_colour;  // the kind, in its colour, opens the detail line
    std::string kind;
    std::vector<std::string> detail;  // {"Mission City Ballroom", "starts in 12 min"}, read
                                      // joined by " · "
};

// Draws rows from y down to limit; returns how many fitted.
std::size_t rows(Painter& p, const Context& c, int y, int limit, const std::vector<Row>& items) {
    const auto& t = c.theme;
    auto time_s = p.style(Weight::regular, t.type.meta, t.muted);
    auto title_s = p.style(Weight::bold, t.type.heading, t.text);
    auto kind_s = p.style(Weight::semibold, t.type.body, t.muted);
    auto detail_s = p.style(Weight::regular, t.type.body, t.muted);
    // The time column is as wide as the widest time it may hold, so titles share one edge.
    int time_w = 0;
    for (const auto& r : items) time_w = std::max(time_w, p.width(r.time, time_s));
    time_w = std::max(time_w, p.width("00:00", time_s));
    int gap = c.g.px(0.035);
    int title_x = c.g.content.x + time_w + gap;
    int title_w = c.g.content.right() - title_x;
    // A long title gets a second line rather than an ellipsis ("Gemmini: Enabling Systematic
    // Deep-Learning Architecture…" said little), on wide screens too; rows that no longer fit go
    // to the next slide (Later today, "+ 3 more").
    int title_lines = 2;
    int row_gap = c.g.px(0.032);
    std::size_t n = 0;
    for (const auto& r : items) {
        int title_h = p.metrics(title_s).height;
        int h_one = title_h + c.g.px(0.006) + p.metrics(detail_s).height;
        if (y + h_one > limit) break;
        int lines = std::min(title_lines, p.lines_between(y, limit - h_one + title_h, title_s));
        int baseline = y + p.metrics(title_s).ascent;
        p.on_baseline(c.g.content.x, baseline, r.time, time_s, time_w, t.background);
        int bottom =
            p.paragraph(title_x, y, r.title, title_s, title_w, std::max(1, lines), t.background);
        int dy = bottom + c.g.px(0.006);
        int x = title_x;
        if (!r.kind.empty()) {
            auto ks = kind_s;
            ks.colour = r.kind_colour;
            Rect k = p.line(x, dy, upper(r.kind), ks, title_w, t.background);
            x = k.right();
        }
        // The kind, then the details joined by " · ", wrapped between details onto further lines
        // while the list has room (a portrait screen), so "until ≈ 20:30" is not cut to "≈…".
        int line_h = p.metrics(detail_s).height;
        int bottom_y = dy + line_h;
        if (x > title_x && x + p.width(dot + join(r.detail, dot), detail_s) > c.g.content.right() &&
            bottom_y + line_h <= limit) {
            // Not all after the kind: the details start their own line, the kind stands alone.
            x = title_x;
            dy = bottom_y;
            bottom_y += line_h;
        }
        std::string text;  // the detail line being filled, starting at x
        for (const auto& part : r.detail) {
            std::string joined = text.empty() ? (x > title_x ? dot : "") + part : text + dot + part;
            bool fits = x + p.width(joined, detail_s) <= c.g.content.right();
            bool room_below = bottom_y + line_h <= limit;
            if (fits || !room_below || (text.empty() && x == title_x)) {
                text = std::move(joined);
                continue;
            }
            if (!text.empty()) p.line(x, dy, text, detail_s, c.g.content.right() - x, t.background);
            // The next line starts at the title's edge.
            x = title_x;
            dy = bottom_y;
            bottom_y += line_h;
            text = part;
        }
        if (!text.empty()) p.line(x, dy, text, detail_s, c.g.content.right() - x, t.background);
        y = bottom_y + row_gap;
        ++n;
    }
    return n;
}

Row session_row(const Context& c, const ScheduledSession& s, bool with_room) {
    Row r;
    // An untimed item keeps the column's rhythm with the short form of what its detail line
    // spells out ("time to be announced"), never a guessed time.
    r.time = s.start ? c.clock(*s.start) : "TBA";
    r.title = s.title;
    r.kind = s.kind.empty() ? "" : s.kind;
    r.kind_colour = c.kind_colour(s);
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
    for (auto& part : parts) {
        if (!part.empty()) r.detail.push_back(std::move(part));
    }
    return r;
}

// A line at the foot of the list when not every row fitted: "+ 3 more".
void more_line(Painter& p, const Context& c, std::size_t shown, std::size_t total,
               std::string_view what) {
    if (shown >= total || what.empty()) return;
    footer(p, c, "+ " + std::to_string(total - shown) + " more " + std::string(what));
}

// A heading and rows; returns how many rows fitted (none: the slide is left out).
std::size_t list_slide(Slide& slide, const Context& c, std::string_view title, Colour title_colour,
                       const std::vector<Row>& items, std::string_view more_what) {
    if (items.empty()) return 0;
    Painter p(slide, c.g, c.theme, c.measure);
    int y = heading(p, c, c.g.content.y, title, title_colour);
    int limit = c.g.footer_y - c.g.px(0.02);
    std::size_t shown = rows(p, c, y, limit, items);
    more_line(p, c, shown, items.size(), more_what);
    return shown;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] The slides
// ---------------------------------------------------------------------------------------------

// The footer of the Now slide: what comes after the current session here, as when and what
// ({"Later here: 13:00", "Distributed and Parallel Learning"}); empty when nothing does.
struct LaterHere {
    std::string when;
    const ScheduledSession* session = nullptr;
};

LaterHere later_here(const Context& c, const ScheduledSession* current) {
    for (const auto* s : c.lists.coming) {
        if (s == current) continue;
        return {"Later here: " + c.clock(*s->start), s};
    }
    if (c.lists.next_day_first && c.lists.next_day_first->start) {
        const auto& s = *c.lists.next_day_first;
        return {"Next here: " + c.day(*s.start) + ", " + c.clock(*s.start), &s};
    }
    return {};
}

// The band at the foot of the Now slide: what comes next ("NEXT ≈ 09:00 QuadraLib") and after.
// Returns the top of the band, or `bottom` when there is nothing to say.
int next_panel(Painter& p, const Context& c, int bottom, std::string_view label,
               const std::string& time, const std::string& title,
               const std::vector<std::string>& then) {
    if (title.empty()) return bottom;
    const auto& t = c.theme;
    auto label_s = p.style(Weight::medium, t.type.meta, t.muted);
    auto title_s = p.style(Weight::semibold, t.type.heading, t.text);
    auto then_s = p.style(Weight::regular, t.type.body, t.muted);
    int pad_x = c.g.px(0.028);
    int pad_y = c.g.px(0.016);
    int inner_w = c.g.content.w - 2 * pad_x;
    int h = pad_y * 2 + p.metrics(title_s).height;
    int then_advance = p.advance(then_s);
    if (!then.empty()) {
        h += c.g.px(0.004) + p.metrics(then_s).height +
             static_cast<int>(then.size() - 1) * then_advance;
    }
    int top = bottom - h;
    p.fill({c.g.content.x, top, c.g.content.w, h}, t.panel, c.g.px(0.012));
    int x = c.g.content.x + pad_x;
    int baseline = top + pad_y + p.metrics(title_s).ascent;
    std::string head = std::string(label) + (time.empty() ? "" : "   " + time);
    Rect l = p.on_baseline(x, baseline, head, label_s, inner_w / 2, t.panel);
    int tx = l.right() + c.g.px(0.035);
    p.on_baseline(tx, baseline, title, title_s, c.g.content.x + pad_x + inner_w - tx, t.panel);
    int ty = top + pad_y + p.metrics(title_s).height + c.g.px(0.004);
    for (const auto& line : then) {
        p.line(x, ty, line, then_s, inner_w, t.panel);
        ty += then_advance;
    }
    return top;
}

// The session's talks in order with their times, `featured` highlighted in the kind's colour and,
// while the session is on, the talks before it dimmed: where the session stands, at a glance.
// Drawn only when every talk fits between y and limit (a cut running order would mislead);
// returns the bottom of the list, or y when it did not fit.
int running_order(Painter& p, const Context& c, const ScheduledSession& s, std::size_t featured,
                  bool on_now, int y, int limit) {
    const auto& t = c.theme;
    const auto& g = c.g;
    auto heading_s = p.style(Weight::medium, t.type.body, t.muted);
    auto row_s = p.style(Weight::regular, t.type.body, t.body);
    int row_advance = p.advance(row_s) + g.px(0.008);
    int heading_h = p.metrics(heading_s).height + g.px(0.016);
    int rows_h = static_cast<int>(s.talks.size() - 1) * row_advance + p.metrics(row_s).height;
    if (s.talks.size() < 2 || y + heading_h + rows_h > limit) return y;
    p.line(g.content.x, y, "THIS SESSION", heading_s, g.content.w, t.background);
    y += heading_h;
    // The time column as wide as its widest time (in the highlight's heavier weight too), so the
    // labels share one edge.
    TextStyle bold_s = row_s;
    bold_s.weight = Weight::semibold;
    int time_w = 0;
    for (const auto& talk : s.talks) {
        std::string when = talk_time(c, talk);
        time_w = std::max({time_w, p.width(when, row_s), p.width(when, bold_s)});
    }
    int label_x = g.content.x + time_w + g.px(0.03);
    int bottom = y;
    for (std::size_t i = 0; i < s.talks.size(); ++i) {
        TextStyle st = row_s;
        if (i == featured) {
            st = bold_s;
            st.colour = c.kind_colour(s);
        } else if (on_now && i < featured) {
            st.colour = t.faint;  // over
        }
        p.line(g.content.x, y, talk_time(c, s.talks[i]), st, time_w, t.background);
        Rect r =
            p.line(label_x, y, s.talks[i].label, st, g.content.right() - label_x, t.background);
        bottom = r.bottom();
        y += row_advance;
    }
    return bottom;
}

// Under the label of a talk with no abstract: its speakers if known, an honest line, and (where
// the screen has room, as a portrait one does) the session's running order, so the middle of
// the slide is not left empty.
void without_abstract(Painter& p, const Context& c, const ScheduledSession& s, std::size_t featured,
                      bool on_now, int y, int limit) {
    const auto& t = c.theme;
    const auto& g = c.g;
    int measure_w = std::min(g.content.w, g.px(1.3));
    auto body_s = p.style(Weight::regular, t.type.body, t.body);
    const ScheduledTalk& talk = s.talks[featured];
    if (!talk.speakers.empty() && p.lines_between(y, limit, body_s) > 0) {
        y = p.paragraph(g.content.x, y, join(talk.speakers, ", "), body_s, measure_w, 1,
                        t.background);
    }
    auto note_s = p.style(Weight::regular, t.type.body, t.muted);
    if (p.lines_between(y, limit, note_s) == 0) return;
    Rect note = p.line(g.content.x, y, "The program gives no abstract for this talk.", note_s,
                       measure_w, t.background);
    running_order(p, c, s, featured, on_now, note.bottom() + g.px(0.05), limit);
}

// "Now in ‹room›": the session on now (or, between sessions, the next one here), the talk
// probably on stage, and what follows.
bool now_slide(Slide& slide, const Context& c) {
    const Lists& l = c.lists;
    bool on_now = !l.now.empty();
    const ScheduledSession* s = on_now             ? l.now.front()
                                : l.coming.empty() ? nullptr
                                                   : l.coming.front();
    if (s == nullptr) return false;
    const auto& t = c.theme;
    const auto& g = c.g;
    Painter p(slide, g, t, c.measure);
    Colour kc = c.kind_colour(*s);

    // From the bottom up: the footer, then the "next" band above it.
    LaterHere later = later_here(c, s);

    // Index of the talk on stage, or the talk count when none is (g++ 12 warns falsely about an
    // optional here).
    std::size_t stage = s->talks.size();
    if (on_now) stage = l.on_stage.value_or(s->talks.size());
    bool staged = stage < s->talks.size();
    std::size_t first_next_talk = staged ? stage + 1 : 0;
    if (!on_now && !s->talks.empty()) first_next_talk = 1;  // the first talk is featured above
    int band_top = 0;
    if (first_next_talk < s->talks.size()) {
        const auto& nt = s->talks[first_next_talk];
        // The talks after it, whole ones only: one line on a wide screen, a few on a tall one.
        std::vector<std::string> then;
        auto then_s = p.style(Weight::regular, t.type.body, t.muted);
        int then_w = g.content.w - 2 * g.px(0.028);
        std::size_t max_lines = g.screen.h > g.screen.w ? 3 : 1;
        for (std::size_t i = first_next_talk + 1; i < s->talks.size(); ++i) {
            std::string item = join({talk_time(c, s->talks[i]), s->talks[i].label}, " ");
            if (then.empty()) {
                then.push_back("then " + item);
            } else if (p.width(then.back() + dot + item, then_s) <= then_w) {
                then.back() += dot + item;
            } else if (then.size() < max_lines) {
                then.push_back(item);
            } else {
                break;
            }
        }
        int band_bottom = footer(p, c, later.when, later.session ? later.session->title : "");
        band_top =
            next_panel(p, c, band_bottom - g.px(0.03), "NEXT", talk_time(c, nt), nt.label, then);
    } else {
        // The last talk (or a session without talks): the band names the next session here.
        const ScheduledSession* after = nullptr;
        for (const auto* n : l.coming) {
            if (n != s) {
                after = n;
                break;
            }
        }
        if (after != nullptr && later.session == after) {
            later = {};  // the band says it; the footer would repeat it
        }
        int band_bottom =
            footer(p, c, later.when, later.session ? later.session->title : "") - g.px(0.03);
        band_top = band_bottom;
        if (after != nullptr) {
            band_top = next_panel(p, c, band_bottom, on_now ? "NEXT HERE" : "AFTER THAT",
                                  c.clock(*after->start), after->title, {});
        }
    }
    int limit = band_top - g.px(0.035);

    // From the top down: chip, title, times, progress.
    int y = g.content.y;
    Rect chip = p.chip(g.content.x, y, (on_now ? "NOW" : "NEXT HERE") + dot + kind_label(*s), kc);
    y = chip.bottom() + g.px(0.022);
    auto title_s = p.style(Weight::bold, t.type.display, t.text);
    int title_lines = g.screen.h > g.screen.w ? 3 : 2;
    y = p.paragraph(g.content.x, y, s->title, title_s, g.content.w, title_lines, t.background);
    y += g.px(0.012);
    auto meta_s = p.style(Weight::regular, t.type.meta, t.muted);
    std::string meta = join({session_times(c, *s), session_relative(c, *s)}, "  " + dot + " ");
    Rect m = p.line(g.content.x, y, meta, meta_s, g.content.w, t.background);
    y = m.bottom();
    if (!s->speakers.empty()) {
        y += g.px(0.008);
        auto sp_s = p.style(Weight::regular, t.type.body, t.body);
        y = p.paragraph(g.content.x, y, join(s->speakers, ", "), sp_s, g.content.w, 1,
                        t.background);
    }
    // The bar runs to the end as shown, so it is full when "ends in about 0 min" would be.
    Instant end = s->end ? c.shown(*s->end, s->end_estimated) : Instant{};
    if (on_now && s->start && s->end && end > *s->start) {
        y += g.px(0.022);
        double fraction = std::chrono::duration<double>(c.at - *s->start).count() /
                          std::chrono::duration<double>(end - *s->start).count();
        int h = std::max(2, g.px(0.009));
        p.progress({g.content.x, y, g.content.w, h}, fraction, kc);
        y += h;
    }

    // The middle: the talk on stage (or the first one, before the session), with its abstract.
    const ScheduledTalk* talk = nullptr;
    if (staged) {
        talk = &s->talks[stage];
    } else if (!on_now && !s->talks.empty()) {
        talk = &s->talks.front();
    }
    y += g.px(0.05);
    auto label_s = p.style(Weight::medium, t.type.body, kc);
    auto talk_s = p.style(Weight::bold, t.type.title, t.text);
    auto body_s = p.style(Weight::regular, t.type.body, t.body);
    if (talk != nullptr) {
        int need = p.metrics(label_s).height + g.px(0.012) + p.metrics(talk_s).height;
        if (y + need <= limit) {
            std::string label =
                join({on_now ? "ON STAGE" : "FIRST TALK", talk_time(c, *talk)}, "   ");
            Rect l = p.line(g.content.x, y, label, label_s, g.content.w, t.background);
            y = l.bottom() + g.px(0.012);
            Rect tl = p.line(g.content.x, y, talk->label, talk_s, g.content.w, t.background);
            y = tl.bottom() + g.px(0.012);
            // The abstract in a box no wider than a comfortable reading measure.
            int measure_w = std::min(g.content.w, g.px(1.3));
            if (!talk->abstract.empty()) {
                int max_lines = g.screen.h > g.screen.w ? 10 : 2;
                int lines = std::min(max_lines, p.lines_between(y, limit, body_s));
                if (lines > 0) {
                    p.paragraph(g.content.x, y, talk->abstract, body_s, measure_w, lines,
                                t.background);
                }
            } else {
                without_abstract(p, c, *s, static_cast<std::size_t>(talk - s->talks.data()), on_now,
                                 y, limit);
            }
        }
    } else if (!s->description.empty()) {
        int lines = std::min(g.screen.h > g.screen.w ? 6 : 3, p.lines_between(y, limit, body_s));
        if (lines > 0) {
            p.paragraph(g.content.x, y, s->description, body_s, std::min(g.content.w, g.px(1.3)),
                        lines, t.background);
        }
    }
    return true;
}

// One talk of the current session: what it is about, in full (as far as it fits).
bool talk_slide(Slide& slide, const Context& c, const ScheduledSession& s,
                const ScheduledTalk& talk, bool on_stage) {
    if (talk.abstract.empty()) return false;  // nothing to say beyond the label on Now
    const auto& t = c.theme;
    const auto& g = c.g;
    Painter p(slide, g, t, c.measure);
    Colour kc = c.kind_colour(s);
    int y = g.content.y;
    Rect chip = p.chip(g.content.x, y, on_stage ? "ON STAGE" : "COMING UP", kc);
    auto meta_s = p.style(Weight::regular, t.type.meta, t.muted);
    int x = chip.right() + g.px(0.025);
    std::string when = talk_time(c, talk);
    Instant start = talk.start ? c.shown(*talk.start, talk.estimated) : Instant{};
    if (!on_stage && talk.start && start > c.at) {
        std::string longer = join({when, format_relative(start - c.at, true, talk.estimated)}, dot);
        // On a narrow screen the start time alone, rather than a cut relative time.
        if (p.width(longer, meta_s) <= g.content.right() - x) when = longer;
    }
    if (!when.empty()) {
        int baseline = chip.y + (chip.h + p.metrics(meta_s).cap_height) / 2;
        p.on_baseline(x, baseline, when, meta_s, g.content.right() - x, t.background);
    }
    y = chip.bottom() + g.px(0.022);
    auto title_s = p.style(Weight::bold, t.type.title, t.text);
    y = p.paragraph(g.content.x, y, talk.label, title_s, g.content.w, 2, t.background);
    if (!talk.speakers.empty()) {
        y += g.px(0.012);
        y = p.paragraph(g.content.x, y, join(talk.speakers, ", "), meta_s, g.content.w, 1,
                        t.background);
    }
    y += g.px(0.035);
    int foot = footer(p, c, s.kind.empty() ? s.title : s.title + dot + s.kind);
    auto body_s = p.style(Weight::regular, t.type.body, t.body);
    // A passer-by reads a few lines, not a page: the abstract is shortened well before the foot.
    int max_lines = g.screen.h > g.screen.w ? 12 : 7;
    int lines = std::min(max_lines, p.lines_between(y, foot - g.px(0.04), body_s));
    if (lines > 0) {
        p.paragraph(g.content.x, y, talk.abstract, body_s, std::min(g.content.w, g.px(1.45)), lines,
                    t.background);
    }
    return true;
}

// The timed sessions still to come here today; between sessions the Now slide features the
// first, so the list starts after it. Returns how many rows fitted in `shown`.
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

// Where Up next ran out of room, and the day's sessions whose time is to be announced.
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

// A headline slide: a label, a big line and a sentence. Status slides and announcements.
void headline_slide(Slide& slide, const Context& c, std::string_view label, Colour label_colour,
                    std::string_view title, std::string_view body, std::string_view foot) {
    const auto& t = c.theme;
    const auto& g = c.g;
    Painter p(slide, g, t, c.measure);
    int foot_top = footer(p, c, std::string(foot));
    int y = g.content.y;
    if (!label.empty()) {
        Rect chip = p.chip(g.content.x, y, upper(label), label_colour);
        y = chip.bottom() + g.px(0.03);
    }
    auto title_s = p.style(Weight::bold, t.type.display, t.text);
    y = p.paragraph(g.content.x, y, title, title_s, g.content.w, 3, t.background);
    if (!body.empty()) {
        y += g.px(0.035);
        auto body_s = p.style(Weight::regular, t.type.meta, t.body);
        int lines = std::min(4, p.lines_between(y, foot_top - g.px(0.04), body_s));
        if (lines > 0)
            p.paragraph(g.content.x, y, body, body_s, std::min(g.content.w, g.px(1.4)), lines,
                        t.background);
    }
}

std::string first_session_line(const Context& c, const ScheduledSession& s, bool with_day) {
    if (!s.start) return s.title + ", time to be announced";
    std::string when = (with_day ? c.day(*s.start) + ", " : "") + c.clock(*s.start);
    return when + "  " + s.title;
}

// Where to go instead when this room is done for the day: the first of the sessions on now or
// next elsewhere ("Welcome Reception is on in Mission City Ballroom, until ≈ 20:30."); empty
// when nothing is.
std::string on_elsewhere(const Context& c) {
    for (const auto* s : c.lists.elsewhere) {
        if (!s->start) continue;
        std::string where = s->room ? " in " + *s->room : "";
        if (*s->start > c.at) return s->title + " starts at " + c.clock(*s->start) + where + ".";
        std::string until = s->end ? ", until " + c.clock(*s->end, s->end_estimated) : "";
        return s->title + " is on" + where + until + ".";
    }
    return "";
}

// Before and after the conference, after the day's last session, and no program at all.
bool status_slide(Slide& slide, const Context& c, const std::string& room) {
    const Colour calm = c.theme.kind_fallback;
    if (c.board == nullptr) {
        headline_slide(slide, c, "Schedule", calm, "The schedule is on its way",
                       "The program for " + (room.empty() ? std::string("this room") : room) +
                           " appears here as soon as staff load it.",
                       "");
        return true;
    }
    const Board& b = *c.board;
    const ScheduledSession* first = c.lists.next_day_first;
    if (first == nullptr && !c.lists.coming.empty()) first = c.lists.coming.front();
    switch (b.status) {
        case RoomStatus::before_conference: {
            std::string title = "Welcome";
            std::string body;
            if (first != nullptr && first->start) {
                title = "The conference starts " + c.day(*first->start);
                body = "First here: " + first_session_line(c, *first, false);
            }
            headline_slide(slide, c, "Welcome", calm, title, body, "");
            return true;
        }
        case RoomStatus::after_last_session: {
            if (first != nullptr && first->start) {
                headline_slide(slide, c, "That's all here today", calm,
                               "Tomorrow here: " + first->title,
                               c.day(*first->start) + dot + session_times(c, *first) + dot +
                                   kind_label(*first),
                               "");
            } else {
                headline_slide(slide, c, "That's all here today", calm,
                               "No more sessions in this room today", on_elsewhere(c), "");
            }
            return true;
        }
        case RoomStatus::after_conference:
            headline_slide(slide, c, "Thank you", calm, "The conference is over",
                           "Thank you for coming, and safe travels home.", "");
            return true;
        case RoomStatus::before_first_session:
        case RoomStatus::in_session:
        case RoomStatus::between_sessions:
            return false;
    }
    return false;
}

bool announcement_slide(Slide& slide, const Context& c, const Announcement& a) {
    if (squash_spaces(a.text).empty()) return false;
    if (a.until && *a.until <= c.at) return false;
    const auto& t = c.theme;
    const auto& g = c.g;
    Painter p(slide, g, t, c.measure);
    Colour accent = t.notice;
    Rect chip = p.chip(g.content.x, g.content.y, "ANNOUNCEMENT", accent);
    int y = chip.bottom() + g.px(0.035);
    auto text_s = p.style(Weight::bold, t.type.title, t.text);
    int lines = p.lines_between(y, g.footer_y - g.px(0.04), text_s);
    p.paragraph(g.content.x, y, a.text, text_s, g.content.w, std::max(1, lines), t.background);
    if (a.until && c.same_day(*a.until, c.at)) footer(p, c, "until " + c.clock(*a.until));
    return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] The deck and the chrome
// ---------------------------------------------------------------------------------------------

Deck build_deck(const DeckInput& input, Size screen, const Theme& theme, const DeckOptions& options,
                const TextMeasurer& measure) {
    Geometry g = Geometry::for_screen(screen);
    const date::time_zone* zone = zone_or_utc(input.board ? input.board->timezone : "");
    Context c{input.board, lists_of(input.board, *zone), zone, input.at, g, theme, options,
              measure};
    Rect area{0, g.header_h, screen.w, screen.h - g.header_h};
    Deck deck;
    auto add = [&](SlideKind kind, std::string name, auto&& build) {
        Slide s;
        s.kind = kind;
        s.name = std::move(name);
        if (!build(s)) return;
        check_layout(s, area);
        deck.slides.push_back(std::move(s));
    };
    if (input.announcement) {
        add(SlideKind::announcement, "announcement",
            [&](Slide& s) { return announcement_slide(s, c, *input.announcement); });
    }
    if (input.board == nullptr) {
        add(SlideKind::status, "status", [&](Slide& s) { return status_slide(s, c, input.room); });
        return deck;
    }
    const Board& b = *input.board;
    const Lists& l = c.lists;
    if (!l.now.empty()) {
        const auto& s = *l.now.front();
        deck.session_key = s.title + "@" + (s.start ? format_iso(*s.start, *zone) : "");
    }
    bool has_now = false;
    add(SlideKind::now, "now", [&](Slide& s) { return has_now = now_slide(s, c); });
    if (!has_now) {
        bool tomorrow = b.status == RoomStatus::after_last_session && l.next_day_first;
        add(tomorrow ? SlideKind::tomorrow : SlideKind::status, tomorrow ? "tomorrow" : "status",
            [&](Slide& s) { return status_slide(s, c, b.room); });
    }
    if (options.show_talks) {
        // The talk on stage and those after it; between sessions, the next session's first talks.
        const ScheduledSession* s = nullptr;
        std::size_t from = 0;
        if (!l.now.empty()) {
            s = l.now.front();
            from = l.on_stage.value_or(0);
        } else if (!l.coming.empty()) {
            s = l.coming.front();
        }
        int made = 0;
        for (std::size_t i = from; s != nullptr && i < s->talks.size(); ++i) {
            if (made >= options.max_talk_slides) break;
            bool on_stage = !l.now.empty() && l.on_stage == i;
            bool ok = false;
            add(SlideKind::talk, "talk-" + std::to_string(i + 1),
                [&](Slide& sl) { return ok = talk_slide(sl, c, *s, s->talks[i], on_stage); });
            if (ok) ++made;
        }
    }
    // Up next lists what fits; Later today goes on from there with the rest and the untimed.
    std::size_t shown = l.now.empty() && !l.coming.empty() ? 1 : 0;
    if (options.show_up_next) {
        add(SlideKind::up_next, "up-next", [&](Slide& s) { return up_next_slide(s, c, shown); });
    }
    if (options.show_around) {
        add(SlideKind::around, "around", [&](Slide& s) { return around_slide(s, c); });
    }
    if (options.show_later) {
        add(SlideKind::later, "later", [&](Slide& s) { return later_slide(s, c, shown); });
    }
    return deck;
}

bool restarts_rotation(const Deck& before, const Deck& after) {
    auto announcing = [](const Deck& d) {
        return !d.slides.empty() && d.slides.front().kind == SlideKind::announcement;
    };
    if (announcing(after) && !announcing(before)) return true;
    if (announcing(after) && before.slides.front().texts != after.slides.front().texts) return true;
    return !after.session_key.empty() && after.session_key != before.session_key;
}

Slide layout_chrome(const ChromeInput& input, Size screen, const Theme& theme,
                    const DeckOptions& options, const TextMeasurer& measure) {
    Geometry g = Geometry::for_screen(screen);
    Slide slide;
    slide.kind = SlideKind::chrome;
    slide.name = "chrome";
    Painter p(slide, g, theme, measure);
    const date::time_zone* zone = zone_or_utc(input.timezone);
    p.fill({0, 0, screen.w, g.header_h}, theme.header);

    auto clock_s = p.style(Weight::bold, theme.type.clock, theme.text);
    auto room_s = p.style(Weight::semibold, theme.type.heading, theme.text);
    auto date_s = p.style(Weight::regular, theme.type.meta, theme.muted);
    // Runs of different sizes share a baseline, centred on the band by their capitals.
    int baseline = (g.header_h + p.metrics(clock_s).cap_height) / 2;
    std::string clock = format_clock(input.at, *zone, options.clock_24h);
    if (options.clock_seconds) {
        auto secs = (input.at.time_since_epoch().count() % 60 + 60) % 60;
        char buf[4];
        std::snprintf(buf, sizeof buf, ":%02d", static_cast<int>(secs));
        clock.insert(options.clock_24h ? clock.size() : clock.find(' '), buf);
    }
    // The clock's box is sized for its widest value, so it does not jiggle as digits change.
    int clock_w = std::max(p.width(clock, clock_s),
                           p.width(options.clock_seconds ? "00:00:00" : "00:00", clock_s));
    int right = screen.w - g.margin;
    int clock_x = right - clock_w;
    p.on_baseline(clock_x, baseline, clock, clock_s, clock_w + g.px(0.2), theme.header);
    std::string day = format_day(input.at, *zone);
    int day_w = p.width(day, date_s);
    int day_x = clock_x - g.px(0.04) - day_w;
    int room_max = day_x - g.px(0.04) - g.margin;
    // On a narrow screen the date gives way to the room name.
    if (room_max < p.width(input.room, room_s) && room_max < g.px(0.5)) {
        room_max = clock_x - g.px(0.04) - g.margin;
        day.clear();
    }
    if (!day.empty()) p.on_baseline(day_x, baseline, day, date_s, day_w, theme.header);
    p.on_baseline(g.margin, baseline, input.room, room_s, std::max(1, room_max), theme.header);

    if (input.slide_count > 1) {
        int d = std::max(4, g.px(0.011));
        int gap = d;
        int n = static_cast<int>(input.slide_count);
        int total = n * d + (n - 1) * gap;
        int x = screen.w - g.margin - total;
        auto footer_s = p.style(Weight::regular, theme.type.body, theme.faint);
        int y =
            g.footer_y + (p.metrics(footer_s).ascent - p.metrics(footer_s).cap_height / 2) - d / 2;
        for (int i = 0; i < n; ++i) {
            bool lit = static_cast<std::size_t>(i) == input.slide;
            p.fill({x + i * (d + gap), y, d, d}, lit ? theme.accent : theme.track, d / 2);
        }
    }
    check_layout(slide, {0, 0, screen.w, screen.h});
    return slide;
}

}  // namespace kiosk
