// The c3voc/pretalx schedule.json importer: Kiosk Test Camp 2023 in pretalx's shape (and the same
// Program as its schedule.xml), a real pretalx export, zones and offsets, and broken files.
#include "kiosk/core/import/schedule_json.h"

#include <algorithm>
#include <random>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kiosk/core/import/frab_xml.h"
#include "kiosk/core/import/schedule_common.h"

#include "ktc23_fixture.h"

namespace kiosk {
namespace {

using ktc23::messages;
using ktc23::options;
using ktc23::utc;
using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const Importer& json() { return schedule_json_importer(); }

std::string fixture() { return ktc23::program_file("ktc23.schedule.json"); }

Result<Program> import(const std::string& bytes, const std::string& file = "schedule.json") {
    return json().import(bytes, options(file));
}

// A schedule of one event (its fields, without braces), for what KTC23 does not show. The
// event's guid is on line 8 (7 without a zone).
std::string one_event(const std::string& fields, const std::string& zone = "Europe/Berlin") {
    return "{\"schedule\": {\"conference\": {\n"
           "  \"title\": \"T\",\n" +
           (zone.empty() ? std::string() : "  \"time_zone_name\": \"" + zone + "\",\n") +
           "  \"days\": [{\n"
           "    \"index\": 1, \"date\": \"2023-10-28\",\n"
           "    \"day_start\": \"2023-10-28T04:00:00+02:00\",\n"
           "    \"rooms\": {\"Saal 1\": [{\n"
           "      \"guid\": \"g-1\",\n      " +
           fields +
           "\n    }]}\n"
           "  }]\n"
           "}}}\n";
}

// ---- recognising ------------------------------------------------------------------------------

TEST(ScheduleJsonRecognise, ByScheduleAndConferenceNotTheName) {
    EXPECT_EQ(json().name(), "c3voc/pretalx schedule.json");
    EXPECT_TRUE(json().recognises(fixture()));
    EXPECT_TRUE(json().recognises("{\"schedule\": {\"version\": \"1\", \"conference\": {}}}"));
    EXPECT_TRUE(
        json().recognises("\xEF\xBB\xBF {\"$schema\": \"x\", \"generator\": {\"name\": "
                          "\"pretalx\"}, \"schedule\": {\"conference\": {\"days\""));
    EXPECT_FALSE(json().recognises(ktc23::program_file("ktc23.schedule.xml")));
    EXPECT_FALSE(json().recognises(ktc23::read(KIOSK_SOURCE_DIR "/data/program.txt")));
    EXPECT_FALSE(json().recognises(""));
    EXPECT_FALSE(json().recognises("{\"conference\": {}}"));
    EXPECT_FALSE(json().recognises("{\"schedule\": []}"));
    EXPECT_FALSE(json().recognises("{\"schedule\": {\"version\": {\"conference\": {}}}}"));
    EXPECT_FALSE(json().recognises("{\"a\": {\"schedule\": {\"conference\": {}}}}"));
    EXPECT_FALSE(json().recognises("[{\"schedule\": {\"conference\": {}}}]"));
    // A look at the keys, not a check of the syntax: a broken schedule.json is still one, and
    // importing it says where it is broken.
    EXPECT_TRUE(json().recognises("{\"schedule\": {\"conference\" {}}}"));
}

// ---- Kiosk Test Camp 2023 ---------------------------------------------------------------------

TEST(ScheduleJsonKtc23, EveryField) {
    auto p = import(fixture(), "ktc23.schedule.json");
    ASSERT_TRUE(p.has_value()) << ::testing::PrintToString(messages(p.error()));
    // Each event's line is its guid's.
    ktc23::expect_program(*p, "ktc23.schedule.json", {72, 109, 157, 205, 242, 289, 328, 375, 414});
}

TEST(ScheduleJsonKtc23, PastMidnightBelongsToTheDayBefore) {
    auto p = import(fixture());
    ASSERT_TRUE(p.has_value());
    const Session& owls = p->sessions[1];  // 1004: 23:30 CEST for 1:15
    ASSERT_EQ(owls.title, "Night Owl Lightning Talks");
    EXPECT_EQ(utc(owls.start), "2023-10-28T21:30Z");
    EXPECT_EQ(utc(owls.end), "2023-10-28T22:45Z");
    EXPECT_EQ(ktc23::day(owls.day), "2023-10-28");
    const Session& repeated = p->sessions[4];  // 1005: the second 02:30, +01:00
    ASSERT_EQ(repeated.title, "The Repeated Hour");
    EXPECT_EQ(utc(repeated.start), "2023-10-29T01:30Z");
    EXPECT_EQ(ktc23::day(repeated.day), "2023-10-28");
}

// pretalx writes schedule.json on one line with every non-ASCII character as \uXXXX.
TEST(ScheduleJsonKtc23, OneLineWithEscapesAsPretalxWritesIt) {
    std::string one_line = nlohmann::ordered_json::parse(fixture()).dump(-1, ' ', true);
    ASSERT_THAT(one_line, HasSubstr("\"Zo\\u00eb M\\u00fcller\""));
    auto p = import(one_line, "ktc23.schedule.json");
    ASSERT_TRUE(p.has_value());
    ktc23::expect_program(*p, "ktc23.schedule.json", std::vector<int>(9, 1));
}

TEST(ScheduleJsonKtc23, TheSameProgramAsTheXml) {
    auto from_json = import(fixture(), "ktc23.schedule.json");
    auto from_xml = frab_xml_importer().import(ktc23::program_file("ktc23.schedule.xml"),
                                               options("ktc23.schedule.xml"));
    ASSERT_TRUE(from_json.has_value());
    ASSERT_TRUE(from_xml.has_value());
    EXPECT_EQ(from_json->timezone, from_xml->timezone);
    EXPECT_EQ(from_json->warnings, from_xml->warnings);
    ASSERT_EQ(from_json->sessions.size(), from_xml->sessions.size());
    for (std::size_t i = 0; i < from_json->sessions.size(); ++i) {
        Session a = from_json->sessions[i];
        Session b = from_xml->sessions[i];
        SCOPED_TRACE(a.id);
        EXPECT_EQ(a.kind, b.kind);
        EXPECT_EQ(a.title, b.title);
        EXPECT_EQ(a.subtitle, b.subtitle);
        EXPECT_EQ(a.speakers, b.speakers);
        EXPECT_EQ(a.room, b.room);
        EXPECT_EQ(a.start, b.start);
        EXPECT_EQ(a.end, b.end);
        EXPECT_EQ(a.day, b.day);
        EXPECT_EQ(a.end_origin, b.end_origin);
        EXPECT_EQ(a.description, b.description);
        EXPECT_EQ(a.id, b.id);
        EXPECT_EQ(a.track, b.track);
        EXPECT_EQ(a.colour, b.colour);  // "#5aa9ff" in the XML, "#5AA9FF" in the JSON
        EXPECT_EQ(a.language, b.language);
        // And nothing else differs but where each was read.
        EXPECT_NE(a.source, b.source);
        a.source = b.source = {};
        EXPECT_EQ(a, b);
    }
}

// ---- zones and offsets --------------------------------------------------------------------

TEST(ScheduleJsonZone, AnOffsetThatDisagreesWithTheZoneIsWarnedAndTheDateWins) {
    auto text = ktc23::replace_once(fixture(), "\"date\": \"2023-10-28T10:00:00+02:00\"",
                                    "\"date\": \"2023-10-28T10:00:00+03:00\"");
    text = ktc23::replace_once(text, "\"end\": \"2023-10-28T10:45:00+02:00\"",
                               "\"end\": \"2023-10-28T10:45:00+03:00\"");
    auto p = import(text, "ktc23.schedule.json");
    ASSERT_TRUE(p.has_value());
    EXPECT_THAT(
        messages(p->warnings),
        ElementsAre("ktc23.schedule.json:72: warning: event 'Opening: Welcome to Kiosk Test "
                    "Camp': its date 2023-10-28T10:00:00+03:00 is 09:00 in "
                    "Europe/Berlin, but its start says 10:00; using the date"));
    EXPECT_EQ(utc(p->sessions[0].start), "2023-10-28T07:00Z");
    EXPECT_EQ(utc(p->sessions[0].end), "2023-10-28T07:45Z");
}

TEST(ScheduleJsonZone, AnUnknownZoneIsAnErrorOnItsLine) {
    auto text = ktc23::replace_once(fixture(), "\"time_zone_name\": \"Europe/Berlin\"",
                                    "\"time_zone_name\": \"Mars/Olympus\"");
    auto p = import(text, "ktc23.schedule.json");
    ASSERT_FALSE(p.has_value());
    EXPECT_THAT(messages(p.error()),
                ElementsAre("ktc23.schedule.json:19: unknown time zone 'Mars/Olympus' (expected "
                            "an IANA name such as America/Los_Angeles)"));
    auto number = import(ktc23::replace_once(fixture(), "\"time_zone_name\": \"Europe/Berlin\"",
                                             "\"time_zone_name\": 1"),
                         "ktc23.schedule.json");
    ASSERT_FALSE(number.has_value());
    EXPECT_THAT(messages(number.error()),
                ElementsAre("ktc23.schedule.json:19: time_zone_name is not text, expected a "
                            "name such as Europe/Berlin"));
}

TEST(ScheduleJsonZone, NoZoneInTheFileUsesTheVenuesWithAWarning) {
    auto p = import(one_event("\"title\": \"T\", \"date\": \"2023-10-28T10:00:00+02:00\", "
                              "\"start\": \"10:00\", \"duration\": \"00:30\"",
                              ""),
                    "s.json");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->timezone, "America/Los_Angeles");
    EXPECT_EQ(utc(p->sessions[0].start), "2023-10-28T08:00Z");
    // In the venue's zone 08:00Z is 01:00, which the start contradicts.
    EXPECT_THAT(
        messages(p->warnings),
        ElementsAre("s.json: warning: the file names no time zone (time_zone_name); reading its "
                    "times in America/Los_Angeles, the venue's (venue.timezone)",
                    "s.json:7: warning: event 'T': its date 2023-10-28T10:00:00+02:00 is 01:00 in "
                    "America/Los_Angeles, but its start says 10:00; using the date"));
}

// ---- fields -----------------------------------------------------------------------------

TEST(ScheduleJsonFields, FrabShapedEventsWithNumericIdsAndPublicNames) {
    // frab: no guid in older exports, "id" a number, persons with "public_name".
    std::string text =
        "{\"schedule\": {\"version\": \"1\", \"conference\": {\n"
        "  \"time_zone_name\": \"Europe/Berlin\",\n"
        "  \"days\": [{\"index\": 1, \"date\": \"2023-10-28\", \"rooms\": {\n"
        "    \"Saal 1\": [\n"
        "      {\"id\": 17, \"title\": \"Frab talk\", \"date\": \"2023-10-28T10:00:00+02:00\",\n"
        "       \"start\": \"10:00\", \"duration\": \"1:02:30\", \"room\": \"Saal 1\",\n"
        "       \"persons\": [{\"id\": 3, \"public_name\": \"Ana Ruiz\", \"name\": \"A. R.\"},\n"
        "                   {\"name\": \"Zoë Müller\"}, \"Jörg Schäfer\", {\"id\": 4}],\n"
        "       \"abstract\": null, \"description\": \"Long.\", \"subtitle\": null,\n"
        "       \"track\": null, \"language\": null, \"type\": \"lecture\"}\n"
        "    ]}}]}}}\n";
    auto p = import(text, "frab.json");
    ASSERT_TRUE(p.has_value()) << ::testing::PrintToString(messages(p.error()));
    ASSERT_EQ(p->sessions.size(), 1u);
    const Session& s = p->sessions[0];
    EXPECT_EQ(s.id, "17");
    EXPECT_EQ(s.kind, "lecture");
    EXPECT_THAT(s.speakers, ElementsAre("Ana Ruiz", "Zoë Müller", "Jörg Schäfer"));
    EXPECT_EQ(utc(s.end), "2023-10-29T10:30Z");  // a day, two hours and a half
    EXPECT_EQ(s.description, "Long.");
    EXPECT_EQ(s.subtitle, "");
    EXPECT_EQ(s.source, (SourceRef{"frab.json", 5}));  // `"id": 17`
    EXPECT_TRUE(p->warnings.empty()) << ::testing::PrintToString(messages(p->warnings));
}

TEST(ScheduleJsonFields, AbstractAndDescriptionTogether) {
    auto p =
        import(one_event("\"title\": \"T\", \"date\": \"2023-10-28T10:00:00+02:00\", "
                         "\"duration\": \"00:30\", \"abstract\": \"Short.\", "
                         "\"description\": \"Long.\\nSecond line.\""));
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->sessions[0].description, "Short.\n\nLong.\nSecond line.");
}

