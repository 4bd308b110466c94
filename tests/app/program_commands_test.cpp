// `kiosk check`, `kiosk rooms` and `kiosk agenda`, run in-process on the seed and on bad files.
#include <fstream>
#include <iterator>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kiosk/app/state.h"
#include "kiosk/core/sha256.h"

#include "run_kiosk.h"
#include "temp_dir.h"

namespace kiosk {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

const std::string seed = KIOSK_SOURCE_DIR "/data/program.txt";
const std::string shipped_config = KIOSK_SOURCE_DIR "/config/kiosk.toml";  // pins 2022
const std::string pages = KIOSK_TEST_DATA_DIR "/daypages/";
// Los Angeles, no pinned year; every test names a config so none depends on /etc/kiosk.
const std::string config = pages + "venue.toml";
// The seed names no zone: every command that reads it says, once, which zone it was read in.
const std::string seed_zone_warning =
    seed +
    ": warning: the page names no time zone (no 'Timezone:' line); read in America/Los_Angeles, "
    "the config's venue.timezone\n";

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t b = 0;
    for (std::size_t e = text.find('\n'); e != std::string::npos; e = text.find('\n', b)) {
        out.push_back(text.substr(b, e - b));
        b = e + 1;
    }
    if (b < text.size()) out.push_back(text.substr(b));
    return out;
}

TEST(CheckCommand, TheSeedIsUsableAndSummarised) {
    auto r = run({"check", seed, "--config", shipped_config});
    EXPECT_EQ(r.rc, exit_ok) << r.err;
    EXPECT_EQ(r.err, seed_zone_warning);
    EXPECT_THAT(
        lines(r.out),
        ElementsAre(seed + ": usable",
                    "  time zone  America/Los_Angeles (venue.timezone in " + shipped_config + ")",
                    "  days       Mon 29 Aug 2022 (10)",
                    "  rooms      Exhibit Hall A, Mission City Ballroom",
                    "  sessions   10, 3 without a time (to be announced)",
                    "  talks      18, 2 without an abstract", "  warnings   1"));
}

TEST(CheckCommand, JsonIsTheWholeProgramInTheContractsShape) {
    auto r = run({"check", seed, "--json", "--config", config});
    ASSERT_EQ(r.rc, exit_ok) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["timezone"], "America/Los_Angeles");
    ASSERT_EQ(j["warnings"].size(), 1u);
    EXPECT_EQ(j["warnings"][0]["line"], 0);
    EXPECT_EQ(j["warnings"][0]["severity"], "warning");
    ASSERT_EQ(j["sessions"].size(), 10u);
    const auto& oral = j["sessions"][1];
    for (const char* key :
         {"kind", "title", "speakers", "room", "start", "end", "description", "talks"}) {
        EXPECT_TRUE(oral.contains(key)) << key;
    }
    EXPECT_EQ(oral["kind"], "Oral");
    EXPECT_EQ(oral["title"], "Outstanding Papers");
    EXPECT_EQ(oral["start"], "2022-08-29T08:45:00-07:00");
    EXPECT_EQ(oral["end"], nullptr);
    EXPECT_EQ(oral["room"], "Exhibit Hall A");
    EXPECT_EQ(oral["talks"][0]["label"], "Pathways");
    EXPECT_EQ(oral["talks"][0]["room"], "Exhibit Hall A");
    EXPECT_THAT(oral["talks"][0]["abstract"].get<std::string>(), StartsWith("We present"));
    const auto& invited = j["sessions"][2];
    EXPECT_EQ(invited["start"], nullptr);
    EXPECT_EQ(invited["room"], nullptr);
    EXPECT_EQ(invited["speakers"], nlohmann::json::array({"Kunle Olukotun"}));
}

TEST(CheckCommand, APartlyUsableFileExits0WithItsWarningsOnStderr) {
    auto r = run({"check", pages + "partly-broken.txt", "--config", config, "--year", "2022"});
    EXPECT_EQ(r.rc, exit_ok);
    auto err = lines(r.err);
    ASSERT_EQ(err.size(), 7u) << r.err;
    EXPECT_EQ(err[1], pages +
                          "partly-broken.txt:6: no such date 'Mon 31 Feb'; that session was "
                          "skipped");
    EXPECT_THAT(r.out, HasSubstr("  warnings   7\n"));
}

