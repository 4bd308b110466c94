// Staff corrections: every kind of change, corrections that match nothing, and malformed files,
// with the message and line asserted.
#include "kiosk/core/corrections.h"

#include <fstream>

#include <gtest/gtest.h>

#include "kiosk/core/scheduler.h"

#include "tests/support/seed_program.h"

namespace kiosk {
namespace {

using testing::venue_time;

Corrections parse(std::string_view text) {
    auto c = parse_corrections(text, "corrections.toml");
    EXPECT_TRUE(c.has_value()) << (c ? "" : format_diagnostics(c.error()));
    return c ? *c : Corrections{};
}

CorrectedProgram apply(std::string_view text) {
    return apply_corrections(testing::seed_program(), parse(text));
}

std::vector<std::string> messages(const Diagnostics& ds) {
    std::vector<std::string> out;
    for (const auto& d : ds) out.push_back(to_string(d));
    return out;
}

std::vector<std::string> errors(std::string_view text) {
    auto c = parse_corrections(text, "corrections.toml");
    EXPECT_FALSE(c.has_value());
    return c ? std::vector<std::string>{} : messages(c.error());
}

const Session& find(const Program& p, std::string_view title) {
    for (const auto& s : p.sessions) {
        if (s.title == title) return s;
    }
    throw std::runtime_error("no session " + std::string(title));
}

// ---- sessions ----------------------------------------------------------------------------

TEST(Corrections, SetStartEndRoomAndTitleMarkingThemCorrected) {
    auto r = apply(R"([[session]]
match = { kind = "oral", title = "  outstanding   papers " }
start = "08:30"
end = "2022-08-29T10:15"
room = " Exhibit  Hall B "
title = "Best Papers"
)");
    EXPECT_TRUE(r.warnings.empty()) << messages(r.warnings).front();
    const Session& s = find(r.program, "Best Papers");
    EXPECT_EQ(s.start, venue_time("2022-08-29T08:30"));
    EXPECT_EQ(s.end, venue_time("2022-08-29T10:15"));
    EXPECT_EQ(s.room, "Exhibit Hall B");
    EXPECT_EQ(s.start_origin, Origin::corrected);
    EXPECT_EQ(s.end_origin, Origin::corrected);
    EXPECT_EQ(s.room_origin, Origin::corrected);
    EXPECT_EQ(s.title_origin, Origin::corrected);
    // Everything else is as imported.
    EXPECT_EQ(s.talks, testing::seed_program().sessions[1].talks);
}

TEST(Corrections, ACorrectedEndIsExactOnTheBoard) {
    auto r = apply(R"([[session]]
match = { kind = "Oral", title = "Outstanding Papers" }
end = "10:15"
)");
    auto b = make_board(r.program, "Exhibit Hall A", venue_time("2022-08-29T10:05"), {});
    ASSERT_TRUE(b.has_value());
    ASSERT_EQ(b->now.size(), 1u);
    EXPECT_EQ(b->now[0]->end, venue_time("2022-08-29T10:15"));
    EXPECT_FALSE(b->now[0]->end_estimated);
}

TEST(Corrections, HideKeepsTheSessionForCheckButOffTheScreens) {
    auto r = apply(R"([[session]]
match = { title = "Welcome Reception" }
hide = true
)");
    EXPECT_TRUE(r.warnings.empty());
    EXPECT_TRUE(find(r.program, "Welcome Reception").hidden);
    auto b = make_board(r.program, "Mission City Ballroom", venue_time("2022-08-29T18:00"), {});
    ASSERT_TRUE(b.has_value());
    EXPECT_TRUE(b->now.empty());
}

TEST(Corrections, AnEmptyRoomMakesASessionVenueWide) {
    auto r = apply(R"([[session]]
match = { kind = "", title = "Welcome Reception" }
room = ""
)");
    EXPECT_FALSE(find(r.program, "Welcome Reception").room.has_value());
}

TEST(Corrections, ATimeOfDayForAnUntimedSessionNeedsADay) {
    Program p = testing::seed_program();
    for (auto& session : p.sessions) {
        if (!session.start) session.day.reset();  // a source that files them under no day
    }
    auto r = apply_corrections(p, parse(R"([[session]]
match = { kind = "Invited Talk", title = "Systems for ML and ML for Systems: A Virtuous Cycle" }
start = "10:15"

[[session]]
match = { kind = "Tutorial", title = "Gemmini: Enabling Systematic Deep-Learning Architecture Evaluation via Full-Stack Integration", day = "2022-08-29" }
start = "15:00"
)"));
    EXPECT_EQ(messages(r.warnings),
              std::vector<std::string>{
                  "corrections.toml:1: warning: start '10:15' is a time of day, but the session "
                  "has no day; write the date too, such as \"2022-08-29T10:15\""});
    // With a day in the match, an untimed session gets its time.
    EXPECT_EQ(find(r.program, testing::gemmini).start, venue_time("2022-08-29T15:00"));
}

TEST(Corrections, AnUntimedSessionFiledUnderADayTakesTimesOfDayOnIt) {
    Program p = testing::seed_program();  // the untimed sessions are filed under Monday
    auto r = apply_corrections(p, parse(R"([[session]]
match = { kind = "Tutorial", title = "Time Series Anomaly Detection : Tools, Techniques & Tricks" }
start = "15:00"

[[session]]
match = { kind = "Invited Talk", title = "Systems for ML and ML for Systems: A Virtuous Cycle", day = "2022-08-30" }
start = "10:00"
)"));
    EXPECT_EQ(find(r.program, testing::time_series).start, venue_time("2022-08-29T15:00"));
    EXPECT_EQ(messages(r.warnings),
              std::vector<std::string>{
                  "corrections.toml:5: warning: no Invited Talk session titled 'Systems for ML and "
                  "ML for Systems: A Virtuous Cycle' on 2022-08-30 in the program"});
}

TEST(Corrections, MovingASessionToAnotherDayMovesItsDay) {
    auto r = apply(R"([[session]]
match = { kind = "Oral", title = "Systems for ML 1" }
start = "2022-08-30T09:00"
)");
    EXPECT_EQ(find(r.program, "Systems for ML 1").day, date::local_days{date::year{2022} / 8 / 30});
}

// ---- talks -------------------------------------------------------------------------------

TEST(Corrections, TalksByPositionLabelTimesRoomAndHide) {
    auto r = apply(R"([[talk]]
match = { kind = "Oral", title = "Outstanding Papers", position = 3 }
label = "Pathways II"
start = "09:15"
end = "09:30"
room = "Exhibit Hall B"

[[talk]]
match = { kind = "Oral", title = "Outstanding Papers", position = 1 }
hide = true

[[talk]]
match = { kind = "Oral", title = "Outstanding Papers", position = 4 }
label = "ML-EXray, withdrawn"
)");
    EXPECT_TRUE(r.warnings.empty()) << messages(r.warnings).front();
    const auto& talks = find(r.program, "Outstanding Papers").talks;
    // Positions are those of the program as imported, though talk 1 is hidden.
    ASSERT_EQ(talks.size(), 4u);
    EXPECT_EQ(talks[0].label, "QuadraLib");
    EXPECT_EQ(talks[1].label, "Pathways II");
    EXPECT_EQ(talks[1].label_origin, Origin::corrected);
    EXPECT_FALSE(talks[1].label_derived);
    EXPECT_EQ(talks[1].start, venue_time("2022-08-29T09:15"));
    EXPECT_EQ(talks[1].end, venue_time("2022-08-29T09:30"));
    EXPECT_EQ(talks[1].time_origin, Origin::corrected);
    EXPECT_EQ(talks[1].room, "Exhibit Hall B");
    EXPECT_EQ(talks[1].room_origin, Origin::corrected);
    EXPECT_EQ(talks[2].label, "ML-EXray, withdrawn");
}

TEST(Corrections, ATalkPastTheEndOfItsSessionIsAWarning) {
    auto r = apply(R"(# comment

[[talk]]
match = { kind = "Oral", title = "Distributed and Parallel Learning", position = 7 }
label = "Seven"
)");
    EXPECT_EQ(messages(r.warnings),
              std::vector<std::string>{"corrections.toml:3: warning: 'Distributed and Parallel "
                                       "Learning' has 4 talks, so there is no talk 7"});
}

// ---- added sessions ----------------------------------------------------------------------

TEST(Corrections, AddALunchBreakAndAKeynoteMovedIn) {
    auto r = apply(R"([[add]]
kind = "Break"
title = "Lunch"
day = 2022-08-29
start = "12:00"
end = "13:00"

[[add]]
kind = "Keynote"
title = "The Next Decade of ML Systems"
speakers = ["Ana Ruiz"]
room = "Exhibit Hall A"
start = 2022-08-29T10:15:00
end = "2022-08-29T18:15Z"
description = "Moved in from Tuesday."
)");
    EXPECT_TRUE(r.warnings.empty()) << messages(r.warnings).front();
    ASSERT_EQ(r.program.sessions.size(), 12u);
    const Session& lunch = r.program.sessions[10];
    EXPECT_EQ(lunch.title, "Lunch");
    EXPECT_EQ(lunch.kind, "Break");
    EXPECT_FALSE(lunch.room.has_value());
    EXPECT_EQ(lunch.start, venue_time("2022-08-29T12:00"));
    EXPECT_EQ(lunch.end, venue_time("2022-08-29T13:00"));
    EXPECT_EQ(lunch.start_origin, Origin::corrected);
    EXPECT_EQ(lunch.day, date::local_days{date::year{2022} / 8 / 29});
    EXPECT_EQ(lunch.source, (SourceRef{"corrections.toml", 1}));
    const Session& keynote = r.program.sessions[11];
    EXPECT_EQ(keynote.speakers, std::vector<std::string>{"Ana Ruiz"});
    EXPECT_EQ(keynote.start, venue_time("2022-08-29T10:15"));
    EXPECT_EQ(keynote.end, venue_time("2022-08-29T11:15"));
    EXPECT_EQ(keynote.source.line, 8);
    auto b = make_board(r.program, "Exhibit Hall A", venue_time("2022-08-29T10:30"), {});
    ASSERT_TRUE(b.has_value());
    ASSERT_EQ(b->now.size(), 1u);
    EXPECT_EQ(b->now[0]->title, "The Next Decade of ML Systems");
    EXPECT_FALSE(b->now[0]->end_estimated);
}

TEST(Corrections, AnAddedTimeTheClocksSkipIsAWarningAndNoSession) {
    Program p = testing::seed_program();
    auto c = parse(R"([[add]]
title = "Night Session"
start = "2022-03-13T02:30"
)");
    auto r = apply_corrections(p, c);
    EXPECT_EQ(r.program.sessions.size(), p.sessions.size());
    EXPECT_EQ(messages(r.warnings),
              std::vector<std::string>{
                  "corrections.toml:1: warning: start: that local time is skipped by a "
                  "daylight-saving change in America/Los_Angeles in '2022-03-13T02:30' (expected "
                  "e.g. 2022-08-29T09:10, 2022-08-29T16:10Z or 2022-08-29T09:10-07:00)"});
}

// ---- corrections that match nothing ------------------------------------------------------

TEST(Corrections, ACorrectionThatMatchesNothingIsAWarningWithItsLine) {
    auto r = apply(R"(# Corrections for Monday.

[[session]]
match = { kind = "Oral", title = "Outstanding Paper" }
end = "10:15"

[[session]]
match = { kind = "Oral", title = "Gemmini: Enabling Systematic Deep-Learning Architecture Evaluation via Full-Stack Integration" }
hide = true

[[talk]]
match = { kind = "Oral", title = "Keynote", position = 1 }
label = "x"

[[session]]
match = { kind = "Oral", title = "Outstanding Papers", day = "2022-08-30" }
hide = true
)");
    EXPECT_EQ(messages(r.warnings),
              (std::vector<std::string>{
                  "corrections.toml:3: warning: no Oral session titled 'Outstanding Paper' in the "
                  "program (did you mean 'Outstanding Papers'?)",
                  "corrections.toml:7: warning: no Oral session titled 'Gemmini: Enabling "
                  "Systematic Deep-Learning Architecture Evaluation via Full-Stack Integration' "
                  "in the program (it is there as kind 'Tutorial')",
                  "corrections.toml:11: warning: no Oral session titled 'Keynote' in the program",
                  "corrections.toml:15: warning: no Oral session titled 'Outstanding Papers' on "
                  "2022-08-30 in the program"}));
    // Nothing changed.
    EXPECT_EQ(r.program, testing::seed_program());
}

// Lines that contradict each other are not all "applied": each contradiction is a warning that
// names both lines, and says which one the screen follows.
TEST(Corrections, ContradictingLinesAreWarningsNamingBoth) {
    auto r = apply(R"([[session]]
match = { kind = "Oral", title = "Outstanding Papers" }
room = "Mission City Ballroom"

[[session]]
match = { kind = "Oral", title = "Outstanding Papers" }
hide = true

[[session]]
match = { kind = "Oral", title = "Outstanding Papers" }
title = "Best Papers"

[[session]]
match = { kind = "Oral", title = "ML Compilers & Runtime" }
room = "Exhibit Hall A"

[[session]]
match = { kind = "Oral", title = "ML Compilers & Runtime" }
room = "Mission City Ballroom"
)");
    EXPECT_EQ(messages(r.warnings),
              (std::vector<std::string>{
                  "corrections.toml:5: warning: hides 'Outstanding Papers', which line 1 "
                  "changes; it is hidden, so that change is not shown",
                  "corrections.toml:9: warning: changes 'Outstanding Papers', which line 5 "
                  "hides; it stays hidden",
                  "corrections.toml:17: warning: sets the room of 'ML Compilers & Runtime' to "
                  "'Mission City Ballroom', but line 13 sets it to 'Exhibit Hall A'; the later "
                  "line wins"}));
    EXPECT_TRUE(find(r.program, "Best Papers").hidden);
    EXPECT_EQ(find(r.program, "ML Compilers & Runtime").room, "Mission City Ballroom");
}

TEST(Corrections, AnEndBeforeTheStartIsAWarningAndNotApplied) {
    const Program seed = testing::seed_program();
    auto r = apply(R"([[session]]
match = { kind = "Oral", title = "Outstanding Papers" }
end = "08:00"

[[session]]
match = { kind = "Oral", title = "ML Compilers & Runtime" }
start = "15:00"
end = "14:30"

[[add]]
kind = "Break"
title = "Lunch"
day = "2022-08-29"
start = "12:30"
end = "12:00"
)");
    EXPECT_EQ(messages(r.warnings),
              (std::vector<std::string>{
                  "corrections.toml:1: warning: would make 'Outstanding Papers' end at "
                  "2022-08-29 08:00, not after its start at 2022-08-29 08:45; this line's times "
                  "are not applied",
                  "corrections.toml:5: warning: would make 'ML Compilers & Runtime' end at "
                  "2022-08-29 14:30, not after its start at 2022-08-29 15:00; this line's times "
                  "are not applied",
                  "corrections.toml:10: warning: would make 'Lunch' end at 2022-08-29 12:00, not "
                  "after its start at 2022-08-29 12:30; it is not added"}));
    EXPECT_EQ(r.program, seed);
}

TEST(Corrections, AFullDateForSeveralSessionsIsAWarning) {
    Program p = testing::seed_program();
    p.sessions.push_back(
        testing::session("Poster Session", "Posters", "Hall B", venue_time("2022-08-29T15:00")));
    p.sessions.push_back(
        testing::session("Poster Session", "Posters", "Hall B", venue_time("2022-08-30T15:00")));
    auto r = apply_corrections(p, parse(R"([[session]]
match = { kind = "Poster Session", title = "Posters" }
start = "2022-08-29T16:00"

[[session]]
match = { kind = "Poster Session", title = "Posters" }
end = "17:00"
)"));
    EXPECT_EQ(messages(r.warnings),
              std::vector<std::string>{"corrections.toml:1: warning: 'Posters' matches 2 "
                                       "sessions, and a full date fits only one; add day = "
                                       "\"YYYY-MM-DD\" to the match"});
    // A time of day applies to each on its own day.
    EXPECT_EQ(r.program.sessions[10].end, venue_time("2022-08-29T17:00"));
    EXPECT_EQ(r.program.sessions[11].end, venue_time("2022-08-30T17:00"));
}

// ---- malformed files ---------------------------------------------------------------------

TEST(CorrectionsFile, TomlSyntaxErrorsNameTheLine) {
    EXPECT_EQ(errors("[[session]]\nmatch = { title = \"x\" }\nend = 10:15\n"),
              std::vector<std::string>{"corrections.toml:3: Error while parsing time: expected "
                                       "':', saw '\\n' (write times in quotes: end = \"10:15\")"});
}

TEST(CorrectionsFile, UnknownSectionsAndKeysSuggestTheRightOne) {
    EXPECT_EQ(errors(R"([[sessions]]
title = "x"

[[talk]]
match = { title = "Outstanding Papers", positon = 2 }
lable = "x"
)"),
              (std::vector<std::string>{
                  "corrections.toml:1: unknown section 'sessions' (did you mean 'session'?); "
                  "corrections are [[session]], [[talk]] and [[add]] entries",
                  "corrections.toml:5: unknown key 'positon' in match (did you mean "
                  "'position'?); it takes kind, title, day, position",
                  "corrections.toml:5: match needs the talk's position in its session (1, 2, …)",
                  "corrections.toml:6: unknown key 'lable' in [[talk]] (did you mean 'label'?); "
                  "it takes match, start, end, room, label, hide"}));
}

TEST(CorrectionsFile, BadValuesSayWhatIsExpected) {
    EXPECT_EQ(errors(R"([[session]]
match = { kind = "Oral" }
start = "25:00"
end = 1015
room = 7
hide = "yes"

[[talk]]
match = { title = "Outstanding Papers", position = 0 }
label = ""

[[add]]
day = "2022-02-30"
start = "12:00"
end = "13:00"
)"),
              (std::vector<std::string>{
                  "corrections.toml:2: match needs the session's title",
                  "corrections.toml:3: 'start' must be a time in quotes such as \"10:15\" (the "
                  "session's own day) or \"2022-08-29T10:15\", not '25:00'",
                  "corrections.toml:4: 'end' must be a time in quotes such as \"10:15\" (the "
                  "session's own day) or \"2022-08-29T10:15\", not that",
                  "corrections.toml:5: 'room' must be text in quotes",
                  "corrections.toml:6: 'hide' must be true or false",
                  "corrections.toml:9: 'position' must be a whole number from 1, the talk's "
                  "place in its session",
                  "corrections.toml:10: 'label' cannot be empty; use hide = true instead",
                  "corrections.toml:12: [[add]] needs a title",
                  "corrections.toml:12: [[add]] with a time of day ('12:00') needs day = "
                  "\"2022-08-29\", or a full start such as \"2022-08-29T12:00\"",
                  "corrections.toml:12: [[add]] with a time of day ('13:00') needs day = "
                  "\"2022-08-29\", or a full start such as \"2022-08-29T12:00\"",
                  "corrections.toml:13: 'day' must be a date such as \"2022-08-29\", not "
                  "'2022-02-30'"}));
}

TEST(CorrectionsFile, AnEntryMustSayWhatToChangeAndSectionsAreLists) {
    EXPECT_EQ(errors(R"([[session]]
match = { title = "Outstanding Papers" }

[session2]

[talk]
label = "x"
)"),
              (std::vector<std::string>{
                  "corrections.toml:1: [[session]] says which session but not what to change "
                  "(start, end, room, title or hide)",
                  "corrections.toml:4: unknown section 'session2' (did you mean 'session'?); "
                  "corrections are [[session]], [[talk]] and [[add]] entries",
                  "corrections.toml:6: 'talk' must be written [[talk]], one entry per "
                  "correction"}));
}

TEST(CorrectionsFile, TextLongerThanAScreenShowsIsAnError) {
    EXPECT_EQ(errors("[[session]]\nmatch = { title = \"Outstanding Papers\" }\ntitle = \"" +
                     std::string(5000, 'x') + "\"\n"),
              (std::vector<std::string>{
                  "corrections.toml:3: 'title' is 5000 bytes; at most 4000 are shown"}));
}

TEST(CorrectionsFile, AnEmptyFileHasNoCorrections) {
    auto c = parse("# nothing yet\n");
    EXPECT_TRUE(c.empty());
    EXPECT_EQ(apply_corrections(testing::seed_program(), c).program, testing::seed_program());
}

TEST(CorrectionsFile, TheShippedExampleReadsAndFitsTheSeed) {
    const std::string path = KIOSK_SOURCE_DIR "/data/corrections.example.toml";
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto c = parse_corrections(text, path);
    ASSERT_TRUE(c.has_value()) << format_diagnostics(c.error());
    EXPECT_EQ(c->sessions.size(), 3u);
    EXPECT_EQ(c->talks.size(), 1u);
    EXPECT_EQ(c->added.size(), 1u);
    auto r = apply_corrections(testing::seed_program(), *c);
    EXPECT_TRUE(r.warnings.empty()) << format_diagnostics(r.warnings);
    EXPECT_EQ(find(r.program, "Lunch").start, venue_time("2022-08-29T12:00"));
    EXPECT_EQ(find(r.program, "The Future of MLSys").room, "Exhibit Hall A");
}

}  // namespace
}  // namespace kiosk
