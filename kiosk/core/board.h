// The board: what one room's screen shows at one instant. Produced by the scheduler (a pure
// function of program, room, instant and settings), consumed by `kiosk agenda` and the slides.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/program.h"

namespace kiosk {

enum class RoomStatus {
    before_conference,     // the instant is before the venue-local day of the first session
    before_first_session,  // today has sessions, none has started yet
    in_session,            // a session of this room is on
    between_sessions,      // today, after one of this room's sessions and before another
    after_last_session,    // today, all done; `next_day_first` names tomorrow's first, if any
    after_conference,      // the instant is after the last day of the program
};

const char* to_string(RoomStatus s);

struct ScheduledTalk {
    std::string label;
    std::string abstract;
    std::optional<std::string> room;
    std::vector<std::string> speakers;
    std::optional<Instant> start;
    std::optional<Instant> end;
    bool estimated = false;  // start/end spread over the session, not stated
    bool on_stage = false;   // the talk probably on stage at the board's instant

    bool operator==(const ScheduledTalk&) const = default;
};

struct ScheduledSession {
    std::string kind;
    std::string title;
    std::vector<std::string> speakers;
    std::optional<std::string> room;  // none: venue-wide
    bool room_inferred = false;       // read from prose, not stated
    std::optional<Instant> start;     // none: "time to be announced"
    std::optional<Instant> end;
    bool end_estimated = false;  // inferred (next session, default duration, prose): show as "≈"
    std::string description;
    std::vector<ScheduledTalk> talks;
    std::string track;
    std::string colour;
    bool venue_wide = false;  // no room: registration, receptions

    bool operator==(const ScheduledSession&) const = default;
};

struct Board {
    std::string room;  // canonical spelling, as in the program
    Instant at;
    std::string timezone;
    RoomStatus status = RoomStatus::before_conference;
    std::vector<ScheduledSession> now;    // this room's sessions containing `at`
    std::vector<ScheduledSession> next;   // this room's coming sessions today, in start order
    std::vector<ScheduledSession> later;  // rest of today here, untimed ("to be announced") last
    std::vector<ScheduledSession> elsewhere;  // on now or next in other rooms, and venue-wide
    std::optional<ScheduledSession> next_day_first;  // first session of the next program day

    bool operator==(const Board&) const = default;
};

}  // namespace kiosk
