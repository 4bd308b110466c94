// The day-page importer: the seed in full, hand-written pages of the same family, bad input.
#include "kiosk/core/import/daypage.h"

#include <fstream>
#include <random>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kiosk/core/import/text.h"
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

std::string seed() { return read(KIOSK_SOURCE_DIR "/data/program.txt"); }
std::string page(const std::string& name) { return read(KIOSK_TEST_DATA_DIR "/daypages/" + name); }

// The day the tests "are run": fixed, so year resolution is deterministic.
ImportOptions options(std::string file = "program.txt") {
    ImportOptions o;
    o.file_name = std::move(file);
    o.fallback_timezone = "America/Los_Angeles";
    o.reference_day = date::local_days{date::year{2026} / 11 / 27};
    return o;
}

const date::time_zone& zone(const Program& p) { return *find_zone(p.timezone).value(); }

std::string local(const std::optional<Instant>& t, const Program& p) {
    return t ? format_iso(*t, zone(p)) : "none";
}

std::vector<std::string> labels(const Session& s) {
    std::vector<std::string> out;
    for (const auto& t : s.talks) out.push_back(t.label);
    return out;
}

std::vector<std::string> messages(const Diagnostics& ds) {
    std::vector<std::string> out;
    for (const auto& d : ds) out.push_back(to_string(d));
    return out;
}

// What a page without a "Timezone:" line is told, once, about the whole file.
std::string read_in_venue_zone(const std::string& file = "program.txt",
                               const std::string& zone = "America/Los_Angeles") {
    return file + ": warning: the page names no time zone (no 'Timezone:' line); read in " + zone +
           ", the config's venue.timezone";
}

std::vector<std::string> kinds(const Program& p) {
    std::vector<std::string> out;
    for (const auto& s : p.sessions) out.push_back(s.kind);
    return out;
}

// ---- the seed: MLSys 2022, Monday 29 Aug, Santa Clara ---------------------------------------

class Seed : public ::testing::Test {
  protected:
    void SetUp() override {
        auto r = import_day_page(seed(), options());
        ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
        program = std::move(r).value();
    }
    const Session& at(std::size_t i) const { return program.sessions.at(i); }
    Program program;
};

TEST_F(Seed, ImportsInTheVenueZoneAndSaysSo) {
    // The seed names no zone: the only warning says which one its times were read in.
    EXPECT_EQ(program.timezone, "America/Los_Angeles");
    EXPECT_THAT(messages(program.warnings), ElementsAre(read_in_venue_zone()));
    ASSERT_EQ(program.sessions.size(), 10u);
    for (const auto& s : program.sessions) {
        EXPECT_EQ(s.day, date::local_days{date::year{2022} / 8 / 29}) << s.title;
        EXPECT_EQ(s.source.file, "program.txt");
    }
}

TEST_F(Seed, KindsTitlesTimesAndRooms) {
    struct Expected {
        int line;
        const char* kind;
        const char* title;
        const char* start;
        const char* room;
    };
    const Expected expected[] = {
        {1, "Registration Desk", "Registration Check-in Desk", "2022-08-29T07:00:00-07:00", ""},
        {2, "Oral", "Outstanding Papers", "2022-08-29T08:45:00-07:00", "Exhibit Hall A"},
        {12, "Invited Talk", "Systems for ML and ML for Systems: A Virtuous Cycle", "none", ""},
        {15, "Panel", "The Future of MLSys: Industry and Academia", "2022-08-29T11:30:00-07:00",
         ""},
        {18, "Tutorial",
         "Gemmini: Enabling Systematic Deep-Learning Architecture Evaluation via Full-Stack "
         "Integration",
         "none", ""},
        {25, "Tutorial", "Time Series Anomaly Detection : Tools, Techniques & Tricks", "none", ""},
        {28, "Oral", "Distributed and Parallel Learning", "2022-08-29T13:00:00-07:00",
         "Exhibit Hall A"},
        {37, "Oral", "ML Compilers & Runtime", "2022-08-29T14:15:00-07:00", "Exhibit Hall A"},
        {47, "Oral", "Systems for ML 1", "2022-08-29T16:00:00-07:00", "Exhibit Hall A"},
        {58, "Reception", "Welcome Reception", "2022-08-29T17:30:00-07:00",
         "Mission City Ballroom"},
    };
    for (std::size_t i = 0; i < std::size(expected); ++i) {
        const auto& e = expected[i];
        const Session& s = at(i);
        SCOPED_TRACE(e.title);
        EXPECT_EQ(s.source.line, e.line);
        EXPECT_EQ(s.kind, e.kind);
        EXPECT_EQ(s.title, e.title);
        EXPECT_EQ(local(s.start, program), e.start);
        EXPECT_EQ(s.end, std::nullopt);  // the page states no ends; the scheduler estimates them
        EXPECT_EQ(s.room.value_or(""), e.room);
    }
}