TEST(ScheduleJsonFields, EndAndDurationThatDisagreeAreWarnedAndTheEndWins) {
    auto p = import(one_event("\"title\": \"T\", \"date\": \"2023-10-28T10:00:00+02:00\", "
                              "\"end\": \"2023-10-28T11:00:00+02:00\", \"duration\": \"00:30\""),
                    "s.json");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(utc(p->sessions[0].end), "2023-10-28T09:00Z");
    EXPECT_THAT(
        messages(p->warnings),
        ElementsAre("s.json:8: warning: event 'T': its end 2023-10-28T11:00:00+02:00 and its "
                    "duration 00:30 disagree; using the end"));
}

TEST(ScheduleJsonFields, ValuesOfTheWrongTypeAreWarnedAndIgnored) {
    auto p = import(one_event("\"title\": \"T\", \"date\": \"2023-10-28T10:00:00+02:00\", "
                              "\"duration\": \"00:30\", \"track\": {\"slug\": \"ccc\"}, "
                              "\"language\": [\"en\"], \"persons\": \"nobody\""),
                    "s.json");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->sessions[0].track, "");
    EXPECT_TRUE(p->sessions[0].speakers.empty());
    EXPECT_THAT(
        messages(p->warnings),
        ElementsAre("s.json:8: warning: event 'T': \"track\" is an object, expected text; ignored",
                    "s.json:8: warning: event 'T': \"language\" is a list, expected text; "
                    "ignored"));
}

