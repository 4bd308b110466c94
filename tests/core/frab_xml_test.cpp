// The frab/pretalx schedule.xml importer: Kiosk Test Camp 2023 in pretalx's shape, a real
// pretalx export, zones and offsets, and broken files.
#include "kiosk/core/import/frab_xml.h"

#include <algorithm>
#include <random>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kiosk/core/import/schedule_common.h"  // max_file_bytes

#include "ktc23_fixture.h"

namespace kiosk {
namespace {

using ktc23::messages;
using ktc23::options;
using ktc23::utc;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const Importer& xml() { return frab_xml_importer(); }

std::string fixture() { return ktc23::program_file("ktc23.schedule.xml"); }

Result<Program> import(const std::string& bytes, const std::string& file = "schedule.xml") {
    return xml().import(bytes, options(file));
}

// A schedule of one event, for what KTC23 does not show.
std::string one_event(const std::string& event_body, const std::string& zone = "Europe/Berlin") {
    return "<?xml version='1.0' encoding='utf-8' ?>\n"
           "<schedule>\n"
           "  <conference><title>T</title>" +
           (zone.empty() ? std::string() : "<time_zone_name>" + zone + "</time_zone_name>") +
           "</conference>\n"
           "  <day index='1' date='2023-10-28' start='2023-10-28T04:00:00+02:00'>\n"
           "    <room name='Saal 1'>\n"
           "      <event guid='g-1' id='1'>\n" +
           event_body +
           "      </event>\n"
           "    </room>\n"
           "  </day>\n"
           "</schedule>\n";
}

// ---- recognising ------------------------------------------------------------------------------

TEST(FrabXmlRecognise, ByTheRootElementNotTheName) {
    EXPECT_EQ(xml().name(), "frab/pretalx XML");
    EXPECT_TRUE(xml().recognises(fixture()));
    EXPECT_TRUE(xml().recognises("<schedule/>"));
    EXPECT_TRUE(xml().recognises("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<schedule>"));
    EXPECT_TRUE(
        xml().recognises("<?xml version='1.0' ?>\n<!-- Made with love by pretalx -->\n"
                         "<!DOCTYPE schedule [ <!ENTITY x 'y'> ]>\n<schedule\n>"));
    EXPECT_FALSE(xml().recognises(ktc23::program_file("ktc23.schedule.json")));
    EXPECT_FALSE(xml().recognises(ktc23::read(KIOSK_SOURCE_DIR "/data/program.txt")));
    EXPECT_FALSE(xml().recognises(""));
    EXPECT_FALSE(xml().recognises("<schedules>"));
    EXPECT_FALSE(xml().recognises("<?xml version='1.0' ?><iCalendar/>"));
    EXPECT_FALSE(xml().recognises("<!-- never closed <schedule>"));
    EXPECT_FALSE(xml().recognises("Schedule: <schedule>"));
}

// ---- Kiosk Test Camp 2023 ---------------------------------------------------------------------

TEST(FrabXmlKtc23, EveryField) {
    auto p = import(fixture(), "ktc23.schedule.xml");
    ASSERT_TRUE(p.has_value()) << ::testing::PrintToString(messages(p.error()));
    ktc23::expect_program(*p, "ktc23.schedule.xml", {27, 54, 84, 114, 141, 174, 204, 237, 267});
}

TEST(FrabXmlKtc23, PastMidnightBelongsToTheDayBefore) {
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

TEST(FrabXmlKtc23, NonAsciiWrittenAsItselfOrAsCharacterReferences) {
    // pretalx writes every non-ASCII character as &#NNN;; other exporters write UTF-8.
    auto fixture_text = fixture();
    ASSERT_THAT(fixture_text, HasSubstr("<person id='2'>&#24352;&#20255;</person>"));
    auto p =
        import(one_event("<title>Всё о расписаниях</title><date>2023-10-28T10:00:00+02:00"
                         "</date><duration>00:30</duration><room>Hall 東</room>"
                         "<persons><person>محمد علي</person><person>Zo&#235; "
                         "M&#xFC;ller</person></persons>"));
    ASSERT_TRUE(p.has_value()) << ::testing::PrintToString(messages(p.error()));
    EXPECT_EQ(p->sessions[0].title, "Всё о расписаниях");
    EXPECT_EQ(p->sessions[0].room, "Hall 東");
    EXPECT_THAT(p->sessions[0].speakers, ElementsAre("محمد علي", "Zoë Müller"));
}

// ---- zones and offsets --------------------------------------------------------------------

TEST(FrabXmlZone, AnOffsetThatDisagreesWithTheZoneIsWarnedAndTheDateWins) {
    auto text = ktc23::replace_once(fixture(), "<date>2023-10-28T10:00:00+02:00</date>",
                                    "<date>2023-10-28T10:00:00+03:00</date>");
    auto p = import(text, "ktc23.schedule.xml");
    ASSERT_TRUE(p.has_value());
    EXPECT_THAT(
        messages(p->warnings),
        ElementsAre("ktc23.schedule.xml:27: warning: event 'Opening: Welcome to Kiosk Test Camp': "
                    "its date 2023-10-28T10:00:00+03:00 is 09:00 in Europe/Berlin, but "
                    "its start says 10:00; using the date"));
    EXPECT_EQ(utc(p->sessions[0].start), "2023-10-28T07:00Z");
    EXPECT_EQ(utc(p->sessions[0].end), "2023-10-28T07:45Z");
}

TEST(FrabXmlZone, AnUnknownZoneIsAnErrorOnItsLine) {
    auto text = ktc23::replace_once(fixture(), "<time_zone_name>Europe/Berlin</time_zone_name>",
                                    "<time_zone_name>Mars/Olympus</time_zone_name>");
    auto p = import(text, "ktc23.schedule.xml");
    ASSERT_FALSE(p.has_value());
    EXPECT_THAT(messages(p.error()),
                ElementsAre("ktc23.schedule.xml:15: unknown time zone 'Mars/Olympus' (expected "
                            "an IANA name such as America/Los_Angeles)"));
}

TEST(FrabXmlZone, TheFilesZoneWinsOverTheVenues) {
    auto p = import(fixture());
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->timezone, "Europe/Berlin");  // the fallback is America/Los_Angeles
}

TEST(FrabXmlZone, NoZoneInTheFileUsesTheVenuesWithAWarning) {
    auto text =
        ktc23::replace_once(fixture(), "<time_zone_name>Europe/Berlin</time_zone_name>", "");
    auto p = import(text, "ktc23.schedule.xml");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->timezone, "America/Los_Angeles");
    // The offsets still give every instant; the start times are checked in the venue's zone.
    EXPECT_EQ(utc(p->sessions[0].start), "2023-10-28T08:00Z");
    ASSERT_FALSE(p->warnings.empty());
    EXPECT_EQ(
        to_string(p->warnings.front()),
        "ktc23.schedule.xml: warning: the file names no time zone (time_zone_name); reading its "
        "times in America/Los_Angeles, the venue's (venue.timezone)");
}

TEST(FrabXmlZone, NoZoneAnywhereIsAnError) {
    ImportOptions o = options("s.xml");
    o.fallback_timezone = "";
    auto p = xml().import(one_event("<title>T</title><start>10:00</start>", ""), o);
    ASSERT_FALSE(p.has_value());
    EXPECT_THAT(messages(p.error()),
                ElementsAre("s.xml: no time zone: the file has no time_zone_name and no venue "
                            "time zone was given (venue.timezone in the config)"));
}

TEST(FrabXmlZone, WithoutADateTheStartIsReadInTheZoneOnTheDayItIsFiledUnder) {
    // frab before <date> existed: the day, its start (04:00) and the event's HH:MM. 00:30 is
    // after the day began, so on the next calendar date; the repeated 02:30 is taken the first.
    std::string text =
        "<schedule><conference><time_zone_name>Europe/Berlin</time_zone_name></conference>\n"
        "<day index='1' date='2023-10-28' start='2023-10-28T04:00:00+02:00'><room name='A'>\n"
        "<event id='1'><title>Morning</title><start>10:00</start><duration>0:45</duration>"
        "</event>\n"
        "<event id='2'><title>Late</title><start>00:30</start><duration>00:30</duration></event>\n"
        "<event id='3'><title>Twice</title><start>02:30</start><duration>00:30</duration>"
        "</event>\n"
        "</room></day></schedule>\n";
    auto p = import(text, "old.xml");
    ASSERT_TRUE(p.has_value()) << ::testing::PrintToString(messages(p.error()));
    ASSERT_EQ(p->sessions.size(), 3u);
    EXPECT_EQ(utc(p->sessions[0].start), "2023-10-28T08:00Z");
    EXPECT_EQ(p->sessions[0].room, "A");  // the room it is filed under
    EXPECT_EQ(p->sessions[0].id, "1");    // no guid: the id
    EXPECT_EQ(utc(p->sessions[1].start), "2023-10-28T22:30Z");
    EXPECT_EQ(ktc23::day(p->sessions[1].day), "2023-10-28");
    EXPECT_EQ(utc(p->sessions[2].start), "2023-10-29T00:30Z");
    EXPECT_THAT(
        messages(p->warnings),
        ElementsAre("old.xml:5: warning: event 'Twice': its start 2023-10-29 02:30 happens twice "
                    "in Europe/Berlin (clocks go back) and the file gives no offset; "
                    "taking the first"));
}

TEST(FrabXmlZone, ALocalTimeInTheSkippedHourHasNoInstant) {
    // 2023-03-26: Berlin's clocks go from 02:00 to 03:00; without an offset 02:30 is no time.
    std::string text =
        "<schedule><conference><time_zone_name>Europe/Berlin</time_zone_name></conference>\n"
        "<day date='2023-03-26'><room name='A'>\n"
        "<event guid='1'><title>Gap</title><date>2023-03-26T02:30:00</date>"
        "<duration>00:30</duration></event>\n"
        "</room></day></schedule>";
    auto p = import(text, "gap.xml");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->sessions[0].start, std::nullopt);
    EXPECT_EQ(ktc23::day(p->sessions[0].day), "2023-03-26");
    EXPECT_THAT(messages(p->warnings),
                ElementsAre("gap.xml:3: warning: event 'Gap': its date 2023-03-26 02:30 does not "
                            "exist in Europe/Berlin (clocks go forward)",
                            "gap.xml:3: warning: event 'Gap': no usable date or start; shown as "
                            "time to be announced"));
}