TEST_F(Seed, OralSessionsListTheirTalksInOrderWithLabels) {
    // The fifth abstract names no system of its own; it says its code is part of RAFT.
    EXPECT_THAT(labels(at(1)), ElementsAre("Pathways", "QuadraLib", "Talk 3", "ML-EXray", "RAFT"));
    EXPECT_THAT(labels(at(6)), ElementsAre("BNS-GCN", "SAR", "Talk 3", "LightSecAgg"));
    EXPECT_THAT(labels(at(7)),
                ElementsAre("CoRa", "Apollo", "DietCode", "Bit-serial weight pools"));
    EXPECT_THAT(labels(at(8)),
                ElementsAre("MLPerf Mobile", "TorchSparse", "Hydrozoa", "Plumber", "Graphiler"));
    for (std::size_t i : {1u, 6u, 7u, 8u}) {
        for (const auto& t : at(i).talks) {
            EXPECT_EQ(t.room, "Exhibit Hall A");
            EXPECT_TRUE(t.label_derived);
        }
    }
    // Talks point at their room marker; abstracts are kept whole.
    EXPECT_EQ(at(1).talks[0].source.line, 3);
    EXPECT_EQ(at(1).talks[3].source.line, 8);
    EXPECT_EQ(at(1).talks[2].abstract, "");  // two markers in a row: the abstract is missing
    EXPECT_THAT(at(1).talks[0].abstract, HasSubstr("over a data center network."));
    // The blank line after the marker in line 38 does not lose CoRa's abstract.
    EXPECT_THAT(at(7).talks[0].abstract, testing::StartsWith("There is often variation"));
}

TEST_F(Seed, ParagraphsBrokenOverTwoLinesAreJoined) {
    // Lines 35-36: LightSecAgg's abstract continues on the next line.
    EXPECT_THAT(at(6).talks[3].abstract,
                HasSubstr("users'' to one-shot aggregate-mask reconstruction"));
    // Lines 21, 22 and 23-24: three paragraphs of the Gemmini tutorial.
    const std::string& d = at(4).description;
    EXPECT_EQ(std::count(d.begin(), d.end(), '\n'), 2) << d;
    EXPECT_THAT(d, HasSubstr("Best Paper award, as well as at an IISWC 2021 tutorial."));
}

TEST_F(Seed, UntimedHeadersNameTheSpeakerAndTheNextLineIsTheTitle) {
    EXPECT_THAT(at(2).speakers, ElementsAre("Kunle Olukotun"));
    EXPECT_THAT(at(4).speakers, ElementsAre("Hasan Genc"));
    EXPECT_THAT(at(5).speakers, ElementsAre("Patel Dhaval"));
    EXPECT_THAT(at(2).description, testing::StartsWith("This talk is about the virtuous"));
}

TEST_F(Seed, NoiseIsSkippedSilently) {
    EXPECT_THAT(at(3).description, testing::Not(HasSubstr("Signup here")));
    EXPECT_THAT(at(4).description, testing::Not(HasSubstr("forms.gle")));
    EXPECT_THAT(at(3).description, testing::StartsWith("Are you a budding researcher"));
}

TEST_F(Seed, TheReceptionsRoomIsReadFromItsProse) {
    EXPECT_EQ(at(9).room, "Mission City Ballroom");
    EXPECT_EQ(at(9).room_origin, Origin::from_prose);
    EXPECT_EQ(at(1).room_origin, Origin::stated);
}

TEST_F(Seed, TheYearFollowsTheReferenceDay) {
    // Monday 29 August: 2022 seen from 2026, 2016 seen from 2017, 2033 seen from 2032.
    auto o = options();
    o.reference_day = date::local_days{date::year{2017} / 1 / 10};
    auto r = import_day_page(seed(), o);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->sessions[0].day, date::local_days{date::year{2016} / 8 / 29});
    o.reference_day = date::local_days{date::year{2032} / 6 / 1};
    r = import_day_page(seed(), o);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->sessions[0].day, date::local_days{date::year{2033} / 8 / 29});
}

TEST_F(Seed, APinnedYearThatDoesNotFitIsAnErrorOnEachHeaderNamingTheYearThatFits) {
    auto o = options();
    o.year = 2023;  // 29 Aug 2023 is a Tuesday
    auto r = import_day_page(seed(), o);
    ASSERT_FALSE(r.has_value());
    auto m = messages(r.error());
    ASSERT_EQ(m.size(), 8u);  // the reason, then the 7 timed headers
    EXPECT_EQ(m.at(0),
              "program.txt: no sessions found: none of the page's dates falls on its weekday in "
              "2023 (data.year); they do in 2022: set data.year to 2022, or remove it so that "
              "each date takes its nearest year");
    EXPECT_EQ(m.at(1),
              "program.txt:1: 'Mon 29 Aug' is not a Monday in 2023 (data.year); it is a Monday in "
              "2022; that session was skipped");
    EXPECT_EQ(m.at(7),
              "program.txt:58: 'Mon 29 Aug' is not a Monday in 2023 (data.year); it is a Monday "
              "in 2022; that session was skipped");
}

TEST_F(Seed, AYearTheDatesFitIsTakenSilently) {
    auto o = options();
    o.year = 2022;
    auto r = import_day_page(seed(), o);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->sessions.size(), 10u);
    EXPECT_THAT(messages(r->warnings), ElementsAre(read_in_venue_zone()));
}

