// The config's defaults are the slides layer's defaults; its values reach the slides' options.
#include "kiosk/app/screen_setup.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using namespace std::chrono_literals;

Config parse(std::string_view text) {
    auto c = parse_config(text, "kiosk.toml", "");
    EXPECT_TRUE(c.has_value());
    return c ? c.value() : Config{};
}

TEST(ConfigMap, DefaultConfigGivesTheSlidesLayersDefaults) {
    EXPECT_EQ(theme_from(Config{}), Theme{});
    EXPECT_EQ(deck_options_from(Config{}), DeckOptions{});
    EXPECT_EQ(rotation_options_from(Config{}), RotationOptions{});
}

TEST(ConfigMap, ThemeColoursAndKindWordsComeThrough) {
    auto theme =
        theme_from(parse("[theme]\nbackground = \"#000000\"\nkinds.Poster = \"#ABCDEF\"\n"
                         "kinds.oral = \"#111111\"\n"));
    EXPECT_EQ(theme.background, (Colour{0, 0, 0}));
    EXPECT_EQ(theme.header, Theme{}.header);
    EXPECT_EQ(theme.kind_colour("Poster Session"), (Colour{0xAB, 0xCD, 0xEF}));
    // The config's words come first: its "oral" wins over the design's.
    EXPECT_EQ(theme.kind_colour("Oral"), (Colour{0x11, 0x11, 0x11}));
    EXPECT_EQ(theme.kind_colour("Tutorial"), Theme{}.kind_colour("Tutorial"));
}

TEST(ConfigMap, SlidesAndClock) {
    auto c = parse(
        "[slides]\ndwell = 20\ntalks = 1\nshow = [\"later\"]\n[clock]\nformat = \"12h\"\n"
        "seconds = true\n");
    auto d = deck_options_from(c);
    EXPECT_FALSE(d.clock_24h);
    EXPECT_TRUE(d.clock_seconds);
    EXPECT_EQ(d.max_talk_slides, 1);
    EXPECT_FALSE(d.show_up_next);
    EXPECT_FALSE(d.show_talks);
    EXPECT_FALSE(d.show_around);
    EXPECT_TRUE(d.show_later);
    EXPECT_EQ(rotation_options_from(c).dwell, 20s);
    EXPECT_FALSE(deck_options_from(parse("[slides]\ntalks = 0\n")).show_talks);
}

// The older [announcement] is one urgent announcement, ahead of the [[announcements]] entries.
TEST(ConfigMap, TheOlderAnnouncementIsAnUrgentOneAndEntriesFollowInOrder) {
    auto c = parse(
        "[announcement]\ntext = \"Lunch in Hall B\"\nuntil = \"2022-08-29T13:00Z\"\n"
        "[[announcements]]\ntext = \"Coffee in the foyer\"\nfrom = \"2022-08-29T10:00Z\"\n"
        "[[announcements]]\ntext = \"Fire drill\"\nlevel = \"urgent\"\n");
    Instant noon = date::sys_days{date::year{2022} / 8 / 29} + 12h;
    auto all = announcements_of(c);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0], (Announcement{"Lunch in Hall B", std::nullopt, noon + 1h,
                                    AnnouncementLevel::urgent}));
    EXPECT_EQ(all[1], (Announcement{"Coffee in the foyer", noon - 2h, std::nullopt,
                                    AnnouncementLevel::ticker}));
    EXPECT_EQ(all[2].level, AnnouncementLevel::urgent);
    EXPECT_TRUE(all[0].applies_at(noon));
    EXPECT_FALSE(all[0].applies_at(noon + 1h));
    EXPECT_FALSE(all[1].applies_at(noon - 3h));
    EXPECT_TRUE(announcements_of(Config{}).empty());
}

using namespace std::chrono_literals;

const Instant t0 = date::sys_days{date::year{2022} / 8 / 29} + 16h + 10min;

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

TEST(ScreenSetup, BoardsFromTheLiveScheduleForTheConfiguredRoom) {
    auto s = screen_setup(live_with("Room 2", {"Room 1", "Room 2"}), {});
    EXPECT_EQ(s.room, "Room 2");
    EXPECT_FALSE(s.font_dirs.empty());
    EXPECT_EQ(s.timezone, "America/Los_Angeles");
    auto board = s.boards(t0 + 1min);
    ASSERT_TRUE(board.has_value());
    ASSERT_EQ(board->now.size(), 1u);
    EXPECT_EQ(board->now.front()->title, "Session in Room 2");
}

TEST(ScreenSetup, NoRoomSetShowsTheProgramsFirstRoom) {
    auto s = screen_setup(live_with("", {"Room 2", "Room 1"}), {});
    EXPECT_EQ(s.room, "Room 1");
}