TEST(ScheduleJsonFields, RoomsKeepTheirOrderInTheFile) {
    std::string text =
        "{\"schedule\": {\"conference\": {\"time_zone_name\": \"UTC\", \"days\": [{\"date\": "
        "\"2023-10-28\", \"rooms\": {\n"
        "\"Zebra\": [{\"guid\": \"z\", \"title\": \"Z\", \"date\": \"2023-10-28T10:00:00Z\", "
        "\"duration\": \"0:10\"}],\n"
        "\"Aardvark\": [{\"guid\": \"a\", \"title\": \"A\", \"date\": \"2023-10-28T10:00:00Z\", "
        "\"duration\": \"0:10\"}]\n"
        "}}]}}}";
    auto p = import(text, "s.json");
    ASSERT_TRUE(p.has_value());
    ASSERT_EQ(p->sessions.size(), 2u);
    EXPECT_EQ(p->sessions[0].room, "Zebra");  // no "room" field: the key it is filed under
    EXPECT_EQ(p->sessions[1].room, "Aardvark");
    EXPECT_EQ(p->sessions[0].source.line, 2);
    EXPECT_EQ(p->sessions[1].source.line, 3);
}

TEST(ScheduleJsonFields, EventsWhoseGuidCannotBeFoundInTheTextCostOnePassNotMany) {
    // "a\/1" is "a/1": the guid as read is not in the text, and neither is an id. Each event
    // gets the line the reading had come to; the searches stop after a few passes.
    std::string text =
        "{\"schedule\": {\"conference\": {\"time_zone_name\": \"UTC\",\n"
        "\"days\": [{\"date\": \"2023-10-28\", \"rooms\": {\"A\": [\n";
    for (int i = 0; i < 20000; ++i) {
        text += std::string(i == 0 ? "" : ",\n") + "{\"guid\": \"a\\/" + std::to_string(i) +
                "\", \"title\": \"T\", \"date\": \"2023-10-28T10:00:00Z\", \"duration\": "
                "\"0:10\"}";
    }
    text += "]}}]}}}";
    auto p = import(text, "s.json");
    ASSERT_TRUE(p.has_value());
    ASSERT_EQ(p->sessions.size(), 20000u);
    EXPECT_EQ(p->sessions[0].id, "a/0");
    EXPECT_EQ(p->sessions.back().source.line, 1);
}