// ---- pages of the same family ---------------------------------------------------------------

TEST(DayPage, TwoDaysSeveralRoomsSpeakersATimezoneLineNoonAndMidnight) {
    auto r = import_day_page(page("icml-two-days.txt"), options("icml.txt"));
    ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
    const Program& p = *r;
    EXPECT_EQ(p.timezone, "America/New_York");  // the page's line wins over the venue's zone
    EXPECT_THAT(messages(p.warnings), ElementsAre());
    ASSERT_EQ(p.sessions.size(), 11u);
    const auto& s = p.sessions;
    // Tue 18 Jul is a Tuesday in 2023 and 2028; 2028 is nearer to the reference day.
    EXPECT_EQ(local(s[0].start, p), "2028-07-18T07:30:00-04:00");
    EXPECT_EQ(s[0].room, "Hall A Foyer");
    EXPECT_TRUE(s[0].talks.empty());
    // A tutorial's speakers line and single room marker belong to the session itself.
    EXPECT_EQ(s[1].kind, "Tutorial");
    EXPECT_EQ(local(s[1].start, p), "2028-07-18T09:00:00-04:00");  // "EDT" is ignored
    EXPECT_THAT(s[1].speakers, ElementsAre("Ana Ruiz", "Deniz Altınbüken"));
    EXPECT_EQ(s[1].room, "Ballroom C");
    EXPECT_EQ(s[1].description,
              "This tutorial covers policy gradients, value functions and exploration.");
    // 12:00 p.m. is noon.
    EXPECT_EQ(s[2].kind, "Break");
    EXPECT_EQ(s[2].title, "Lunch Break");
    EXPECT_EQ(local(s[2].start, p), "2028-07-18T12:00:00-04:00");
    // A stated end; talks in two rooms, with their own speakers.
    EXPECT_EQ(local(s[3].end, p), "2028-07-18T14:30:00-04:00");
    EXPECT_EQ(s[3].end_origin, Origin::stated);
    ASSERT_EQ(s[3].talks.size(), 2u);
    EXPECT_EQ(s[3].talks[0].label, "FlashSort");
    EXPECT_THAT(s[3].talks[0].speakers, ElementsAre("Mei Chen", "Jonas Berg"));
    EXPECT_EQ(s[3].talks[1].room, "Room 317");
    EXPECT_EQ(s[3].talks[1].label, "Stochastic gradient methods converge slowly\xE2\x80\xA6");
    EXPECT_EQ(s[4].kind, "Expo Talk");
    EXPECT_EQ(s[4].room, "Room 220");
    // Room and end read from prose; the end is after midnight.
    EXPECT_EQ(s[5].room, "West Terrace");
    EXPECT_EQ(s[5].room_origin, Origin::from_prose);
    EXPECT_EQ(local(s[5].end, p), "2028-07-19T01:30:00-04:00");
    EXPECT_EQ(s[5].end_origin, Origin::from_prose);
    // An untimed keynote under the day heading "Wed 19 Jul" belongs to that day.
    EXPECT_EQ(s[6].title, "Learning from Few Examples");
    EXPECT_THAT(s[6].speakers, ElementsAre("Priya Natarajan"));
    EXPECT_EQ(s[6].start, std::nullopt);
    EXPECT_EQ(s[6].day, date::local_days{date::year{2028} / 7 / 19});
    // 12:30 a.m. is half past midnight; two markers make two talks without abstracts.
    EXPECT_EQ(local(s[7].start, p), "2028-07-19T00:30:00-04:00");
    EXPECT_THAT(labels(s[7]), ElementsAre("Talk 1", "Talk 2"));
    EXPECT_EQ(s[7].room, "Hall J");
    EXPECT_EQ(s[8].kind, "Affinity Event");
}

TEST(DayPage, KindsSpeakersAndTheLastKindLessHeader) {
    auto r = import_day_page(page("icml-two-days.txt"), options("icml.txt"));
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(r->sessions.size(), 11u);
    EXPECT_EQ(r->sessions[10].kind, "Break");
    EXPECT_EQ(r->sessions[10].title, "Break");
    const Session& panel = r->sessions[9];
    EXPECT_EQ(panel.kind, "Panel");
    EXPECT_EQ(panel.title, "The Road Ahead");
    EXPECT_THAT(panel.speakers, ElementsAre("Ana Ruiz", "Bo Li", "Carlos Díaz"));
    EXPECT_EQ(panel.room, "Ballroom C");
}

