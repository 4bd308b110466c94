// The scheduler on programs built by hand (statuses, inferred ends, talks, rooms, days, DST) and
// on the seed as the importer reads it.
#include "kiosk/core/scheduler.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "kiosk/core/import/daypage.h"
#include "kiosk/core/time.h"

#include "tests/support/seed_program.h"

namespace kiosk {
namespace {

using std::chrono::minutes;

using testing::session;

Instant at(std::string_view text, const char* tz = "America/Los_Angeles") {
    return testing::venue_time(text, tz);
}

const date::time_zone& zone(const char* name) { return *find_zone(name).value(); }

std::string hhmm(const std::optional<Instant>& t, const char* tz = "America/Los_Angeles") {
    return t ? format_hhmm(*t, zone(tz)) : "none";
}

Program seed() { return testing::seed_program(); }

Board board(const Program& p, std::string_view room, Instant t,
            const ScheduleSettings& settings = {}) {
    auto b = make_board(p, room, t, settings);
    EXPECT_TRUE(b.has_value()) << (b ? "" : format_diagnostics(b.error()));
    return std::move(b).value();
}

std::vector<std::string> titles(const std::vector<BoardSession>& list) {
    std::vector<std::string> out;
    for (const auto& s : list) out.push_back(s->title);
    return out;
}

// ---- the seed at chosen instants ---------------------------------------------------------

TEST(Scheduler, SeedAt0910IsOutstandingPapersWithQuadraLibOnStage) {
    auto b = board(seed(), "Exhibit Hall A", at("2022-08-29T09:10"));
    EXPECT_EQ(b.status, RoomStatus::in_session);
    EXPECT_EQ(b.room, "Exhibit Hall A");
    ASSERT_EQ(titles(b.now), std::vector<std::string>{"Outstanding Papers"});
    const auto& now = b.now[0];
    EXPECT_EQ(hhmm(now->start), "08:45");
    EXPECT_EQ(hhmm(now->end), "10:00");  // Oral default, 75 min: before the 13:00 session
    EXPECT_TRUE(now->end_estimated);
    ASSERT_EQ(now.on_stage, 1u);
    EXPECT_EQ(now->talks[1].label, "QuadraLib");
    EXPECT_EQ(hhmm(now->talks[1].start), "09:00");
    EXPECT_TRUE(now->talks[1].estimated);
    EXPECT_EQ(now.next_talk, 2u);
    EXPECT_EQ(titles(b.next), std::vector<std::string>{"Distributed and Parallel Learning"});
    // The rest of the day here, then what has no time yet (venue-wide, on every screen).
    EXPECT_EQ(titles(b.later),
              (std::vector<std::string>{"ML Compilers & Runtime", "Systems for ML 1",
                                        "Systems for ML and ML for Systems: A Virtuous Cycle",
                                        testing::gemmini, testing::time_series}));
    EXPECT_FALSE(b.later[2]->start.has_value());
    EXPECT_TRUE(b.later[2]->venue_wide);
    EXPECT_EQ(titles(b.elsewhere),
              (std::vector<std::string>{"Registration Check-in Desk",
                                        "The Future of MLSys: Industry and Academia",
                                        "Welcome Reception"}));
    EXPECT_TRUE(b.elsewhere[0]->venue_wide);
    EXPECT_TRUE(b.elsewhere[2]->room_inferred);
    EXPECT_FALSE(b.next_day_first.has_value());
}

TEST(Scheduler, SeedAt1320IsDistributedAndParallelLearningEndingAtTheNextSession) {
    auto b = board(seed(), "Exhibit Hall A", at("2022-08-29T13:20"));
    EXPECT_EQ(b.status, RoomStatus::in_session);
    ASSERT_EQ(titles(b.now), std::vector<std::string>{"Distributed and Parallel Learning"});
    EXPECT_EQ(hhmm(b.now[0]->end), "14:15");
    EXPECT_TRUE(b.now[0]->end_estimated);
    // 75 minutes over four talks: 18-minute steps, the last one taking the rest.
    EXPECT_EQ(hhmm(b.now[0]->talks[1].start), "13:18");
    EXPECT_EQ(hhmm(b.now[0]->talks[3].start), "13:54");
    EXPECT_EQ(hhmm(b.now[0]->talks[3].end), "14:15");
    EXPECT_EQ(b.now[0].on_stage, 1u);
}

TEST(Scheduler, ZuluGivesTheSameBoardAsLocalTime) {
    EXPECT_EQ(board(seed(), "Exhibit Hall A", at("2022-08-29T16:10Z")),
              board(seed(), "Exhibit Hall A", at("2022-08-29T09:10")));
}

TEST(Scheduler, EarlyMorningIsBeforeTheFirstSessionWithTheNextNamed) {
    auto b = board(seed(), "Exhibit Hall A", at("2022-08-29T06:00"));
    EXPECT_EQ(b.status, RoomStatus::before_first_session);
    EXPECT_TRUE(b.now.empty());
    EXPECT_EQ(titles(b.next), std::vector<std::string>{"Outstanding Papers"});
    EXPECT_EQ(titles(b.elsewhere),
              (std::vector<std::string>{"Registration Check-in Desk", "Welcome Reception"}));
}

TEST(Scheduler, DayBeforeIsBeforeTheConferenceWithTheFirstSessionNamed) {
    auto b = board(seed(), "Exhibit Hall A", at("2022-08-28T12:00"));
    EXPECT_EQ(b.status, RoomStatus::before_conference);
    EXPECT_TRUE(b.next.empty());
    EXPECT_TRUE(b.later.empty());
    ASSERT_TRUE(b.next_day_first.has_value());
    EXPECT_EQ((*b.next_day_first)->title, "Outstanding Papers");
}

TEST(Scheduler, NextDayIsAfterTheConference) {
    auto b = board(seed(), "Exhibit Hall A", at("2022-08-30T00:00"));
    EXPECT_EQ(b.status, RoomStatus::after_conference);
    EXPECT_TRUE(b.now.empty() && b.next.empty() && b.later.empty() && b.elsewhere.empty());
    EXPECT_FALSE(b.next_day_first.has_value());
}

TEST(Scheduler, StatusesThroughTheDay) {
    auto p = seed();
    EXPECT_EQ(board(p, "Exhibit Hall A", at("2022-08-29T10:30")).status,
              RoomStatus::between_sessions);
    EXPECT_EQ(board(p, "Exhibit Hall A", at("2022-08-29T17:14")).status, RoomStatus::in_session);
    auto evening = board(p, "Exhibit Hall A", at("2022-08-29T17:15"));
    EXPECT_EQ(evening.status, RoomStatus::after_last_session);
    EXPECT_FALSE(evening.next_day_first.has_value());
    EXPECT_EQ(titles(evening.elsewhere), std::vector<std::string>{"Welcome Reception"});
    EXPECT_EQ(board(p, "Mission City Ballroom", at("2022-08-29T09:00")).status,
              RoomStatus::before_first_session);
    EXPECT_EQ(board(p, "Mission City Ballroom", at("2022-08-29T18:00")).status,
              RoomStatus::in_session);
}

// Invariants at every 5 minutes of the day, for every room.
TEST(Scheduler, InvariantsHoldAllDay) {
    auto schedule = make_schedule(seed(), {});
    ASSERT_TRUE(schedule.has_value());
    for (const auto& room : schedule->rooms()) {
        for (Instant t = at("2022-08-29T06:00"); t <= at("2022-08-29T23:00"); t += minutes{5}) {
            auto b = make_board(*schedule, room, t);
            ASSERT_TRUE(b.has_value());
            SCOPED_TRACE(room + " at " + format_iso(t, schedule->zone()));
            EXPECT_EQ(b->status == RoomStatus::in_session, !b->now.empty());
            for (const auto& s : b->now) {
                EXPECT_LE(*s->start, t);
                EXPECT_GT(*s->end, t);
                if (!s->talks.empty()) {
                    ASSERT_TRUE(s.on_stage.has_value());
                    EXPECT_LE(*s->talks[*s.on_stage].start, t);
                }
            }
            Instant previous = t;
            for (const auto& s : b->next) {
                ASSERT_TRUE(s->start.has_value());
                EXPECT_GT(*s->start, t);
                EXPECT_GE(*s->start, previous);
                previous = *s->start;
            }
            for (const auto* list : {&b->now, &b->next, &b->later, &b->elsewhere}) {
                for (const auto& s : *list) {
                    // Nothing inferred without its flag: the seed states no end and no talk time.
                    EXPECT_EQ(s->start.has_value(), s->end.has_value());
                    if (s->end) {
                        EXPECT_TRUE(s->end_estimated);
                    }
                    for (const auto& talk : s->talks) {
                        EXPECT_EQ(talk.start.has_value(), s->start.has_value());
                        if (talk.start) {
                            EXPECT_TRUE(talk.estimated && talk.end_estimated);
                        }
                    }
                    if (list != &b->now && list != &b->elsewhere) {
                        EXPECT_FALSE(s.on_stage);
                    }
                }
            }
        }
    }
}

// ---- rooms -------------------------------------------------------------------------------

TEST(Scheduler, RoomNamesMatchIgnoringCaseAndSpacing) {
    auto b = board(seed(), "  exhibit   HALL a\t", at("2022-08-29T09:10"));
    EXPECT_EQ(b.room, "Exhibit Hall A");
}

TEST(Scheduler, UnknownRoomListsTheRooms) {
    auto b = make_board(seed(), "Hall Z", at("2022-08-29T09:10"), {});
    ASSERT_FALSE(b.has_value());
    EXPECT_EQ(b.error().front().message,
              "no room 'Hall Z'; the program's rooms are: Exhibit Hall A, Mission City Ballroom");
    auto empty = make_board(seed(), "  ", at("2022-08-29T09:10"), {});
    ASSERT_FALSE(empty.has_value());
    EXPECT_EQ(empty.error().front().message.rfind("no room given; ", 0), 0u);
}

TEST(Scheduler, ASessionWithNoRoomTakesTheRoomItsTalksAgreeOn) {
    Program p = seed();
    p.sessions[1].room.reset();  // talks keep "Exhibit Hall A"
    auto b = board(p, "exhibit hall a", at("2022-08-29T09:10"));
    EXPECT_EQ(titles(b.now), std::vector<std::string>{"Outstanding Papers"});
    EXPECT_EQ(b.now[0]->room, "Exhibit Hall A");
    EXPECT_FALSE(b.now[0]->venue_wide);
}

TEST(Scheduler, OneSpellingPerRoomTheFirstInTheProgram) {
    Program p = seed();
    p.sessions[6].room = "EXHIBIT  hall A";
    auto b = board(p, "Exhibit Hall A", at("2022-08-29T13:20"));
    EXPECT_EQ(b.now[0]->room, "Exhibit Hall A");
}

TEST(Scheduler, MappedKindsAreTheirRoomsOwn) {
    ScheduleSettings settings;
    settings.unassigned_rooms = {{"registration desk", "Lobby"}};
    auto lobby = board(seed(), "lobby", at("2022-08-29T09:10"), settings);
    EXPECT_EQ(lobby.room, "Lobby");
    EXPECT_EQ(titles(lobby.now), std::vector<std::string>{"Registration Check-in Desk"});
    EXPECT_FALSE(lobby.now[0]->venue_wide);
    auto hall = board(seed(), "Exhibit Hall A", at("2022-08-29T09:10"), settings);
    EXPECT_EQ(hall.elsewhere[0]->room, "Lobby");

    settings.unassigned_rooms = {{"*", "Exhibit Hall A"}};
    auto all = board(seed(), "Exhibit Hall A", at("2022-08-29T08:00"), settings);
    EXPECT_EQ(titles(all.now), std::vector<std::string>{"Registration Check-in Desk"});
    // The papers now follow in the same room, so the desk's estimated end stops there.
    EXPECT_EQ(hhmm(all.now[0]->end), "08:45");
    all = board(seed(), "Exhibit Hall A", at("2022-08-29T09:10"), settings);
    EXPECT_EQ(titles(all.next),
              std::vector<std::string>{"The Future of MLSys: Industry and Academia"});
    EXPECT_TRUE(all.elsewhere.size() == 1 && !all.later.back()->venue_wide);
}

TEST(Scheduler, HiddenSessionsAreNotShownButTheirRoomIsKnown) {
    Program p = seed();
    p.sessions[9].hidden = true;
    auto b = board(p, "Mission City Ballroom", at("2022-08-29T18:00"));
    EXPECT_EQ(b.status, RoomStatus::after_last_session);
    EXPECT_TRUE(b.now.empty());
    EXPECT_TRUE(board(p, "Exhibit Hall A", at("2022-08-29T17:20")).elsewhere.empty());
}

// ---- ends --------------------------------------------------------------------------------

TEST(Scheduler, StatedEndsAreExactProseEndsAndInferredOnesAreFlagged) {
    Program p = seed();
    p.sessions[1].end = at("2022-08-29T10:15");
    p.sessions[9].end = at("2022-08-29T19:00");
    p.sessions[9].end_origin = Origin::from_prose;
    auto b = board(p, "Exhibit Hall A", at("2022-08-29T10:05"));
    EXPECT_EQ(hhmm(b.now[0]->end), "10:15");
    EXPECT_FALSE(b.now[0]->end_estimated);
    auto r = board(p, "Mission City Ballroom", at("2022-08-29T18:00"));
    EXPECT_EQ(hhmm(r.now[0]->end), "19:00");
    EXPECT_TRUE(r.now[0]->end_estimated);
}

TEST(Scheduler, AnEndBeforeTheStartIsSetAsideWithAWarning) {
    Program p = seed();
    p.sessions[1].end = at("2022-08-29T08:00");
    p.sessions[1].source = {"program.txt", 2};
    auto schedule = make_schedule(p, {});
    ASSERT_TRUE(schedule.has_value());
    ASSERT_EQ(schedule->warnings().size(), 1u);
    EXPECT_EQ(to_string(schedule->warnings()[0]),
              "program.txt:2: warning: 'Outstanding Papers' ends before it starts; its end is "
              "estimated instead");
    auto b = make_board(*schedule, "Exhibit Hall A", at("2022-08-29T09:10"));
    EXPECT_EQ(hhmm(b->now[0]->end), "10:00");
    EXPECT_TRUE(b->now[0]->end_estimated);
}

TEST(Scheduler, DefaultsComeFromTheKindThenTheWordsOfKindOrTitle) {
    Program p = seed();
    // The reception has no kind; its title says Reception: 180 minutes.
    auto r = board(p, "Mission City Ballroom", at("2022-08-29T18:00"));
    EXPECT_EQ(hhmm(r.now[0]->end), "20:30");
    ScheduleSettings settings;
    settings.durations.push_back({"reception", minutes{120}});  // a config's own wins
    settings.fallback_duration = minutes{30};
    r = board(p, "Mission City Ballroom", at("2022-08-29T18:00"), settings);
    EXPECT_EQ(hhmm(r.now[0]->end), "19:30");
    p.sessions[9].title = "Get-together";
    r = board(p, "Mission City Ballroom", at("2022-08-29T17:40"), settings);
    EXPECT_EQ(hhmm(r.now[0]->end), "18:00");
}

TEST(Scheduler, AnEstimateNeverCrossesMidnight) {
    Program p = seed();
    p.sessions[9].start = at("2022-08-29T22:30");
    auto r = board(p, "Mission City Ballroom", at("2022-08-29T23:30"));
    EXPECT_EQ(format_iso(*r.now[0]->end, zone("America/Los_Angeles")), "2022-08-30T00:00:00-07:00");
    EXPECT_EQ(board(p, "Mission City Ballroom", at("2022-08-30T00:10")).status,
              RoomStatus::after_conference);
}

TEST(Scheduler, TalkLengthPlacesTalksBackToBackAndSetsTheEnd) {
    ScheduleSettings settings;
    settings.talk_length = minutes{20};
    auto b = board(seed(), "Exhibit Hall A", at("2022-08-29T13:45"), settings);
    const auto& s = b.now[0];
    EXPECT_EQ(hhmm(s->end), "14:15");  // 4 × 20 = 80 min, cut at the next session's 14:15
    // 80 minutes do not fit in 75: the talks are squeezed into the span instead.
    EXPECT_EQ(hhmm(s->talks[1].start), "13:18");
    auto first = board(seed(), "Exhibit Hall A", at("2022-08-29T09:10"), settings);
    EXPECT_EQ(hhmm(first.now[0]->end), "10:25");  // 5 × 20
    EXPECT_EQ(hhmm(first.now[0]->talks[4].start), "10:05");
    EXPECT_EQ(hhmm(first.now[0]->talks[4].end), "10:25");
}

// ---- talks -------------------------------------------------------------------------------

TEST(Scheduler, StatedTalkTimesAreKeptAndTheRestSpreadAroundThem) {
    Program p = seed();
    auto& talks = p.sessions[1].talks;  // 08:45–10:00
    talks[2].start = at("2022-08-29T09:30");
    talks[2].end = at("2022-08-29T09:40");
    auto b = board(p, "Exhibit Hall A", at("2022-08-29T09:35"));
    const auto& s = b.now[0];
    EXPECT_EQ(hhmm(s->talks[0].start), "08:45");
    EXPECT_EQ(hhmm(s->talks[1].start), "09:07");  // 45 min over two talks: 22 and 23
    EXPECT_FALSE(s->talks[2].estimated);
    EXPECT_FALSE(s->talks[2].end_estimated);
    EXPECT_EQ(hhmm(s->talks[3].start), "09:40");  // after the stated end: 20 min over two
    EXPECT_EQ(hhmm(s->talks[4].start), "09:50");
    EXPECT_EQ(s.on_stage, 2u);
}

TEST(Scheduler, ExactlyOneTalkIsOnStageEvenBeforeTheFirstStatedOne) {
    Program p = seed();
    auto& talks = p.sessions[1].talks;
    talks.resize(2);
    talks[0].start = at("2022-08-29T09:00");
    talks[1].start = at("2022-08-29T09:30");
    auto b = board(p, "Exhibit Hall A", at("2022-08-29T08:50"));
    EXPECT_EQ(b.now[0].on_stage, 0u);
    EXPECT_EQ(hhmm(b.now[0]->talks[0].end), "09:30");
    EXPECT_TRUE(b.now[0]->talks[0].end_estimated);
    EXPECT_EQ(hhmm(b.now[0]->talks[1].end), "10:00");
}

// ---- sessions with no time -----------------------------------------------------------------

TEST(Scheduler, UntimedSessionsBelongToTheDayOfTheTimedOneBeforeThem) {
    Program p = seed();
    p.sessions.push_back(
        session("Oral", "Tuesday Papers", "Exhibit Hall A", at("2022-08-30T09:00")));
    p.sessions.push_back(session("Tutorial", "Tuesday Tutorial", "Exhibit Hall A", std::nullopt));
    auto monday = board(p, "Exhibit Hall A", at("2022-08-29T17:20"));
    EXPECT_EQ(monday.status, RoomStatus::after_last_session);
    EXPECT_EQ(titles(monday.later),
              (std::vector<std::string>{"Systems for ML and ML for Systems: A Virtuous Cycle",
                                        testing::gemmini, testing::time_series}));
    ASSERT_TRUE(monday.next_day_first.has_value());
    EXPECT_EQ((*monday.next_day_first)->title, "Tuesday Papers");
    auto tuesday = board(p, "Exhibit Hall A", at("2022-08-30T08:00"));
    EXPECT_EQ(titles(tuesday.next), std::vector<std::string>{"Tuesday Papers"});
    EXPECT_EQ(titles(tuesday.later), std::vector<std::string>{"Tuesday Tutorial"});
}

TEST(Scheduler, TheDayAProgramFilesAnUntimedSessionUnderWins) {
    Program p = seed();
    p.sessions.push_back(session("Tutorial", "Wednesday Tutorial", "Exhibit Hall A", std::nullopt));
    p.sessions.back().day = date::local_days{date::year{2022} / 8 / 31};
    p.sessions[2].day.reset();  // the invited talk: Monday by its neighbours
    auto monday = board(p, "Exhibit Hall A", at("2022-08-29T17:20"));
    EXPECT_EQ(titles(monday.later),
              (std::vector<std::string>{"Systems for ML and ML for Systems: A Virtuous Cycle",
                                        testing::gemmini, testing::time_series}));
    // Wednesday has nothing timed, yet it is a day of the program, with its untimed session.
    auto wednesday = board(p, "Exhibit Hall A", at("2022-08-31T09:00"));
    EXPECT_EQ(wednesday.status, RoomStatus::after_last_session);
    EXPECT_EQ(titles(wednesday.later), std::vector<std::string>{"Wednesday Tutorial"});
    EXPECT_EQ(board(p, "Exhibit Hall A", at("2022-08-30T09:00")).status,
              RoomStatus::after_last_session);
    EXPECT_EQ(board(p, "Exhibit Hall A", at("2022-09-01T09:00")).status,
              RoomStatus::after_conference);
}

TEST(Scheduler, AProgramWithNoTimesListsEverythingAsToBeAnnounced) {
    Program p;
    p.timezone = "America/Los_Angeles";
    p.sessions.push_back(session("Tutorial", "Gemmini", "Room 1", std::nullopt, {"Part 1"}));
    auto b = board(p, "Room 1", at("2022-08-29T09:00"));
    EXPECT_EQ(b.status, RoomStatus::before_conference);
    ASSERT_EQ(titles(b.later), std::vector<std::string>{"Gemmini"});
    EXPECT_FALSE(b.later[0]->talks[0].start.has_value());
    EXPECT_FALSE(b.later[0]->talks[0].estimated);
}

// ---- days --------------------------------------------------------------------------------

TEST(Scheduler, ALateSessionMovesTheDayBoundaryToItsEnd) {
    Program p = seed();
    p.sessions[9].start = at("2022-08-29T22:00");
    p.sessions[9].end = at("2022-08-30T01:00");
    p.sessions.push_back(
        session("Oral", "Tuesday Papers", "Exhibit Hall A", at("2022-08-30T09:00")));
    auto hall = board(p, "Exhibit Hall A", at("2022-08-30T00:30"));
    EXPECT_EQ(hall.status, RoomStatus::after_last_session);  // still Monday night
    ASSERT_TRUE(hall.next_day_first.has_value());
    EXPECT_EQ((*hall.next_day_first)->title, "Tuesday Papers");
    EXPECT_EQ(titles(hall.elsewhere), std::vector<std::string>{"Welcome Reception"});
    EXPECT_EQ(board(p, "Mission City Ballroom", at("2022-08-30T00:30")).status,
              RoomStatus::in_session);
    auto tuesday = board(p, "Exhibit Hall A", at("2022-08-30T01:00"));
    EXPECT_EQ(tuesday.status, RoomStatus::before_first_session);
    EXPECT_EQ(titles(tuesday.next), std::vector<std::string>{"Tuesday Papers"});
}

TEST(Scheduler, AWeekLongSessionDoesNotMakeOneLongDay) {
    Program p = seed();
    p.sessions.push_back(session("Exhibition", "Sponsor Expo", "Hall B", at("2022-08-29T08:00")));
    p.sessions.back().end = at("2022-09-01T18:00");
    p.sessions.push_back(
        session("Oral", "Tuesday Papers", "Exhibit Hall A", at("2022-08-30T09:00")));
    EXPECT_EQ(board(p, "Exhibit Hall A", at("2022-08-30T08:00")).status,
              RoomStatus::before_first_session);
    auto expo = board(p, "Hall B", at("2022-08-31T12:00"));
    EXPECT_EQ(expo.status, RoomStatus::in_session);
    EXPECT_EQ(titles(expo.now), std::vector<std::string>{"Sponsor Expo"});
}

TEST(Scheduler, OverlappingSessionsInOneRoomAreBothOn) {
    Program p = seed();
    p.sessions.push_back(
        session("Poster Session", "Posters", "Exhibit Hall A", at("2022-08-29T08:00")));
    p.sessions.back().end = at("2022-08-29T12:00");
    auto b = board(p, "Exhibit Hall A", at("2022-08-29T09:10"));
    EXPECT_EQ(titles(b.now), (std::vector<std::string>{"Posters", "Outstanding Papers"}));
}

TEST(Scheduler, SessionsStartingTogetherAreAllNext) {
    Program p = seed();
    p.sessions.push_back(
        session("Poster Session", "Posters", "Exhibit Hall A", at("2022-08-29T13:00")));
    auto b = board(p, "Exhibit Hall A", at("2022-08-29T11:00"));
    EXPECT_EQ(titles(b.next),
              (std::vector<std::string>{"Distributed and Parallel Learning", "Posters"}));
}

// ---- DST ---------------------------------------------------------------------------------
// Berlin, autumn 2022: 03:00 CEST on 30 Oct is 02:00 CET, so 02:00–03:00 happens twice.
// Instants are unambiguous; a session in each occurrence of the hour is its own session, in
// real-time order, and every duration is real elapsed time.

TEST(SchedulerDst, SessionsInTheRepeatedHourAreOrderedByRealTime) {
    const char* berlin = "Europe/Berlin";
    Program p;
    p.timezone = berlin;
    p.sessions.push_back(session("Panel", "First 02:30", "Saal 1", at("2022-10-30T02:30+02:00")));
    p.sessions.push_back(session("Panel", "Second 02:30", "Saal 1", at("2022-10-30T02:30+01:00")));
    auto first = board(p, "Saal 1", at("2022-10-30T00:45Z"));
    ASSERT_EQ(titles(first.now), std::vector<std::string>{"First 02:30"});
    // Cut at the next session: one real hour, though the wall clock reads 02:30 to 02:30.
    EXPECT_EQ(hhmm(first.now[0]->start, berlin), "02:30");
    EXPECT_EQ(hhmm(first.now[0]->end, berlin), "02:30");
    EXPECT_EQ(*first.now[0]->end - *first.now[0]->start, std::chrono::hours{1});
    EXPECT_EQ(titles(first.next), std::vector<std::string>{"Second 02:30"});
    auto second = board(p, "Saal 1", at("2022-10-30T01:45Z"));  // 02:45, the second time
    ASSERT_EQ(titles(second.now), std::vector<std::string>{"Second 02:30"});
    EXPECT_EQ(hhmm(second.now[0]->end, berlin), "03:30");  // Panel default, 60 real minutes
    EXPECT_EQ(second.status, RoomStatus::in_session);
    // Both are on 30 Oct, a 25-hour day that ends at midnight as usual.
    EXPECT_EQ(board(p, "Saal 1", at("2022-10-30T23:59", berlin)).status,
              RoomStatus::after_last_session);
    EXPECT_EQ(board(p, "Saal 1", at("2022-10-31T00:00", berlin)).status,
              RoomStatus::after_conference);
    EXPECT_EQ(board(p, "Saal 1", at("2022-10-30T00:10", berlin)).status,
              RoomStatus::before_first_session);
}

// Berlin, spring 2022: 02:00 CET on 27 Mar jumps to 03:00 CEST.
TEST(SchedulerDst, ASessionAcrossTheSkippedHourRunsInRealTime) {
    const char* berlin = "Europe/Berlin";
    Program p;
    p.timezone = berlin;
    p.sessions.push_back(session("Oral", "Night Papers", "Saal 1", at("2022-03-27T01:30", berlin),
                                 {"One", "Two", "Three"}));
    auto b = board(p, "Saal 1", at("2022-03-27T03:25", berlin));
    ASSERT_EQ(titles(b.now), std::vector<std::string>{"Night Papers"});
    const auto& s = b.now[0];
    // 75 real minutes from 01:30 CET end at 03:45 CEST; the talks get 25 real minutes each.
    EXPECT_EQ(hhmm(s->end, berlin), "03:45");
    EXPECT_EQ(hhmm(s->talks[1].start, berlin), "01:55");
    EXPECT_EQ(hhmm(s->talks[2].start, berlin), "03:20");
    EXPECT_EQ(s.on_stage, 2u);
    // The day is 23 hours long and begins at midnight as usual.
    EXPECT_EQ(board(p, "Saal 1", at("2022-03-26T23:59", berlin)).status,
              RoomStatus::before_conference);
    EXPECT_EQ(board(p, "Saal 1", at("2022-03-27T00:00", berlin)).status,
              RoomStatus::before_first_session);
    EXPECT_EQ(board(p, "Saal 1", at("2022-03-27T23:59", berlin)).status,
              RoomStatus::after_last_session);
    EXPECT_EQ(board(p, "Saal 1", at("2022-03-28T00:00", berlin)).status,
              RoomStatus::after_conference);
}

// Santiago, 2022: clocks jump from 24:00 on Sat 10 Sep to 01:00 on Sun 11 Sep, so Sunday has no
// midnight; its day begins at the jump.
TEST(SchedulerDst, ADayWithNoMidnightBeginsAtTheJump) {
    const char* santiago = "America/Santiago";
    Program p;
    p.timezone = santiago;
    p.sessions.push_back(
        session("Oral", "Sunday Papers", "Sala 1", at("2022-09-11T09:00", santiago)));
    EXPECT_EQ(board(p, "Sala 1", at("2022-09-11T03:59:59Z")).status, RoomStatus::before_conference);
    EXPECT_EQ(board(p, "Sala 1", at("2022-09-11T04:00:00Z")).status,
              RoomStatus::before_first_session);
}

// ---- errors ------------------------------------------------------------------------------

TEST(Scheduler, AnUnknownTimeZoneIsAnError) {
    Program p = seed();
    p.timezone = "Mars/Olympus";
    auto s = make_schedule(p, {});
    ASSERT_FALSE(s.has_value());
    EXPECT_EQ(s.error().front().message.rfind("unknown time zone 'Mars/Olympus'", 0), 0u);
}

// ---- the seed as the importer reads it (data/program.txt) ------------------------------------

Program imported_seed() {
    std::ifstream f(KIOSK_SOURCE_DIR "/data/program.txt", std::ios::binary);
    std::ostringstream text;
    text << f.rdbuf();
    ImportOptions options;
    options.file_name = "program.txt";
    options.fallback_timezone = "America/Los_Angeles";
    options.reference_day = date::local_days{date::year{2022} / 8 / 29};
    auto p = import_day_page(text.str(), options);
    EXPECT_TRUE(p.has_value()) << (p ? "" : format_diagnostics(p.error()));
    return p ? *p : Program{};
}

TEST(SchedulerSeed, At0910OutstandingPapersWithATalkOnStage) {
    auto b = board(imported_seed(), "Exhibit Hall A", at("2022-08-29T09:10"));
    EXPECT_EQ(b.status, RoomStatus::in_session);
    ASSERT_EQ(titles(b.now), std::vector<std::string>{"Outstanding Papers"});
    ASSERT_TRUE(b.now[0].on_stage.has_value());
    EXPECT_EQ(b.now[0]->talks[*b.now[0].on_stage].label, "QuadraLib");
    EXPECT_TRUE(b.now[0]->end_estimated);
    EXPECT_EQ(titles(b.next), std::vector<std::string>{"Distributed and Parallel Learning"});
}

TEST(SchedulerSeed, At1320DistributedAndParallelLearning) {
    auto b = board(imported_seed(), "Exhibit Hall A", at("2022-08-29T13:20"));
    EXPECT_EQ(b.status, RoomStatus::in_session);
    EXPECT_EQ(titles(b.now), std::vector<std::string>{"Distributed and Parallel Learning"});
}

TEST(SchedulerSeed, ZuluIsTheSameBoardAsLocal) {
    auto p = imported_seed();
    EXPECT_EQ(board(p, "Exhibit Hall A", at("2022-08-29T16:10Z")),
              board(p, "Exhibit Hall A", at("2022-08-29T09:10")));
}

TEST(SchedulerSeed, NextDayIsAfterTheConference) {
    auto b = board(imported_seed(), "Exhibit Hall A", at("2022-08-30T00:00"));
    EXPECT_EQ(b.status, RoomStatus::after_conference);
}

TEST(SchedulerSeed, At0600BeforeTheFirstSessionWhichIsNamed) {
    auto b = board(imported_seed(), "Exhibit Hall A", at("2022-08-29T06:00"));
    EXPECT_EQ(b.status, RoomStatus::before_first_session);
    EXPECT_EQ(titles(b.next), std::vector<std::string>{"Outstanding Papers"});
}

TEST(SchedulerSeed, EveryFiveMinutesOfTheDayInExhibitHallA) {
    auto schedule = make_schedule(imported_seed(), {});
    ASSERT_TRUE(schedule.has_value());
    for (Instant t = at("2022-08-29T06:00"); t <= at("2022-08-29T23:00"); t += minutes{5}) {
        SCOPED_TRACE(format_iso(t, schedule->zone()));
        auto b = make_board(*schedule, "Exhibit Hall A", t);
        ASSERT_TRUE(b.has_value());
        EXPECT_EQ(b->status == RoomStatus::in_session, !b->now.empty());
        for (const auto& s : b->now) {
            EXPECT_TRUE(*s->start <= t && t < *s->end);
            // Exactly one talk on stage while a session with talks is on.
            EXPECT_EQ(s.on_stage.has_value(), !s->talks.empty());
        }
        for (std::size_t i = 0; i < b->next.size(); ++i) {
            EXPECT_GT(*b->next[i]->start, t);
            if (i > 0) {
                EXPECT_LE(*b->next[i - 1]->start, *b->next[i]->start);
            }
        }
        // Nothing inferred without its flag: the seed states no end and no talk time.
        for (const auto* list : {&b->now, &b->next, &b->later, &b->elsewhere}) {
            for (const auto& s : *list) {
                EXPECT_EQ(s->end.has_value(), s->start.has_value());
                EXPECT_EQ(s->end_estimated, s->end.has_value());
                for (const auto& talk : s->talks) {
                    EXPECT_EQ(talk.estimated, talk.start.has_value());
                    EXPECT_EQ(talk.end_estimated, talk.end.has_value());
                }
            }
        }
        for (const auto& s : b->later) {
            if (!s->start) {
                EXPECT_FALSE(s->end.has_value());  // to be announced, never a guessed time
            }
        }
    }
}

// ---- days as exports file them, and programs without rooms --------------------------------

// pretalx days run 04:00 to 03:59: a talk at 02:30 on Sunday is filed under Saturday, and the
// Saturday screen shows it, exact end and all, until it ends; Sunday begins after it.
TEST(Scheduler, ATalkFiledUnderTheEveningBeforeBelongsToThatDay) {
    const char* berlin = "Europe/Berlin";
    Program p;
    p.timezone = berlin;
    const date::local_days saturday{date::year{2023} / 10 / 28};
    auto talk = [&](std::string title, std::string_view start, std::string_view end) {
        Session s = session("Talk", std::move(title), "Saal 1", at(start, berlin));
        s.end = at(end, berlin);
        s.day = saturday;
        return s;
    };
    p.sessions = {talk("Opening", "2023-10-28T10:00", "2023-10-28T10:45"),
                  talk("Night Owls", "2023-10-28T23:30", "2023-10-29T00:45"),
                  // 02:30 CET, after the clocks went back: 01:30Z.
                  talk("The Repeated Hour", "2023-10-29T02:30+01:00", "2023-10-29T03:00+01:00")};
    Session sunday = session("Workshop", "Fonts", "Saal 1", at("2023-10-29T10:00", berlin));
    sunday.end = at("2023-10-29T11:30", berlin);
    sunday.day = saturday + date::days{1};
    p.sessions.push_back(sunday);

    Board late = board(p, "Saal 1", at("2023-10-29T01:00", berlin));
    EXPECT_EQ(late.status, RoomStatus::between_sessions);
    ASSERT_EQ(titles(late.next), std::vector<std::string>{"The Repeated Hour"});
    EXPECT_FALSE(late.next.front()->end_estimated);
    Board on = board(p, "Saal 1", at("2023-10-29T02:45+01:00", berlin));
    EXPECT_EQ(titles(on.now), std::vector<std::string>{"The Repeated Hour"});
    // After it, Saturday is over: the screen points at Sunday's first session.
    Board after = board(p, "Saal 1", at("2023-10-29T03:30", berlin));
    EXPECT_EQ(after.status, RoomStatus::before_first_session);
    EXPECT_EQ(titles(after.next), std::vector<std::string>{"Fonts"});
}

// Many day pages name no rooms: every screen shows the venue's sessions as its own.
TEST(Scheduler, AProgramThatNamesNoRoomsIsEveryRoomsProgram) {
    Program p;
    p.timezone = "America/Los_Angeles";
    p.sessions = {session("Oral", "Morning Orals", std::nullopt, at("2022-08-29T09:00")),
                  session("Poster Session", "Posters", std::nullopt, at("2022-08-29T11:00"))};
    for (std::string_view room : {"Exhibit Hall A", "", "anything"}) {
        Board b = board(p, room, at("2022-08-29T09:30"));
        EXPECT_EQ(b.room, std::string(room));
        EXPECT_EQ(b.status, RoomStatus::in_session);
        EXPECT_EQ(titles(b.now), std::vector<std::string>{"Morning Orals"});
        EXPECT_EQ(titles(b.next), std::vector<std::string>{"Posters"});
        EXPECT_TRUE(b.elsewhere.empty());  // nothing listed twice
    }
    // A program with rooms still refuses one it does not know.
    p.sessions.push_back(session("Oral", "Afternoon", "Hall B", at("2022-08-29T13:00")));
    auto unknown = make_board(p, "Hall Z", at("2022-08-29T09:30"), {});
    ASSERT_FALSE(unknown.has_value());
    EXPECT_EQ(unknown.error().front().message, "no room 'Hall Z'; the program's rooms are: Hall B");
}

}  // namespace
}  // namespace kiosk