// ---- fields -----------------------------------------------------------------------------

TEST(FrabXmlFields, AbstractAndDescriptionTogether) {
    auto both =
        import(one_event("<title>T</title><date>2023-10-28T10:00:00+02:00</date>"
                         "<duration>00:30</duration><abstract> Short. </abstract>"
                         "<description>Long.\r\nSecond line.</description>"));
    ASSERT_TRUE(both.has_value());
    EXPECT_EQ(both->sessions[0].description, "Short.\n\nLong.\nSecond line.");
    auto repeated =
        import(one_event("<title>T</title><date>2023-10-28T10:00:00+02:00</date>"
                         "<duration>00:30</duration><abstract>Short.</abstract>"
                         "<description>Short. And more.</description>"));
    ASSERT_TRUE(repeated.has_value());
    EXPECT_EQ(repeated->sessions[0].description, "Short. And more.");
    auto only =
        import(one_event("<title>T</title><date>2023-10-28T10:00:00+02:00</date>"
                         "<duration>00:30</duration><abstract/>"
                         "<description><![CDATA[<p>Long</p>]]> text</description>"));
    ASSERT_TRUE(only.has_value());
    EXPECT_EQ(only->sessions[0].description, "<p>Long</p> text");
}

TEST(FrabXmlFields, WhatCannotBeReadIsWarnedWithTheEventsLine) {
    auto p = import(one_event("<title>Bad times</title><date>yesterday</date><start>10:00</start>"
                              "<duration>forever</duration>"),
                    "s.xml");
    ASSERT_TRUE(p.has_value());
    EXPECT_THAT(
        messages(p->warnings),
        ElementsAre("s.xml:6: warning: event 'Bad times': unreadable date 'yesterday' (expected "
                    "e.g. 2023-10-28T10:00:00+02:00)",
                    "s.xml:6: warning: event 'Bad times': unreadable duration 'forever' (expected "
                    "H:MM)",
                    "s.xml:6: warning: event 'Bad times': no usable duration or end; its end will "
                    "be estimated"));
    // The date was unreadable: the start on the day it is filed under.
    EXPECT_EQ(utc(p->sessions[0].start), "2023-10-28T08:00Z");
    EXPECT_EQ(p->sessions[0].end, std::nullopt);
}