TEST(DayPage, YearBoundaryGluedHeaderAndProseEndPastMidnight) {
    auto r = import_day_page(page("new-year.txt"), options("new-year.txt"));
    ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
    const Program& p = *r;
    ASSERT_EQ(p.sessions.size(), 4u);
    // Each date takes its own nearest year: Wed 31 Dec 2025, Thu 01 Jan 2026.
    EXPECT_EQ(local(p.sessions[0].start, p), "2025-12-31T21:00:00-08:00");
    EXPECT_EQ(local(p.sessions[0].end, p), "2026-01-01T00:30:00-08:00");
    EXPECT_EQ(p.sessions[0].room, "Rooftop Garden");
    EXPECT_EQ(local(p.sessions[1].start, p), "2026-01-01T12:00:00-08:00");
    // "… It works well.Oral: Language …": the text stays with PixelNet, the header is read.
    EXPECT_THAT(labels(p.sessions[1]), ElementsAre("PixelNet"));
    EXPECT_EQ(p.sessions[1].talks[0].abstract,
              "We propose PixelNet, a network for pixels. It works well.");
    EXPECT_EQ(p.sessions[2].title, "Language");
    EXPECT_EQ(local(p.sessions[2].start, p), "2026-01-01T13:00:00-08:00");
    EXPECT_THAT(labels(p.sessions[2]), ElementsAre("Talk 1", "Babel"));
    EXPECT_EQ(p.sessions[3].kind, "Workshop");
    EXPECT_THAT(p.sessions[3].speakers, ElementsAre("Taro Sato"));
    EXPECT_EQ(p.sessions[3].room, "Room 3");
    EXPECT_THAT(messages(p.warnings),
                ElementsAre("new-year.txt:5: warning: text 'We propose PixelNet, a network for "
                            "pixels. It works well.' is glued before the header; it was kept "
                            "with the entry before",
                            read_in_venue_zone("new-year.txt")));
}

TEST(DayPage, AHeaderWithoutMeridiemIsReadAs24Hours) {
    auto r = import_day_page("Oral: Late Mon 29 Aug 13:05\n", options());
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(local(r->sessions[0].start, *r), "2022-08-29T13:05:00-07:00");
}

TEST(DayPage, TheVenueZoneIsUsedWithoutATimezoneLineAndOnlyThenSaidSo) {
    auto o = options();
    o.fallback_timezone = "Europe/Vienna";
    auto r = import_day_page("Oral: X Mon 29 Aug 09:00 a.m.\n", o);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->timezone, "Europe/Vienna");
    EXPECT_EQ(local(r->sessions[0].start, *r), "2022-08-29T09:00:00+02:00");
    EXPECT_THAT(messages(r->warnings),
                ElementsAre(read_in_venue_zone("program.txt", "Europe/Vienna")));
    // Not said where the page names its zone, known or not.
    r = import_day_page("Timezone: Europe/Vienna\nOral: X Mon 29 Aug 09:00 a.m.\n", options());
    ASSERT_TRUE(r.has_value());
    EXPECT_THAT(messages(r->warnings), ElementsAre());
    // An unknown zone is said once, by the message that names it.
    r = import_day_page("Timezone: Mars/Olympus\nOral: X Mon 29 Aug 09:00 a.m.\n", options());
    ASSERT_TRUE(r.has_value());
    EXPECT_THAT(messages(r->warnings),
                ElementsAre("program.txt:1: warning: unknown time zone 'Mars/Olympus'; using "
                            "America/Los_Angeles (venue.timezone)"));
}

TEST(DayPage, AnEmptyTimezoneLineIsNoZone) {
    // The site's schedule pages print the zone picker's label with no zone after it.
    auto r = import_day_page("Timezone: \xC2\xBB\nOral: X Mon 29 Aug 09:00 a.m.\n", options());
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->timezone, "America/Los_Angeles");
    EXPECT_THAT(messages(r->warnings), ElementsAre(read_in_venue_zone()));
}

TEST(DayPage, ASkippedHourIsReadAsTheMomentTheClocksJump) {
    // 13 Mar 2022, Los Angeles: 02:00 jumps to 03:00.
    auto r = import_day_page("Social: Night Owls Sun 13 Mar 02:30 a.m.\n", options());
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(local(r->sessions[0].start, *r), "2022-03-13T03:00:00-07:00");
    EXPECT_THAT(messages(r->warnings),
                ElementsAre(read_in_venue_zone(),
                            "program.txt:1: warning: Sun 13 Mar 02:30 does not exist in "
                            "America/Los_Angeles (the clocks jump forward); read as 03:00"));
}

// ---- real pages (see tests/data/daypages/README.md for where each was copied from) ----------

ImportOptions pinned(std::string file, int year) {
    auto o = options(std::move(file));
    o.year = year;
    return o;
}

TEST(RealPage, NeurIPS2022WorkshopDayKindLessHeadersNoRooms) {
    auto r = import_day_page(page("neurips-2022-sat-3-dec.txt"), pinned("neurips.txt", 2022));
    ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
    const Program& p = *r;
    EXPECT_EQ(p.timezone, "America/Chicago");
    EXPECT_THAT(messages(p.warnings), ElementsAre());
    ASSERT_EQ(p.sessions.size(), 4u);
    // Kind-less headers take the kind their title names, as "Workshop: Gaze meets ML" does.
    EXPECT_THAT(kinds(p), ElementsAre("Registration Desk", "Workshop", "Workshop", "Workshop"));
    EXPECT_EQ(p.sessions[0].title, "Registration Desk");
    EXPECT_EQ(p.sessions[1].title, "Temporal Graph Learning Workshop");
    EXPECT_EQ(p.sessions[2].title, "Reinforcement Learning for Real Life (RL4RealLife) Workshop");
    EXPECT_EQ(p.sessions[3].title, "Gaze meets ML");
    EXPECT_EQ(local(p.sessions[0].start, p), "2022-12-03T07:15:00-06:00");
    EXPECT_EQ(local(p.sessions[3].start, p), "2022-12-03T07:30:00-06:00");
    EXPECT_EQ(p.sessions[1].speakers.size(), 9u);
    EXPECT_EQ(p.sessions[1].speakers.front(), "Reihaneh Rabbany");
    EXPECT_THAT(p.sessions[3].description, testing::StartsWith("Eye gaze has proven"));
}

