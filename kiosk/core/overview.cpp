// The overview: every room's now and next at one instant (see overview.h).
#include "kiosk/core/overview.h"

#include "kiosk/core/schedule_parts.h"

namespace kiosk {

using schedule_parts::add_now;
using schedule_parts::listed;
using schedule_parts::locate;
using schedule_parts::next_group_end;
using schedule_parts::room_at;

const char* to_string(RoomState s) {
    switch (s) {
        case RoomState::on:
            return "on";
        case RoomState::opens:
            return "opens";
        case RoomState::free_until:
            return "free_until";
        case RoomState::done:
            return "done";
    }
    return "unknown";
}

namespace {

// One room's row: what is on, the next group of sessions today, and which of the two quiet
// states a room without a session is in. Only today counts: tomorrow's first session is for the
// room's own screen, an entrance screen speaks of today.
OverviewRow row_of(const Schedule::Room& r, const std::vector<Shared<ScheduledSession>>& sessions,
                   const std::vector<int>& day_of, schedule_parts::DayPos pos, Instant at) {
    OverviewRow row;
    row.room = r.name;
    const auto ra = room_at(r, day_of, pos, at);
    add_now(r, sessions, ra.upcoming, at, row.now);
    const std::size_t end = next_group_end(r, ra.upcoming, ra.end_of_day);
    for (std::size_t k = ra.upcoming; k < end; ++k)
        row.next.push_back(listed(sessions[r.timed[k]]));
    const bool started_today =
        ra.upcoming > 0 && pos.inside && day_of[r.timed[ra.upcoming - 1]] == pos.day;
    if (!row.now.empty()) {
        row.state = RoomState::on;
    } else if (row.next.empty()) {
        row.state = RoomState::done;
    } else {
        row.state = started_today ? RoomState::free_until : RoomState::opens;
    }
    return row;
}

}  // namespace

Overview make_overview(const Schedule& schedule, Instant at) {
    Overview o;
    o.at = at;
    o.timezone = schedule.timezone_;
    o.zone = schedule.zone_;
    o.language = schedule.language_;
    const auto pos = locate(schedule.days_, at);
    o.in_a_day = pos.inside;
    o.rooms.reserve(schedule.room_order_.size());
    for (std::size_t i : schedule.room_order_) {
        o.rooms.push_back(
            row_of(schedule.rooms_[i], schedule.sessions_, schedule.day_of_, pos, at));
    }
    OverviewRow venue = row_of(schedule.venue_wide_, schedule.sessions_, schedule.day_of_, pos, at);
    if (!venue.now.empty() || !venue.next.empty()) o.venue_wide = std::move(venue);
    return o;
}

}  // namespace kiosk