TEST(CheckCommand, AnUnusableFileExits1WithTheReasonFirst) {
    TempDir dir;
    auto empty = dir.write("empty.txt", "");
    auto r = run({"check", empty, "--config", config});
    EXPECT_EQ(r.rc, exit_failure);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, empty + ": the file is empty\n");

    auto binary = dir.write("photo.jpg", std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11));
    r = run({"check", binary, "--config", config});
    EXPECT_EQ(r.rc, exit_failure);
    EXPECT_EQ(r.err,
              binary +
                  ": not a program file kiosk can read (tried: frab/pretalx XML, c3voc/pretalx "
                  "schedule.json, iCalendar, day page)\n");

    r = run({"check", dir.path("missing.txt"), "--config", config});
    EXPECT_EQ(r.rc, exit_failure);
    EXPECT_THAT(r.err, StartsWith(dir.path("missing.txt") + ": cannot read"));
}

TEST(CheckCommand, AtMostTwentyMessagesThenACount) {
    TempDir dir;
    std::string bytes = "Oral: Fine Mon 29 Aug 09:00 a.m.\n[ Hall A ]\n";
    for (int i = 0; i < 30; ++i) bytes += "Oral: X Mon 31 Feb 09:00 a.m.\n";
    auto path = dir.write("many.txt", bytes);
    auto r = run({"check", path, "--config", config});
    EXPECT_EQ(r.rc, exit_ok);
    auto err = lines(r.err);
    ASSERT_EQ(err.size(), 21u);
    EXPECT_EQ(err[0], path + ":3: no such date 'Mon 31 Feb'; that session was skipped");
    EXPECT_EQ(err[20], "... and 11 more");  // the 30 bad dates and the zone warning
}

TEST(CheckCommand, APinnedYearThatDoesNotFitMakesTheSeedUnusable) {
    auto r = run({"check", seed, "--config", config, "--year", "2023"});
    EXPECT_EQ(r.rc, exit_failure);
    EXPECT_THAT(r.err, StartsWith(seed + ": no sessions found: none of the page's dates falls on "
                                         "its weekday in 2023 (data.year); they do in 2022"));
    EXPECT_THAT(r.err, HasSubstr(seed + ":1: 'Mon 29 Aug' is not a Monday in 2023 (data.year); it "
                                        "is a Monday in 2022; that session was skipped\n"));
}

TEST(CheckCommand, TimezoneWinsOverTheConfig) {
    auto r = run({"check", seed, "--config", config, "--timezone", "Europe/Vienna"});
    EXPECT_EQ(r.rc, exit_ok);
    EXPECT_THAT(r.out, HasSubstr("  time zone  Europe/Vienna (--timezone)\n"));
    r = run({"check", pages + "icml-two-days.txt", "--config", config});
    EXPECT_THAT(r.out, HasSubstr("  time zone  America/New_York (named in the program)\n"));
}

TEST(CheckCommand, BadOptionValuesExit2) {
    auto r = run({"check", seed, "--year", "22"});
    EXPECT_EQ(r.rc, exit_usage);
    EXPECT_EQ(r.err, "kiosk: --year: expected a year such as 2022, not '22'\n");
    r = run({"check", seed, "--timezone", "Mars/Olympus"});
    EXPECT_EQ(r.rc, exit_usage);
    EXPECT_EQ(r.err,
              "kiosk: --timezone: unknown time zone 'Mars/Olympus' (expected an IANA name such as "
              "America/Los_Angeles)\n");
    r = run({"check"});
    EXPECT_EQ(r.rc, exit_usage);
}