TEST(ScreenSetup, ARoomTheProgramDoesNotKnowKeepsTheRoomShownBefore) {
    Live live = live_with("Room 9", {"Room 1", "Room 2"});
    live.kept_room = "Room 2";
    auto s = screen_setup(live, {});
    EXPECT_EQ(s.room, "Room 2");
    auto board = s.boards(t0 + 1min);
    ASSERT_TRUE(board.has_value());
    ASSERT_EQ(board->now.size(), 1u);
    EXPECT_EQ(board->now.front()->title, "Session in Room 2");
    live.kept_room = "";  // the program's first room was shown
    EXPECT_EQ(screen_setup(live, {}).room, "Room 1");
}

TEST(ScreenSetup, ARoomTheProgramDoesNotKnowWithNoneToKeepShowsEveryRoomAndSaysWhy) {
    Live live = live_with("Room 9", {"Room 1", "Room 2"});
    live.room_error = "kiosk.toml:4: no room 'Room 9' in program.txt; showing every room";
    auto s = screen_setup(live, {});
    ASSERT_TRUE(static_cast<bool>(s.overviews));
    EXPECT_EQ(s.overviews(t0 + 1min).rooms.size(), 2u);
    EXPECT_EQ(s.title, "All rooms");
    EXPECT_EQ(s.notice, "Unknown room \"Room 9\"");
    EXPECT_TRUE(s.boards(t0).has_value());  // the status file's board: never "on its way"
    // With a room shown before, that room stays, and staff still read why in the header.
    live.kept_room = "Room 2";
    s = screen_setup(live, {});
    EXPECT_FALSE(static_cast<bool>(s.overviews));
    EXPECT_EQ(s.room, "Room 2");
    EXPECT_EQ(s.notice, "Unknown room \"Room 9\"");
}

TEST(ScreenSetup, RoomModeHasNoOverviewAndTheHeaderNamesTheBoardsRoom) {
    auto s = screen_setup(live_with("Room 2", {"Room 1", "Room 2"}), {});
    EXPECT_FALSE(static_cast<bool>(s.overviews));
    EXPECT_EQ(s.title, "");
}

TEST(ScreenSetup, OverviewModeShowsEveryRoomUnderTheVenuesName) {
    auto live = live_with("No Such Room", {"Room 2", "Room 1"});
    live.config.screen.mode = ScreenMode::overview;
    auto s = screen_setup(live, {});
    EXPECT_EQ(s.title, "All rooms");
    ASSERT_TRUE(static_cast<bool>(s.overviews));
    auto o = s.overviews(t0 + 1min);
    ASSERT_EQ(o.rooms.size(), 2u);
    EXPECT_EQ(o.rooms[0].room, "Room 2");  // the program's order
    // A room left over from room mode does not make the screen fail.
    EXPECT_TRUE(s.boards(t0).has_value());
    live.config.venue.name = "Santa Clara Convention Center";
    EXPECT_EQ(screen_setup(live, {}).title, "Santa Clara Convention Center");
    EXPECT_EQ(parse("[screen]\nmode = \"overview\"\n").screen.mode, ScreenMode::overview);
}

TEST(ScreenSetup, NoProgramGivesTheReasonAndTheAnnouncementStillShows) {
    Live live;
    live.program_file.error = "program.txt: cannot read: no such file; no program loaded";
    live.program_file.error_at = t0;
    live.config.announcement.text = "Registration moved to Hall B";
    auto s = screen_setup(live, {});
    auto board = s.boards(t0);
    ASSERT_FALSE(board.has_value());
    EXPECT_EQ(board.error().front().message,
              "program.txt: cannot read: no such file; no program loaded");
    ASSERT_EQ(s.announcements.size(), 1u);
    EXPECT_EQ(s.announcements[0].text, "Registration moved to Hall B");
    EXPECT_EQ(s.announcements[0].level, AnnouncementLevel::urgent);
}

TEST(ScreenSetup, TheCommandLineSetsTheWindowAndScreenshot) {
    Invocation inv{"run", {{"--windowed", "1280X720"}, {"--screenshot", "shot.png"}}, {}};
    auto overrides = screen_overrides(inv);
    ASSERT_TRUE(overrides.has_value());
    auto s = screen_setup(Live{}, overrides.value());
    EXPECT_EQ(s.window.windowed, (Size{1280, 720}));
    EXPECT_EQ(s.screenshot, "shot.png");
    auto bad = screen_overrides(Invocation{"run", {{"--windowed", "big"}}, {}});
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().front().message,
              "--windowed: expected a size such as 1920x1080 (from 160x120 to 16384x16384), not "
              "'big'");
}

}  // namespace
}  // namespace kiosk
