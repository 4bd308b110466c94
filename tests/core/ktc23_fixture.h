// Kiosk Test Camp 2023 (tests/data/programs/README.md) as every structured importer must read it,
// shared by the schedule.xml and schedule.json tests so both check the same values.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <date/date.h>
#include <gtest/gtest.h>

#include "kiosk/core/diagnostic.h"
#include "kiosk/core/import/importer.h"
#include "kiosk/core/program.h"

namespace kiosk::ktc23 {

inline std::string read(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    EXPECT_TRUE(f.good()) << path;
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

inline std::string program_file(const std::string& name) {
    return read(KIOSK_TEST_DATA_DIR "/programs/" + name);
}

// The venue's zone is not the file's, so a test sees which one was used.
inline ImportOptions options(std::string file) {
    ImportOptions o;
    o.file_name = std::move(file);
    o.fallback_timezone = "America/Los_Angeles";
    o.reference_day = date::local_days{date::year{2023} / 10 / 1};
    return o;
}

inline std::string utc(const std::optional<Instant>& t) {
    return t ? date::format("%Y-%m-%dT%H:%MZ", date::floor<std::chrono::minutes>(*t)) : "none";
}

inline std::string day(const std::optional<date::local_days>& d) {
    return d ? date::format("%Y-%m-%d", *d) : "none";
}

inline std::vector<std::string> messages(const Diagnostics& ds) {
    std::vector<std::string> out;
    for (const auto& d : ds) out.push_back(to_string(d));
    return out;
}

// Replaces the one occurrence of `from` in `s`.
inline std::string replace_once(std::string s, const std::string& from, const std::string& to) {
    auto at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    EXPECT_EQ(s.find(from, at + 1), std::string::npos) << from << " occurs twice";
    if (at != std::string::npos) s.replace(at, from.size(), to);
    return s;
}

struct ExpectedSession {
    const char* id;  // the guid
    const char* kind;
    const char* title;
    const char* subtitle;
    std::vector<std::string> speakers;
    const char* room;
    const char* start;  // UTC
    const char* end;
    const char* day;  // the day the exporter filed it under
    const char* track;
    const char* colour;
    const char* language;
    const char* description;
};

// In source order: the days, their rooms in pretalx's room order, each room's events by start.
inline const std::vector<ExpectedSession>& sessions() {
    static const std::vector<ExpectedSession> all = {
        {"a0000000-0000-4000-8000-000000001001",
         "Talk",
         "Opening: Welcome to Kiosk Test Camp",
         "",
         {"Zoë Müller"},
         "Saal 1",
         "2023-10-28T08:00Z",
         "2023-10-28T08:45Z",
         "2023-10-28",
         "Community",
         "#F2B84B",
         "en",
         "Why this camp exists and how to find your way around."},
        // 23:30 CEST is 21:30Z; 1:15 later is 22:45Z, 00:45 on Sunday, still Saturday's session.
        {"a0000000-0000-4000-8000-000000001004",
         "Lightning Talks",
         "Night Owl Lightning Talks",
         "",
         {"محمد علي", "Zoë Müller"},
         "Saal 1",
         "2023-10-28T21:30Z",
         "2023-10-28T22:45Z",
         "2023-10-28",
         "Community",
         "#F2B84B",
         "en",
         "Five-minute talks until the hall closes."},
        {"a0000000-0000-4000-8000-000000001002",
         "Talk",
         "Scheduling without Surprises",
         "What a hallway screen must know",
         {"张伟", "Ana Ruiz"},
         "Raum Ü2",
         "2023-10-28T09:00Z",
         "2023-10-28T10:00Z",
         "2023-10-28",
         "Systems",
         "#5AA9FF",
         "en",
         "How a screen can tell exact times from estimates."},
        {"a0000000-0000-4000-8000-000000001003",
         "Talk",
         "Über Zeitzonen",
         "",
         {"Jörg Schäfer"},
         "Hall 東",
         "2023-10-28T09:00Z",
         "2023-10-28T09:30Z",
         "2023-10-28",
         "Talks auf Deutsch",
         "#7BD88F",
         "de",
         "Warum Sommerzeit Terminpläne verwirrt."},
        // The second 02:30 of the night DST ends (+01:00): 01:30Z, filed under Saturday.
        {"a0000000-0000-4000-8000-000000001005",
         "Talk",
         "The Repeated Hour",
         "",
         {"Ana Ruiz"},
         "Hall 東",
         "2023-10-29T01:30Z",
         "2023-10-29T02:00Z",
         "2023-10-28",
         "Systems",
         "#5AA9FF",
         "en",
         "What happens when 02:30 comes twice."},
        {"a0000000-0000-4000-8000-000000001006",
         "Workshop",
         "Workshop: Fonts for Every Script",
         "",
         {"Иван Петров"},
         "Saal 1",
         "2023-10-29T09:00Z",
         "2023-10-29T10:30Z",
         "2023-10-29",
         "Systems",
         "#5AA9FF",
         "en",
         "Shaping, fallback and line breaking for every script."},
        {"a0000000-0000-4000-8000-000000001007",
         "Talk",
         "Всё о расписаниях",
         "",
         {"Иван Петров"},
         "Raum Ü2",
         "2023-10-29T13:00Z",
         "2023-10-29T15:00Z",
         "2023-10-29",
         "Community",
         "#F2B84B",
         "ru",
         "Расписания, часовые пояса и экраны."},
        {"a0000000-0000-4000-8000-000000001008",
         "Talk",
         "Closing",
         "",
         {"Zoë Müller"},
         "Saal 1",
         "2023-10-30T08:00Z",
         "2023-10-30T08:45Z",
         "2023-10-30",
         "Community",
         "#F2B84B",
         "en",
         "Thanks and goodbye."},
        {"a0000000-0000-4000-8000-000000001009",
         "Talk",
         "مرحبا بالجميع",
         "",
         {"محمد علي"},
         "Hall 東",
         "2023-10-30T08:30Z",
         "2023-10-30T09:30Z",
         "2023-10-30",
         "Community",
         "#F2B84B",
         "ar",
         "كلمة ترحيب للمشاركين."},
    };
    return all;
}

// Every field of every session; `lines` are the sessions' source lines, in the same order.
inline void expect_program(const Program& p, const std::string& file,
                           const std::vector<int>& lines) {
    EXPECT_EQ(p.timezone, "Europe/Berlin");
    EXPECT_TRUE(p.warnings.empty()) << ::testing::PrintToString(messages(p.warnings));
    const auto& want = sessions();
    ASSERT_EQ(p.sessions.size(), want.size());
    ASSERT_EQ(lines.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) {
        const Session& s = p.sessions[i];
        const ExpectedSession& w = want[i];
        SCOPED_TRACE(w.id);
        EXPECT_EQ(s.id, w.id);
        EXPECT_EQ(s.kind, w.kind);
        EXPECT_EQ(s.title, w.title);
        EXPECT_EQ(s.subtitle, w.subtitle);
        EXPECT_EQ(s.speakers, w.speakers);
        EXPECT_EQ(s.room, std::optional<std::string>(w.room));
        EXPECT_EQ(s.room_origin, Origin::stated);
        EXPECT_EQ(utc(s.start), w.start);
        EXPECT_EQ(utc(s.end), w.end);
        EXPECT_EQ(s.end_origin, Origin::stated);
        EXPECT_EQ(s.start_origin, Origin::stated);
        EXPECT_EQ(day(s.day), w.day);
        EXPECT_EQ(s.track, w.track);
        EXPECT_EQ(s.colour, w.colour);
        EXPECT_EQ(s.language, w.language);
        EXPECT_EQ(s.description, w.description);
        EXPECT_TRUE(s.talks.empty());
        EXPECT_FALSE(s.hidden);
        EXPECT_EQ(s.source, (SourceRef{file, lines[i]}));
    }
}

}  // namespace kiosk::ktc23
