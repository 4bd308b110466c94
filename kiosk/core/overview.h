// The overview: every room's now and next at one instant, for a screen at an entrance or in a
// lobby. A pure function of (schedule, instant), like make_board, and as cheap: a binary search
// per room.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/board.h"
#include "kiosk/core/scheduler.h"

namespace kiosk {

// Where one room stands today, as an overview row says it.
enum class RoomState {
    on,          // a session is on: `now` is not empty
    opens,       // nothing here yet today; `next` is the day's first ("opens 17:30")
    free_until,  // between two of today's sessions; `next` ends the gap ("free until 11:30")
    done,        // nothing more here today
};

const char* to_string(RoomState s);

// One row of the overview.
struct OverviewRow {
    std::string room;  // canonical spelling; empty for the venue-wide row
    RoomState state = RoomState::done;
    std::vector<BoardSession> now;   // on now, in start order (talk on stage set as on a board)
    std::vector<BoardSession> next;  // the next session(s) here today, starting together

    bool operator==(const OverviewRow&) const = default;
};

struct Overview {
    Instant at;
    std::string timezone;
    const date::time_zone* zone = nullptr;  // resolved by the scheduler, never null
    std::string language;                   // as Board::language
    // One row per room in the program's order (the order rooms are first named in it, then the
    // rooms only the settings' mapping names). Rooms with nothing on or to come today are kept:
    // the row says so, and the rows stay put through the day, so a reader finds a room where it
    // was.
    std::vector<OverviewRow> rooms;
    // Venue-wide sessions on now or next today (registration, receptions); nothing when there
    // are none, so a venue without them shows no empty row.
    std::optional<OverviewRow> venue_wide;
    bool in_a_day = false;  // the instant is inside a program day (false: before, between or
                            // after the conference's days: no row has anything to say)

    bool operator==(const Overview&) const = default;
};

Overview make_overview(const Schedule& schedule, Instant at);

}  // namespace kiosk