TEST(RoomsCommand, OneALineInTheOrderThePageNamesThem) {
    auto r = run({"rooms", seed, "--config", shipped_config});
    EXPECT_EQ(r.rc, exit_ok) << r.err;
    EXPECT_EQ(r.out, "Exhibit Hall A\nMission City Ballroom\n");
    r = run({"rooms", pages + "icml-two-days.txt", "--config", config});
    EXPECT_EQ(r.rc, exit_ok) << r.err;
    EXPECT_EQ(r.out,
              "Hall A Foyer\nBallroom C\nRoom 316\nRoom 317\nRoom 220\nWest Terrace\nHall J\n"
              "Hall H\n");
}

TEST(AgendaCommand, OutstandingPapersIsOnWithItsLabels) {
    auto r = run({"agenda", "--data", seed, "--room", "Exhibit Hall A", "--at", "2022-08-29T09:10",
                  "--json", "--config", config});
    ASSERT_EQ(r.rc, exit_ok) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["room"], "Exhibit Hall A");
    EXPECT_EQ(j["at"], "2022-08-29T09:10:00-07:00");
    EXPECT_EQ(j["timezone"], "America/Los_Angeles");
    ASSERT_EQ(j["now"].size(), 1u);
    const auto& now = j["now"][0];
    EXPECT_EQ(now["title"], "Outstanding Papers");
    EXPECT_EQ(now["kind"], "Oral");
    EXPECT_EQ(now["start"], "2022-08-29T08:45:00-07:00");
    std::vector<std::string> labels;
    for (const auto& t : now["talks"]) labels.push_back(t["label"]);
    EXPECT_THAT(labels, ElementsAre("Pathways", "QuadraLib", "Talk 3", "ML-EXray", "RAFT"));
    ASSERT_EQ(j["next"].size(), 1u);
    EXPECT_EQ(j["next"][0]["title"], "Distributed and Parallel Learning");
    EXPECT_EQ(j["next"][0]["start"], "2022-08-29T13:00:00-07:00");
}

TEST(AgendaCommand, TheDayOfAtDecidesThePagesYear) {
    // Seen from 2016, "Mon 29 Aug" is 29 Aug 2016; the rehearsal reads the page as that year.
    auto r = run({"agenda", "--data", seed, "--room", "exhibit  hall a", "--at",
                  "2016-08-29T16:10:00Z", "--json", "--config", config});
    ASSERT_EQ(r.rc, exit_ok) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["room"], "Exhibit Hall A");
    EXPECT_EQ(j["now"][0]["start"], "2016-08-29T08:45:00-07:00");
}

TEST(AgendaCommand, TextSaysWhatIsOnStage) {
    auto r = run({"agenda", "--data", seed, "--room", "Exhibit Hall A", "--at", "2022-08-29T09:10",
                  "--config", config});
    ASSERT_EQ(r.rc, exit_ok) << r.err;
    auto out = lines(r.out);
    ASSERT_GE(out.size(), 4u);
    EXPECT_EQ(out[0], "Exhibit Hall A at Mon 29 Aug 2022 09:10 (America/Los_Angeles): in_session");
    EXPECT_EQ(out[1], "now:");
    EXPECT_EQ(out[2],
              "  08:45\xE2\x80\x93\xE2\x89\x88"
              "10:00  Oral: Outstanding Papers  [Exhibit Hall A]");
    EXPECT_THAT(r.out, HasSubstr("    > \xE2\x89\x88"
                                 "09:00  QuadraLib  (on stage)\n"));
}

