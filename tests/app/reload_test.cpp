// The reloader on a fake file system and clock: swaps good files once quiet, keeps bad ones out,
// falls back to last-good copies at start-up, applies config changes at once. Nothing sleeps.
#include "kiosk/app/reload.h"

#include <algorithm>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kiosk/app/update_guard.h"
#include "kiosk/core/sha256.h"
#include "kiosk/core/time.h"

#include "fake_fs.h"

namespace kiosk {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using namespace std::chrono_literals;

// A stand-in for the day-page importer, strict enough to tell whole files from broken ones:
//   PROGRAM
//   Oral: Outstanding Papers @ Exhibit Hall A
//   Tutorial: Gemmini @ Room 2 @ 2022-08-29T16:00Z
//   END
// The program's zone is the config's, so tests can see which config a program was read under.
Result<Program> fake_import(std::string_view bytes, const std::string& name, const Config& config) {
    std::istringstream in{std::string(bytes)};
    std::string line;
    int n = 0;
    Program p;
    p.timezone = config.venue.timezone;
    auto error = [&](int at, const std::string& what) {
        return fail(Diagnostic{name, at, Severity::error, what});
    };
    if (!std::getline(in, line) || line != "PROGRAM") return error(1, "not a program");
    n = 1;
    while (std::getline(in, line)) {
        ++n;
        if (line == "END") return p;
        auto colon = line.find(": ");
        auto at = line.find(" @ ");
        if (colon == std::string::npos || at == std::string::npos || at < colon) {
            return error(n, "cannot read '" + line + "'");
        }
        Session s;
        s.kind = line.substr(0, colon);
        s.title = line.substr(colon + 2, at - colon - 2);
        s.room = line.substr(at + 3);
        // "… @ Room @ 2022-08-29T16:00Z": a start, so the scheduler has something to show.
        if (auto second = s.room->find(" @ "); second != std::string::npos) {
            auto start = parse_instant(s.room->substr(second + 3), *date::locate_zone("UTC"), "t");
            if (!start) return error(n, "bad time");
            s.start = *start;
            s.day = date::local_days{date::floor<date::days>(*start).time_since_epoch()};
            s.room = s.room->substr(0, second);
        }
        p.sessions.push_back(s);
    }
    return error(n, "the file ends before END (cut short?)");
}

const Instant t0 = date::sys_days{date::year{2022} / 8 / 29} + 16h;

// Where the screen's copies go: its state dir, in the folder of its config.
const std::string lg = StateDir("/var/lib/kiosk", "/etc/kiosk/kiosk.toml").last_good();

std::vector<std::string> titles(const Live& live) {
    std::vector<std::string> out;
    if (live.program) {
        for (const auto& s : live.program->sessions) out.push_back(s.title);
    }
    return out;
}

const std::string good_config =
    "[venue]\ntimezone = \"America/Los_Angeles\"\n[screen]\nroom = \"Exhibit Hall A\"\n"
    "[data]\nprogram = \"program.txt\"\n";
const std::string program_a = "PROGRAM\nOral: Outstanding Papers @ Exhibit Hall A\nEND\n";
const std::string program_b =
    "PROGRAM\nOral: Distributed and Parallel Learning @ Exhibit Hall A @ 2022-08-29T15:30Z\n"
    "Tutorial: Gemmini @ Room 2 @ 2022-08-29T15:45Z\nEND\n";

struct ReloadTest : ::testing::Test {
    FakeFileSystem fs;
    std::vector<std::string> logged;
    std::unique_ptr<Reloader> reloader;

    // The usual screen: the config above and `program` next to it.
    void start_with(const std::string& program) {
        fs.write("/etc/kiosk/kiosk.toml", good_config);
        fs.write("/etc/kiosk/program.txt", program);
        start();
    }

