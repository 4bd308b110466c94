// The overview: every room's now and next at an instant, in the program's order of rooms.
#include "kiosk/core/overview.h"

#include <gtest/gtest.h>

#include "kiosk/core/time.h"

#include "tests/support/seed_program.h"

namespace kiosk {
namespace {

using testing::session;

Instant at(std::string_view hhmm, std::string_view day = "2022-08-29") {
    return testing::venue_time(std::string(day) + "T" + std::string(hhmm));
}

Schedule schedule_of(const Program& p) {
    auto s = make_schedule(p, {});
    EXPECT_TRUE(s.has_value());
    return std::move(s).value();
}

std::vector<std::string> titles(const std::vector<BoardSession>& list) {
    std::vector<std::string> out;
    for (const auto& s : list) out.push_back(s->title);
    return out;
}

// Four rooms named out of alphabetical order, each in another state at 09:10.
Program four_rooms() {
    Program p;
    p.timezone = "America/Los_Angeles";
    auto& s = p.sessions;
    s.push_back(session("Oral", "Outstanding Papers", "Exhibit Hall A", at("08:45"),
                        {"Pathways", "QuadraLib", "Talk 3"}));
    s.push_back(session("Tutorial", "Gemmini", "Ballroom B", at("09:00")));
    s.back().end = at("12:00");
    s.push_back(session("Panel", "The Future of MLSys", "Room 203", at("08:00")));
    s.back().end = at("09:00");
    s.push_back(session("Panel", "More Future", "Room 203", at("11:30")));
    s.push_back(session("", "Welcome Reception", "Mission City Ballroom", at("17:30")));
    s.push_back(
        session("Oral", "Distributed and Parallel Learning", "Exhibit Hall A", at("13:00")));
    s.push_back(session("Social", "Yesterday's Party", "Attic", at("20:00", "2022-08-28")));
    s.push_back(session("Registration Desk", "Registration", std::nullopt, at("07:00")));
    return p;
}

TEST(Overview, RowsFollowTheProgramsOrderOfRooms) {
    auto o = make_overview(schedule_of(four_rooms()), at("09:10"));
    std::vector<std::string> rooms;
    for (const auto& r : o.rooms) rooms.push_back(r.room);
    EXPECT_EQ(rooms, (std::vector<std::string>{"Exhibit Hall A", "Ballroom B", "Room 203",
                                               "Mission City Ballroom", "Attic"}));
    EXPECT_TRUE(o.in_a_day);
    EXPECT_EQ(o.timezone, "America/Los_Angeles");
    EXPECT_NE(o.zone, nullptr);
}

TEST(Overview, EachRoomSaysWhatIsOnAndWhatIsNext) {
    auto o = make_overview(schedule_of(four_rooms()), at("09:10"));
    ASSERT_EQ(o.rooms.size(), 5u);
    const auto& hall = o.rooms[0];
    EXPECT_EQ(hall.state, RoomState::on);
    EXPECT_EQ(titles(hall.now), std::vector<std::string>{"Outstanding Papers"});
    EXPECT_TRUE(hall.now[0].on_stage.has_value());
    EXPECT_EQ(titles(hall.next), std::vector<std::string>{"Distributed and Parallel Learning"});
    EXPECT_EQ(o.rooms[1].state, RoomState::on);
    EXPECT_TRUE(o.rooms[1].next.empty());
    // Room 203 had a session this morning: it is free until the next one.
    EXPECT_EQ(o.rooms[2].state, RoomState::free_until);
    EXPECT_EQ(titles(o.rooms[2].next), std::vector<std::string>{"More Future"});
    // The ballroom has had nothing yet today: it opens for the reception.
    EXPECT_EQ(o.rooms[3].state, RoomState::opens);
    EXPECT_EQ(titles(o.rooms[3].next), std::vector<std::string>{"Welcome Reception"});
    // Yesterday's room has nothing today, and says so rather than naming another day.
    EXPECT_EQ(o.rooms[4].state, RoomState::done);
    EXPECT_TRUE(o.rooms[4].now.empty());
    EXPECT_TRUE(o.rooms[4].next.empty());
}

TEST(Overview, VenueWideSessionsHaveARowOnlyWhenOnOrToCome) {
    auto o = make_overview(schedule_of(four_rooms()), at("09:10"));
    ASSERT_TRUE(o.venue_wide.has_value());
    EXPECT_EQ(o.venue_wide->room, "");
    EXPECT_EQ(titles(o.venue_wide->now), std::vector<std::string>{"Registration"});
    // Registration stays open 8 hours by default: past 15:00 nothing venue-wide is left.
    auto late = make_overview(schedule_of(four_rooms()), at("16:00"));
    EXPECT_FALSE(late.venue_wide.has_value());
    EXPECT_EQ(late.rooms[0].state, RoomState::done);
}

TEST(Overview, OutsideTheProgramsDaysNoRowHasAnythingToSay) {
    auto o = make_overview(schedule_of(four_rooms()), at("09:00", "2022-09-05"));
    EXPECT_FALSE(o.in_a_day);
    for (const auto& r : o.rooms) {
        EXPECT_EQ(r.state, RoomState::done) << r.room;
        EXPECT_TRUE(r.next.empty()) << r.room;
    }
}

TEST(Overview, TheSeedAt0910) {
    auto o = make_overview(schedule_of(testing::seed_program()), at("09:10"));
    ASSERT_EQ(o.rooms.size(), 2u);
    EXPECT_EQ(o.rooms[0].room, "Exhibit Hall A");
    EXPECT_EQ(o.rooms[1].room, "Mission City Ballroom");
    EXPECT_EQ(o.rooms[1].state, RoomState::opens);
    ASSERT_TRUE(o.venue_wide.has_value());
    EXPECT_EQ(titles(o.venue_wide->now), std::vector<std::string>{"Registration Check-in Desk"});
    EXPECT_EQ(titles(o.venue_wide->next),
              std::vector<std::string>{"The Future of MLSys: Industry and Academia"});
}

TEST(Overview, StateNames) {
    EXPECT_STREQ(to_string(RoomState::on), "on");
    EXPECT_STREQ(to_string(RoomState::free_until), "free_until");
}

}  // namespace
}  // namespace kiosk