TEST(AgendaCommand, MistakesOnTheCommandLineExit2AndUnknownRoomsExit1) {
    // The venue config names no room: one must be given.
    auto r = run({"agenda", "--data", seed, "--at", "2022-08-29T09:10", "--config", config});
    EXPECT_EQ(r.rc, exit_usage);
    EXPECT_EQ(r.err, "kiosk: 'agenda' needs --room (or screen.room in the config)\n");
    // The shipped config names Exhibit Hall A and the program: neither is needed then.
    r = run({"agenda", "--at", "2022-08-29T09:10", "--config", shipped_config});
    EXPECT_EQ(r.rc, exit_ok) << r.err;
    EXPECT_THAT(r.out, StartsWith("Exhibit Hall A at Mon 29 Aug 2022 09:10"));
    r = run({"agenda", "--data", seed, "--room", "Exhibit Hall A", "--at", "yesterday", "--config",
             config});
    EXPECT_EQ(r.rc, exit_usage);
    EXPECT_THAT(r.err, StartsWith("kiosk: --at: no date in 'yesterday'"));
    r = run({"agenda", "--data", seed, "--room", "Hall Z", "--at", "2022-08-29T09:10", "--timezone",
             "America/Los_Angeles"});
    EXPECT_EQ(r.rc, exit_failure);
    EXPECT_THAT(r.err, HasSubstr("Hall Z"));
    EXPECT_THAT(r.err, HasSubstr("Exhibit Hall A"));
}

TEST(AgendaCommand, JsonSaysTheStatusTheRestOfTheDayAndWhatIsEstimated) {
    auto r = run({"agenda", "--data", seed, "--room", "Exhibit Hall A", "--at", "2022-08-29T09:10",
                  "--json", "--config", config});
    ASSERT_EQ(r.rc, exit_ok) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["status"], "in_session");
    const auto& now = j["now"][0];
    EXPECT_EQ(now["end"], "2022-08-29T10:00:00-07:00");
    EXPECT_EQ(now["end_estimated"], true);
    const auto& quadralib = now["talks"][1];
    EXPECT_EQ(quadralib["label"], "QuadraLib");
    EXPECT_EQ(quadralib["start"], "2022-08-29T09:00:00-07:00");
    EXPECT_EQ(quadralib["estimated"], true);
    EXPECT_EQ(quadralib["on_stage"], true);
    int on_stage = 0;
    for (const auto& t : now["talks"]) on_stage += t["on_stage"].get<bool>() ? 1 : 0;
    EXPECT_EQ(on_stage, 1);
    // The rest of the day here, then what has no time yet (start null).
    std::vector<std::string> later;
    for (const auto& s : j["later"]) later.push_back(s["title"]);
    ASSERT_EQ(later.size(), 5u);
    EXPECT_EQ(later[0], "ML Compilers & Runtime");
    EXPECT_EQ(j["later"][2]["title"], "Systems for ML and ML for Systems: A Virtuous Cycle");
    EXPECT_EQ(j["later"][2]["start"], nullptr);
    EXPECT_EQ(j["later"][2]["end_estimated"], false);
    std::vector<std::string> elsewhere;
    for (const auto& s : j["elsewhere"]) elsewhere.push_back(s["title"]);
    EXPECT_THAT(elsewhere,
                ElementsAre("Registration Check-in Desk",
                            "The Future of MLSys: Industry and Academia", "Welcome Reception"));
    EXPECT_EQ(j["next_day_first"], nullptr);
}

TEST(AgendaCommand, BeforeTheFirstSessionAndAfterTheConference) {
    auto r = run({"agenda", "--data", seed, "--room", "Exhibit Hall A", "--at", "2022-08-29T06:00",
                  "--json", "--config", config});
    ASSERT_EQ(r.rc, exit_ok) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["status"], "before_first_session");
    EXPECT_EQ(j["next"][0]["title"], "Outstanding Papers");
    r = run({"agenda", "--data", seed, "--room", "Exhibit Hall A", "--at", "2022-08-30T00:00",
             "--json", "--config", config});
    ASSERT_EQ(r.rc, exit_ok) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out)["status"], "after_conference");
}

TEST(AgendaCommand, CorrectionsChangeTheBoard) {
    TempDir dir;
    auto corrections = dir.write("corrections.toml", R"([[session]]
match = { kind = "Oral", title = "Outstanding Papers" }
end = "10:15"
)");
    auto r = run({"agenda", "--data", seed, "--room", "Exhibit Hall A", "--at", "2022-08-29T10:05",
                  "--json", "--config", config, "--corrections", corrections});
    ASSERT_EQ(r.rc, exit_ok) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["now"][0]["end"], "2022-08-29T10:15:00-07:00");
    EXPECT_EQ(j["now"][0]["end_estimated"], false);
}