    void start(ReloadOptions options = {}) {
        if (options.config_path.empty()) options.config_path = "/etc/kiosk/kiosk.toml";
        options.state_dir = "/var/lib/kiosk";
        options.log = [this](const std::string& line) { logged.push_back(line); };
        reloader = std::make_unique<Reloader>(fs, fake_import, options);
        reloader->start(0ms, t0);
        reloader->shown(live().generation);
    }
    // A tick, then a frame of what it published: the screen shows every Live it is given.
    bool tick(Millis now, Instant wall) {
        bool changed = reloader->tick(now, wall);
        reloader->shown(live().generation);
        return changed;
    }
    const Live& live() { return *reloader->live(); }
};

TEST_F(ReloadTest, StartUpLoadsBothFilesAndKeepsCopies) {
    start_with(program_a);
    EXPECT_EQ(live().config.screen.room, "Exhibit Hall A");
    EXPECT_EQ(live().config.data.program, "/etc/kiosk/program.txt");
    EXPECT_THAT(titles(live()), ElementsAre("Outstanding Papers"));
    EXPECT_EQ(live().program_file.origin, FileOrigin::file);
    EXPECT_EQ(live().program_file.sha256, sha256_hex(program_a));
    EXPECT_EQ(live().program_file.loaded_at, t0);
    EXPECT_EQ(live().last_error(), std::nullopt);
    EXPECT_EQ(fs.bytes(lg + "/kiosk.toml"), good_config);
    EXPECT_EQ(fs.bytes(lg + "/program.txt"), program_a);
    EXPECT_THAT(reloader->watched_paths(),
                ElementsAre("/etc/kiosk/kiosk.toml", "/etc/kiosk/program.txt"));
    EXPECT_EQ(reloader->deadline(), std::nullopt);
    EXPECT_FALSE(tick(5000ms, t0));
}

TEST_F(ReloadTest, GoodFileIsSwappedOnceQuiet) {
    start_with(program_a);
    auto before = reloader->live();
    fs.write("/etc/kiosk/program.txt", program_b);
    EXPECT_FALSE(tick(1000ms, t0));  // just changed: wait
    EXPECT_EQ(reloader->deadline(), 1300ms);
    EXPECT_FALSE(tick(1299ms, t0));
    EXPECT_TRUE(tick(1300ms, t0 + 1s));
    EXPECT_THAT(titles(live()), ElementsAre("Distributed and Parallel Learning", "Gemmini"));
    EXPECT_EQ(live().generation, before->generation + 1);
    EXPECT_EQ(live().program_file.loaded_at, t0 + 1s);
    EXPECT_EQ(fs.bytes(lg + "/program.txt"), program_b);
    // The old one is untouched: whoever holds it (the render loop, mid-frame) keeps a whole one.
    EXPECT_THAT(titles(*before), ElementsAre("Outstanding Papers"));
    EXPECT_EQ(reloader->deadline(), std::nullopt);
}

TEST_F(ReloadTest, AFileStillBeingWrittenIsReadOnlyWhenItStopsChanging) {
    start_with(program_a);
    // A slow copy in place: each piece lands less than `quiet` after the last.
    fs.write("/etc/kiosk/program.txt", program_b.substr(0, 20));
    EXPECT_FALSE(tick(100ms, t0));
    fs.write("/etc/kiosk/program.txt", program_b.substr(0, 40));
    EXPECT_FALSE(tick(350ms, t0));
    fs.write("/etc/kiosk/program.txt", program_b);
    EXPECT_FALSE(tick(600ms, t0));
    EXPECT_FALSE(tick(899ms, t0));
    EXPECT_THAT(titles(live()), ElementsAre("Outstanding Papers"));
    EXPECT_EQ(live().last_error(), std::nullopt);
    EXPECT_TRUE(tick(900ms, t0));
    EXPECT_THAT(titles(live()), ElementsAre("Distributed and Parallel Learning", "Gemmini"));
}

TEST_F(ReloadTest, RenameIntoPlaceIsSwapped) {
    start_with(program_a);
    // scp to a temporary name, then mv: the temporary name is not watched and never read.
    fs.write("/etc/kiosk/.program.txt.part", program_b);
    EXPECT_FALSE(tick(100ms, t0));
    EXPECT_EQ(reloader->deadline(), std::nullopt);
    fs.rename("/etc/kiosk/.program.txt.part", "/etc/kiosk/program.txt");
    tick(200ms, t0);
    EXPECT_TRUE(tick(500ms, t0));
    EXPECT_THAT(titles(live()), ElementsAre("Distributed and Parallel Learning", "Gemmini"));
}

TEST_F(ReloadTest, TheSameBytesAgainChangeNothing) {
    start_with(program_a);
    fs.write("/etc/kiosk/program.txt", program_a);  // touched, or saved unchanged
    tick(100ms, t0);
    EXPECT_FALSE(tick(400ms, t0));
    EXPECT_EQ(live().generation, 1u);
}

// The metrics' counters: a file loaded while running is a reload, a new refusal is a rejected
// update; start-up's files are neither, and the same refusal seen again is not counted again.
TEST_F(ReloadTest, CountsReloadsAndRefusalsWhileRunning) {
    start_with(program_a);
    EXPECT_EQ(live().reloads, 0u);
    EXPECT_EQ(live().rejected, 0u);
    fs.write("/etc/kiosk/program.txt", program_b);
    tick(100ms, t0);
    EXPECT_TRUE(tick(400ms, t0));
    fs.write("/etc/kiosk/program.txt", "garbage");
    tick(500ms, t0);
    EXPECT_TRUE(tick(800ms, t0));
    fs.write("/etc/kiosk/program.txt", "more garbage");  // another file, the same trouble
    tick(900ms, t0);
    EXPECT_FALSE(tick(1200ms, t0));
    fs.write("/etc/kiosk/kiosk.toml", good_config + "[slides]\ndwell = 20\n");
    tick(1300ms, t0);
    EXPECT_TRUE(tick(1600ms, t0));
    EXPECT_EQ(live().reloads, 2u);
    EXPECT_EQ(live().rejected, 1u);
}

struct BadProgram {
    std::string name;
    std::string bytes;  // empty with `deleted`: the file is removed instead
    bool deleted;
    std::string error;
};

class ReloadRejects : public ReloadTest, public ::testing::WithParamInterface<BadProgram> {};

TEST_P(ReloadRejects, KeepsTheLastGoodProgramAndRecordsWhy) {
    const BadProgram& bad = GetParam();
    start_with(program_a);
    if (bad.deleted) {
        fs.remove("/etc/kiosk/program.txt");
    } else {
        fs.write("/etc/kiosk/program.txt", bad.bytes);
    }
    tick(100ms, t0);
    EXPECT_TRUE(tick(400ms, t0 + 1s));
    EXPECT_THAT(titles(live()), ElementsAre("Outstanding Papers"));
    EXPECT_EQ(live().program_file.sha256, sha256_hex(program_a));
    EXPECT_EQ(live().program_file.error_at, t0 + 1s);
    EXPECT_EQ(live().last_error(), bad.error + "; keeping the last good program");
    EXPECT_EQ(logged.back(), bad.error + "; keeping the last good program");
    EXPECT_EQ(fs.bytes(lg + "/program.txt"), program_a);
    // The same trouble seen again is not news.
    EXPECT_FALSE(tick(5000ms, t0 + 2s));
    // A good file clears the error.
    fs.write("/etc/kiosk/program.txt", program_b);
    tick(6000ms, t0);
    EXPECT_TRUE(tick(6300ms, t0 + 3s));
    EXPECT_THAT(titles(live()), ElementsAre("Distributed and Parallel Learning", "Gemmini"));
    EXPECT_EQ(live().last_error(), std::nullopt);
}

INSTANTIATE_TEST_SUITE_P(
    Files, ReloadRejects,
    ::testing::Values(
        BadProgram{"truncated", "PROGRAM\nOral: Outstanding Papers @ Exhibit Ha", false,
                   "/etc/kiosk/program.txt:2: the file ends before END (cut short?)"},
        BadProgram{"corrupt", "PROGRAM\n\x01\x02\xff\xfe\nEND\n", false,
                   "/etc/kiosk/program.txt:2: cannot read '\x01\x02\xff\xfe'"},
        BadProgram{"not_a_program", "<html>502 Bad Gateway</html>", false,
                   "/etc/kiosk/program.txt:1: not a program"},
        BadProgram{"empty", "", false, "/etc/kiosk/program.txt: the file is empty"},
        BadProgram{"deleted", "", true, "/etc/kiosk/program.txt: cannot read: no such file"}),
    [](const auto& info) { return info.param.name; });

TEST_F(ReloadTest, ABadConfigIsRejectedWithItsLine) {
    start_with(program_a);
    fs.write("/etc/kiosk/kiosk.toml", good_config + "rooom = \"Room 2\"\n");
    tick(10ms, t0);
    EXPECT_TRUE(tick(310ms, t0));
    EXPECT_EQ(live().config.screen.room, "Exhibit Hall A");
    EXPECT_EQ(live().last_error(),
              "/etc/kiosk/kiosk.toml:7: unknown key 'data.rooom'; keeping the last good config");
    EXPECT_EQ(fs.bytes(lg + "/kiosk.toml"), good_config);
    // An empty config would mean "all defaults": far more likely a copy cut short. Refused.
    fs.write("/etc/kiosk/kiosk.toml", "");
    tick(1000ms, t0);
    EXPECT_TRUE(tick(1300ms, t0));
    EXPECT_EQ(live().last_error(),
              "/etc/kiosk/kiosk.toml: the file is empty; keeping the last good config");
}

TEST_F(ReloadTest, ConfigRoomChangeAppliesAtOnce) {
    start_with(program_b);
    auto program = live().imported;
    ASSERT_NE(live().schedule, nullptr);
    auto before = make_board(*live().schedule, live().config.screen.room, t0);
    ASSERT_TRUE(before.has_value());
    ASSERT_EQ(before->now.size(), 1u);
    EXPECT_EQ(before->now.front()->title, "Distributed and Parallel Learning");
    fs.write("/etc/kiosk/kiosk.toml",
             "[venue]\ntimezone = \"America/Los_Angeles\"\n[screen]\nroom = \"Room 2\"\n"
             "[data]\nprogram = \"program.txt\"\n");
    tick(10ms, t0);
    EXPECT_TRUE(tick(310ms, t0));
    EXPECT_EQ(live().config.screen.room, "Room 2");
    // The program did not need reading again: the same one, not a copy.
    EXPECT_EQ(live().imported, program);
    EXPECT_EQ(live().last_error(), std::nullopt);
    // The new room's board: its own session is on now.
    ASSERT_NE(live().schedule, nullptr);
    auto board = make_board(*live().schedule, live().config.screen.room, t0);
    ASSERT_TRUE(board.has_value());
    EXPECT_EQ(board->room, "Room 2");
    ASSERT_EQ(board->now.size(), 1u);
    EXPECT_EQ(board->now.front()->title, "Gemmini");
}

TEST_F(ReloadTest, ConfigChangingHowTheProgramIsReadReadsItAgainInTheSameStep) {
    fs.write("/etc/kiosk/kiosk.toml", good_config);
    fs.write("/etc/kiosk/program.txt", program_a);
    fs.write("/etc/kiosk/other.txt", program_b);
    start();
    EXPECT_EQ(live().program->timezone, "America/Los_Angeles");
    fs.write("/etc/kiosk/kiosk.toml",
             "[venue]\ntimezone = \"Europe/Berlin\"\n[screen]\n"
             "room = \"Exhibit Hall A\"\n[data]\nprogram = \"other.txt\"\n");
    tick(10ms, t0);
    auto generation = live().generation;
    EXPECT_TRUE(tick(310ms, t0));
    EXPECT_EQ(live().program->timezone, "Europe/Berlin");
    EXPECT_THAT(titles(live()), ElementsAre("Distributed and Parallel Learning", "Gemmini"));
    EXPECT_EQ(live().program_file.path, "/etc/kiosk/other.txt");
    EXPECT_THAT(reloader->watched_paths(),
                ElementsAre("/etc/kiosk/kiosk.toml", "/etc/kiosk/other.txt"));
    // Config and program arrived together; a reader sees both or neither.
    EXPECT_EQ(live().generation, generation + 1);
    // The old program file no longer matters.
    fs.write("/etc/kiosk/program.txt", "broken");
    tick(1000ms, t0);
    EXPECT_FALSE(tick(2000ms, t0));
}

TEST_F(ReloadTest, StartUpOntoABrokenProgramShowsTheLastGoodCopy) {
    fs.write("/etc/kiosk/kiosk.toml", good_config);
    fs.write("/etc/kiosk/program.txt", "PROGRAM\nOral: cut short @ Exhibit Ha");
    fs.write(lg + "/program.txt", program_a);
    start();
    EXPECT_THAT(titles(live()), ElementsAre("Outstanding Papers"));
    EXPECT_EQ(live().program_file.origin, FileOrigin::last_good);
    EXPECT_EQ(live().program_file.used_path, lg + "/program.txt");
    EXPECT_EQ(live().last_error(),
              "/etc/kiosk/program.txt:2: the file ends before END (cut short?); showing the last "
              "good program, saved in " +
                  lg + "/program.txt");
    // The broken file does not overwrite the good copy; a fixed file replaces both.
    EXPECT_EQ(fs.bytes(lg + "/program.txt"), program_a);
    fs.write("/etc/kiosk/program.txt", program_b);
    tick(10ms, t0);
    EXPECT_TRUE(tick(310ms, t0));
    EXPECT_EQ(live().program_file.origin, FileOrigin::file);
    EXPECT_EQ(live().last_error(), std::nullopt);
}

TEST_F(ReloadTest, StartUpWithNothingUsableStillRuns) {
    fs.write("/etc/kiosk/kiosk.toml", "[screen]\nrotation = 45\n");
    start();
    EXPECT_EQ(live().config_file.origin, FileOrigin::defaults);
    EXPECT_EQ(live().config.venue.timezone, "UTC");
    EXPECT_EQ(live().config_file.error,
              "/etc/kiosk/kiosk.toml:2: screen.rotation must be 0, 90, 180 or 270, not 45; no "
              "last good config, using the built-in defaults");
    EXPECT_EQ(live().program, nullptr);
    EXPECT_EQ(live().program_file.origin, FileOrigin::none);
    // The defaults' program is next to the config, as a config naming none would have it.
    EXPECT_EQ(live().program_file.error,
              "/etc/kiosk/program.txt: cannot read: no such file; no last good program either: "
              "no program loaded");
    // When a program appears, it is shown.
    fs.write("/etc/kiosk/program.txt", program_a);
    tick(10ms, t0);
    EXPECT_TRUE(tick(310ms, t0));
    EXPECT_THAT(titles(live()), ElementsAre("Outstanding Papers"));
}

TEST_F(ReloadTest, StartUpOntoABrokenConfigUsesTheLastGoodOneWithItsPathsIntact) {
    fs.write("/etc/kiosk/kiosk.toml", "[screen\n");
    fs.write("/etc/kiosk/program.txt", program_a);
    fs.write(lg + "/kiosk.toml", good_config);
    start();
    EXPECT_EQ(live().config_file.origin, FileOrigin::last_good);
    EXPECT_EQ(live().config.screen.room, "Exhibit Hall A");
    // Relative to the config's folder, not the state dir's.
    EXPECT_EQ(live().config.data.program, "/etc/kiosk/program.txt");
    EXPECT_THAT(live().config_file.error.value_or(""),
                HasSubstr("; using the last good config, saved in " + lg + "/kiosk.toml"));
    EXPECT_THAT(titles(live()), ElementsAre("Outstanding Papers"));
}

TEST_F(ReloadTest, CommandLineOverridesWinOverTheConfig) {
    fs.write("/etc/kiosk/kiosk.toml", good_config);
    fs.write("/srv/program.txt", program_b);
    ReloadOptions options;
    options.program_path = "/srv/program.txt";
    options.room = "Room 2";
    start(options);
    EXPECT_EQ(live().config.screen.room, "Room 2");
    EXPECT_EQ(live().config.data.program, "/srv/program.txt");
    EXPECT_THAT(titles(live()), ElementsAre("Distributed and Parallel Learning", "Gemmini"));
}

TEST_F(ReloadTest, StaffChoosingARoomRewritesTheConfigAndAppliesAtOnce) {
    fs.write("/etc/kiosk/kiosk.toml", "# by the hall\n" + good_config);
    fs.write("/etc/kiosk/program.txt", program_b);
    ReloadOptions options;
    options.room = "Exhibit Hall A";  // --room, which the staff's choice ends
    start(options);
    ASSERT_TRUE(reloader->set_config({{"screen.room", "Room 2"}}, 100ms, t0).has_value());
    EXPECT_EQ(live().config.screen.room, "Room 2");
    EXPECT_EQ(fs.bytes("/etc/kiosk/kiosk.toml"),
              "# by the hall\n[venue]\ntimezone = \"America/Los_Angeles\"\n[screen]\nroom = "
              "\"Room 2\"\n[data]\nprogram = \"program.txt\"\n");
    EXPECT_EQ(logged.back(), "/etc/kiosk/kiosk.toml: loaded");
    // A bad value is refused with the parser's words and the file is left alone.
    auto bad = reloader->set_config({{"announcement.until", "tomorrow"}}, 200ms, t0);
    ASSERT_FALSE(bad.has_value());
    EXPECT_THAT(to_string(bad.error().front()), HasSubstr("announcement.until: no date in"));
    EXPECT_THAT(fs.bytes("/etc/kiosk/kiosk.toml"), ::testing::Not(HasSubstr("until")));
}

TEST_F(ReloadTest, ReloadNowReadsEveryFileWithoutWaiting) {
    start_with(program_a);
    reloader->reload_all();
    EXPECT_EQ(reloader->deadline(), 0ms);
    // Unchanged config bytes are no news; the program is read again and swapped all the same,
    // so staff see "loaded at" move.
    EXPECT_TRUE(tick(1ms, t0 + 5s));
    EXPECT_EQ(live().program_file.loaded_at, t0 + 5s);
    EXPECT_EQ(reloader->deadline(), std::nullopt);
}

// A full state folder is not fatal, nor silent: last_error (and so the status file) says so until
// the copy is saved, which is tried again every 30 s.
TEST_F(ReloadTest, ACopyThatCannotBeSavedIsSaidAndTriedAgainUntilSaved) {
    fs.write("/etc/kiosk/kiosk.toml", good_config);
    fs.write("/etc/kiosk/program.txt", program_a);
    fs.fail_writes(true);
    start();
    EXPECT_THAT(titles(live()), ElementsAre("Outstanding Papers"));
    auto said_for = [&](const std::string& file) {
        return "cannot keep a last-good copy: " + lg + "/" + file +
               ": cannot write: disk full; trying again every 30 s";
    };
    const std::string said = said_for("kiosk.toml");  // the config's copy, then the program's
    // The copies are saved once the first frame is shown; the next tick publishes why not.
    EXPECT_THAT(logged, ::testing::Contains(said_for("program.txt")));
    EXPECT_TRUE(tick(1s, t0 + 1s));
    EXPECT_EQ(live().last_error(), said);
    // Still full at the next try: still said, and not logged again.
    tick(31s, t0 + 31s);
    EXPECT_EQ(live().last_error(), said);
    EXPECT_EQ(std::count(logged.begin(), logged.end(), said), 1);
    EXPECT_EQ(std::count(logged.begin(), logged.end(), said_for("program.txt")), 1);
    // Space again: the copy is saved at the next try and the error goes.
    fs.fail_writes(false);
    tick(40s, t0 + 40s);
    EXPECT_EQ(live().last_error(), said);  // not yet: tries are 30 s apart
    EXPECT_TRUE(tick(62s, t0 + 62s));
    EXPECT_EQ(live().last_error(), std::nullopt);
    EXPECT_EQ(fs.bytes(lg + "/program.txt"), program_a);
    EXPECT_THAT(logged, ::testing::Contains("the last-good copies are saved again"));
}

const std::string corrections_path = "/etc/kiosk/corrections.toml";
const std::string retitle =
    "[[session]]\nmatch = { kind = \"Tutorial\", title = \"Gemmini\" }\ntitle = \"Gemmini "
    "(moved)\"\n";

TEST_F(ReloadTest, CorrectionsApplyAndABrokenOneKeepsTheLastGood) {
    fs.write("/etc/kiosk/kiosk.toml", good_config + "corrections = \"corrections.toml\"\n");
    fs.write("/etc/kiosk/program.txt", program_b);
    fs.write(corrections_path, retitle);
    start();
    EXPECT_THAT(titles(live()),
                ElementsAre("Distributed and Parallel Learning", "Gemmini (moved)"));
    EXPECT_EQ(live().imported->sessions[1].title, "Gemmini");
    EXPECT_EQ(fs.bytes(lg + "/corrections.toml"), retitle);
    EXPECT_THAT(reloader->watched_paths(),
                ElementsAre("/etc/kiosk/kiosk.toml", "/etc/kiosk/program.txt", corrections_path));

    fs.write(corrections_path, "[[session]]\nmatch = 3\n");
    tick(10ms, t0);
    EXPECT_TRUE(tick(310ms, t0));
    EXPECT_THAT(titles(live()),
                ElementsAre("Distributed and Parallel Learning", "Gemmini (moved)"));
    EXPECT_EQ(live().last_error(),
              "/etc/kiosk/corrections.toml:1: [[session]] says which session but not what to "
              "change (start, end, room, title or hide) (and 1 more); keeping the last good "
              "corrections");

    // A new program gets the last good corrections applied.
    fs.write("/etc/kiosk/program.txt", program_b + "\n");
    tick(1000ms, t0);
    EXPECT_TRUE(tick(1300ms, t0));
    EXPECT_THAT(titles(live()),
                ElementsAre("Distributed and Parallel Learning", "Gemmini (moved)"));
}

TEST_F(ReloadTest, CorrectionsThatMatchNothingAreWarnings) {
    fs.write("/etc/kiosk/kiosk.toml", good_config + "corrections = \"corrections.toml\"\n");
    fs.write("/etc/kiosk/program.txt", program_a);
    fs.write(corrections_path, retitle);
    start();
    ASSERT_EQ(live().warnings.size(), 1u);
    EXPECT_THAT(to_string(live().warnings.front()),
                ::testing::StartsWith("/etc/kiosk/corrections.toml:1: warning: "));
    EXPECT_EQ(live().last_error(), std::nullopt);
}

TEST_F(ReloadTest, ConfigNamingCorrectionsAppliesThemInTheSameStepAndUnsettingDropsThem) {
    start_with(program_b);
    fs.write(corrections_path, retitle);
    fs.write("/etc/kiosk/kiosk.toml", good_config + "corrections = \"corrections.toml\"\n");
    tick(10ms, t0);
    auto generation = live().generation;
    EXPECT_TRUE(tick(310ms, t0));
    EXPECT_EQ(live().generation, generation + 1);
    EXPECT_THAT(titles(live()),
                ElementsAre("Distributed and Parallel Learning", "Gemmini (moved)"));
    fs.write("/etc/kiosk/kiosk.toml", good_config);
    tick(1000ms, t0);
    EXPECT_TRUE(tick(1300ms, t0));
    EXPECT_THAT(titles(live()), ElementsAre("Distributed and Parallel Learning", "Gemmini"));
    EXPECT_EQ(live().corrections, nullptr);
    EXPECT_THAT(reloader->watched_paths(),
                ElementsAre("/etc/kiosk/kiosk.toml", "/etc/kiosk/program.txt"));
}

TEST_F(ReloadTest, StartUpOntoBrokenCorrectionsUsesTheLastGoodOnes) {
    fs.write("/etc/kiosk/kiosk.toml", good_config + "corrections = \"corrections.toml\"\n");
    fs.write("/etc/kiosk/program.txt", program_b);
    fs.write(corrections_path, "");
    fs.write(lg + "/corrections.toml", retitle);
    start();
    EXPECT_THAT(titles(live()),
                ElementsAre("Distributed and Parallel Learning", "Gemmini (moved)"));
    EXPECT_EQ(live().corrections_file.origin, FileOrigin::last_good);
    EXPECT_EQ(live().last_error(),
              "/etc/kiosk/corrections.toml: the file is empty; using the last good corrections, "
              "saved in " +
                  lg + "/corrections.toml");
}

TEST_F(ReloadTest, AProgramInAnUnknownZoneHasNoScheduleAndSaysWhy) {
    fs.write("/etc/kiosk/kiosk.toml", good_config);
    fs.write("/etc/kiosk/program.txt", program_a);
    reloader = std::make_unique<Reloader>(
        fs,
        [](std::string_view bytes, const std::string& name, const Config& c) {
            auto p = fake_import(bytes, name, c);
            if (p) p->timezone = "Mars/Olympus";
            return p;
        },
        ReloadOptions{"/etc/kiosk/kiosk.toml", {}, {}, "/var/lib/kiosk", 300ms, {}, ""});
    reloader->start(0ms, t0);
    EXPECT_NE(live().program, nullptr);
    EXPECT_EQ(live().schedule, nullptr);
    EXPECT_THAT(live().last_error().value_or(""), HasSubstr("Mars/Olympus"));
}

TEST_F(ReloadTest, AFleetConfigGivesThisScreenItsEntryOrSaysItHasNone) {
    fs.write("/etc/kiosk/kiosk.toml", good_config + "[screens.lobby]\nroom = \"Lobby\"\n");
    fs.write("/etc/kiosk/program.txt", program_a);
    ReloadOptions options;
    options.screen = "lobby";
    start(options);
    EXPECT_EQ(live().config.screen.room, "Lobby");
    EXPECT_EQ(live().screen_error, std::nullopt);
    options.screen = "hall-z";
    start(options);
    EXPECT_EQ(live().config.screen.room, "Exhibit Hall A");  // [screen], said to staff
    EXPECT_EQ(live().last_error(),
              "no [screens.hall-z] entry for this screen; the config has: lobby; showing "
              "[screen]'s settings");
}

// --- Updates that look cut short are held back until staff accept them ---------------------

// Four sessions on the 29th and one on the 30th; notes after END, which the importer skips.
const std::string program_full =
    "PROGRAM\nOral: Keynote @ Exhibit Hall A @ 2022-08-29T15:00Z\n"
    "Oral: Papers @ Exhibit Hall A @ 2022-08-29T16:00Z\n"
    "Tutorial: Gemmini @ Room 2 @ 2022-08-29T16:00Z\n"
    "Oral: More Papers @ Exhibit Hall A @ 2022-08-29T18:00Z\n"
    "Oral: Day Two @ Exhibit Hall A @ 2022-08-30T16:00Z\nEND\n# notes: rooms open at 8\n";
// An export that lost most of the 29th.
const std::string program_lost =
    "PROGRAM\nOral: Keynote @ Exhibit Hall A @ 2022-08-29T15:00Z\nEND\n";

void land(FakeFileSystem& fs, const std::string& bytes) {
    fs.write("/etc/kiosk/.program.txt.part", bytes);
    fs.rename("/etc/kiosk/.program.txt.part", "/etc/kiosk/program.txt");
}

// Ticks at `at` and once the quiet time has passed; true when the second tick changed live().
bool settle(Reloader& r, Millis at, Instant wall) {
    r.tick(at, wall);
    return r.tick(at + 300ms, wall);
}

TEST_F(ReloadTest, AnUploadCutShortIsHeldBackAndSaidInPlainWords) {
    start_with(program_full);
    // Stopped part-way through the notes: it imports, but it is a strict prefix.
    std::string cut = program_full.substr(0, program_full.size() - 6);
    land(fs, cut);
    EXPECT_TRUE(settle(*reloader, 400ms, t0 + 1s));
    EXPECT_EQ(titles(live()).size(), 5u);
    EXPECT_EQ(live().held_back_sha256, sha256_hex(cut));
    EXPECT_EQ(live().last_error(),
              "/etc/kiosk/program.txt: held back, it looks cut short: it is only the first " +
                  std::to_string(cut.size()) + " of the " + std::to_string(program_full.size()) +
                  " bytes of the program on screen, as if an upload stopped part-way; keeping the "
                  "last good program. To show it anyway: \"Accept the held-back program\" on the "
                  "staff overlay, or sha256sum /etc/kiosk/program.txt > "
                  "/etc/kiosk/program.txt.accept");
    EXPECT_EQ(fs.bytes(lg + "/program.txt"), program_full);
    // The metrics count it apart from broken files.
    EXPECT_EQ(live().held_back, 1u);
    EXPECT_EQ(live().rejected, 0u);
    // Only white space missing is not cut short.
    land(fs, program_full.substr(0, program_full.size() - 1));
    EXPECT_TRUE(settle(*reloader, 800ms, t0 + 2s));
    EXPECT_EQ(live().held_back_sha256, "");
    EXPECT_EQ(live().last_error(), std::nullopt);
    EXPECT_EQ(live().held_back, 1u);
    EXPECT_EQ(live().reloads, 1u);
}

TEST_F(ReloadTest, AnUpdateLosingMostSessionsIsHeldBackUntilTheMarkerAcceptsIt) {
    start_with(program_full);
    land(fs, program_lost);
    EXPECT_TRUE(settle(*reloader, 400ms, t0 + 1s));
    EXPECT_EQ(titles(live()).size(), 5u);
    EXPECT_THAT(live().last_error().value_or(""),
                HasSubstr("held back, it looks cut short: it has 1 of the 4 sessions the program "
                          "on screen has on 2022-08-29, as if most of it were lost on the way; "
                          "keeping the last good program"));
    EXPECT_THAT(reloader->watched_paths(), ::testing::Contains("/etc/kiosk/program.txt.accept"));
    EXPECT_FALSE(tick(2000ms, t0 + 2s));  // the same trouble is not news
    // A marker naming another version accepts nothing; one naming this version shows it.
    fs.write("/etc/kiosk/program.txt.accept", sha256_hex(program_full) + "\n");
    EXPECT_FALSE(tick(3000ms, t0 + 3s));
    fs.write("/etc/kiosk/program.txt.accept",
             sha256_hex(program_lost) + "  /etc/kiosk/program.txt\n");  // as sha256sum writes it
    EXPECT_TRUE(tick(4000ms, t0 + 4s));  // at once: the marker is written whole
    EXPECT_THAT(titles(live()), ElementsAre("Keynote"));
    EXPECT_EQ(live().last_error(), std::nullopt);
    EXPECT_EQ(live().held_back_sha256, "");
    EXPECT_EQ(fs.bytes(lg + "/program.txt"), program_lost);
}

TEST_F(ReloadTest, StaffAcceptTheHeldBackProgramOnTheOverlay) {
    start_with(program_full);
    EXPECT_FALSE(reloader->accept_held_back(100ms, t0).has_value());  // nothing held back
    land(fs, program_lost);
    settle(*reloader, 400ms, t0 + 1s);
    ASSERT_FALSE(live().held_back_sha256.empty());
    auto accepted = reloader->accept_held_back(500ms, t0 + 2s);
    ASSERT_TRUE(accepted.has_value()) << to_string(accepted.error().front());
    EXPECT_THAT(titles(live()), ElementsAre("Keynote"));
    EXPECT_EQ(live().last_error(), std::nullopt);
    EXPECT_EQ(logged.back(), "/etc/kiosk/program.txt: staff accepted the held-back version");
}

TEST_F(ReloadTest, StartUpOntoACutShortProgramShowsItsLastGoodCopy) {
    fs.write("/etc/kiosk/kiosk.toml", good_config);
    fs.write("/etc/kiosk/program.txt", program_lost);
    fs.write(lg + "/program.txt", program_full);
    start();
    EXPECT_EQ(titles(live()).size(), 5u);
    EXPECT_EQ(live().program_file.origin, FileOrigin::last_good);
    EXPECT_EQ(live().held_back_sha256, sha256_hex(program_lost));
    EXPECT_THAT(live().last_error().value_or(""),
                HasSubstr("/etc/kiosk/program.txt: held back, it looks cut short: it has 1 of "
                          "the 4 sessions the last good program has on 2022-08-29, as if most of "
                          "it were lost on the way; showing the last good program, saved in " +
                          lg + "/program.txt. To show it anyway: "));
    EXPECT_EQ(fs.bytes(lg + "/program.txt"), program_full);
}

TEST_F(ReloadTest, AConfigNamingAnotherProgramIsNotComparedWithTheOldOne) {
    start_with(program_full);
    fs.write("/etc/kiosk/small.txt", program_lost);
    fs.write("/etc/kiosk/kiosk.toml",
             good_config.substr(0, good_config.find("program =")) + "program = \"small.txt\"\n");
    tick(10ms, t0);
    EXPECT_TRUE(tick(310ms, t0));
    EXPECT_THAT(titles(live()), ElementsAre("Keynote"));
    EXPECT_EQ(live().last_error(), std::nullopt);
}

// --- Copies per config ----------------------------------------------------------------------

TEST_F(ReloadTest, TwoConfigsSharingAStateDirNeverStartOnEachOthersCopies) {
    start_with(program_a);
    // Another checkout, with its own config and a program that is not there.
    fs.write("/home/b/kiosk.toml", good_config);
    ReloadOptions other;
    other.config_path = "/home/b/kiosk.toml";
    start(other);
    EXPECT_EQ(live().program, nullptr);
    EXPECT_EQ(live().program_file.error,
              "/home/b/program.txt: cannot read: no such file; no last good program either: no "
              "program loaded");
    EXPECT_NE(StateDir("/var/lib/kiosk", "/home/b/kiosk.toml").last_good(), lg);
    EXPECT_EQ(fs.bytes(lg + "/program.txt"), program_a);
}

// --- Rooms the program does not know --------------------------------------------------------

TEST_F(ReloadTest, AConfigNamingAnUnknownRoomKeepsTheRoomShownAndSaysWhy) {
    start_with(program_b);
    EXPECT_EQ(live().kept_room, std::nullopt);
    fs.write("/etc/kiosk/kiosk.toml",
             "[venue]\ntimezone = \"America/Los_Angeles\"\n[screen]\nroom = \"Exhibit Hal A\"\n"
             "[data]\nprogram = \"program.txt\"\n");
    tick(10ms, t0);
    EXPECT_TRUE(tick(310ms, t0 + 1s));
    EXPECT_EQ(live().config.screen.room, "Exhibit Hal A");
    EXPECT_EQ(live().kept_room, "Exhibit Hall A");
    EXPECT_EQ(live().last_error(),
              "/etc/kiosk/kiosk.toml:4: no room 'Exhibit Hal A' in /etc/kiosk/program.txt; did "
              "you mean 'Exhibit Hall A'?; still showing 'Exhibit Hall A'");
    // Fixed: the error goes.
    fs.write("/etc/kiosk/kiosk.toml", good_config);
    tick(1000ms, t0);
    EXPECT_TRUE(tick(1310ms, t0 + 2s));
    EXPECT_EQ(live().kept_room, std::nullopt);
    EXPECT_EQ(live().last_error(), std::nullopt);
}

TEST_F(ReloadTest, AnUnknownRoomAtStartUpShowsEveryRoom) {
    fs.write("/etc/kiosk/kiosk.toml", "[screen]\nroom = \"Attic\"\n");
    fs.write("/etc/kiosk/program.txt", program_b);
    start();
    EXPECT_EQ(live().kept_room, std::nullopt);
    EXPECT_EQ(live().last_error(),
              "/etc/kiosk/kiosk.toml:2: no room 'Attic' in /etc/kiosk/program.txt; its rooms are: "
              "Exhibit Hall A, Room 2; showing every room");
    ReloadOptions by_hand;
    by_hand.room = "Room 3";
    start(by_hand);
    EXPECT_EQ(live().last_error(),
              "--room: no room 'Room 3' in /etc/kiosk/program.txt; did you mean 'Room 2'?; "
              "showing every room");
}

TEST_F(ReloadTest, AnOverviewScreenHasNoRoomToGetWrong) {
    fs.write("/etc/kiosk/kiosk.toml", "[screen]\nroom = \"Attic\"\nmode = \"overview\"\n");
    fs.write("/etc/kiosk/program.txt", program_b);
    start();
    EXPECT_EQ(live().room_error, std::nullopt);
    EXPECT_EQ(live().last_error(), std::nullopt);
}

TEST_F(ReloadTest, AnAnnouncementChangedOnDiskIsNotOverwrittenUnseen) {
    fs.write("/etc/kiosk/kiosk.toml", good_config + "[announcement]\ntext = \"Lunch\"\n");
    fs.write("/etc/kiosk/program.txt", program_a);
    start();
    // A push lands on disk; staff had "Lunch" in front of them.
    fs.write("/etc/kiosk/kiosk.toml", good_config + "[announcement]\ntext = \"Keynote moved\"\n");
    auto refused = reloader->set_config({{"announcement.text", "Lunch in Hall B"}}, 100ms, t0,
                                        {{"announcement.text", "Lunch"}});
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(to_string(refused.error().front()),
              "/etc/kiosk/kiosk.toml:8: announcement.text was changed in the file meanwhile (a "
              "push, or another staff member): nothing saved; look at it and choose again");
    EXPECT_THAT(fs.bytes("/etc/kiosk/kiosk.toml"), HasSubstr("Keynote moved"));
    ASSERT_TRUE(reloader
                    ->set_config({{"announcement.text", "Lunch in Hall B"}}, 200ms, t0,
                                 {{"announcement.text", "Keynote moved"}})
                    .has_value());
    EXPECT_EQ(live().config.announcement.text, "Lunch in Hall B");
}

}  // namespace
}  // namespace kiosk