TEST(FrabXmlFields, NoTimeIsShownAsToBeAnnounced) {
    auto p = import(one_event("<title>Someday</title>"), "s.xml");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->sessions[0].start, std::nullopt);
    EXPECT_EQ(ktc23::day(p->sessions[0].day), "2023-10-28");
    EXPECT_THAT(
        messages(p->warnings),
        ElementsAre("s.xml:6: warning: event 'Someday': no usable date or start; shown as time to "
                    "be announced"));
}

TEST(FrabXmlFields, UntitledEventsAreSkippedAndDuplicateIdsWarned) {
    std::string text =
        "<schedule><conference><time_zone_name>UTC</time_zone_name></conference>\n"
        "<day date='2023-10-28'><room name='A'>\n"
        "<event guid='x'><title> </title><date>2023-10-28T10:00:00Z</date></event>\n"
        "<event guid='y'><title>One</title><date>2023-10-28T10:00:00Z</date>"
        "<duration>00:10</duration></event>\n"
        "<event guid='y'><title>Two</title><date>2023-10-28T11:00:00Z</date>"
        "<duration>00:10</duration></event>\n"
        "</room></day></schedule>";
    auto p = import(text, "s.xml");
    ASSERT_TRUE(p.has_value());
    ASSERT_EQ(p->sessions.size(), 2u);
    EXPECT_THAT(
        messages(p->warnings),
        ElementsAre("s.xml:3: warning: an event without a title (x) was skipped",
                    "s.xml:5: warning: event 'Two': its id y was already given to the event at "
                    "line 4"));
}