TEST(CheckCommand, CorrectionsThatMatchNothingAreWarningsWithTheirLines) {
    TempDir dir;
    auto corrections = dir.write("corrections.toml", R"(# Monday

[[session]]
match = { kind = "Oral", title = "Outstanding Paper" }
end = "10:15"

[[add]]
title = "Lunch"
start = "2022-08-29T12:00"
)");
    auto r = run({"check", seed, "--config", config, "--corrections", corrections});
    EXPECT_EQ(r.rc, exit_ok);
    EXPECT_EQ(r.err, seed_zone_warning + corrections +
                         ":3: warning: no Oral session titled 'Outstanding Paper' in the program "
                         "(did you mean 'Outstanding Papers'?)\n");
    EXPECT_THAT(r.out, HasSubstr("  sessions   11, 3 without a time"));
    EXPECT_THAT(r.out, HasSubstr("  corrected  " + corrections +
                                 ": 1 change, 1 added session, 1 warning\n"));
}

TEST(CheckCommand, AMalformedCorrectionsFileMakesTheCheckFail) {
    TempDir dir;
    auto corrections = dir.write("corrections.toml",
                                 "[[session]]\nmatch = { title = \"x\" }\n"
                                 "end = 10:15\n");
    auto r = run({"check", seed, "--config", config, "--corrections", corrections});
    EXPECT_EQ(r.rc, exit_failure);
    EXPECT_EQ(r.err, corrections +
                         ":3: Error while parsing time: expected ':', saw '\\n' (write times in "
                         "quotes: end = \"10:15\")\n" +
                         seed_zone_warning);
}

TEST(CheckCommand, AProgramWithoutRoomsIsUsableWithOneWarningAndEveryRoomShowsIt) {
    TempDir dir;
    auto page = dir.write("roomless.txt",
                          "Timezone: America/Los_Angeles\n"
                          "Oral: Morning Orals Mon 29 Aug 09:00 a.m.\n"
                          "Poster Session: Posters Mon 29 Aug 11:00 a.m.\n");
    auto r = run({"check", page, "--config", shipped_config});
    EXPECT_EQ(r.rc, exit_ok) << r.err;
    EXPECT_EQ(r.err, page +
                         ": warning: the program names no rooms: every screen shows all of its "
                         "sessions as its own\n");
    EXPECT_THAT(r.out, HasSubstr("  rooms      none named\n"));
    r = run({"agenda", "--data", page, "--config", shipped_config, "--at", "2022-08-29T09:30"});
    EXPECT_EQ(r.rc, exit_ok) << r.err;
    EXPECT_THAT(r.out, StartsWith("Exhibit Hall A at Mon 29 Aug 2022 09:30"));
    EXPECT_THAT(r.out, HasSubstr("now:\n  09:00\xE2\x80\x93\xE2\x89\x88"
                                 "10:15  Oral: Morning Orals\n"));
}

// One config for a fleet: each command speaks for the screen --screen names.
TEST(FleetConfig, CommandsTakeTheNamedScreensEntry) {
    TempDir dir;
    auto fleet = dir.write("fleet.toml",
                           "[venue]\ntimezone = \"America/Los_Angeles\"\n"
                           "[data]\nprogram = \"" +
                               seed +
                               "\"\nyear = 2022\n"
                               "[screens.hall-a]\nroom = \"Exhibit Hall A\"\n"
                               "[screens.ballroom]\nroom = \"Mission City "
                               "Ballroom\"\n");
    auto r = run({"agenda", "--config", fleet, "--screen", "ballroom", "--at", "2022-08-29T18:00"});
    EXPECT_EQ(r.rc, exit_ok) << r.err;
    EXPECT_THAT(r.out, StartsWith("Mission City Ballroom at Mon 29 Aug 2022 18:00"));
    r = run({"check-config", fleet, "--screen", "hall-a"});
    EXPECT_EQ(r.rc, exit_ok) << r.err;
    EXPECT_THAT(r.out, HasSubstr("ok: room 'Exhibit Hall A'"));
    r = run({"check-config", fleet, "--screen", "hall-b"});
    EXPECT_EQ(r.rc, exit_failure);
    EXPECT_EQ(r.err, fleet +
                         ": no [screens.hall-b] entry for this screen (did you mean 'hall-a'?); "
                         "the config has: ballroom, hall-a\n");
    r = run({"agenda", "--config", fleet, "--screen", "hall-b", "--at", "2022-08-29T18:00"});
    EXPECT_EQ(r.rc, exit_failure);
}

