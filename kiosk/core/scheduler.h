// The scheduler: what a room's screen shows at an instant, honest about what is estimated.
//
// Two steps, both pure functions:
//   make_schedule(program, settings)  once per program: resolves rooms, infers missing ends,
//                                     spreads talks over their session, indexes rooms and days;
//   make_board(schedule, room, at)    per frame: a binary search per room, no text copied.
// make_board(program, room, at, settings) does both, for commands and tests.
//
// Policies, each named where it is implemented in scheduler.cpp:
// - Days are venue-local calendar days. A session with a stated end past midnight moves that
//   night's boundary to its end (a reception until 01:00 still belongs to its evening), unless it
//   runs to noon or later (a week-long exhibition is not one long day).
// - A missing end is the start of the next timed session in the same room, capped by the kind's
//   default duration and by venue-local midnight. An end read from prose is used but flagged as
//   estimated like an inferred one.
// - Durations are elapsed time, not wall-clock time (DST): a 60-minute default across the hour a
//   spring change skips ends 60 real minutes later, which the wall clock shows as two hours later.
// - Sessions with no time never get one. Each belongs to the day its program files it under
//   (Session::day), else to the day of the nearest session before it in the program (day pages
//   list a day's sessions together), else after it.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/tz.h>

#include "kiosk/core/board.h"
#include "kiosk/core/program.h"
#include "kiosk/core/result.h"

namespace kiosk {

struct Overview;

struct KindDuration {
    std::string kind;  // as programs name it; matched ignoring case and spacing
    std::chrono::minutes length;

    bool operator==(const KindDuration&) const = default;
};

// Sessions with no room whose kind matches are shown as that room's own (a screen at the
// registration desk), not as venue-wide.
struct RoomMapping {
    std::string kind;  // matched like KindDuration::kind; "*" maps every session with no room
    std::string room;

    bool operator==(const RoomMapping&) const = default;
};

// What the scheduler assumes where the program is silent. The config's [durations] and [venue]
// sections fill it; the defaults below are the only ones.
struct ScheduleSettings {
    // Typical length of a session of each kind, for sessions whose program gives no end. A kind
    // not listed is looked up by the listed names it contains ("Welcome Reception" → Reception);
    // later entries win, so a config appends its own.
    std::vector<KindDuration> durations = {
        {"Oral", std::chrono::minutes{75}},          // four or five papers
        {"Invited Talk", std::chrono::minutes{60}},  // one speaker, questions
        {"Keynote", std::chrono::minutes{60}},
        {"Tutorial", std::chrono::minutes{180}},  // half a day
        {"Workshop", std::chrono::minutes{480}},  // a day
        {"Panel", std::chrono::minutes{60}},
        {"Poster Session", std::chrono::minutes{120}},
        {"Registration Desk", std::chrono::minutes{480}},  // open through the day's program
        {"Reception", std::chrono::minutes{180}},          // an evening
        {"Social", std::chrono::minutes{180}},
    };
    std::chrono::minutes fallback_duration{60};  // any other kind
    // Length of one talk inside a session. Unset: talks share the session's span equally. Set:
    // talks follow each other at this length from the session's start (squeezed into the span
    // when they do not fit), and a session with talks and no end lasts talks × length.
    std::optional<std::chrono::minutes> talk_length;
    std::vector<RoomMapping> unassigned_rooms;  // none: every session with no room is venue-wide

    bool operator==(const ScheduleSettings&) const = default;
};

// A program prepared for boards. Immutable once made; copy or share it freely.
class Schedule {
  public:
    const std::string& timezone() const { return timezone_; }
    const date::time_zone& zone() const { return *zone_; }
    // Every room of the program and of the settings' mapping, canonical spelling, sorted.
    std::vector<std::string> rooms() const;
    // What the program said that the scheduler had to set aside (an end before its start).
    const Diagnostics& warnings() const { return warnings_; }

    // The index make_board searches.
    struct Day {
        date::local_days date;
        Instant begin;  // local midnight, or the end of the previous night's late session
        Instant end;    // the next local midnight, or the end of this night's late session
    };
    struct Room {
        std::string name;                  // canonical spelling; empty for venue-wide sessions
        std::string key;                   // fold_name(name)
        std::vector<std::size_t> timed;    // indexes into sessions_, in start order
        std::vector<Instant> starts;       // the starts of `timed`, for binary search
        std::vector<Instant> latest_end;   // running maximum of the ends of `timed`
        std::vector<std::size_t> untimed;  // indexes into sessions_, in program order
    };

  private:
    friend Result<Schedule> make_schedule(const Program&, const ScheduleSettings&);
    friend Result<Board> make_board(const Schedule&, std::string_view, Instant);
    friend Overview make_overview(const Schedule&, Instant);

    std::string timezone_;
    const date::time_zone* zone_ = nullptr;
    std::string language_;  // the most common session language; empty when none is stated
    std::vector<Shared<ScheduledSession>> sessions_;  // visible sessions, in program order
    std::vector<int> day_of_;  // per session: index into days_; -1 when the program has no days
    std::vector<Day> days_;    // in time order, never overlapping
    std::vector<Room> rooms_;  // sorted by key
    // Indexes into rooms_ in the program's order: as first named by a session (hidden ones too),
    // then the rooms only the settings' mapping names. The overview lists rooms this way.
    std::vector<std::size_t> room_order_;
    Room venue_wide_;  // sessions with no room and no mapping
    Diagnostics warnings_;
};

// Prepares a program; fails only when its time zone is unknown.
Result<Schedule> make_schedule(const Program& program, const ScheduleSettings& settings);

// The board of `room` (matched ignoring case and surrounding or repeated white space) at `at`.
// An unknown room is an error whose message lists the rooms there are.
Result<Board> make_board(const Schedule& schedule, std::string_view room, Instant at);

Result<Board> make_board(const Program& program, std::string_view room, Instant at,
                         const ScheduleSettings& settings);

}  // namespace kiosk