TEST(RealPage, ICML2023WorkshopDayATitleWithItsKindInside) {
    auto r = import_day_page(page("icml-2023-fri-28-jul.txt"), pinned("icml.txt", 2023));
    ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
    const Program& p = *r;
    EXPECT_EQ(p.timezone, "Pacific/Honolulu");
    EXPECT_THAT(messages(p.warnings), ElementsAre());
    EXPECT_THAT(kinds(p), ElementsAre("Social", "Registration Desk", "Workshop"));
    EXPECT_EQ(p.sessions[2].title,
              "2nd ICML Workshop on New Frontiers in Adversarial Machine Learning");
    EXPECT_EQ(p.sessions[2].source.line, 14);
    EXPECT_EQ(local(p.sessions[2].start, p), "2023-07-28T08:50:00-10:00");
    EXPECT_EQ(p.sessions[2].speakers.size(), 7u);
    // "… to sign up visit: Signup Form." is part of the social's text, not a sign-up link.
    EXPECT_THAT(p.sessions[0].description, HasSubstr("Signup Form."));
}

TEST(RealPage, ICML2023WithLastYearPinnedSaysWhichYearFits) {
    auto r = import_day_page(page("icml-2023-fri-28-jul.txt"), pinned("icml.txt", 2022));
    ASSERT_FALSE(r.has_value());
    EXPECT_THAT(
        messages(r.error()),
        ElementsAre("icml.txt: no sessions found: none of the page's dates falls on its weekday "
                    "in 2022 (data.year); they do in 2023: set data.year to 2023, or remove it "
                    "so that each date takes its nearest year",
                    "icml.txt:6: 'Fri 28 Jul' is not a Friday in 2022 (data.year); it is a Friday "
                    "in 2023; that session was skipped",
                    "icml.txt:11: 'Fri 28 Jul' is not a Friday in 2022 (data.year); it is a "
                    "Friday in 2023; that session was skipped",
                    "icml.txt:14: 'Fri 28 Jul' is not a Friday in 2022 (data.year); it is a "
                    "Friday in 2023; that session was skipped"));
}

TEST(RealPage, ICML2022PageSavedWithoutItsTimezoneLine) {
    auto o = pinned("icml.txt", 2022);
    o.fallback_timezone = "America/New_York";  // Baltimore
    auto r = import_day_page(page("icml-2022-mon-18-jul.txt"), o);
    ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
    const Program& p = *r;
    EXPECT_THAT(messages(p.warnings),
                ElementsAre(read_in_venue_zone("icml.txt", "America/New_York")));
    EXPECT_THAT(kinds(p),
                ElementsAre("Registration Desk", "Affinity Workshop", "Affinity Workshop"));
    EXPECT_EQ(p.sessions[1].title, "LatinX in AI (LXAI) LXAI Research Workshop");
    EXPECT_EQ(p.sessions[2].title, "Women in Machine Learning (WiML) Un-Workshop");
    // "Registration Check-in Desk closing at 6 pm."
    EXPECT_EQ(local(p.sessions[0].end, p), "2022-07-18T18:00:00-04:00");
    EXPECT_EQ(p.sessions[0].end_origin, Origin::from_prose);
    EXPECT_EQ(local(p.sessions[2].start, p), "2022-07-18T08:30:00-04:00");
}

TEST(RealPage, NoneNamesARoomAndEveryOneImports) {
    // The virtual sites print rooms only for some events: every page here names none. Sessions
    // come out with no room; which screens show them is the scheduler's business.
    const std::pair<const char*, int> pages[] = {{"neurips-2022-sat-3-dec.txt", 2022},
                                                 {"icml-2023-fri-28-jul.txt", 2023},
                                                 {"icml-2022-mon-18-jul.txt", 2022},
                                                 {"icml-2022-sat-23-jul.txt", 2022}};
    for (auto [name, year] : pages) {
        SCOPED_TRACE(name);
        auto r = import_day_page(page(name), pinned("p.txt", year));
        ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
        for (const auto& s : r->sessions) {
            EXPECT_EQ(s.room, std::nullopt) << s.title;
            EXPECT_TRUE(s.talks.empty()) << s.title;
            EXPECT_FALSE(s.kind.empty()) << s.title;
            EXPECT_TRUE(s.start.has_value()) << s.title;
        }
        // Only the page saved without its "Timezone:" line says anything.
        EXPECT_EQ(r->warnings.size(),
                  std::string_view(name) == "icml-2022-mon-18-jul.txt" ? 1u : 0u)
            << format_diagnostics(r->warnings);
    }
    auto r = import_day_page(page("icml-2022-sat-23-jul.txt"), pinned("p.txt", 2022));
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->timezone, "America/New_York");
    EXPECT_THAT(kinds(*r), ElementsAre("Registration Desk", "Workshop"));
    EXPECT_EQ(r->sessions[1].title, "AI for Agent-Based Modelling (AI4ABM)");
    EXPECT_EQ(local(r->sessions[0].end, *r), "2022-07-23T18:00:00-04:00");
}