TEST(FrabXmlFields, InvalidUtf8AndControlBytesAreReplaced) {
    auto p = import(one_event("<title>Caf\xE9 \x01talk</title><date>2023-10-28T10:00:00+02:00"
                              "</date><duration>00:30</duration>"),
                    "s.xml");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->sessions[0].title, "Caf\xEF\xBF\xBD \xEF\xBF\xBDtalk");
    EXPECT_THAT(
        messages(p->warnings),
        ElementsAre("s.xml:6: warning: invalid UTF-8 or control characters replaced with U+FFFD "
                    "in 1 field, the first of them here"));
}

TEST(FrabXmlFields, TrackColoursAreNormalised) {
    std::string text =
        "<schedule><conference><time_zone_name>UTC</time_zone_name>\n"
        "<track name='A' color='#5aa9ff'/>\n<track name='B' color='red'/>\n<track name='C'/>\n"
        "</conference><day date='2023-10-28'><room name='R'>\n"
        "<event guid='1'><title>a</title><track>A</track><date>2023-10-28T10:00:00Z</date>"
        "<duration>00:10</duration></event>\n"
        "<event guid='2'><title>b</title><track>B</track><date>2023-10-28T10:00:00Z</date>"
        "<duration>00:10</duration></event>\n"
        "<event guid='3'><title>c</title><track>Z</track><date>2023-10-28T10:00:00Z</date>"
        "<duration>00:10</duration></event>\n"
        "</room></day></schedule>";
    auto p = import(text, "s.xml");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->sessions[0].colour, "#5AA9FF");
    EXPECT_EQ(p->sessions[1].colour, "");
    EXPECT_EQ(p->sessions[2].colour, "");
    EXPECT_EQ(p->sessions[2].track, "Z");
    EXPECT_THAT(messages(p->warnings),
                ElementsAre("s.xml:3: warning: track 'B': colour 'red' is not a hex colour such as "
                            "#5AA9FF; ignored"));
}

// ---- broken files -------------------------------------------------------------------------

TEST(FrabXmlBroken, EmptyAndNotASchedule) {
    auto empty = import(" \n", "s.xml");
    ASSERT_FALSE(empty.has_value());
    EXPECT_THAT(messages(empty.error()),
                ElementsAre("s.xml: the file is empty; expected a frab/pretalx schedule.xml"));
    auto other = import("<?xml version='1.0'?>\n<iCalendar/>", "s.xml");
    ASSERT_FALSE(other.has_value());
    EXPECT_THAT(messages(other.error()),
                ElementsAre("s.xml:2: not a frab/pretalx schedule.xml: the root element is "
                            "<iCalendar>, expected <schedule>"));
    auto nothing = import(
        "<schedule><conference><time_zone_name>UTC</time_zone_name>"
        "</conference><day date='2023-10-28'/></schedule>",
        "s.xml");
    ASSERT_FALSE(nothing.has_value());
    EXPECT_THAT(messages(nothing.error()),
                ElementsAre("s.xml: no events: the schedule.xml lists no event with a title "
                            "under any day; nothing to show"));
}