// ---- broken files -------------------------------------------------------------------------

TEST(ScheduleJsonBroken, EmptyAndNotASchedule) {
    auto empty = import("\n", "s.json");
    ASSERT_FALSE(empty.has_value());
    EXPECT_THAT(messages(empty.error()),
                ElementsAre("s.json: the file is empty; expected a schedule.json"));
    auto array = import("[1, 2]", "s.json");
    ASSERT_FALSE(array.has_value());
    EXPECT_THAT(messages(array.error()),
                ElementsAre("s.json:1: not a schedule.json: the top level is a list, expected "
                            "an object with \"schedule\""));
    auto no_conference = import("{\n\"schedule\": {\"version\": \"1\"}}", "s.json");
    ASSERT_FALSE(no_conference.has_value());
    EXPECT_THAT(messages(no_conference.error()),
                ElementsAre("s.json: not a schedule.json: no \"conference\" object in "
                            "\"schedule\""));
    auto no_events = import(
        "{\"schedule\": {\"conference\": {\"time_zone_name\": \"UTC\", "
        "\"days\": [{\"date\": \"2023-10-28\", \"rooms\": {}}]}}}",
        "s.json");
    ASSERT_FALSE(no_events.has_value());
    EXPECT_THAT(messages(no_events.error()),
                ElementsAre("s.json: no events: the schedule.json lists no event with a title "
                            "under any day; nothing to show"));
}