TEST(DayPage, KindLessHeadersTakeTheKindTheirTitleNames) {
    auto r = import_day_page(
        "Timezone: America/Los_Angeles\n"
        "Registration Desk Mon 29 Aug 07:00 a.m.\n"
        "Poster Session 3 Mon 29 Aug 09:00 a.m.\n"
        "NeurIPS 2022 Town Hall Mon 29 Aug 10:00 a.m.\n"
        "Women in ML Affinity Workshop Mon 29 Aug 11:00 a.m.\n"
        "Tutorial on Causal Inference Mon 29 Aug 12:00 p.m.\n"
        "Invited Talk (Ana Ruiz) Mon 29 Aug 01:00 p.m.\n"
        "Test of Time Award Mon 29 Aug 02:00 p.m.\n"
        "Queer in AI Social Mon 29 Aug 03:00 p.m.\n"
        "Opening Remarks Mon 29 Aug 04:00 p.m.\n"
        "Learning to Rank Mon 29 Aug 05:00 p.m.\n",
        options());
    ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
    EXPECT_THAT(kinds(*r), ElementsAre("Registration Desk", "Poster Session", "Town Hall",
                                       "Affinity Workshop", "Tutorial", "Invited Talk",
                                       "Test of Time", "Social", "Opening Remarks", ""));
    // The title stays whole.
    EXPECT_EQ(r->sessions[1].title, "Poster Session 3");
    EXPECT_EQ(r->sessions[4].title, "Tutorial on Causal Inference");
    EXPECT_EQ(r->sessions[5].title, "Invited Talk (Ana Ruiz)");
}

// ---- bad input ------------------------------------------------------------------------------

TEST(DayPageBadInput, AMisspelledDateIsSaidAndItsTalksDoNotJoinTheSessionBefore) {
    auto r = import_day_page(
        "Timezone: America/Los_Angeles\n"
        "Oral: Good Mon 29 Aug 09:00 a.m.\n"  // 2
        "[ Hall A ]\n"
        "We propose Foo, a thing.\n"
        "Oral: Typo Mon 29 Agu 10:00 a.m.\n"  // 5
        "[ Hall A ]\n"
        "We propose Bar, a thing.\n"
        "Xyz 29 Aug 11:00 a.m.\n"  // 8
        "[ Hall B ]\n"
        "We propose Baz, a thing.\n"
        "Poster Session 29 Aug 12:00 p.m.\n"  // 11
        "Posters all day.\n"
        "Oral: Swapped Mon Aug 29 01:00 p.m.\n"  // 13
        "[ Hall A ]\n"
        "Mon 29 Agu\n"  // 15
        "Keynote: Ana Ruiz\n"
        "The Keynote Title\n"
        "Social: Fine Mon 29 Aug 05:00 p.m.\n"  // 18
        "Drinks.\n",
        options());
    ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
    const Program& p = *r;
    ASSERT_EQ(p.sessions.size(), 3u);
    EXPECT_EQ(p.sessions[0].title, "Good");
    EXPECT_THAT(labels(p.sessions[0]), ElementsAre("Foo"));
    EXPECT_EQ(p.sessions[0].talks[0].abstract, "We propose Foo, a thing.");
    EXPECT_EQ(p.sessions[0].description, "");
    // The keynote under the misspelled day heading has no day rather than the one before.
    EXPECT_EQ(p.sessions[1].title, "The Keynote Title");
    EXPECT_EQ(p.sessions[1].day, std::nullopt);
    EXPECT_EQ(p.sessions[2].title, "Fine");
    EXPECT_EQ(p.sessions[2].description, "Drinks.");
    EXPECT_THAT(
        messages(p.warnings),
        ElementsAre("program.txt:5: unrecognised month 'Agu' in 'Mon 29 Agu'; that session was "
                    "skipped",
                    "program.txt:8: unrecognised weekday 'Xyz' in 'Xyz 29 Aug'; that session was "
                    "skipped",
                    "program.txt:11: '29 Aug' has no weekday (expected a date such as 'Mon 29 "
                    "Aug'); that session was skipped",
                    "program.txt:13: 'Mon Aug 29' has the month before the day (expected a date "
                    "such as 'Mon 29 Aug'); that session was skipped",
                    "program.txt:15: unrecognised month 'Agu' in 'Mon 29 Agu'; the entries under "
                    "it have no day"));

    // Prose that ends in a time is no header, misspelled or not.
    r = import_day_page(
        "Timezone: America/Los_Angeles\n"
        "Social: Fine Mon 29 Aug 05:00 p.m.\n"
        "Doors open in Room 3 at 5 pm, talks start in Room 3 10:00 p.m.\n"
        "We meet again on Sunday 06:00 p.m.\n",
        options());
    ASSERT_TRUE(r.has_value());
    EXPECT_THAT(messages(r->warnings), ElementsAre());
    EXPECT_THAT(r->sessions[0].description, HasSubstr("Sunday 06:00 p.m."));
}

