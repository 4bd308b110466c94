// The Now slide: the session on now (or the next one here), the talk on stage, and what follows.
//
// Laid out from the bottom up (footer, then the Next band) so the middle knows its limit, then
// from the top down (chip, title, times, progress, the talk on stage and its abstract).
#include <algorithm>
#include <chrono>

#include "kiosk/slides/deck_parts.h"
#include "kiosk/slides/painter.h"
#include "kiosk/slides/tokens.h"

namespace kiosk::deck_parts {

namespace {

// What the Now slide is about: the session and which of its talks it features.
struct Focus {
    const ScheduledSession* s = nullptr;
    bool on_now = false;  // the session is on; otherwise it is the next one here
    // Index of the talk on stage, or the talk count when none is (g++ 12 warns falsely about an
    // optional here).
    std::size_t stage = 0;
    bool staged = false;  // stage is a talk
    Colour kind;
};

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

int later_footer(Painter& p, const LaterHere& later) {
    return p.footer(later.when, later.session ? later.session->title : "");
}

// The band at the foot of the Now slide: what comes next ("NEXT ≈ 09:00 QuadraLib") and after.
// Returns the top of the band, or `bottom` when there is nothing to say.
int next_panel(Painter& p, const Context& c, int bottom, std::string_view label,
               const std::string& time, const std::string& title,
               const std::vector<std::string>& then) {
    if (title.empty()) return bottom;
    const auto& t = c.theme;
    const auto& g = c.g;
    auto label_s = p.style(Weight::medium, t.type.meta, t.muted);
    auto title_s = p.style(Weight::semibold, t.type.heading, t.text);
    auto then_s = p.style(Weight::regular, t.type.body, t.muted);
    int pad_x = g.px(tokens::next_pad_x);
    int pad_y = g.px(tokens::next_pad_y);
    int inner_w = g.content.w - 2 * pad_x;
    int h = pad_y * 2 + p.metrics(title_s).height;
    int then_advance = p.advance(then_s);
    if (!then.empty()) {
        h += g.px(tokens::next_then_gap) + p.metrics(then_s).height +
             static_cast<int>(then.size() - 1) * then_advance;
    }
    int top = bottom - h;
    p.fill({g.content.x, top, g.content.w, h}, t.panel, g.px(tokens::next_radius));
    int x = g.content.x + pad_x;
    int baseline = top + pad_y + p.metrics(title_s).ascent;
    std::string head = std::string(label) + (time.empty() ? "" : "   " + time);
    Rect l =
        p.on_baseline(x, baseline, head, label_s, inner_w / tokens::next_label_max_div, t.panel);
    int tx = l.right() + g.px(tokens::next_label_gap);
    p.on_baseline(tx, baseline, title, title_s, g.content.x + pad_x + inner_w - tx, t.panel);
    int ty = top + pad_y + p.metrics(title_s).height + g.px(tokens::next_then_gap);
    for (const auto& line : then) {
        p.line(x, ty, line, then_s, inner_w, t.panel);
        ty += then_advance;
    }
    return top;
}

// The talks after the next one, for the Next band: "then ≈ 09:15 Talk 3 · ≈ 09:30 ML-EXray",
// whole ones only: one line on a wide screen, a few on a tall one.
std::vector<std::string> then_lines(Painter& p, const Context& c, const ScheduledSession& s,
                                    std::size_t from) {
    std::vector<std::string> then;
    auto then_s = p.style(Weight::regular, c.theme.type.body, c.theme.muted);
    int then_w = c.g.content.w - 2 * c.g.px(tokens::next_pad_x);
    auto max_lines = static_cast<std::size_t>(by_orientation(c.g, tokens::next_then_lines));
    for (std::size_t i = from; i < s.talks.size(); ++i) {
        std::string item = join({talk_time(c, s.talks[i]), s.talks[i].label}, " ");
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
    return then;
}

// The foot of the slide: the footer, and above it the Next band naming the next talk, or after
// the last talk (or for a session without talks) the next session here. Returns the band's top.
int now_foot(Painter& p, const Context& c, const Focus& f) {
    const ScheduledSession& s = *f.s;
    LaterHere later = later_here(c, f.s);
    std::size_t first_next_talk = f.staged ? f.stage + 1 : 0;
    if (!f.on_now && !s.talks.empty()) first_next_talk = 1;  // the first talk is featured above
    if (first_next_talk < s.talks.size()) {
        const auto& nt = s.talks[first_next_talk];
        auto then = then_lines(p, c, s, first_next_talk + 1);
        int band_bottom = later_footer(p, later);
        return next_panel(p, c, band_bottom - c.g.px(tokens::next_above_footer), "NEXT",
                          talk_time(c, nt), nt.label, then);
    }
    const ScheduledSession* after = nullptr;
    for (const auto* n : c.lists.coming) {
        if (n != f.s) {
            after = n;
            break;
        }
    }
    if (after != nullptr && later.session == after) {
        later = {};  // the band says it; the footer would repeat it
    }
    int band_bottom = later_footer(p, later) - c.g.px(tokens::next_above_footer);
    if (after == nullptr) return band_bottom;
    return next_panel(p, c, band_bottom, f.on_now ? "NEXT HERE" : "AFTER THAT",
                      c.clock(*after->start), after->title, {});
}

// The chips over the title: "NOW · TALK" in the kind's colour, the track in its own colour
// (the program's, made legible), and the language when it is not the program's usual one.
// Returns the bottom of the chips.
int now_chips(Painter& p, const Context& c, const Focus& f) {
    const auto& t = c.theme;
    const auto& g = c.g;
    const ScheduledSession& s = *f.s;
    Rect chip = p.chip(g.content.x, g.content.y,
                       (f.on_now ? "NOW" : "NEXT HERE") + dot + kind_label(s), f.kind);
    int x = chip.right() + g.px(tokens::chip_gap);
    if (!s.track.empty() && x < g.content.right()) {
        ChipColours colours = chip_colours(c.track_colour(s).value_or(t.panel), t.on_kind, t.text);
        chip = p.chip(x, g.content.y, upper(s.track), colours.fill, colours.text);
        x = chip.right() + g.px(tokens::chip_gap);
    }
    if (std::string language = c.other_language(s); !language.empty() && x < g.content.right()) {
        auto lang_s = p.style(Weight::medium, t.type.body, t.muted);
        int baseline = chip.y + chip.h / 2 + p.metrics(lang_s).ascent / 2;
        p.on_baseline(x, baseline, language, lang_s, g.content.right() - x, t.background,
                      Align::start);
    }
    return chip.bottom();
}

// ROOM FULL, large, on a line of its own right above the title, where the kind chip's line
// would give it too little room and a passer-by looks first. (Beside the title it would share
// the title's line, and a reader of the picture such as tesseract loses dark-on-light text on a
// light-on-dark line; on its own line it reads, in landscape and portrait.) `y` moves down.
void full_above_title(Painter& p, const Context& c, int& y) {
    Rect box = full_badge(p, c.g.content.x, y, c.theme.type.heading);
    y = box.bottom() + c.g.px(tokens::below_chip);
}

// The top of the slide: chips, title, subtitle, times, speakers and, while it is on, the
// progress bar (in the track's colour when it has one). Returns the bottom of what it drew.
int now_top(Painter& p, const Context& c, const Focus& f) {
    const auto& t = c.theme;
    const auto& g = c.g;
    const ScheduledSession& s = *f.s;
    int y = now_chips(p, c, f) + g.px(tokens::below_chip);
    auto title_s = p.style(Weight::bold, t.type.display, t.text);
    if (c.board != nullptr && c.room_full(c.board->room)) full_above_title(p, c, y);
    y = p.paragraph(g.content.x, y, s.title, title_s, g.content.w,
                    by_orientation(g, tokens::now_title_lines), t.background);
    if (!s.subtitle.empty()) {
        auto sub_s = p.style(Weight::medium, t.type.heading, t.body);
        y = p.paragraph(g.content.x, y + g.px(tokens::now_subtitle_gap), s.subtitle, sub_s,
                        g.content.w, by_orientation(g, tokens::now_subtitle_lines), t.background);
    }
    y += g.px(tokens::now_times_gap);
    auto meta_s = p.style(Weight::regular, t.type.meta, t.muted);
    std::string meta = join({session_times(c, s), session_relative(c, s)}, "  " + dot + " ");
    Rect m = p.line(g.content.x, y, meta, meta_s, g.content.w, t.background);
    y = m.bottom();
    if (!s.speakers.empty()) {
        y += g.px(tokens::now_speakers_gap);
        auto sp_s = p.style(Weight::regular, t.type.body, t.body);
        y = p.paragraph(g.content.x, y, join(s.speakers, ", "), sp_s, g.content.w,
                        tokens::speaker_lines, t.background);
    }
    // The bar runs to the end as shown, so it is full when "ends in about 0 min" would be.
    Instant end = s.end ? c.shown(*s.end, s.end_estimated) : Instant{};
    if (f.on_now && s.start && s.end && end > *s.start) {
        y += g.px(tokens::progress_gap);
        double fraction = std::chrono::duration<double>(c.at - *s.start).count() /
                          std::chrono::duration<double>(end - *s.start).count();
        int h = std::max(tokens::progress_min_px, g.px(tokens::progress_height));
        auto track = c.track_colour(s);
        Colour bar = track ? readable_on(*track, t.track, 3.0) : f.kind;
        p.progress({g.content.x, y, g.content.w, h}, fraction, bar);
        y += h;
    }
    return y;
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
    int row_advance = p.advance(row_s) + g.px(tokens::order_row_gap);
    int heading_h = p.metrics(heading_s).height + g.px(tokens::order_heading_gap);
    int rows_h = static_cast<int>(s.talks.size() - 1) * row_advance + p.metrics(row_s).height;
    // One talk is no order to show.
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
    int label_x = g.content.x + time_w + g.px(tokens::order_time_gap);
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
    int measure_w = std::min(g.content.w, g.px(tokens::reading_measure));
    auto body_s = p.style(Weight::regular, t.type.body, t.body);
    const ScheduledTalk& talk = s.talks[featured];
    if (!talk.speakers.empty() && p.lines_between(y, limit, body_s) > 0) {
        y = p.paragraph(g.content.x, y, join(talk.speakers, ", "), body_s, measure_w,
                        tokens::speaker_lines, t.background);
    }
    auto note_s = p.style(Weight::regular, t.type.body, t.muted);
    if (p.lines_between(y, limit, note_s) == 0) return;
    Rect note = p.line(g.content.x, y, "The program gives no abstract for this talk.", note_s,
                       measure_w, t.background);
    running_order(p, c, s, featured, on_now, note.bottom() + g.px(tokens::order_above), limit);
}

// The featured talk from the top y: "ON STAGE ≈ 09:15", its label, and its abstract (or what
// stands in for one), all above limit; nothing when its label does not fit.
void featured_talk(Painter& p, const Context& c, const Focus& f, const ScheduledTalk& talk, int y,
                   int limit) {
    const auto& t = c.theme;
    const auto& g = c.g;
    auto label_s = p.style(Weight::medium, t.type.body, f.kind);
    auto talk_s = p.style(Weight::bold, t.type.title, t.text);
    int need =
        p.metrics(label_s).height + g.px(tokens::now_talk_label_gap) + p.metrics(talk_s).height;
    if (y + need > limit) return;
    std::string label = join({f.on_now ? "ON STAGE" : "FIRST TALK", talk_time(c, talk)}, "   ");
    Rect l = p.line(g.content.x, y, label, label_s, g.content.w, t.background);
    y = l.bottom() + g.px(tokens::now_talk_label_gap);
    Rect tl = p.line(g.content.x, y, talk.label, talk_s, g.content.w, t.background);
    y = tl.bottom() + g.px(tokens::now_talk_label_gap);
    if (talk.abstract.empty()) {
        const ScheduledSession& s = *f.s;
        without_abstract(p, c, s, static_cast<std::size_t>(&talk - s.talks.data()), f.on_now, y,
                         limit);
        return;
    }
    // The abstract in a box no wider than a comfortable reading measure.
    auto body_s = p.style(Weight::regular, t.type.body, t.body);
    int lines =
        std::min(by_orientation(g, tokens::now_abstract_lines), p.lines_between(y, limit, body_s));
    if (lines > 0) {
        p.paragraph(g.content.x, y, talk.abstract, body_s,
                    std::min(g.content.w, g.px(tokens::reading_measure)), lines, t.background);
    }
}

// The middle: the talk on stage (or the first one, before the session) with its abstract; for
// a session without talks, its description.
void now_middle(Painter& p, const Context& c, const Focus& f, int y, int limit) {
    const ScheduledSession& s = *f.s;
    if (f.staged) {
        featured_talk(p, c, f, s.talks[f.stage], y, limit);
    } else if (!f.on_now && !s.talks.empty()) {
        featured_talk(p, c, f, s.talks.front(), y, limit);
    } else if (!s.description.empty()) {
        auto body_s = p.style(Weight::regular, c.theme.type.body, c.theme.body);
        int lines = std::min(by_orientation(c.g, tokens::now_description_lines),
                             p.lines_between(y, limit, body_s));
        if (lines > 0) {
            p.paragraph(c.g.content.x, y, s.description, body_s,
                        std::min(c.g.content.w, c.g.px(tokens::reading_measure)), lines,
                        c.theme.background);
        }
    }
}

}  // namespace

bool now_slide(Slide& slide, const Context& c) {
    const Lists& l = c.lists;
    Focus f;
    f.on_now = !l.now.empty();
    f.s = f.on_now ? l.now.front() : l.coming.empty() ? nullptr : l.coming.front();
    if (f.s == nullptr) return false;
    f.stage = f.s->talks.size();
    if (f.on_now) f.stage = l.on_stage.value_or(f.s->talks.size());
    f.staged = f.stage < f.s->talks.size();
    f.kind = c.kind_colour(*f.s);
    Painter p(slide, c.g, c.theme, c.measure);
    int band_top = now_foot(p, c, f);
    int limit = band_top - c.g.px(tokens::now_middle_above_band);
    int y = now_top(p, c, f);
    now_middle(p, c, f, y + c.g.px(tokens::now_talk_gap), limit);
    return true;
}

}  // namespace kiosk::deck_parts