TEST(ScheduleJsonBroken, TheNewerLayoutIsRefusedByName) {
    // c3voc schema 2 (the 38C3 hub): days without rooms, the events in schedule.events.
    std::string text =
        "{\"schedule\": {\"version\": \"2024-12-26 20:23\",\n"
        " \"conference\": {\"acronym\": \"38c3\", \"time_zone_name\": \"Europe/Berlin\",\n"
        "   \"days\": [{\"index\": 1, \"date\": \"2024-12-27\"}]},\n"
        " \"events\": [{\"guid\": \"270fa44c-821a-577f-8ca3-33e8d4a8c2a7\", \"title\": \"x\"}]}}";
    ASSERT_TRUE(json().recognises(text));
    auto p = import(text, "hub.json");
    ASSERT_FALSE(p.has_value());
    EXPECT_THAT(messages(p.error()),
                ElementsAre("hub.json:4: this schedule.json lists its events in schedule.events "
                            "(the c3voc schema 2 layout), which kiosk does not read yet; export "
                            "the frab-compatible schedule.json (days with rooms)"));
}

TEST(ScheduleJsonBroken, MalformedJsonNamesItsLine) {
    auto text = ktc23::replace_once(fixture(), "\"type\": \"Lightning Talks\",",
                                    "\"type\": \"Lightning Talks\"");
    auto p = import(text, "ktc23.schedule.json");
    ASSERT_FALSE(p.has_value());
    EXPECT_THAT(messages(p.error()),
                ElementsAre("ktc23.schedule.json:124: not valid JSON (column 26: syntax error "
                            "while parsing object - unexpected string literal; expected '}')"));
}

TEST(ScheduleJsonBroken, ACutShortFileSaysSo) {
    std::string text = fixture();
    text.resize(text.find("\"title\": \"Scheduling without Surprises"));
    auto p = import(text, "ktc23.schedule.json");
    ASSERT_FALSE(p.has_value());
    ASSERT_EQ(p.error().size(), 1u);
    EXPECT_THAT(to_string(p.error().front()),
                StartsWith("ktc23.schedule.json:168: not valid JSON (column 17: syntax error "
                           "while parsing object key - unexpected end of input; expected string "
                           "literal): the file ends before its JSON does; was it cut short?"));
}

TEST(ScheduleJsonBroken, TruncatedAtManyOffsetsFailsClearly) {
    const std::string text = fixture();
    const int last_line = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    // Every offset in the first and the last kilobyte, every 7th byte in between.
    for (std::size_t n = 0; n < text.size(); n += (n < 1024 || n + 1024 > text.size()) ? 1 : 7) {
        auto p = import(text.substr(0, n), "cut.json");
        if (p.has_value()) {
            EXPECT_GE(n, text.rfind('}') + 1) << n;  // only the closing newline may go
            continue;
        }
        const Diagnostic& d = p.error().front();
        EXPECT_EQ(d.file, "cut.json") << n;
        EXPECT_EQ(d.severity, Severity::error) << n;
        EXPECT_GE(d.line, n == 0 ? 0 : 1) << n;
        EXPECT_LE(d.line, last_line) << n;
        if (n > 0) {
            EXPECT_THAT(d.message, HasSubstr("was it cut short?")) << n;
        }
    }
}