TEST(FrabXmlBroken, AFloodOfWarningsIsCut) {
    std::string text =
        "<schedule><conference><time_zone_name>UTC</time_zone_name></conference>"
        "<day date='2023-10-28'><room name='A'>\n";
    for (int i = 0; i < 600; ++i) text += "<event><title>No time</title></event>\n";
    text += "</room></day></schedule>";
    auto p = import(text, "flood.xml");
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->sessions.size(), 600u);
    ASSERT_EQ(p->warnings.size(), 501u);
    EXPECT_EQ(to_string(p->warnings.back()),
              "flood.xml: warning: 100 more messages like these were not kept");
}

TEST(FrabXmlBroken, MalformedXmlNamesItsLine) {
    auto text = ktc23::replace_once(fixture(), "<type>Lightning Talks</type>",
                                    "<type>Lightning Talks</typo>");
    auto p = import(text, "ktc23.schedule.xml");
    ASSERT_FALSE(p.has_value());
    EXPECT_THAT(messages(p.error()), ElementsAre("ktc23.schedule.xml:58: not well-formed XML "
                                                 "(Start-end tags mismatch)"));
}

TEST(FrabXmlBroken, ACutShortFileSaysSo) {
    std::string text = fixture();
    text.resize(text.find("<title>Scheduling without Surprises"));
    auto p = import(text, "ktc23.schedule.xml");
    ASSERT_FALSE(p.has_value());
    EXPECT_THAT(messages(p.error()),
                ElementsAre("ktc23.schedule.xml:86: not well-formed XML (Start-end tags "
                            "mismatch): the file ends before its XML does; was it cut short?"));
}

TEST(FrabXmlBroken, TruncatedAtEveryOffsetFailsClearlyOrReadsWhatIsThere) {
    const std::string text = fixture();
    const int last_line = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
    for (std::size_t n = 0; n < text.size(); ++n) {
        auto p = import(text.substr(0, n), "cut.xml");
        if (p.has_value()) {
            // Only the closing newline may go.
            EXPECT_GE(n, text.rfind("</schedule>") + 11) << n;
            continue;
        }
        const Diagnostic& d = p.error().front();
        EXPECT_EQ(d.file, "cut.xml") << n;
        EXPECT_EQ(d.severity, Severity::error) << n;
        EXPECT_GE(d.line, n == 0 ? 0 : 1) << n;
        EXPECT_LE(d.line, last_line) << n;
        EXPECT_FALSE(d.message.empty()) << n;
    }
}

TEST(FrabXmlBroken, RandomDamageGivesAProgramOrAnError) {
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
                    damaged.insert(at, 1, "<>&'\"/=#:\n\0"[random() % 10]);
            }
            if (damaged.empty()) damaged = "<";
        }
        auto p = import(damaged, "damaged.xml");
        if (p.has_value()) {
            for (const auto& s : p->sessions) EXPECT_FALSE(s.title.empty()) << round;
        } else {
            EXPECT_EQ(p.error().front().file, "damaged.xml") << round;
            EXPECT_EQ(p.error().front().severity, Severity::error) << round;
        }
    }
}

TEST(FrabXmlBroken, GarbageDeepNestingAndBinaryDoNotCrash) {
    std::string deep = "<schedule>";
    for (int i = 0; i < 200000; ++i) deep += "<a>";
    for (int i = 0; i < 200000; ++i) deep += "</a>";
    deep += "</schedule>";
    auto p = import(deep, "deep.xml");
    ASSERT_FALSE(p.has_value());
    EXPECT_THAT(p.error().front().message, StartsWith("no events"));

    std::string open = "<schedule>" + std::string(300000, '<');
    EXPECT_FALSE(import(open).has_value());
    std::string binary("<schedule>\0\xFF\xFE<day>", 18);
    EXPECT_FALSE(import(binary).has_value());
}