TEST(DayPageBadInput, APartlyUsablePageImportsWithEveryProblemNamed) {
    auto r = import_day_page(page("partly-broken.txt"), options());
    ASSERT_TRUE(r.has_value()) << format_diagnostics(r.error());
    ASSERT_EQ(r->sessions.size(), 1u);
    EXPECT_EQ(r->sessions[0].title, "Good Session");
    EXPECT_THAT(labels(r->sessions[0]), ElementsAre("Pathways"));
    EXPECT_EQ(r->timezone, "America/Los_Angeles");
    EXPECT_THAT(
        messages(r->warnings),
        ElementsAre(
            "program.txt:1: warning: text before the first session header skipped (2 lines)",
            "program.txt:6: no such date 'Mon 31 Feb'; that session was skipped",
            "program.txt:9: 'Mon 29 Feb' is a Monday in no year from 2020 to 2032; that session "
            "was skipped",
            "program.txt:10: no such time '25:00 p.m.'; that session was skipped",
            "program.txt:11: no such time '13:00 p.m.'; that session was skipped",
            "program.txt:13: the file ends in the middle of a line ('Oral: Cut Mon 29 Aug 04:0'); "
            "that line was skipped",
            "program.txt:12: warning: unknown time zone 'Mars/Olympus'; using "
            "America/Los_Angeles (venue.timezone)"));
}

TEST(DayPageBadInput, EmptyFile) {
    auto r = import_day_page("", options());
    ASSERT_FALSE(r.has_value());
    EXPECT_THAT(messages(r.error()),
                ElementsAre("program.txt: the file is empty; expected the text of a day page"));
}

TEST(DayPageBadInput, OnlyNoiseAndBlankLines) {
    auto r = import_day_page("\n\nSkip to yearly calendar\nSignup here\n  \n", options());
    ASSERT_FALSE(r.has_value());
    EXPECT_THAT(messages(r.error()),
                ElementsAre("program.txt: no sessions found: expected headers such as 'Oral: "
                            "Outstanding Papers Mon 29 Aug 08:45 a.m.'; nothing to show"));
}

TEST(DayPageBadInput, BinaryDataIsRejectedNamingTheLine) {
    std::string bytes = seed().substr(0, 200);
    bytes += std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    auto r = import_day_page(bytes, options());
    ASSERT_FALSE(r.has_value());
    EXPECT_THAT(messages(r.error()),
                ElementsAre("program.txt:6: binary data (a NUL byte); the file was rejected: "
                            "expected the text of a day page"));
}

TEST(DayPageBadInput, Utf16IsRejectedWithAHint) {
    auto r = import_day_page(std::string("\xFF\xFEO\0r\0", 6), options());
    ASSERT_FALSE(r.has_value());
    EXPECT_THAT(messages(r.error()),
                ElementsAre("program.txt: the file is UTF-16 text; save it as UTF-8 and try "
                            "again"));
}

TEST(DayPageBadInput, InvalidUtf8IsReplacedAndSaidOnce) {
    std::string bytes =
        "Oral: Caf\xE9 Talks Mon 29 Aug 09:00 a.m.\n[ Hall \xFF ]\nWe propose Na\xEFve, a "
        "thing.\n";
    auto r = import_day_page(bytes, options());
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->sessions[0].title, "Caf\xEF\xBF\xBD Talks");
    EXPECT_EQ(r->sessions[0].room, "Hall \xEF\xBF\xBD");
    EXPECT_THAT(messages(r->warnings),
                ElementsAre("program.txt:1: warning: invalid UTF-8 or control bytes (first 0xE9) "
                            "replaced with U+FFFD on 3 lines, the first of them this one",
                            read_in_venue_zone()));
}

TEST(DayPageBadInput, WindowsAndOldMacLineEndsAndAByteOrderMark) {
    auto r = import_day_page(
        "\xEF\xBB\xBFOral: A Mon 29 Aug 09:00 a.m.\r\n[ Hall ]\r\nText.\rOral: B Mon 29 Aug "
        "10:00 a.m.\r",
        options());
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(r->sessions.size(), 2u);
    EXPECT_EQ(r->sessions[0].talks[0].abstract, "Text.");
    EXPECT_EQ(r->sessions[1].source.line, 4);
    EXPECT_THAT(messages(r->warnings), ElementsAre(read_in_venue_zone()));
}

TEST(DayPageBadInput, NoTimeZoneAnywhere) {
    auto o = options();
    o.fallback_timezone = "";
    auto r = import_day_page(seed(), o);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(to_string(r.error().front()),
              "program.txt: no time zone: the page has no 'Timezone:' line and no venue time zone "
              "was given (venue.timezone in the config, or --timezone)");
    o.fallback_timezone = "Mars/Olympus";
    r = import_day_page(seed(), o);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(to_string(r.error().front()),
              "program.txt: unknown time zone 'Mars/Olympus' (expected an IANA name such as "
              "America/Los_Angeles) (venue.timezone)");
}

