// A venue of several rooms for overview tests: the mockup's four rooms (shared/design/
// overview-1080p.png) and venue-wide registration, or as many extra rooms as a test needs.
#pragma once

#include <string>

#include "kiosk/core/overview.h"

#include "tests/support/seed_program.h"

namespace kiosk::testing {

// The mockup's venue on Monday 29 Aug 2022, then `extra_rooms` more rooms with one session
// each ("Room 301" …), for paging.
inline Program overview_program(int extra_rooms = 0) {
    auto at = [](std::string_view hhmm) { return venue_time("2022-08-29T" + std::string(hhmm)); };
    Program p;
    p.timezone = "America/Los_Angeles";
    auto& s = p.sessions;
    s.push_back(
        session("Registration Desk", "Registration Check-in Desk", std::nullopt, at("07:00")));
    s.push_back(session("Oral", "Outstanding Papers", "Exhibit Hall A", at("08:45"),
                        {"Pathways", "QuadraLib", "Talk 3", "ML-EXray"}));
    s.push_back(session("Tutorial", "Gemmini: Full-Stack Evaluation", "Ballroom B", at("09:00")));
    s.back().end = at("12:00");
    s.push_back(session("Panel", "Morning Coffee Chat", "Room 203", at("08:00")));
    s.back().end = at("09:00");
    s.push_back(session("Panel", "The Future of MLSys (panel)", "Room 203", at("11:30")));
    s.push_back(
        session("Oral", "Distributed and Parallel Learning", "Exhibit Hall A", at("13:00")));
    s.push_back(session("Tutorial", "Time Series Anomaly Detection", "Ballroom B", at("13:30")));
    s.push_back(session("Social", "Welcome Reception", "Mission City Ballroom", at("17:30")));
    for (int i = 0; i < extra_rooms; ++i) {
        s.push_back(session("Poster Session", "Posters " + std::to_string(i + 1),
                            "Room " + std::to_string(301 + i), at("10:00")));
    }
    return p;
}

inline Overview overview_at(const Program& p, std::string_view hhmm) {
    auto schedule = make_schedule(p, {});
    return make_overview(schedule.value(), venue_time("2022-08-29T" + std::string(hhmm)));
}

}  // namespace kiosk::testing
