// Venue days, talk times and where a room stands at an instant (see schedule_parts.h).
#include "kiosk/core/schedule_parts.h"

#include <algorithm>
#include <map>

namespace kiosk::schedule_parts {

using std::chrono::minutes;
using std::chrono::seconds;

namespace {

// How late a session may run past midnight and still belong to the evening it started: a
// reception until 01:00 does, a multi-day exhibition does not move the day boundary.
constexpr std::chrono::hours late_night_limit{12};

}  // namespace

// [SECTION] venue days ----------------------------------------------------------------------

date::local_days local_day(const date::time_zone& zone, Instant t) {
    return date::floor<date::days>(zone.to_local(t));
}

Instant day_begin(const date::time_zone& zone, date::local_days day) {
    return zone.to_sys(date::local_seconds{day.time_since_epoch()}, date::choose::earliest);
}

// Program days: the venue-local days timed sessions belong to, and those the program files
// untimed sessions under. A day ends at the next midnight, or at the end of a session of that day
// that runs past it (within the limit above); the next day then begins there.
std::vector<Schedule::Day> make_days(const date::time_zone& zone, const std::vector<DaySpan>& spans,
                                     const std::vector<date::local_days>& untimed_days) {
    std::map<date::local_days, Instant> late_end;  // day → latest end of its sessions
    for (auto day : untimed_days) late_end.try_emplace(day, Instant::min());
    for (const auto& span : spans) {
        auto [it, added] = late_end.try_emplace(span.day, span.end);
        if (!added) it->second = std::max(it->second, span.end);
    }
    std::vector<Schedule::Day> days;
    days.reserve(late_end.size());
    for (const auto& [day, latest] : late_end) {
        Instant begin = day_begin(zone, day);
        Instant end = day_begin(zone, day + date::days{1});
        if (latest > end && latest < end + late_night_limit) end = latest;
        if (!days.empty()) begin = std::max(begin, days.back().end);
        days.push_back({day, begin, end});
    }
    return days;
}

DayPos locate(const std::vector<Schedule::Day>& days, Instant t) {
    auto it = std::upper_bound(days.begin(), days.end(), t,
                               [](Instant x, const Schedule::Day& d) { return x < d.begin; });
    if (it == days.begin()) return {};
    --it;
    return {static_cast<int>(it - days.begin()), t < it->end};
}

// [SECTION] talks -----------------------------------------------------------------------------

// Gives every talk of a timed session a start and an end. Talks with stated times keep them;
// each run of talks without times shares the span from the talk before it (its stated end, or
// its stated start when it has no end, sharing the span with the run) to the next stated start
// or the session's end, in whole minutes where the span allows. With a talk length set, a run
// follows at that length when it fits in its span.
void place_talks(std::vector<ScheduledTalk>& talks, Instant start, Instant end,
                 const std::optional<minutes>& talk_length) {
    const std::size_t n = talks.size();
    std::size_t i = 0;
    while (i < n) {
        Instant from = start;
        std::size_t first = i;  // first talk placed by this run
        bool head_shares = false;
        if (talks[i].start) {
            from = *talks[i].start;
            if (talks[i].end) {
                from = *talks[i].end;
            } else {
                head_shares = true;  // the stated talk takes the first slot, keeping its start
            }
            ++first;
        }
        std::size_t j = first;
        while (j < n && !talks[j].start) ++j;
        const Instant to = j < n ? *talks[j].start : end;
        const std::size_t slots = (j - first) + (head_shares ? 1 : 0);
        if (slots > 0) {
            const seconds span = std::max(seconds{0}, to - from);
            const auto count = static_cast<seconds::rep>(slots);
            const bool by_length = talk_length && *talk_length * count <= span;
            seconds step = span / count;
            if (by_length) {
                step = *talk_length;
            } else if (step >= minutes{1}) {
                step = std::chrono::floor<minutes>(step);
            }
            for (std::size_t k = 0; k < slots; ++k) {
                auto& t = talks[(head_shares ? i : first) + k];
                const Instant slot = from + step * static_cast<seconds::rep>(k);
                if (!t.start) {
                    t.start = slot;
                    t.estimated = true;
                }
                if (!t.end) {
                    // Spread talks fill the span, the last one taking what rounding left over.
                    t.end = k + 1 == slots && !by_length ? to : slot + step;
                    t.end_estimated = true;
                }
            }
        }
        i = j;
    }
}

ScheduledTalk schedule_talk(const Talk& t) {
    return {t.label, t.label_derived, t.abstract, t.room, t.speakers, t.start, t.end, false, false};
}

// [SECTION] where a room stands at an instant (make_board, make_overview) -----------------

// A session on at `at`, with the talk probably on stage: the last one to have started (the first
// before any has), so exactly one is on stage while a session with talks is on.
BoardSession on_at(const Shared<ScheduledSession>& s, Instant at) {
    BoardSession b{s, std::nullopt, std::nullopt};
    const auto& talks = s->talks;
    if (talks.empty()) return b;
    std::size_t k = 0;
    for (std::size_t t = 0; t < talks.size(); ++t) {
        if (talks[t].start && *talks[t].start <= at) k = t;
    }
    b.on_stage = k;
    if (k + 1 < talks.size()) b.next_talk = k + 1;
    return b;
}

BoardSession listed(const Shared<ScheduledSession>& s) { return {s, std::nullopt, std::nullopt}; }

RoomAt room_at(const Schedule::Room& r, const std::vector<int>& day_of, DayPos pos, Instant at) {
    RoomAt ra;
    ra.upcoming = static_cast<std::size_t>(std::upper_bound(r.starts.begin(), r.starts.end(), at) -
                                           r.starts.begin());
    ra.end_of_day = ra.upcoming;
    if (pos.inside) {
        while (ra.end_of_day < r.timed.size() && day_of[r.timed[ra.end_of_day]] == pos.day) {
            ++ra.end_of_day;
        }
    }
    return ra;
}

// This room's sessions containing `at`, in start order. The running maximum of ends stops the
// walk back at the first point where nothing earlier can still be on.
void add_now(const Schedule::Room& r, const std::vector<Shared<ScheduledSession>>& sessions,
             std::size_t upcoming, Instant at, std::vector<BoardSession>& out) {
    const std::size_t first = out.size();
    for (std::size_t j = upcoming; j-- > 0;) {
        if (r.latest_end[j] <= at) break;
        const auto& s = sessions[r.timed[j]];
        if (*s->end > at) out.push_back(on_at(s, at));
    }
    std::reverse(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
}

// The sessions of [from, to) in Room::timed that start together with the first.
std::size_t next_group_end(const Schedule::Room& r, std::size_t from, std::size_t to) {
    std::size_t k = from;
    while (k < to && r.starts[k] == r.starts[from]) ++k;
    return k;
}

}  // namespace kiosk::schedule_parts