TEST(ScheduleJsonBroken, RandomDamageGivesAProgramOrAnError) {
    const std::string text = fixture();
    std::mt19937 random(20231028);  // fixed: the same damage on every run
    for (int round = 0; round < 300; ++round) {
        std::string damaged = text;
        for (int k = 0; k < 1 + round % 8; ++k) {
            std::size_t at = random() % damaged.size();
            switch (random() % 3) {
                case 0:
                    damaged[at] = static_cast<char>(random() % 256);
                    break;
                case 1:
                    damaged.erase(at, 1 + random() % 40);
                    break;
                default:
                    damaged.insert(at, 1, "{}[]\":,\\\n\0"[random() % 10]);
            }
            if (damaged.empty()) damaged = "{";
        }
        auto p = import(damaged, "damaged.json");
        if (p.has_value()) {
            for (const auto& s : p->sessions) EXPECT_FALSE(s.title.empty()) << round;
        } else {
            EXPECT_EQ(p.error().front().file, "damaged.json") << round;
            EXPECT_EQ(p.error().front().severity, Severity::error) << round;
        }
    }
}

TEST(ScheduleJsonBroken, GarbageDeepNestingAndBinaryDoNotCrash) {
    std::string deep = "{\"schedule\": {\"conference\": {\"days\": " + std::string(200000, '[') +
                       std::string(200000, ']') + "}}}";
    auto p = import(deep, "deep.json");
    ASSERT_FALSE(p.has_value());
    EXPECT_THAT(p.error().front().message, StartsWith("no events"));
    EXPECT_FALSE(import("{\"schedule\": " + std::string(300000, '{')).has_value());
    std::string binary("{\"schedule\": \"\0\xFF\xFE\"}", 19);
    auto b = import(binary, "b.json");
    ASSERT_FALSE(b.has_value());
    EXPECT_THAT(b.error().front().message, StartsWith("not valid JSON"));
}

// ---- a real export ------------------------------------------------------------------------

// pretalx's DemoCon as kept in c3voc's validator examples (tests/data/programs/real/README.md).
// It names UTC as its zone but writes every time with +01:00: each event is warned about, and
// its date (the offset) decides.
TEST(ScheduleJsonReal, PretalxDemoConWhoseOffsetsContradictItsZone) {
    auto text = ktc23::program_file("real/pretalx-democon.schedule.json");
    ASSERT_TRUE(json().recognises(text));
    auto p = json().import(text, options("democon.json"));
    ASSERT_TRUE(p.has_value()) << ::testing::PrintToString(messages(p.error()));
    EXPECT_EQ(p->timezone, "UTC");
    ASSERT_EQ(p->sessions.size(), 36u);
    ASSERT_EQ(p->warnings.size(), 36u);
    EXPECT_EQ(to_string(p->warnings.front()),
              "democon.json:38: warning: event 'Focused 5thgeneration hardware': its date "
              "2020-12-14T09:00:00+01:00 is 08:00 in UTC, but its start says 09:00; using the "
              "date");
    std::vector<std::string> all = messages(p->warnings);
    EXPECT_THAT(all, Each(HasSubstr("in UTC, but its start says")));

    const Session& first = p->sessions[0];
    EXPECT_EQ(first.id, "8079583e-8321-506c-95af-fd2903a5f075");
    EXPECT_EQ(first.kind, "Talk");
    EXPECT_EQ(first.room, "Gray Room");
    EXPECT_EQ(utc(first.start), "2020-12-14T08:00Z");
    EXPECT_EQ(utc(first.end), "2020-12-14T08:30Z");
    EXPECT_EQ(ktc23::day(first.day), "2020-12-14");
    EXPECT_EQ(first.track, "Phased");
    EXPECT_EQ(first.colour, "");  // this export has no tracks list
    EXPECT_EQ(first.language, "en");
    EXPECT_THAT(first.speakers, ElementsAre("Brian Robinson"));
    EXPECT_EQ(first.description,
              "Brand back-end models!\n\nStation provide certain mean. Toward region beautiful "
              "language blood.\nProfessional economic pattern a. Human plan institution thus.");

    const Session& last = p->sessions.back();
    EXPECT_EQ(last.id, "2b2f1972-ee1f-536d-a364-f36561b3ecce");
    EXPECT_EQ(last.kind, "Workshop");
    EXPECT_EQ(last.room, "Tan Room");
    EXPECT_EQ(utc(last.end), "2020-12-16T14:30Z");  // 14:00+01:00 for 1:30
    EXPECT_EQ(last.source.line, 1198);
}

}  // namespace
}  // namespace kiosk
