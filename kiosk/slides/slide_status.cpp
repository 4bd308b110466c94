// The headline slides: status (before, between and after the conference days, no program) and
// the staff announcement.
#include <algorithm>

#include "kiosk/slides/deck_parts.h"
#include "kiosk/slides/painter.h"
#include "kiosk/slides/tokens.h"
#include "kiosk/slides/wrap.h"

namespace kiosk::deck_parts {

namespace {

// A headline slide: a label, a big line and a sentence. Status slides and announcements.
void headline_slide(Slide& slide, const Context& c, std::string_view label, Colour label_colour,
                    std::string_view title, std::string_view body, std::string_view foot) {
    const auto& t = c.theme;
    const auto& g = c.g;
    Painter p(slide, g, t, c.measure);
    int foot_top = p.footer(std::string(foot));
    int y = g.content.y;
    if (!label.empty()) {
        Rect chip = p.chip(g.content.x, y, upper(label), label_colour);
        y = chip.bottom() + g.px(tokens::headline_below_chip);
    }
    auto title_s = p.style(Weight::bold, t.type.display, t.text);
    y = p.paragraph(g.content.x, y, title, title_s, g.content.w, tokens::headline_title_lines,
                    t.background);
    if (!body.empty()) {
        y += g.px(tokens::headline_body_gap);
        auto body_s = p.style(Weight::regular, t.type.meta, t.body);
        int lines =
            std::min(tokens::headline_body_lines,
                     p.lines_between(y, foot_top - g.px(tokens::text_above_footer), body_s));
        if (lines > 0)
            p.paragraph(g.content.x, y, body, body_s,
                        std::min(g.content.w, g.px(tokens::headline_reading_measure)), lines,
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

// Before the conference: when it starts, and what comes first here.
void welcome_slide(Slide& slide, const Context& c, const ScheduledSession* first) {
    std::string title = "Welcome";
    std::string body;
    if (first != nullptr && first->start) {
        title = "The conference starts " + c.day(*first->start);
        body = "First here: " + first_session_line(c, *first, false);
    }
    headline_slide(slide, c, "Welcome", c.theme.kind_fallback, title, body, "");
}

// After the day's last session here: tomorrow's first, or where to go instead tonight.
void done_today_slide(Slide& slide, const Context& c, const ScheduledSession* first) {
    const Colour calm = c.theme.kind_fallback;
    if (first != nullptr && first->start) {
        headline_slide(
            slide, c, "That's all here today", calm, "Tomorrow here: " + first->title,
            c.day(*first->start) + dot + session_times(c, *first) + dot + kind_label(*first), "");
    } else {
        headline_slide(slide, c, "That's all here today", calm,
                       "No more sessions in this room today", on_elsewhere(c), "");
    }
}

}  // namespace

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
        case RoomStatus::before_conference:
            welcome_slide(slide, c, first);
            return true;
        case RoomStatus::after_last_session:
            done_today_slide(slide, c, first);
            return true;
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
    if (!a.applies_at(c.at)) return false;
    const auto& t = c.theme;
    const auto& g = c.g;
    Painter p(slide, g, t, c.measure);
    Colour accent = t.notice;
    Rect chip = p.chip(g.content.x, g.content.y, "ANNOUNCEMENT", accent);
    int y = chip.bottom() + g.px(tokens::announcement_below_chip);
    auto text_s = p.style(Weight::bold, t.type.title, t.text);
    int lines = p.lines_between(y, g.footer_y - g.px(tokens::text_above_footer), text_s);
    p.paragraph(g.content.x, y, a.text, text_s, g.content.w, std::max(1, lines), t.background);
    if (a.until && c.same_day(*a.until, c.at)) p.footer("until " + c.clock(*a.until));
    return true;
}

}  // namespace kiosk::deck_parts