TEST(DayPageBadInput, ATenMegabyteLineIsKeptWhole) {
    std::string line;
    line.reserve(10u << 20);
    while (line.size() < (10u << 20)) line += "Lorem ipsum dolor sit amet consectetur. ";
    auto r =
        import_day_page("Oral: Long Mon 29 Aug 09:00 a.m.\n[ Hall ]\n" + line + "\n", options());
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->sessions[0].talks[0].abstract.size(), trim(line).size());
    EXPECT_EQ(r->sessions[0].talks[0].label, "Lorem ipsum dolor sit amet consectetur");
    // The same line without a header: nothing usable, said once.
    r = import_day_page(line, options());
    ASSERT_FALSE(r.has_value());
    EXPECT_THAT(messages(r.error()),
                ElementsAre(HasSubstr("program.txt: no sessions found"),
                            "program.txt:1: warning: text before the first session header "
                            "skipped (1 line)"));
}

TEST(DayPageBadInput, AFiftyMegabyteFileImports) {
    // A session whose abstract runs on for 50 lines of 1 MB: kept, in time linear in the file.
    std::string mb;
    while (mb.size() < (1u << 20)) mb += "we measure and we measure again and again ";
    std::string bytes = "Oral: Huge Mon 29 Aug 09:00 a.m.\n[ Hall ]\nWe propose Bulk, a thing.\n";
    bytes.reserve(51u << 20);
    while (bytes.size() < (50u << 20)) (bytes += mb) += "\n";
    auto r = import_day_page(bytes, options());
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->sessions[0].talks[0].label, "Bulk");
    EXPECT_GT(r->sessions[0].talks[0].abstract.size(), 50u << 20);
    EXPECT_THAT(messages(r->warnings), ElementsAre(read_in_venue_zone()));
}

TEST(DayPageBadInput, AFileOfBadHeadersKeepsItsMessagesBounded) {
    // One message a line, but only the first 500 are kept, then a count.
    std::string bytes;
    for (int i = 0; i < 20000; ++i) bytes += "Oral: X Mon 31 Feb 09:00 a.m.\n";
    auto r = import_day_page(bytes, options());
    ASSERT_FALSE(r.has_value());
    ASSERT_EQ(r.error().size(), 502u);
    EXPECT_EQ(to_string(r.error()[1]),
              "program.txt:1: no such date 'Mon 31 Feb'; that session was skipped");
    EXPECT_EQ(to_string(r.error()[500]),
              "program.txt:500: no such date 'Mon 31 Feb'; that session was skipped");
    EXPECT_EQ(to_string(r.error().back()),
              "program.txt: warning: 19500 more messages like these were not kept");
}

// ---- robustness -----------------------------------------------------------------------------

// Random edits of the seed: lines dropped, doubled and swapped, bytes flipped, inserted and cut.
// Whatever comes out, the importer returns a program or says why not, with the file's name.
TEST(DayPageProperty, MutationsOfTheSeedNeverCrashAndAlwaysImportOrExplain) {
    const std::string original = seed();
#if defined(__SANITIZE_ADDRESS__)
    const unsigned runs = 400;  // every run is some 20 times slower under the sanitizers
#else
    const unsigned runs = 3000;
#endif
    for (unsigned run = 0; run < runs; ++run) {
        std::mt19937 rng(run);
        std::string s = original;
        auto pick = [&](std::size_t n) {
            return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(rng);
        };
        int edits = 1 + static_cast<int>(pick(6));
        for (int e = 0; e < edits && !s.empty(); ++e) {
            std::size_t at = pick(s.size());
            switch (pick(7)) {
                case 0:
                    s[at] = static_cast<char>(pick(256));
                    break;
                case 1:
                    s.insert(at, 1, static_cast<char>(pick(256)));
                    break;
                case 2:
                    s.erase(at, pick(200));
                    break;
                case 3:
                    s.resize(at);
                    break;
                case 4:
                    s.insert(at, s.substr(pick(s.size()), pick(300)));
                    break;
                case 5:
                    s.insert(at, "\n");
                    break;
                case 6:
                    s.insert(at, " Tue 30 Aug 12:00 a.m.\n");
                    break;
            }
        }
        auto r = import_day_page(s, options());
        SCOPED_TRACE("mutation run " + std::to_string(run));
        if (r.has_value()) {
            ASSERT_FALSE(r->sessions.empty());
            for (const auto& session : r->sessions) {
                ASSERT_FALSE(session.title.empty());
                for (const auto& t : session.talks) ASSERT_FALSE(t.label.empty());
            }
            for (const auto& d : r->warnings) ASSERT_EQ(d.file, "program.txt");
        } else {
            ASSERT_FALSE(r.error().empty());
            ASSERT_EQ(r.error().front().file, "program.txt");
            ASSERT_FALSE(r.error().front().message.empty());
        }
    }
}

}  // namespace
}  // namespace kiosk
