// The board's lists as the slides read them, and how the slides word a session's times.
#include "kiosk/slides/deck_parts.h"

#include <string_view>
#include <unordered_map>

namespace kiosk::deck_parts {

namespace {

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

}  // namespace

Lists lists_of(const Board* b, const date::time_zone& zone) {
    Lists l;
    if (b == nullptr) return l;
    for (const auto& s : b->now) l.now.push_back(&*s);
    if (!b->now.empty()) l.on_stage = on_stage_index(b->now.front(), b->at, zone);
    // `later` may repeat `next`: a session equal to one listed already is left out. Sessions
    // are looked up by title, so a day of thousands is not compared with itself (that stalled
    // the first frame for minutes).
    std::unordered_multimap<std::string_view, const ScheduledSession*> listed;
    auto add_coming = [&](const ScheduledSession& s) {
        auto [from, to] = listed.equal_range(s.title);
        for (auto it = from; it != to; ++it) {
            if (*it->second == s) return;
        }
        (s.start ? l.coming : l.tba).push_back(&s);
        listed.emplace(s.title, &s);
    };
    for (const auto& s : b->next) add_coming(*s);
    for (const auto& s : b->later) add_coming(*s);
    for (const auto& s : b->elsewhere) l.elsewhere.push_back(&*s);
    if (b->next_day_first) l.next_day_first = &**b->next_day_first;
    return l;
}

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

}  // namespace kiosk::deck_parts
