// What `kiosk run` takes from a Live and from its command line before the reloader runs.
#include "kiosk/app/reload_screen.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace kiosk {
namespace {

using namespace std::chrono_literals;

const Instant t0 = date::sys_days{date::year{2022} / 8 / 29} + 16h + 10min;

Invocation invocation(std::map<std::string, std::string> options) {
    return Invocation{"run", std::move(options), {}};
}

EnvFn env_with_state_directory() {
    return [](std::string_view name) -> std::optional<std::string> {
        if (name == "STATE_DIRECTORY") return "/var/lib/kiosk";
        return std::nullopt;
    };
}

TEST(RunStart, StateDirAndStatusFileFromCommandLineThenConfigThenDefaults) {
    TempDir dir;
    std::string config = dir.write(
        "kiosk.toml", "[venue]\ntimezone = \"Europe/Berlin\"\n[state]\ndir = \"state\"\n");
    auto from_config = run_start(invocation({{"--config", config}}), env_with_state_directory());
    EXPECT_EQ(from_config.state_dir, dir.path("state"));
    EXPECT_EQ(from_config.status_file, dir.path("state") + "/status.json");
    EXPECT_EQ(from_config.timezone, "Europe/Berlin");

    auto given = run_start(invocation({{"--config", config},
                                       {"--state-dir", "/srv/state"},
                                       {"--status-file", "/run/kiosk.json"}}),
                           env_with_state_directory());
    EXPECT_EQ(given.state_dir, "/srv/state");
    EXPECT_EQ(given.status_file, "/run/kiosk.json");

    auto none = run_start(invocation({}), env_with_state_directory());
    EXPECT_EQ(none.state_dir, "/var/lib/kiosk");
    EXPECT_EQ(none.status_file, "/var/lib/kiosk/status.json");
    EXPECT_EQ(none.timezone, "UTC");
}

TEST(RunStart, ABrokenConfigsZoneComesFromItsLastGoodCopy) {
    TempDir dir;
    std::string config = dir.write("kiosk.toml", "[venue\n");
    dir.write("state/last-good/kiosk.toml", "[venue]\ntimezone = \"America/Los_Angeles\"\n");
    auto start = run_start(invocation({{"--config", config}, {"--state-dir", dir.path("state")}}),
                           env_with_state_directory());
    EXPECT_EQ(start.timezone, "America/Los_Angeles");
}

Live live_with(const std::string& room, std::vector<std::string> rooms) {
    Live live;
    live.config.screen.room = room;
    Program p;
    p.timezone = "America/Los_Angeles";
    for (const auto& r : rooms) {
        Session s;
        s.kind = "Oral";
        s.title = "Session in " + r;
        s.room = r;
        s.start = t0;
        p.sessions.push_back(s);
    }
    live.program = std::make_shared<const Program>(p);
    live.schedule = std::make_shared<const Schedule>(make_schedule(p, {}).value());
    return live;
}

TEST(SetupFromLive, BoardsFromTheLiveScheduleForTheConfiguredRoom) {
    ScreenSetup base;
    base.font_dirs = {"/fonts"};
    auto s = setup_from_live(base, live_with("Room 2", {"Room 1", "Room 2"}));
    EXPECT_EQ(s.room, "Room 2");
    EXPECT_EQ(s.font_dirs, base.font_dirs);
    EXPECT_EQ(s.timezone, "America/Los_Angeles");
    auto board = s.boards(t0 + 1min);
    ASSERT_TRUE(board.has_value());
    ASSERT_EQ(board->now.size(), 1u);
    EXPECT_EQ(board->now.front()->title, "Session in Room 2");
}

TEST(SetupFromLive, NoRoomSetShowsTheProgramsFirstRoom) {
    auto s = setup_from_live({}, live_with("", {"Room 2", "Room 1"}));
    EXPECT_EQ(s.room, "Room 1");
}

TEST(SetupFromLive, NoProgramGivesTheReasonAndTheAnnouncementStillShows) {
    Live live;
    live.program_file.error = "program.txt: cannot read: no such file; no program loaded";
    live.program_file.error_at = t0;
    live.config.announcement.text = "Registration moved to Hall B";
    auto s = setup_from_live({}, live);
    auto board = s.boards(t0);
    ASSERT_FALSE(board.has_value());
    EXPECT_EQ(board.error().front().message,
              "program.txt: cannot read: no such file; no program loaded");
    ASSERT_TRUE(s.announcement.has_value());
    EXPECT_EQ(s.announcement->text, "Registration moved to Hall B");
}

}  // namespace
}  // namespace kiosk