// --- `check` of an update: cut short next to what it replaces --------------------------------

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(CheckCommand, AnUpdateCutShortNextToWhatItReplacesExits1) {
    TempDir dir;
    std::string full = slurp(seed);
    std::string target = dir.write("program.txt", full);
    std::string cut = full.substr(0, full.find("Tutorial: Hasan Genc"));
    std::string part = dir.write(".program.txt.part", cut);
    // Checked for its own sake it is usable: nothing to compare with.
    EXPECT_EQ(run({"check", part, "--config", shipped_config}).rc, exit_ok);
    auto r = run({"check", part, "--config", shipped_config, "--replaces", target});
    EXPECT_EQ(r.rc, exit_failure);
    EXPECT_THAT(r.err,
                HasSubstr(part + ": looks cut short: it is only the first " +
                          std::to_string(cut.size()) + " of the " + std::to_string(full.size()) +
                          " bytes of the program it replaces (" + target +
                          "), as if an upload stopped part-way; a screen holds it back "
                          "until staff accept it (kiosk check --accept-shrink, or "
                          "\"Accept the held-back program\" on its staff overlay)\n"));
    // The file compared with itself is no update.
    EXPECT_EQ(run({"check", target, "--config", shipped_config, "--replaces", target}).rc, exit_ok);
}

TEST(CheckCommand, AnUpdateLosingMostOfADayExits1AndStaffCanAcceptIt) {
    TempDir dir;
    std::string target = dir.write("program.txt", slurp(seed));
    std::string small = dir.write(
        "new.txt", "Oral: Outstanding Papers Mon 29 Aug 08:45 a.m.\n[ Exhibit Hall A ]\nA.\n");
    auto r = run({"check", small, "--config", shipped_config, "--replaces", target});
    EXPECT_EQ(r.rc, exit_failure);
    EXPECT_THAT(r.err, HasSubstr("looks cut short: it has 1 of the 10 sessions the program it "
                                 "replaces (" +
                                 target + ") has on 2022-08-29, as if most of it were lost"));
    r = run({"check", small, "--config", shipped_config, "--replaces", target, "--accept-shrink"});
    EXPECT_EQ(r.rc, exit_ok) << r.err;
    EXPECT_THAT(r.err, HasSubstr(small + ": accepted although it looks cut short: it has 1 of "));
    EXPECT_THAT(r.err, HasSubstr("; " + target + ".accept names it, so screens reading " + target +
                                 " show it\n"));
    EXPECT_EQ(slurp(target + ".accept"), sha256_hex(slurp(small)) + "\n");
}

TEST(CheckCommand, WithAScreensStateDirTheLastGoodCopyIsWhatItIsComparedWith) {
    TempDir dir;
    std::string copy = StateDir(dir.path("state"), shipped_config).program_copy("program.txt");
    dir.write(copy.substr(dir.path().size() + 1), slurp(seed));
    std::string small = dir.write(
        "new.txt", "Oral: Outstanding Papers Mon 29 Aug 08:45 a.m.\n[ Exhibit Hall A ]\nA.\n");
    auto r = run({"check", small, "--config", shipped_config, "--state-dir", dir.path("state")});
    EXPECT_EQ(r.rc, exit_failure);
    EXPECT_THAT(r.err, HasSubstr("it has 1 of the 10 sessions the screen's last good program (" +
                                 copy + ") has on 2022-08-29"));
}

}  // namespace
}  // namespace kiosk
