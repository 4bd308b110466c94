// What `kiosk run` takes from a Live and from its command line before the reloader runs.
#include "kiosk/app/reload_screen.h"

#include <gtest/gtest.h>

#include "kiosk/app/environment.h"
#include "kiosk/app/state_fs.h"

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
    // Without --config the default config applies, as for every other command: the installed
    // one, else the source tree's; built-in defaults (UTC) only where there is neither.
    auto fallback = default_config_path();
    EXPECT_EQ(none.timezone,
              fallback ? load_config_file(*fallback).value().venue.timezone : std::string("UTC"));
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

// A reload service on real files in a temporary folder; the config edits wait for the service's
// thread to apply them, so nothing here sleeps.
struct StaffRequests : ::testing::Test {
    TempDir dir;
    RealFileSystem fs;  // before the service, which uses it until its thread stops
    std::unique_ptr<ReloadService> service;

    void SetUp() override {
        dir.write("kiosk.toml", "# screen by the hall\n[screen]\nroom = \"Room 1\"\n");
        ReloadOptions options;
        options.config_path = dir.path("kiosk.toml");
        options.state_dir = dir.path("state");
        service = std::make_unique<ReloadService>(
            fs,
            [](std::string_view, const std::string&, const Config&) -> Result<Program> {
                return Program{};
            },
            options, nullptr);
    }
    std::string ask(LinkRequests& out, OverlayRequest::Kind kind, std::string text = {},
                    std::string until = {}, double speed = 1.0) {
        OverlayRequest r{kind, std::move(text), std::move(until), speed};
        return carry_out(r, *service, "America/Los_Angeles", out);
    }
};

TEST_F(StaffRequests, RoomAndAnnouncementRewriteTheConfigAndApplyAtOnce) {
    using Kind = OverlayRequest::Kind;
    LinkRequests out;
    EXPECT_EQ(ask(out, Kind::set_room, "Room 2"), "Room set to Room 2");
    EXPECT_EQ(service->live()->config.screen.room, "Room 2");
    EXPECT_EQ(ask(out, Kind::set_announcement, "Lunch in Hall B", "2022-08-29T13:30"),
              "Announcement shown");
    const auto& a = service->live()->config.announcement;
    EXPECT_EQ(a.text, "Lunch in Hall B");
    // In the config's zone (none set here: UTC), as the file itself would be read.
    EXPECT_EQ(a.until, date::sys_days{date::year{2022} / 8 / 29} + 13h + 30min);
    EXPECT_EQ(read_file(dir.path("kiosk.toml")).value(),
              "# screen by the hall\n[screen]\nroom = \"Room 2\"\n\n[announcement]\n"
              "text = \"Lunch in Hall B\"\nuntil = \"2022-08-29T13:30\"\n");
    EXPECT_EQ(ask(out, Kind::set_announcement, "Later", "soon")
                  .rfind("Not done: " + dir.path("kiosk.toml") +
                             ": announcement.until: no date in 'soon'",
                         0),
              0u);
    EXPECT_EQ(service->live()->config.announcement.text, "Lunch in Hall B");
    EXPECT_EQ(ask(out, Kind::clear_announcement), "Announcement cleared");
    EXPECT_EQ(service->live()->config.announcement.text, "");
    EXPECT_FALSE(out.quit);
}

TEST_F(StaffRequests, ClockAndQuitGoToTheLoop) {
    using Kind = OverlayRequest::Kind;
    LinkRequests out;
    EXPECT_EQ(ask(out, Kind::set_clock, "2022-08-29T09:10"), "Rehearsing from 2022-08-29T09:10");
    EXPECT_EQ(out.set_clock, date::sys_days{date::year{2022} / 8 / 29} + 16h + 10min);
    EXPECT_EQ(ask(out, Kind::set_clock, "nine").rfind("Not done: time: no date in 'nine'", 0), 0u);
    EXPECT_EQ(ask(out, Kind::set_speed, "", "", 60.0), "Clock speed set");
    EXPECT_EQ(out.set_speed, 60.0);
    EXPECT_EQ(ask(out, Kind::set_speed, "", "", -1.0),
              "Not done: the speed must be from 0 to 10000");
    EXPECT_EQ(ask(out, Kind::real_time), "Back to real time");
    EXPECT_TRUE(out.real_time);
    EXPECT_EQ(ask(out, Kind::quit), "Quitting");
    EXPECT_TRUE(out.quit);
}

}  // namespace
}  // namespace kiosk
