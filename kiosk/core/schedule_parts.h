// The scheduler's building blocks (see scheduler.h for the policies): venue-local days and
// their boundaries, the times of the talks inside a session, and where a room stands at an
// instant. Internal to the scheduler and the overview (overview.h).
#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include <date/tz.h>

#include "kiosk/core/board.h"
#include "kiosk/core/program.h"
#include "kiosk/core/scheduler.h"

namespace kiosk::schedule_parts {

// The venue-local date of an instant.
date::local_days local_day(const date::time_zone& zone, Instant t);

// The instant a venue-local day begins. DST policy: where a change skips midnight (clocks jump
// from 24:00 to 01:00, as in America/Santiago) the day begins at the jump; where midnight happens
// twice, at the first one (date::time_zone::to_sys with choose::earliest).
Instant day_begin(const date::time_zone& zone, date::local_days day);

// A timed session's day and span, for the days' boundaries.
struct DaySpan {
    date::local_days day;
    Instant start;
    Instant end;
};

// Program days: the venue-local days timed sessions belong to, and those the program files
// untimed sessions under. A day ends at the next midnight, or at the end of a session of that day
// that runs past it (within 12 hours: a reception until 01:00 belongs to its evening, a
// multi-day exhibition does not move the day boundary); the next day then begins there.
std::vector<Schedule::Day> make_days(const date::time_zone& zone, const std::vector<DaySpan>& spans,
                                     const std::vector<date::local_days>& untimed_days);

// The day containing `t` (or the last one before it), and whether `t` is inside it.
struct DayPos {
    int day = -1;  // -1: before the first day
    bool inside = false;
};

DayPos locate(const std::vector<Schedule::Day>& days, Instant t);

// Gives every talk of a timed session a start and an end. Talks with stated times keep them;
// each run of talks without times shares the span from the talk before it (its stated end, or
// its stated start when it has no end, sharing the span with the run) to the next stated start
// or the session's end, in whole minutes where the span allows. With a talk length set, a run
// follows at that length when it fits in its span.
void place_talks(std::vector<ScheduledTalk>& talks, Instant start, Instant end,
                 const std::optional<std::chrono::minutes>& talk_length);

// A talk as boards show it, before place_talks gives it its times.
ScheduledTalk schedule_talk(const Talk& t);

// A session on at `at`, with the talk probably on stage: the last one to have started (the first
// before any has), so exactly one is on stage while a session with talks is on.
BoardSession on_at(const Shared<ScheduledSession>& s, Instant at);

// A session listed on a board, with no talk on stage.
BoardSession listed(const Shared<ScheduledSession>& s);

// Where one room stands at `at`: what is on, and the range of its timed sessions still to come
// on day `day` ([upcoming, end_of_day) in Room::timed).
struct RoomAt {
    std::size_t upcoming = 0;
    std::size_t end_of_day = 0;
};

RoomAt room_at(const Schedule::Room& r, const std::vector<int>& day_of, DayPos pos, Instant at);

// This room's sessions containing `at`, in start order, appended to `out`.
void add_now(const Schedule::Room& r, const std::vector<Shared<ScheduledSession>>& sessions,
             std::size_t upcoming, Instant at, std::vector<BoardSession>& out);

// The end of the sessions of [from, to) in Room::timed that start together with the first.
std::size_t next_group_end(const Schedule::Room& r, std::size_t from, std::size_t to);

}  // namespace kiosk::schedule_parts
