// The iCalendar importer: the pretalx export of Kiosk Test Camp 2023 field by field, other
// writers' calendars, time zones and DST, and files that are cut short, damaged or hostile.
#include "kiosk/core/import/ical.h"

#include <fstream>
#include <random>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kiosk/core/time.h"

namespace kiosk {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string read(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    EXPECT_TRUE(f.good()) << path;
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

std::string ktc23() { return read(KIOSK_TEST_DATA_DIR "/programs/ktc23.ics"); }

ImportOptions options(std::string file = "ktc23.ics", std::string fallback = "Europe/Berlin") {
    ImportOptions o;
    o.file_name = std::move(file);
    o.fallback_timezone = std::move(fallback);
    return o;
}

Result<Program> import(std::string_view bytes, const ImportOptions& o = options()) {
    return ical_importer().import(bytes, o);
}

std::vector<std::string> messages(const Diagnostics& ds) {
    std::vector<std::string> out;
    for (const auto& d : ds) out.push_back(to_string(d));
    return out;
}

std::string utc(const std::optional<Instant>& t) {
    return t ? date::format("%FT%H:%MZ", date::floor<std::chrono::minutes>(*t)) : "none";
}

std::string day(const std::optional<date::local_days>& d) {
    return d ? date::format("%F", *d) : "none";
}

// A calendar around `body`, as a non-pretalx writer would make it, CRLF line ends.
std::string calendar(const std::string& body, const std::string& head = "") {
    std::string s =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example Corp.//Agenda 1.0//EN\r\n" + head +
        body + "END:VCALENDAR\r\n";
    return s;
}

std::string event(const std::string& lines) {
    return "BEGIN:VEVENT\r\nUID:e1@example.org\r\nDTSTAMP:20231020T120000Z\r\n" + lines +
           "END:VEVENT\r\n";
}

// ---- recognising ------------------------------------------------------------------------------

TEST(IcalRecognises, ByContentAfterAByteOrderMarkAndWhitespace) {
    const Importer& i = ical_importer();
    EXPECT_EQ(i.name(), "iCalendar");
    EXPECT_TRUE(i.recognises(ktc23()));
    EXPECT_TRUE(i.recognises("\xEF\xBB\xBF\r\n  BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    EXPECT_TRUE(i.recognises("begin:vcalendar\n"));
    EXPECT_TRUE(i.recognises("BEGIN:VCALENDAR"));
    EXPECT_FALSE(i.recognises("BEGIN:VCALENDARX\r\n"));
    EXPECT_FALSE(i.recognises("<?xml version=\"1.0\"?><schedule>BEGIN:VCALENDAR"));
    EXPECT_FALSE(i.recognises("Oral: BEGIN:VCALENDAR Mon 29 Aug 09:00 a.m."));
    EXPECT_FALSE(i.recognises(""));
    EXPECT_FALSE(i.recognises("\xEF\xBB\xBF \r\n"));
}

// ---- the pretalx export of Kiosk Test Camp 2023 (tests/data/programs/README.md) ---------------

class Ktc23 : public ::testing::Test {
  protected:
    void SetUp() override {
        auto r = import(ktc23());
        ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
        program = std::move(r).value();
    }
    const Session& at(std::size_t i) const { return program.sessions.at(i); }
    Program program;
};

TEST_F(Ktc23, ImportsCleanlyInTheEventsZone) {
    EXPECT_EQ(program.timezone, "Europe/Berlin");
    EXPECT_THAT(messages(program.warnings), ElementsAre());
    ASSERT_EQ(program.sessions.size(), 9u);
    for (std::size_t i = 0; i < program.sessions.size(); ++i) {
        const Session& s = at(i);
        EXPECT_EQ(s.source.file, "ktc23.ics");
        EXPECT_EQ(s.source.line, 21 + 10 * static_cast<int>(i)) << s.title;
        EXPECT_EQ(s.end_origin, Origin::stated);
        EXPECT_EQ(s.start_origin, Origin::stated);
        EXPECT_TRUE(s.start.has_value());
        EXPECT_TRUE(s.end.has_value());
        EXPECT_EQ(s.kind, "");      // pretalx's iCal has no session type,
        EXPECT_EQ(s.track, "");     // no track,
        EXPECT_EQ(s.language, "");  // and no language
        EXPECT_TRUE(s.talks.empty());
    }
}

TEST_F(Ktc23, TheOpeningInEveryField) {
    const Session& s = at(0);
    EXPECT_EQ(s.id, "pretalx-ktc23-KTCAAA@pretalx.example.org");
    EXPECT_EQ(s.title, "Opening: Welcome to Kiosk Test Camp");
    EXPECT_THAT(s.speakers, ElementsAre("Zoë Müller"));
    EXPECT_EQ(s.room, "Saal 1");
    EXPECT_EQ(s.description, "Why this camp exists and how to find your way around.");
    EXPECT_EQ(utc(s.start), "2023-10-28T08:00Z");  // 10:00 CEST
    EXPECT_EQ(utc(s.end), "2023-10-28T08:45Z");
    EXPECT_EQ(day(s.day), "2023-10-28");
}

TEST_F(Ktc23, TwoSpeakersAnEscapedCommaAndNonAsciiNames) {
    const Session& s = at(1);
    EXPECT_EQ(s.id, "pretalx-ktc23-KTCAAB@pretalx.example.org");
    EXPECT_EQ(s.title, "Scheduling without Surprises");
    EXPECT_THAT(s.speakers, ElementsAre("张伟", "Ana Ruiz"));
    EXPECT_EQ(s.room, "Raum Ü2");
    EXPECT_EQ(s.description, "How a screen can tell exact times from estimates.");
    EXPECT_EQ(utc(s.start), "2023-10-28T09:00Z");
    EXPECT_EQ(utc(s.end), "2023-10-28T10:00Z");

    EXPECT_EQ(at(2).title, "Über Zeitzonen");
    EXPECT_THAT(at(2).speakers, ElementsAre("Jörg Schäfer"));
    EXPECT_EQ(at(2).room, "Hall 東");
    EXPECT_EQ(at(2).description, "Warum Sommerzeit Terminpläne verwirrt.");
}

TEST_F(Ktc23, ANightSessionCrossesMidnightAndStaysOnItsDay) {
    const Session& s = at(3);
    EXPECT_EQ(s.title, "Night Owl Lightning Talks");
    EXPECT_THAT(s.speakers, ElementsAre("محمد علي", "Zoë Müller"));
    EXPECT_EQ(utc(s.start), "2023-10-28T21:30Z");
    EXPECT_EQ(utc(s.end), "2023-10-28T22:45Z");  // 00:45 CEST on Sunday
    EXPECT_EQ(day(s.day), "2023-10-28");
}

// 02:30 on 29 October 2023 happens twice in Berlin. pretalx would write it as
// DTSTART;TZID=Europe/Berlin:20231029T023000, which RFC 5545 reads as the first 02:30 (00:30Z):
// see RepeatedHourAsPretalxWritesItIsTheFirst. The conference's 1005 is the second 02:30, which
// an iCalendar local time cannot say, so the fixture states it in UTC.
TEST_F(Ktc23, TheRepeatedHourIsOnTheFirstDayBeforeFourInTheMorning) {
    const Session& s = at(4);
    EXPECT_EQ(s.title, "The Repeated Hour");
    EXPECT_THAT(s.speakers, ElementsAre("Ana Ruiz"));
    EXPECT_EQ(utc(s.start), "2023-10-29T01:30Z");
    EXPECT_EQ(utc(s.end), "2023-10-29T02:00Z");
    EXPECT_EQ(day(s.day), "2023-10-28");  // a pretalx day runs to 03:59
}

TEST_F(Ktc23, CyrillicAndArabicAfterTheChangeToWinterTime) {
    EXPECT_EQ(at(5).title, "Workshop: Fonts for Every Script");
    EXPECT_THAT(at(5).speakers, ElementsAre("Иван Петров"));
    EXPECT_EQ(at(5).description, "Shaping, fallback and line breaking for every script.");
    EXPECT_EQ(utc(at(5).start), "2023-10-29T09:00Z");  // 10:00 CET
    EXPECT_EQ(utc(at(5).end), "2023-10-29T10:30Z");
    EXPECT_EQ(day(at(5).day), "2023-10-29");

    EXPECT_EQ(at(6).title, "Всё о расписаниях");
    EXPECT_EQ(at(6).description, "Расписания, часовые пояса и экраны.");
    EXPECT_EQ(at(6).room, "Raum Ü2");

    const Session& s = at(8);
    EXPECT_EQ(s.id, "pretalx-ktc23-KTCAAJ@pretalx.example.org");
    EXPECT_EQ(s.title, "مرحبا بالجميع");
    EXPECT_THAT(s.speakers, ElementsAre("محمد علي"));
    EXPECT_EQ(s.description, "كلمة ترحيب للمشاركين.");
    EXPECT_EQ(s.room, "Hall 東");
    EXPECT_EQ(utc(s.start), "2023-10-30T08:30Z");
    EXPECT_EQ(utc(s.end), "2023-10-30T09:30Z");
    EXPECT_EQ(day(s.day), "2023-10-30");
}

TEST_F(Ktc23, TheFileNamesItsZoneSoTheFallbackIsNotNeeded) {
    auto r = import(ktc23(), options("ktc23.ics", ""));
    ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
    EXPECT_EQ(*r, program);
}

// ---- pretalx as it writes the repeated hour, and its other eras ------------------------------

std::string replaced(std::string s, std::string_view from, std::string_view to) {
    for (std::size_t at = s.find(from); at != std::string::npos;
         at = s.find(from, at + to.size())) {
        s.replace(at, from.size(), to);
    }
    return s;
}

// Event 1005 as pretalx writes it: local time and a TZID, the fold of Python's datetime lost.
std::string ktc23_as_pretalx_writes_1005() {
    return replaced(ktc23(), "DTSTART:20231029T013000Z\r\nDTEND:20231029T020000Z",
                    "DTSTART;TZID=Europe/Berlin:20231029T023000\r\n"
                    "DTEND;TZID=Europe/Berlin:20231029T030000");
}

TEST(IcalPretalx, RepeatedHourAsPretalxWritesItIsTheFirst) {
    auto r = import(ktc23_as_pretalx_writes_1005());
    ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
    EXPECT_EQ(utc(r->sessions.at(4).start), "2023-10-29T00:30Z");
    EXPECT_EQ(utc(r->sessions.at(4).end), "2023-10-29T02:00Z");
    EXPECT_EQ(day(r->sessions.at(4).day), "2023-10-28");
    EXPECT_THAT(messages(r->warnings),
                ElementsAre("ktc23.ics:61: warning: event 'The Repeated Hour - Ana Ruiz': DTSTART "
                            "2023-10-29 02:30 happens twice in Europe/Berlin; read as the first, "
                            "2023-10-29 00:30 UTC, as RFC 5545 says (the second is 2023-10-29 "
                            "01:30 UTC)"));
}

// pretalx from 2023.1 to at least 2026.2.1 (vobject given zoneinfo) names the zone by its
// abbreviation, and the VTIMEZONE with it: the times go through that VTIMEZONE, the program is
// shown in venue.timezone.
TEST(IcalPretalx, AbbreviatedTzidGoesThroughTheFilesVtimezone) {
    const std::string cet =
        replaced(replaced(ktc23_as_pretalx_writes_1005(), "TZID=Europe/Berlin", "TZID=CET"),
                 "TZID:Europe/Berlin", "TZID:CET");
    auto r = import(cet);
    ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
    EXPECT_EQ(r->timezone, "Europe/Berlin");
    ASSERT_EQ(r->sessions.size(), 9u);
    EXPECT_EQ(utc(r->sessions[0].start), "2023-10-28T08:00Z");
    EXPECT_EQ(utc(r->sessions[3].end), "2023-10-28T22:45Z");
    // libical's own lookup would say 01:30Z (standard time); RFC 5545 says the first.
    EXPECT_EQ(utc(r->sessions[4].start), "2023-10-29T00:30Z");
    EXPECT_EQ(utc(r->sessions[5].start), "2023-10-29T09:00Z");
    EXPECT_EQ(utc(r->sessions[8].end), "2023-10-30T09:30Z");
    EXPECT_THAT(messages(r->warnings),
                ElementsAre("ktc23.ics:61: warning: event 'The Repeated Hour - Ana Ruiz': DTSTART "
                            "2023-10-29 02:30 happens twice in CET; read as the first, 2023-10-29 "
                            "00:30 UTC, as RFC 5545 says (the second is 2023-10-29 01:30 UTC)"));

    // The screen in Lisbon shows other local times than the file's: said once.
    auto lisbon = import(cet, options("ktc23.ics", "Europe/Lisbon"));
    ASSERT_TRUE(lisbon.has_value());
    EXPECT_EQ(lisbon->timezone, "Europe/Lisbon");
    EXPECT_THAT(messages(lisbon->warnings),
                ElementsAre("ktc23.ics:21: warning: event 'Opening: Welcome to Kiosk Test Camp - "
                            "Zoë Müller': its time zone 'CET' (the file's VTIMEZONE) differs from "
                            "Europe/Lisbon, in which the program is shown, at its start; check "
                            "venue.timezone",
                            HasSubstr("happens twice in CET")));

    auto nowhere = import(cet, options("ktc23.ics", ""));
    ASSERT_FALSE(nowhere.has_value());
    EXPECT_THAT(messages(nowhere.error()),
                ElementsAre("ktc23.ics:1: no time zone: the calendar names none (X-WR-TIMEZONE, "
                            "or a TZID with an IANA name) and venue.timezone is not set"));
}

// pretalx#2588: Europe/London written as TZID=GMT. The tz database's GMT has no summer time; the
// file's VTIMEZONE has, and decides.
TEST(IcalPretalx, TzidGmtForLondonKeepsSummerTime) {
    const std::string vtimezone =
        "BEGIN:VTIMEZONE\r\nTZID:GMT\r\n"
        "BEGIN:STANDARD\r\nDTSTART:20001029T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
        "TZNAME:GMT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nEND:STANDARD\r\n"
        "BEGIN:DAYLIGHT\r\nDTSTART:20000326T010000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
        "TZNAME:BST\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\n";
    const std::string s =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//pretalx//pretalx.example.org//\r\n" +
        vtimezone +
        "BEGIN:VEVENT\r\nUID:pretalx-ldn-ABCDEF@pretalx.example.org\r\n"
        "DTSTART;TZID=GMT:20230715T100000\r\nDTEND;TZID=GMT:20230715T110000\r\n"
        "DTSTAMP:20230701T120000Z\r\nSUMMARY:Tea - Jane Smith\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n";
    auto r = import(s, options("ldn.ics", "Europe/London"));
    ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
    EXPECT_THAT(messages(r->warnings), ElementsAre());
    EXPECT_EQ(r->timezone, "Europe/London");
    EXPECT_EQ(utc(r->sessions.at(0).start), "2023-07-15T09:00Z");
    EXPECT_EQ(r->sessions[0].title, "Tea");
    EXPECT_THAT(r->sessions[0].speakers, ElementsAre("Jane Smith"));
}

TEST(IcalPretalx, SummarySplitsAtTheLastDashAndATalkMayHaveNoSpeakers) {
    const std::string s =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//pretalx//pretalx.example.org//ktc23\r\n"
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20231028T080000Z\r\n"
        "SUMMARY:Rust - the Good Parts - Jane Doe\\, Max Mustermann\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20231028T090000Z\r\n"
        "SUMMARY:Lunch - \r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:c\r\nDTSTART:20231028T100000Z\r\n"
        "SUMMARY:Keynote\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n";
    auto r = import(s);
    ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
    ASSERT_EQ(r->sessions.size(), 3u);
    EXPECT_EQ(r->sessions[0].title, "Rust - the Good Parts");
    EXPECT_THAT(r->sessions[0].speakers, ElementsAre("Jane Doe", "Max Mustermann"));
    EXPECT_EQ(r->sessions[1].title, "Lunch");
    EXPECT_TRUE(r->sessions[1].speakers.empty());
    EXPECT_EQ(r->sessions[2].title, "Keynote");
    EXPECT_TRUE(r->sessions[2].speakers.empty());
    EXPECT_FALSE(r->sessions[0].end.has_value());  // no DTEND: left to the scheduler
}

// pretalx's days run 04:00 to 03:59; anyone else's end at midnight.
TEST(IcalPretalx, OnlyAPretalxDayRunsToFourInTheMorning) {
    const std::string events =
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=Europe/Berlin:20231028T035900\r\n"
        "SUMMARY:Late - Owl\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=Europe/Berlin:20231028T040000\r\n"
        "SUMMARY:Early - Bird\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    auto pretalx = import("BEGIN:VCALENDAR\r\nPRODID:-//pretalx//p.example//\r\n" + events);
    ASSERT_TRUE(pretalx.has_value());
    EXPECT_EQ(day(pretalx->sessions.at(0).day), "2023-10-27");
    EXPECT_EQ(day(pretalx->sessions.at(1).day), "2023-10-28");
    auto other = import("BEGIN:VCALENDAR\r\nPRODID:-//Example Corp.//Agenda//EN\r\n" + events);
    ASSERT_TRUE(other.has_value());
    EXPECT_EQ(day(other->sessions.at(0).day), "2023-10-28");
    EXPECT_EQ(other->sessions.at(0).title, "Late - Owl");
    EXPECT_TRUE(other->sessions.at(0).speakers.empty());
}

// ---- other writers ------------------------------------------------------------------------------

// As Google Calendar exports a public calendar: METHOD, X-WR-CALNAME, X-WR-TIMEZONE, UTC times.
TEST(IcalOther, ATitleWithADashKeepsItsWordsAndUtcTimesAreExact) {
    const std::string s =
        "BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\n"
        "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:RustFest\r\n"
        "X-WR-TIMEZONE:America/New_York\r\n"
        "BEGIN:VEVENT\r\nDTSTART:20231029T050000Z\r\nDTEND:20231029T060000Z\r\n"
        "DTSTAMP:20231020T120000Z\r\nUID:0abc@google.com\r\n"
        "CATEGORIES:Systems,Community\r\nCATEGORIES:Other\r\n"
        "DESCRIPTION;LANGUAGE=de:Erste Zeile\\nZweite Zeile\r\n"
        "LOCATION:Room 1\\, upstairs\r\nSUMMARY:Rust - the Good Parts - Live\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n";
    auto r = import(s, options("rustfest.ics"));
    ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
    EXPECT_THAT(messages(r->warnings), ElementsAre());
    EXPECT_EQ(r->timezone, "America/New_York");  // the calendar's own zone wins over venue's
    const Session& e = r->sessions.at(0);
    EXPECT_EQ(e.title, "Rust - the Good Parts - Live");
    EXPECT_TRUE(e.speakers.empty());
    EXPECT_EQ(e.id, "0abc@google.com");
    EXPECT_EQ(e.room, "Room 1, upstairs");
    EXPECT_EQ(e.track, "Systems");
    EXPECT_EQ(e.language, "de");
    EXPECT_EQ(e.description, "Erste Zeile\nZweite Zeile");
    EXPECT_EQ(utc(e.start), "2023-10-29T05:00Z");
    EXPECT_EQ(utc(e.end), "2023-10-29T06:00Z");
    EXPECT_EQ(day(e.day), "2023-10-29");  // 01:00 EDT; not a pretalx file, so not the 28th
    EXPECT_EQ(e.source.line, 8);
}

TEST(IcalOther, FloatingTimesAreReadInTheVenueZoneWithOneWarning) {
    const std::string s = calendar(
        event("DTSTART:20231028T100000\r\nDTEND:20231028T110000\r\nSUMMARY:Floating\r\n") +
        event("DTSTART:20231028T120000\r\nDURATION:PT45M\r\nSUMMARY;LANGUAGE=en:Also\r\n"));
    auto r = import(s, options("float.ics"));
    ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
    EXPECT_EQ(r->timezone, "Europe/Berlin");
    EXPECT_EQ(utc(r->sessions.at(0).start), "2023-10-28T08:00Z");
    EXPECT_EQ(utc(r->sessions.at(0).end), "2023-10-28T09:00Z");
    EXPECT_EQ(utc(r->sessions.at(1).start), "2023-10-28T10:00Z");
    EXPECT_EQ(utc(r->sessions.at(1).end), "2023-10-28T10:45Z");
    EXPECT_EQ(r->sessions.at(1).language, "en");
    EXPECT_THAT(messages(r->warnings),
                ElementsAre("float.ics:4: warning: floating times (neither a TZID nor UTC), the "
                            "first in event 'Floating', are read in Europe/Berlin, from "
                            "venue.timezone"));

    // The calendar's X-WR-TIMEZONE wins over the venue's.
    auto tokyo = import(calendar(event("DTSTART:20231028T100000\r\nSUMMARY:Floating\r\n"),
                                 "X-WR-TIMEZONE:Asia/Tokyo\r\n"),
                        options("float.ics"));
    ASSERT_TRUE(tokyo.has_value());
    EXPECT_EQ(tokyo->timezone, "Asia/Tokyo");
    EXPECT_EQ(utc(tokyo->sessions.at(0).start), "2023-10-28T01:00Z");
    EXPECT_THAT(messages(tokyo->warnings),
                ElementsAre("float.ics:5: warning: floating times (neither a TZID nor UTC), the "
                            "first in event 'Floating', are read in Asia/Tokyo, from the "
                            "calendar's X-WR-TIMEZONE"));
}

TEST(IcalOther, AnUnknownXWrTimezoneIsSaidAndIgnored) {
    auto r = import(calendar(event("DTSTART:20231028T100000Z\r\nSUMMARY:A\r\n"),
                             "X-WR-TIMEZONE:Mars/Olympus_Mons\r\n"),
                    options("mars.ics"));
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->timezone, "Europe/Berlin");
    EXPECT_THAT(messages(r->warnings),
                ElementsAre("mars.ics:1: warning: X-WR-TIMEZONE 'Mars/Olympus_Mons' is not a time "
                            "zone the tz database knows; ignored"));
}

// A hallway screen lists an all-day event among the day's sessions, without a time; a span of
// days is on each day's list.
TEST(IcalOther, AllDayEventsHaveADayAndNoTime) {
    const std::string s =
        calendar(event("DTSTART;VALUE=DATE:20231028\r\nDTEND;VALUE=DATE:20231030\r\n"
                       "SUMMARY:Exhibition\r\nLOCATION:Foyer\r\n") +
                 event("DTSTART;VALUE=DATE:20231030\r\nSUMMARY:Hackathon\r\n") +
                 event("DTSTART;VALUE=DATE:20231028\r\nDURATION:P3D\r\nSUMMARY:Sprints\r\n"));
    auto r = import(s, options("allday.ics"));
    ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
    EXPECT_THAT(messages(r->warnings), ElementsAre());
    ASSERT_EQ(r->sessions.size(), 6u);
    std::vector<std::string> got;
    for (const auto& e : r->sessions) {
        EXPECT_FALSE(e.start.has_value());
        EXPECT_FALSE(e.end.has_value());
        got.push_back(e.title + " " + day(e.day));
    }
    EXPECT_THAT(
        got, ElementsAre("Exhibition 2023-10-28", "Exhibition 2023-10-29", "Hackathon 2023-10-30",
                         "Sprints 2023-10-28", "Sprints 2023-10-29", "Sprints 2023-10-30"));
    EXPECT_EQ(r->sessions[0].room, "Foyer");
    EXPECT_EQ(r->sessions[1].source.line, 4);
}

TEST(IcalOther, FoldedLinesAndBareLineFeedsAndAByteOrderMark) {
    // Folded inside a word, inside the UTF-8 bytes of "ü" (some writers do), and with a tab.
    const std::string s =
        "\xEF\xBB\xBF"
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Example Corp.//Agenda//EN\n"
        "BEGIN:VEVENT\nUID:folded@exam\n ple.org\nDTSTART:20231028T0800\n 00Z\n"
        "SUMMARY:Sch\xC3\n \xBC"
        "tzenfest im Gr\n\tünen\nEND:VEVENT\n"
        "BEGIN:VEVENT\nUID:second\nDTSTART:20231028T090000Z\nSUMMARY:Second\nEND:VEVENT\n"
        "END:VCALENDAR\n";
    auto r = import(s, options("folded.ics"));
    ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
    EXPECT_THAT(messages(r->warnings), ElementsAre());
    ASSERT_EQ(r->sessions.size(), 2u);
    EXPECT_EQ(r->sessions[0].id, "folded@example.org");
    EXPECT_EQ(r->sessions[0].title, "Schützenfest im Grünen");
    EXPECT_EQ(utc(r->sessions[0].start), "2023-10-28T08:00Z");
    EXPECT_EQ(r->sessions[0].source.line, 4);
    EXPECT_EQ(r->sessions[1].source.line, 13);  // physical lines, folds counted
}

// ---- problems in events: warnings that name the event and its line ------------------------------

TEST(IcalEventProblems, MissingStartEndBeforeStartAndLibicalsComplaints) {
    const std::string s = calendar(
        event("SUMMARY:No Start\r\nLOCATION:Saal 1\r\n") +
        event("DTSTART:20231028T100000Z\r\nDTEND:20231028T090000Z\r\nSUMMARY:Backwards\r\n") +
        event("DTSTART:20231028T100000Z\r\nDTEND:2023XX28T110000Z\r\nDTSTAQT:1\r\n"
              "SUMMARY:Damaged\r\n") +
        event("DTSTART:20231028T100000Z\r\n") +
        event("DTSTART;VALUE=DATE:20231028\r\nDTEND:20231028T110000Z\r\nSUMMARY:Mixed\r\n"));
    auto r = import(s, options("bad.ics"));
    ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
    ASSERT_EQ(r->sessions.size(), 5u);
    EXPECT_EQ(r->sessions[0].title, "No Start");
    EXPECT_FALSE(r->sessions[0].start.has_value());
    EXPECT_FALSE(r->sessions[0].day.has_value());
    EXPECT_EQ(r->sessions[0].room, "Saal 1");
    EXPECT_EQ(utc(r->sessions[1].start), "2023-10-28T10:00Z");
    EXPECT_FALSE(r->sessions[1].end.has_value());
    EXPECT_FALSE(r->sessions[2].end.has_value());
    EXPECT_EQ(r->sessions[3].title, "Untitled");
    EXPECT_EQ(r->sessions[4].day, date::local_days{date::year{2023} / 10 / 28});
    EXPECT_THAT(
        messages(r->warnings),
        ElementsAre(
            "bad.ics:4: warning: event 'No Start' has no DTSTART: shown without a time",
            "bad.ics:10: warning: event 'Backwards' ends (DTEND 2023-10-28 09:00 UTC) before it "
            "starts (DTSTART 2023-10-28 10:00 UTC): the end is not known",
            "bad.ics:17: warning: event 'Damaged': skipped what libical could not read: Can't "
            "parse as DATE-TIME value in DTEND property. Removing entire property: "
            "2023XX28T110000Z",
            "bad.ics:17: warning: event 'Damaged': skipped what libical could not read: Parse "
            "error in property name: DTSTAQT",
            "bad.ics:25: warning: event with UID 'e1@example.org' has no SUMMARY; shown as "
            "'Untitled'",
            "bad.ics:30: warning: event 'Mixed': DTSTART 2023-10-28 and DTEND 2023-10-28 11:00 UTC "
            "are not both dates or both times: the end is not known"));
}

TEST(IcalEventProblems, SkippedHourUnknownZoneAndARepeatingEvent) {
    const std::string s = calendar(
        event("DTSTART;TZID=Europe/Berlin:20230326T023000\r\nSUMMARY:Spring\r\n") +
        event("DTSTART;TZID=Mars/Olympus_Mons:20231028T100000\r\nSUMMARY:Mars\r\n") +
        event("DTSTART;TZID=Mars/Olympus_Mons:20231028T110000\r\nSUMMARY:Mars again\r\n") +
        event("DTSTART:20231028T100000Z\r\nRRULE:FREQ=DAILY;COUNT=3\r\nSUMMARY:Daily\r\n"));
    auto r = import(s, options("dst.ics"));
    ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
    EXPECT_EQ(utc(r->sessions.at(0).start), "2023-03-26T01:30Z");  // with +01:00, as before
    EXPECT_EQ(utc(r->sessions.at(1).start), "2023-10-28T08:00Z");  // in the fallback zone
    EXPECT_EQ(r->timezone, "Europe/Berlin");
    EXPECT_THAT(
        messages(r->warnings),
        ElementsAre(
            "dst.ics:4: warning: event 'Spring': DTSTART 2023-03-26 02:30 does not exist in "
            "Europe/Berlin (the clocks skip it); read with the offset before the change, as RFC "
            "5545 says: 2023-03-26 01:30 UTC",
            "dst.ics:10: warning: event 'Mars': unknown time zone 'Mars/Olympus_Mons' (no "
            "VTIMEZONE for it in the file, and not a tz database name); its times, here and in "
            "any later event, are read in Europe/Berlin",
            "dst.ics:22: warning: event 'Daily' repeats (RRULE); only its first occurrence is "
            "shown"));
}

TEST(IcalEventProblems, InvalidUtf8IsReplacedAndSaidOnce) {
    const std::string s =
        calendar(event("DTSTART:20231028T100000Z\r\nSUMMARY:Caf\xE9 Talks\r\n") +
                 event("DTSTART:20231028T110000Z\r\nLOCATION:Hall \xFF\r\nSUMMARY:B\r\n"));
    auto r = import(s, options("latin1.ics"));
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->sessions.at(0).title, "Caf\xEF\xBF\xBD Talks");
    EXPECT_EQ(r->sessions.at(1).room, "Hall \xEF\xBF\xBD");
    EXPECT_THAT(messages(r->warnings),
                ElementsAre("latin1.ics:4: warning: invalid UTF-8 or control bytes (first 0xE9) "
                            "replaced with U+FFFD in 2 events, the first of them this one"));
}

// A hostile VTIMEZONE (a secondly rule libical would expand for hours) is refused, not run.
TEST(IcalEventProblems, AVtimezoneWithANonYearlyRuleIsRefused) {
    const std::string s =
        calendar(event("DTSTART;TZID=Weird:20231028T100000\r\nSUMMARY:Weird\r\n"),
                 "BEGIN:VTIMEZONE\r\nTZID:Weird\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
                 "RRULE:FREQ=SECONDLY\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:STANDARD\r\n"
                 "END:VTIMEZONE\r\n");
    auto r = import(s, options("weird.ics"));
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(utc(r->sessions.at(0).start), "2023-10-28T08:00Z");
    EXPECT_THAT(messages(r->warnings),
                ElementsAre("weird.ics:13: warning: event 'Weird': unknown time zone 'Weird' (its "
                            "VTIMEZONE has a rule that is not a yearly change); its times, here "
                            "and in any later event, are read in Europe/Berlin"));
}

// ---- files that cannot be used: errors with file:line
// --------------------------------------------

TEST(IcalBadFile, CutShortInsideAnEvent) {
    const std::string all = ktc23();
    const std::string cut = all.substr(0, all.find("SUMMARY:The Repeated Hour") + 12);
    auto r = import(cut);
    ASSERT_FALSE(r.has_value());
    EXPECT_THAT(messages(r.error()),
                ElementsAre("ktc23.ics:68: the file ends inside VEVENT (BEGIN:VEVENT at line 61, "
                            "no END:VEVENT): is it cut short?"));
    auto before_end = import(all.substr(0, all.size() - 6));
    ASSERT_FALSE(before_end.has_value());
    EXPECT_THAT(messages(before_end.error()),
                ElementsAre("ktc23.ics:111: the file ends inside VCALENDAR (BEGIN:VCALENDAR at "
                            "line 1, no END:VCALENDAR): is it cut short?"));
}

TEST(IcalBadFile, MismatchedEndNulAndNoEvents) {
    auto mismatched =
        import(replaced(ktc23(), "END:VEVENT\r\nBEGIN:VEVENT\r\nUID:pretalx-ktc23-KTCAAB",
                        "END:VTODO\r\nBEGIN:VEVENT\r\nUID:pretalx-ktc23-KTCAAB"));
    ASSERT_FALSE(mismatched.has_value());
    EXPECT_THAT(messages(mismatched.error()),
                ElementsAre("ktc23.ics:30: END:VTODO does not close BEGIN:VEVENT (line 21)"));

    std::string nul = ktc23();
    nul[nul.find("LOCATION:Saal 1")] = '\0';
    auto binary = import(nul);
    ASSERT_FALSE(binary.has_value());
    EXPECT_THAT(messages(binary.error()),
                ElementsAre("ktc23.ics:27: binary data (a NUL byte): expected the text of an "
                            "iCalendar file"));

    auto empty = import(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//pretalx//x//\r\n"
        "END:VCALENDAR\r\n");
    ASSERT_FALSE(empty.has_value());
    EXPECT_THAT(messages(empty.error()),
                ElementsAre("ktc23.ics:1: the calendar has no events (VEVENT): nothing to show"));

    auto nothing = import("\xEF\xBB\xBF\r\n\r\n");
    ASSERT_FALSE(nothing.has_value());
    EXPECT_THAT(messages(nothing.error()),
                ElementsAre("ktc23.ics: no BEGIN:VCALENDAR: this is not an iCalendar file"));

    auto other = import("\r\nVERSION:2.0\r\nBEGIN:VCALENDAR\r\n");
    ASSERT_FALSE(other.has_value());
    EXPECT_THAT(messages(other.error()),
                ElementsAre("ktc23.ics:2: expected BEGIN:VCALENDAR, found 'VERSION:2.0'"));
}

TEST(IcalBadFile, NestingBombIsRefusedBeforeLibicalSeesIt) {
    std::string s = "BEGIN:VCALENDAR\r\n";
    for (int i = 0; i < 100000; ++i) s += "BEGIN:VEVENT\r\n";
    auto r = import(s);
    ASSERT_FALSE(r.has_value());
    EXPECT_THAT(messages(r.error()),
                ElementsAre("ktc23.ics:9: components nested more than 8 deep: this is not a "
                            "calendar kiosk can read"));
}

TEST(IcalBadFile, WhatFollowsTheCalendarIsIgnoredWithAWarning) {
    auto second = import(ktc23() + "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    ASSERT_TRUE(second.has_value());
    EXPECT_EQ(second->sessions.size(), 9u);
    EXPECT_THAT(messages(second->warnings),
                ElementsAre("ktc23.ics:112: warning: a second calendar begins here; only the "
                            "first one is read"));
    auto junk = import(ktc23() + "\r\n<html>\r\n");
    ASSERT_TRUE(junk.has_value());
    EXPECT_THAT(messages(junk->warnings),
                ElementsAre("ktc23.ics:113: warning: text after END:VCALENDAR is ignored"));
}

// ---- robustness (run under the sanitizers too)
// ----------------------------------------------------

void expect_program_or_explanation(const Result<Program>& r, const std::string& what) {
    SCOPED_TRACE(what);
    if (r.has_value()) {
        ASSERT_FALSE(r->sessions.empty());
        ASSERT_FALSE(r->timezone.empty());
        for (const auto& s : r->sessions) {
            ASSERT_FALSE(s.title.empty());
            ASSERT_GT(s.source.line, 0);  // libical's tree and our outline agree
        }
        for (const auto& d : r->warnings) ASSERT_EQ(d.file, "ktc23.ics");
    } else {
        ASSERT_FALSE(r.error().empty());
        ASSERT_EQ(r.error().front().file, "ktc23.ics");
        ASSERT_FALSE(r.error().front().message.empty());
    }
}

// Every prefix of the file fails with file:line until END:VCALENDAR is whole.
TEST(IcalProperty, TruncationAtEveryOffset) {
    const std::string all = ktc23();
    const std::size_t whole = all.rfind("END:VCALENDAR") + 13;
    for (std::size_t n = 0; n <= all.size(); ++n) {
        auto r = import(std::string_view(all).substr(0, n));
        expect_program_or_explanation(r, "cut at " + std::to_string(n));
        if (n < whole) {
            ASSERT_FALSE(r.has_value()) << n;
            // Past the first line, every cut is said at a line: where the file ends.
            if (n > 17) {
                ASSERT_THAT(r.error().front().message, HasSubstr("cut short")) << n;
            }
        } else {
            ASSERT_TRUE(r.has_value()) << n;
            ASSERT_EQ(r->sessions.size(), 9u);
        }
    }
}

// Random damage to the pretalx file in both of its zone forms: bytes flipped, inserted, lines
// dropped, doubled and cut. Whatever comes out is a program or an explanation, never a crash.
TEST(IcalProperty, MutationsNeverCrashAndAlwaysImportOrExplain) {
    const std::string originals[] = {ktc23(), replaced(replaced(ktc23_as_pretalx_writes_1005(),
                                                                "TZID=Europe/Berlin", "TZID=CET"),
                                                       "TZID:Europe/Berlin", "TZID:CET")};
#if defined(__SANITIZE_ADDRESS__)
    const unsigned runs = 2000;  // libical is not instrumented: only some 2 times slower
#else
    const unsigned runs = 4000;
#endif
    for (unsigned run = 0; run < runs; ++run) {
        std::mt19937 rng(run);
        std::string s = originals[run % 2];
        auto pick = [&](std::size_t n) {
            return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
        };
        const int edits = 1 + static_cast<int>(pick(4));
        for (int e = 0; e < edits && !s.empty(); ++e) {
            const std::size_t at = pick(s.size());
            switch (pick(6)) {
                case 0:
                case 1:  // byte flips, most often
                    s[at] = static_cast<char>(s[at] ^ static_cast<char>(1 + pick(255)));
                    break;
                case 2:
                    s.insert(at, 1, static_cast<char>(pick(256)));
                    break;
                case 3:
                    s.erase(at, pick(120));
                    break;
                case 4:
                    s.insert(at, s.substr(pick(s.size()), pick(300)));
                    break;
                case 5:
                    s.insert(at, pick(2) ? "\r\n " : "\r\n");
                    break;
            }
        }
        expect_program_or_explanation(import(s), "mutation run " + std::to_string(run));
    }
}

}  // namespace
}  // namespace kiosk