TEST(FrabXmlBroken, AFileTooLargeIsRefusedBeforeParsing) {
    std::string huge(schedule::max_file_bytes + 1, ' ');
    huge.replace(0, 10, "<schedule>");
    auto p = import(huge, "huge.xml");
    ASSERT_FALSE(p.has_value());
    EXPECT_THAT(messages(p.error()), ElementsAre("huge.xml: the file is 64 MB; a schedule.xml of "
                                                 "more than 64 MB is not read"));
}

// ---- a real export ------------------------------------------------------------------------

// RomHack Camp 2026, as pretalx 2026.2.1 exported it (tests/data/programs/real/README.md).
TEST(FrabXmlReal, RomHackCamp2026FromPretalx) {
    auto text = ktc23::program_file("real/romhack-camp-2026.schedule.xml");
    ASSERT_TRUE(xml().recognises(text));
    auto p = xml().import(text, options("romhack.xml"));
    ASSERT_TRUE(p.has_value()) << ::testing::PrintToString(messages(p.error()));
    EXPECT_EQ(p->timezone, "Europe/Rome");
    EXPECT_TRUE(p->warnings.empty()) << ::testing::PrintToString(messages(p->warnings));
    ASSERT_EQ(p->sessions.size(), 10u);

    const Session& opening = p->sessions[0];
    EXPECT_EQ(opening.id, "89839af4-ef15-5a58-8e2f-fc9263688830");
    EXPECT_EQ(opening.title, "RomHack Camp Opening");
    EXPECT_EQ(opening.kind, "Talk");
    EXPECT_EQ(opening.room, "STAGE 1");
    EXPECT_EQ(utc(opening.start), "2026-10-02T09:00Z");
    EXPECT_EQ(utc(opening.end), "2026-10-02T09:40Z");
    EXPECT_EQ(opening.track, "Orga");
    EXPECT_EQ(opening.colour, "#A52A2A");
    EXPECT_EQ(opening.language, "en");
    EXPECT_THAT(opening.speakers, ElementsAre("Cyber Saiyan"));
    EXPECT_THAT(opening.description, StartsWith("**Welcome to the second edition of RomHack "
                                                "Camp!** \nWe are thrilled"));
    EXPECT_EQ(opening.source, (SourceRef{"romhack.xml", 41}));

    const Session& manual = p->sessions[1];
    EXPECT_EQ(manual.title,
              "Presentazione \"Manualetto di sicurezza digitale per giornalisti e "
              "attivisti\"");
    EXPECT_EQ(manual.language, "it");
    EXPECT_THAT(manual.description, HasSubstr("ll manualetto è rivolto"));
    EXPECT_EQ(manual.colour, "#61BE3D");

    // 22:30 for two hours: ends after midnight, on Friday's day.
    const Session& friday_music = p->sessions[3];
    EXPECT_EQ(friday_music.title, "After Dark - Friday Music Session (DJ TBA)");
    EXPECT_EQ(utc(friday_music.end), "2026-10-02T22:30Z");
    EXPECT_EQ(ktc23::day(friday_music.day), "2026-10-02");

    // The CTF: 17:00 for 15 hours, filed under Friday in WORKSHOP 2.
    const Session& ctf = p->sessions[4];
    EXPECT_EQ(ctf.room, "WORKSHOP 2");
    EXPECT_EQ(utc(ctf.start), "2026-10-02T15:00Z");
    EXPECT_EQ(utc(ctf.end), "2026-10-03T06:00Z");
    EXPECT_THAT(ctf.description, HasSubstr("\xF0\x9F\x9A\xA9 Meet the Finalists"));  // 🚩

    const Session& award = p->sessions[6];
    EXPECT_EQ(award.kind, "Lightning Talk");
    EXPECT_THAT(award.speakers, ElementsAre("Cyber Saiyan", "fibonhack"));
    EXPECT_EQ(ktc23::day(award.day), "2026-10-03");

    EXPECT_EQ(p->sessions[9].title, "RomHack Camp Closing");
    EXPECT_EQ(ktc23::day(p->sessions[9].day), "2026-10-04");
}

}  // namespace
}  // namespace kiosk
