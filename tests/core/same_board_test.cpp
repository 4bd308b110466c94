// One conference, three formats: Kiosk Test Camp 2023 read from pretalx's schedule.xml, its
// schedule.json and its schedule.ics gives the same board, in every room, at every instant tested
// (a DST change, a talk past midnight, a talk in the repeated hour, several days).
#include <gtest/gtest.h>

#include "kiosk/core/import/importer.h"
#include "kiosk/core/scheduler.h"
#include "kiosk/core/time.h"

#include "ktc23_fixture.h"

namespace kiosk {
namespace {

// What a passer-by reads off a session on a board. The formats differ in what else they carry
// (pretalx's iCal has no track, language or guid), not in this.
std::string shown(const BoardSession& b) {
    const ScheduledSession& s = *b;
    std::string out = s.title + " | " + s.room.value_or("venue-wide") + " | " +
                      ktc23::utc(s.start) + "-" + ktc23::utc(s.end) +
                      (s.end_estimated ? " estimated" : "") + " |";
    for (const auto& p : s.speakers) out += " " + p;
    return out;
}

std::vector<std::string> shown(const std::vector<BoardSession>& list) {
    std::vector<std::string> out;
    for (const auto& b : list) out.push_back(shown(b));
    return out;
}

struct Seen {
    std::string status;
    std::vector<std::string> now, next, later, elsewhere;
    std::string next_day;

    bool operator==(const Seen&) const = default;
};

Seen seen(const Board& b) {
    return {to_string(b.status), shown(b.now),
            shown(b.next),       shown(b.later),
            shown(b.elsewhere),  b.next_day_first ? shown(*b.next_day_first) : ""};
}

Schedule schedule_of(const std::string& file) {
    auto program = import_program(ktc23::program_file(file), ktc23::options(file));
    EXPECT_TRUE(program.has_value()) << file;
    auto schedule = make_schedule(program.value(), {});
    EXPECT_TRUE(schedule.has_value()) << file;
    return std::move(schedule).value();
}

TEST(SameBoard, XmlJsonAndICalGiveTheSameBoardAtEveryInstant) {
    const Schedule xml = schedule_of("ktc23.schedule.xml");
    const Schedule json = schedule_of("ktc23.schedule.json");
    const Schedule ics = schedule_of("ktc23.ics");
    const auto& berlin = xml.zone();
    const char* instants[] = {
        "2023-10-27T12:00", "2023-10-28T09:00",       "2023-10-28T10:30",       "2023-10-28T11:15",
        "2023-10-28T23:45", "2023-10-29T00:30+02:00", "2023-10-29T02:45+01:00", "2023-10-29T03:30",
        "2023-10-29T10:15", "2023-10-29T15:00",       "2023-10-30T09:40",       "2023-10-31T09:00",
    };
    int compared = 0;
    for (const char* text : instants) {
        Instant at = parse_instant(text, berlin, "test").value();
        for (const auto& room : xml.rooms()) {
            auto a = make_board(xml, room, at);
            auto b = make_board(json, room, at);
            auto c = make_board(ics, room, at);
            ASSERT_TRUE(a && b && c) << room << " at " << text;
            EXPECT_EQ(seen(a.value()), seen(b.value())) << room << " at " << text;
            EXPECT_EQ(seen(a.value()), seen(c.value())) << room << " at " << text;
            ++compared;
        }
    }
    EXPECT_EQ(compared, 36);
    // And the boards say something: the talk past midnight and the repeated hour are on.
    Instant owl = parse_instant("2023-10-29T00:30+02:00", berlin, "test").value();
    EXPECT_EQ(shown(make_board(ics, "Saal 1", owl)->now),
              std::vector<std::string>{"Night Owl Lightning Talks | Saal 1 | 2023-10-28T21:30Z-"
                                       "2023-10-28T22:45Z | محمد علي Zoë Müller"});
    Instant repeated = parse_instant("2023-10-29T02:45+01:00", berlin, "test").value();
    auto hall = make_board(xml, "Hall 東", repeated);
    EXPECT_EQ(hall->status, RoomStatus::in_session);
    EXPECT_EQ(shown(hall->now), std::vector<std::string>{"The Repeated Hour | Hall 東 | "
                                                         "2023-10-29T01:30Z-2023-10-29T02:00Z | "
                                                         "Ana Ruiz"});
}

}  // namespace
}  // namespace kiosk
