// kiosk.toml: defaults, every error with its message and line, paths, the room edit, the docs.
#include "kiosk/core/config.h"

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kiosk {
namespace {

using ::testing::ElementsAre;

Config parse_ok(std::string_view text, const std::string& base = "") {
    auto c = parse_config(text, "kiosk.toml", base);
    EXPECT_TRUE(c.has_value()) << (c ? "" : format_diagnostics(c.error()));
    return c ? c.value() : Config{};
}

// The one error a text gives, as "kiosk.toml:LINE: message".
std::string only_error(std::string_view text) {
    auto c = parse_config(text, "kiosk.toml", "");
    if (c) return "(no error)";
    EXPECT_EQ(c.error().size(), 1u) << format_diagnostics(c.error());
    return to_string(c.error().front());
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TEST(Config, EmptyFileIsAllDefaults) { EXPECT_EQ(parse_ok(""), Config{}); }

TEST(Config, EveryKeyWrittenAtItsDefaultGivesTheDefaults) {
    std::string text;
    for (const auto& k : config_keys()) {
        // An [[announcements]] entry is no default: it needs its text (see the tests below).
        if (k.name.starts_with("announcements.")) continue;
        auto dot = k.name.find('.');
        if (dot == std::string_view::npos) {  // a whole section of free keys ([full]), empty
            ASSERT_EQ(k.default_text, "{}") << k.name;
            text += "[" + std::string(k.name) + "]\n";
            continue;
        }
        text += "[" + std::string(k.name.substr(0, dot)) + "]\n" +
                std::string(k.name.substr(dot + 1)) + " = " + k.default_text + "\n";
    }
    // A section may only be opened once; fold repeated headers into one.
    std::string folded, last;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("[")) {
            if (line == last) continue;
            last = line;
        }
        folded += line + "\n";
    }
    EXPECT_EQ(parse_ok(folded), Config{});
}

TEST(Config, ReadsEverySection) {
    auto c = parse_ok(R"(
[venue]
name = "Santa Clara Convention Center"
timezone = "America/Los_Angeles"
unassigned = { "Registration Desk" = "Lobby" }

[screen]
room = "Exhibit Hall A"
display = 1
rotation = 90
renderer = "gpu"
windowed = "1280x720"

[data]
program = "program.txt"
corrections = "/srv/kiosk/corrections.toml"
year = 2022

[slides]
dwell = 15
talks = 2
show = ["later", "up_next"]

[theme]
background = "#000000"
kinds.poster = "#ABCDEF"

[clock]
format = "12h"
seconds = true

[durations]
kinds = { "  oral" = 90, Lightning = 20 }
fallback = 45
talk = 15

[staff]
hotkey = "Ctrl+Shift+F1"
pin = "0420"

[announcement]
text = "Lunch is served in Hall B"
until = "2022-08-29T13:00"

[state]
dir = "state"
status_file = "/run/kiosk/status.json"
metrics_dir = "metrics"
)",
                      "/etc/kiosk");
    EXPECT_EQ(c.venue.name, "Santa Clara Convention Center");
    EXPECT_EQ(c.venue.timezone, "America/Los_Angeles");
    EXPECT_EQ(c.schedule.unassigned_rooms,
              (std::vector<RoomMapping>{{"Registration Desk", "Lobby"}}));
    EXPECT_EQ(c.screen.room, "Exhibit Hall A");
    EXPECT_EQ(c.screen.display, 1);
    EXPECT_EQ(c.screen.rotation, 90);
    EXPECT_EQ(c.screen.renderer, RendererKind::gpu);
    EXPECT_EQ(c.screen.windowed_width, 1280);
    EXPECT_EQ(c.screen.windowed_height, 720);
    EXPECT_EQ(c.data.program, "/etc/kiosk/program.txt");
    EXPECT_EQ(c.data.corrections, "/srv/kiosk/corrections.toml");
    EXPECT_EQ(c.data.year, 2022);
    EXPECT_EQ(c.slides.dwell_seconds, 15);
    EXPECT_EQ(c.slides.talks, 2);
    EXPECT_THAT(c.slides.show, ElementsAre("later", "up_next"));
    EXPECT_EQ(c.theme.background, "#000000");
    EXPECT_EQ(c.theme.header, ThemeConfig{}.header);
    EXPECT_EQ(c.theme.kinds, (std::map<std::string, std::string>{{"poster", "#ABCDEF"}}));
    EXPECT_EQ(c.clock.format, ClockFormat::h12);
    EXPECT_TRUE(c.clock.seconds);
    // Oral replaced where the scheduler lists it (matched as it matches kinds); Lightning added.
    auto durations = ScheduleSettings{}.durations;
    durations[0].length = std::chrono::minutes{90};
    durations.push_back({"Lightning", std::chrono::minutes{20}});
    EXPECT_EQ(c.schedule.durations, durations);
    EXPECT_EQ(c.schedule.fallback_duration, std::chrono::minutes{45});
    EXPECT_EQ(c.schedule.talk_length, std::chrono::minutes{15});
    EXPECT_EQ(c.staff.hotkey, (Hotkey{true, false, true, "F1"}));
    EXPECT_EQ(to_string(c.staff.hotkey), "Ctrl+Shift+F1");
    EXPECT_EQ(c.staff.pin, "0420");
    EXPECT_EQ(c.announcement.text, "Lunch is served in Hall B");
    ASSERT_TRUE(c.announcement.until.has_value());
    // 13:00 in Santa Clara in August is 20:00 UTC (PDT, -07:00).
    EXPECT_EQ(date::format("%FT%RZ", *c.announcement.until), "2022-08-29T20:00Z");
    EXPECT_EQ(c.state.dir, "/etc/kiosk/state");
    EXPECT_EQ(c.state.status_file, "/run/kiosk/status.json");
    EXPECT_EQ(c.state.metrics_dir, "/etc/kiosk/metrics");  // next to the config, like dir
}

TEST(Config, ShippedConfigIsValid) {
    std::string path = std::string(KIOSK_SOURCE_DIR) + "/config/kiosk.toml";
    auto c = parse_config(read_file(path), "kiosk.toml", std::string(KIOSK_SOURCE_DIR) + "/config");
    ASSERT_TRUE(c.has_value()) << format_diagnostics(c.error());
    EXPECT_EQ(c->screen.room, "Exhibit Hall A");
    EXPECT_EQ(c->venue.timezone, "America/Los_Angeles");
    EXPECT_EQ(c->data.year, 2022);
    EXPECT_EQ(c->data.program, std::string(KIOSK_SOURCE_DIR) + "/data/program.txt");
    EXPECT_TRUE(config_warnings(c.value(), "kiosk.toml").empty());
}

TEST(Config, UnknownKeysSuggestTheNearestOne) {
    EXPECT_EQ(only_error("[screen]\nroom = \"A\"\n\n\n\n\nrooom = \"B\"\n"),
              "kiosk.toml:7: unknown key 'screen.rooom' (did you mean 'room'?)");
    EXPECT_EQ(only_error("[screen]\nbrightness = 3\n"),
              "kiosk.toml:2: unknown key 'screen.brightness'");
    EXPECT_EQ(only_error("[scren]\nroom = \"A\"\n"),
              "kiosk.toml:1: unknown section 'scren' (did you mean 'screen'?)");
    EXPECT_EQ(only_error("room = \"A\"\n"),
              "kiosk.toml:1: unknown key 'room' (did you mean 'screen.room' in [screen]?)");
    EXPECT_EQ(only_error("colour = 1\n"),
              "kiosk.toml:1: unknown key 'colour' (every key belongs to a section such as "
              "[screen])");
    EXPECT_EQ(only_error("screen = 3\n"),
              "kiosk.toml:1: 'screen' must be a section ([screen]), "
              "not an integer");
}

TEST(Config, BadValuesNameKeyAndLine) {
    EXPECT_EQ(only_error("[screen]\nrotation = 45\n"),
              "kiosk.toml:2: screen.rotation must be 0, 90, 180 or 270, not 45");
    EXPECT_EQ(only_error("[screen]\nrotation = \"90\"\n"),
              "kiosk.toml:2: screen.rotation must be an integer, not a string");
    EXPECT_EQ(only_error("[screen]\ndisplay = -1\n"),
              "kiosk.toml:2: screen.display must be a display index from 0 to 15, not -1");
    EXPECT_EQ(only_error("[screen]\nrenderer = \"opengl\"\n"),
              "kiosk.toml:2: screen.renderer must be 'software' or 'gpu', not 'opengl'");
    EXPECT_EQ(only_error("[screen]\nroom = 12\n"),
              "kiosk.toml:2: screen.room must be a string in quotes, not an integer");
    EXPECT_EQ(only_error("[screen]\nwindowed = \"1280 x 720\"\n"),
              "kiosk.toml:2: screen.windowed must be a size such as \"1280x720\" (320x240 to "
              "7680x7680), or \"\" for full screen, not '1280 x 720'");
    EXPECT_EQ(only_error("[screen]\nwindowed = \"10x10\"\n"),
              "kiosk.toml:2: screen.windowed must be a size such as \"1280x720\" (320x240 to "
              "7680x7680), or \"\" for full screen, not '10x10'");
    EXPECT_EQ(only_error("[venue]\ntimezone = \"Mars/Olympus\"\n"),
              "kiosk.toml:2: venue.timezone names unknown time zone 'Mars/Olympus' (expected an "
              "IANA name such as America/Los_Angeles)");
    EXPECT_EQ(only_error("[venue]\nunassigned = \"Lobby\"\n"),
              "kiosk.toml:2: venue.unassigned must be a table, not a string (write "
              "venue.unassigned.\"Kind\" = … or a [venue.unassigned] section)");
    EXPECT_EQ(only_error("[venue.unassigned]\n\"Registration Desk\" = \"\"\n"),
              "kiosk.toml:2: venue.unassigned.\"Registration Desk\" must not be empty");
    EXPECT_EQ(only_error("[data]\nyear = 22\n"),
              "kiosk.toml:2: data.year must be a year such as 2022, or 0 for the nearest "
              "fitting year, not 22");
    EXPECT_EQ(only_error("[data]\nprogram = [\"a\"]\n"),
              "kiosk.toml:2: data.program must be a string in quotes, not an array");
    EXPECT_EQ(only_error("[slides]\ndwell = 1.5\n"),
              "kiosk.toml:2: slides.dwell must be an integer, not a number with a fraction");
    EXPECT_EQ(only_error("[slides]\ndwell = 1\n"),
              "kiosk.toml:2: slides.dwell must be a number of seconds from 3 to 600, not 1");
    EXPECT_EQ(only_error("[slides]\nshow = [\"up_next\",\n  \"tlak\"]\n"),
              "kiosk.toml:3: slides.show: unknown slide 'tlak' (did you mean 'talk'?); the "
              "slides are up_next, talk, around, later");
    EXPECT_EQ(only_error("[slides]\nshow = [\"later\", \"later\"]\n"),
              "kiosk.toml:2: slides.show lists 'later' twice");
    EXPECT_EQ(only_error("[slides]\nshow = \"later\"\n"),
              "kiosk.toml:2: slides.show must be an array of slide names such as [up_next, "
              "talk, around, later], not a string");
    EXPECT_EQ(only_error("[theme]\ntext = \"white\"\n"),
              "kiosk.toml:2: theme.text must be a colour written #RRGGBB (such as \"#5AA9FF\"), "
              "not 'white'");
    EXPECT_EQ(only_error("[theme.kinds]\nposter = \"#12345\"\n"),
              "kiosk.toml:2: theme.kinds.poster must be a colour written #RRGGBB (such as "
              "\"#5AA9FF\"), not '#12345'");
    EXPECT_EQ(only_error("[clock]\nformat = 24\n"),
              "kiosk.toml:2: clock.format must be '24h' or '12h', not an integer");
    EXPECT_EQ(only_error("[clock]\nseconds = \"yes\"\n"),
              "kiosk.toml:2: clock.seconds must be true or false, not a string");
    EXPECT_EQ(only_error("[durations.kinds]\n\"Invited Talk\" = 0\n"),
              "kiosk.toml:2: durations.kinds.\"Invited Talk\" must be minutes from 1 to 1440, "
              "not 0");
    EXPECT_EQ(only_error("[durations]\ntalk = 300\n"),
              "kiosk.toml:2: durations.talk must be minutes from 1 to 240, or 0 to spread "
              "talks over the session, not 300");
    EXPECT_EQ(only_error("[staff]\nhotkey = \"S\"\n"),
              "kiosk.toml:2: staff.hotkey must be a key such as \"F12\" or \"Ctrl+Alt+S\" "
              "(Ctrl, Alt, Shift; a letter or digit needs Ctrl or Alt), not 'S'");
    EXPECT_EQ(only_error("[staff]\nhotkey = \"Super+F1\"\n"),
              "kiosk.toml:2: staff.hotkey must be a key such as \"F12\" or \"Ctrl+Alt+S\" "
              "(Ctrl, Alt, Shift; a letter or digit needs Ctrl or Alt), not 'Super+F1'");
    EXPECT_EQ(only_error("[staff]\npin = 420\n"),
              "kiosk.toml:2: staff.pin must be written in quotes (pin = \"0420\"), not as a "
              "number");
    EXPECT_EQ(only_error("[staff]\npin = \"12a4\"\n"),
              "kiosk.toml:2: staff.pin must be 4 to 12 digits in quotes, or \"\" for no PIN, "
              "not '12a4'");
    EXPECT_EQ(only_error("[staff]\npin = \"123\"\n"),
              "kiosk.toml:2: staff.pin must be 4 to 12 digits in quotes, or \"\" for no PIN, "
              "not '123'");
    EXPECT_EQ(only_error("[announcement]\ntext = \"" + std::string(501, 'x') + "\"\n"),
              "kiosk.toml:2: announcement.text is longer than 500 bytes; a hallway screen "
              "cannot show that much");
    EXPECT_EQ(only_error("[announcement]\nuntil = 12\n"),
              "kiosk.toml:2: announcement.until must be a date and time such as "
              "2022-08-29T12:00, not an integer");
}

TEST(Config, AnnouncementExpiryIsReadInTheVenueZoneWhereverTheZoneIsSet) {
    // `until` comes before the zone in the file; the zone still applies.
    auto c = parse_ok(
        "[announcement]\ntext = \"x\"\nuntil = 2022-08-29T13:00:00\n"
        "[venue]\ntimezone = \"Europe/Berlin\"\n");
    ASSERT_TRUE(c.announcement.until.has_value());
    EXPECT_EQ(date::format("%FT%RZ", *c.announcement.until), "2022-08-29T11:00Z");
    auto z = parse_ok("[announcement]\nuntil = 2022-08-29T13:00:00Z\n");
    EXPECT_EQ(date::format("%FT%RZ", *z.announcement.until), "2022-08-29T13:00Z");
    EXPECT_EQ(parse_ok("[announcement]\nuntil = \"\"\n").announcement.until, std::nullopt);
    // 02:30 on 13 March 2022 never happened in Los Angeles (clocks went from 02:00 to 03:00).
    EXPECT_EQ(only_error("[venue]\ntimezone = \"America/Los_Angeles\"\n[announcement]\n"
                         "until = \"2022-03-13T02:30\"\n"),
              "kiosk.toml:4: announcement.until: that local time is skipped by a "
              "daylight-saving change in America/Los_Angeles in '2022-03-13T02:30' (expected "
              "e.g. 2022-08-29T09:10, 2022-08-29T16:10Z or 2022-08-29T09:10-07:00)");
}

TEST(Config, TomlSyntaxErrorsGiveTheLine) {
    EXPECT_EQ(only_error("[screen]\nroom = \"A\"\nrotation = = 90\n"),
              "kiosk.toml:3: not valid TOML: Error while parsing value: could not determine "
              "value type (column 12)");
    EXPECT_EQ(only_error("[screen]\nroom = \"A\"\n[screen]\n"),
              "kiosk.toml:3: not valid TOML: Error while parsing table header: cannot redefine "
              "existing table 'screen' (column 1)");
    EXPECT_EQ(only_error("[screen]\nroom = \"Hall \xff\"\n"),
              "kiosk.toml:2: not valid TOML: Encountered invalid utf-8 sequence (column 13)");
}

TEST(Config, KeepsGoingThenStopsAfterSixteenErrors) {
    std::string text = "[screen]\n";
    for (int i = 0; i < 20; ++i) text += "bad" + std::to_string(i) + " = 1\n";
    auto c = parse_config(text, "kiosk.toml", "");
    ASSERT_FALSE(c.has_value());
    ASSERT_EQ(c.error().size(), 17u);
    // In file order, whatever order the TOML library keeps keys in.
    EXPECT_EQ(to_string(c.error()[0]), "kiosk.toml:2: unknown key 'screen.bad0'");
    EXPECT_EQ(to_string(c.error()[15]), "kiosk.toml:17: unknown key 'screen.bad15'");
    EXPECT_EQ(to_string(c.error()[16]), "kiosk.toml: too many errors, stopped after 16");

    auto two = parse_config("[screen]\nrotation = 1\n[clock]\nseconds = 2\n", "kiosk.toml", "");
    ASSERT_FALSE(two.has_value());
    EXPECT_EQ(format_diagnostics(two.error()),
              "kiosk.toml:2: screen.rotation must be 0, 90, 180 or 270, not 1\n"
              "kiosk.toml:4: clock.seconds must be true or false, not an integer\n");
}

// White titles on a white screen are a blank screen to a passer-by: the theme's text must keep
// the design's 4.5:1 on the surfaces it sits on, checked where the screen and check-config both
// read the config.
TEST(Config, RefusesAThemeWhoseTextCannotBeRead) {
    auto dark = parse_config("[theme]\n\ntext = \"#0E1116\"\n", "kiosk.toml", "");
    ASSERT_FALSE(dark.has_value());
    EXPECT_EQ(format_diagnostics(dark.error()),
              "kiosk.toml:3: theme.text #0E1116 on theme.background #0E1116 has a contrast of "
              "1.0:1; text needs at least 4.5:1 to be read from a distance\n"
              "kiosk.toml:3: theme.text #0E1116 on theme.header #161B22 has a contrast of "
              "1.1:1; text needs at least 4.5:1 to be read from a distance\n"
              "kiosk.toml:3: theme.text #0E1116 on theme.panel #1C222B has a contrast of "
              "1.2:1; text needs at least 4.5:1 to be read from a distance\n");
    // Set on its own, the surface takes the blame: its line is the one to change.
    EXPECT_EQ(only_error("\n[theme]\nheader = \"#505860\"\n"),
              "kiosk.toml:3: theme.muted #A9B1BD on theme.header #505860 has a contrast of "
              "3.3:1; text needs at least 4.5:1 to be read from a distance");
    // A light theme that keeps the contrast is fine; so are the design's own colours.
    EXPECT_EQ(parse_ok("[theme]\nbackground = \"#FFFFFF\"\nheader = \"#F0F0F0\"\n"
                       "panel = \"#F4F4F4\"\ntext = \"#111111\"\nbody = \"#222222\"\n"
                       "muted = \"#555555\"\nfaint = \"#666666\"\n")
                  .theme.text,
              "#111111");
    EXPECT_EQ(parse_ok("").theme, ThemeConfig{});
}

TEST(Config, RefusesAnEmptyProgramPath) {
    EXPECT_EQ(only_error("[data]\nprogram = \"\"\n"),
              "kiosk.toml:2: data.program is empty: name the program file (such as "
              "\"program.txt\")");
}

TEST(Config, DurationsDefaultToTheSchedulersOwn) {
    EXPECT_EQ(Config{}.schedule, ScheduleSettings{});
    EXPECT_EQ(parse_ok("[durations]\ntalk = 0\n").schedule.talk_length, std::nullopt);
}

TEST(Config, PathsAreRelativeToTheConfigFolder) {
    auto c = parse_ok("[data]\nprogram = \"../data/program.txt\"\ncorrections = \"c.toml\"\n",
                      "/etc/kiosk/screen1");
    EXPECT_EQ(c.data.program, "/etc/kiosk/data/program.txt");
    EXPECT_EQ(c.data.corrections, "/etc/kiosk/screen1/c.toml");
    // Defaults too: a config that names no program means program.txt next to it.
    EXPECT_EQ(parse_ok("", "/etc/kiosk").data.program, "/etc/kiosk/program.txt");
    EXPECT_EQ(parse_ok("[data]\ncorrections = \"\"\n", "/etc/kiosk").data.corrections, "");
}

TEST(Config, WarnsAboutAMissingRoomAndYear) {
    auto ws = config_warnings(Config{}, "kiosk.toml");
    ASSERT_EQ(ws.size(), 2u);
    EXPECT_EQ(to_string(ws[0]),
              "kiosk.toml: warning: screen.room is not set: the screen shows the program's "
              "first room");
}

TEST(ConfigRoomEdit, ReplacesTheValueKeepingCommentsAndLayout) {
    std::string text =
        "# screen by the hall\n[screen]\nroom = \"Exhibit Hall A\"  # the big one\n"
        "rotation = 90\n";
    auto out = set_screen_room(text, "kiosk.toml", "Ballroom \"B\"");
    ASSERT_TRUE(out.has_value()) << format_diagnostics(out.error());
    EXPECT_EQ(out.value(),
              "# screen by the hall\n[screen]\nroom = \"Ballroom \\\"B\\\"\"  # the big one\n"
              "rotation = 90\n");
}

TEST(ConfigRoomEdit, WorksPastNonAsciiTextOnTheSameLine) {
    auto out = set_screen_room("screen = { rotation = 0, room = 'Saal Ä' } # ü\n", "kiosk.toml",
                               "Großer Saal");
    ASSERT_TRUE(out.has_value()) << format_diagnostics(out.error());
    EXPECT_EQ(out.value(), "screen = { rotation = 0, room = \"Großer Saal\" } # ü\n");
}

TEST(ConfigRoomEdit, AddsTheKeyUnderTheSectionOrAddsTheSection) {
    auto under =
        set_screen_room("[screen]\nrotation = 90\n[clock]\nseconds = true\n", "kiosk.toml", "Hall");
    ASSERT_TRUE(under.has_value());
    EXPECT_EQ(under.value(), "[screen]\nroom = \"Hall\"\nrotation = 90\n[clock]\nseconds = true\n");
    auto added = set_screen_room("[clock]\nseconds = true", "kiosk.toml", "Hall");
    ASSERT_TRUE(added.has_value());
    EXPECT_EQ(added.value(), "[clock]\nseconds = true\n\n[screen]\nroom = \"Hall\"\n");
    auto empty = set_screen_room("", "kiosk.toml", "Hall");
    ASSERT_TRUE(empty.has_value());
    EXPECT_EQ(parse_ok(empty.value()).screen.room, "Hall");
}

TEST(ConfigRoomEdit, RefusesABrokenFileAndEditsItCannotMakeSafely) {
    auto broken = set_screen_room("[screen]\nrotation = 45\n", "kiosk.toml", "Hall");
    ASSERT_FALSE(broken.has_value());
    EXPECT_EQ(to_string(broken.error().front()),
              "kiosk.toml:2: screen.rotation must be 0, 90, 180 or 270, not 45");
    // `screen.rotation = 90` at the top makes an implicit table with no header to insert under.
    auto implicit = set_screen_room("screen.rotation = 90\n", "kiosk.toml", "Hall");
    ASSERT_FALSE(implicit.has_value());
    EXPECT_EQ(to_string(implicit.error().front()),
              "kiosk.toml: cannot set screen.room: the file's layout does not allow a safe edit; "
              "edit it by hand");
}

TEST(ConfigEdit, SetsTheAnnouncementAndRefusesBadValues) {
    std::string text = "[screen]\nroom = \"Hall\"\n\n[announcement]\n# staff message\n";
    auto set = set_config_string(text, "kiosk.toml", "announcement.text", "Lunch in Hall B");
    ASSERT_TRUE(set.has_value());
    auto until =
        set_config_string(set.value(), "kiosk.toml", "announcement.until", "2022-08-29T13:30");
    ASSERT_TRUE(until.has_value());
    EXPECT_EQ(until.value(),
              "[screen]\nroom = \"Hall\"\n\n[announcement]\nuntil = \"2022-08-29T13:30\"\n"
              "text = \"Lunch in Hall B\"\n# staff message\n");
    auto bad = set_config_string(until.value(), "kiosk.toml", "announcement.until", "soon");
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(to_string(bad.error().front()),
              "kiosk.toml: announcement.until: no date in 'soon' (expected e.g. "
              "2022-08-29T09:10, 2022-08-29T16:10Z or 2022-08-29T09:10-07:00)");
    auto table = set_config_string(text, "kiosk.toml", "theme.kinds", "x");
    ASSERT_FALSE(table.has_value());
    EXPECT_EQ(to_string(table.error().front()),
              "kiosk.toml: cannot set theme.kinds: not a key with a single string value");
}

// docs/options.md lists every key the parser accepts, with its type and default, and no other.
TEST(ConfigDocs, EveryKeyIsDocumentedAndEveryDocumentedKeyExists) {
    std::string docs = read_file(std::string(KIOSK_SOURCE_DIR) + "/docs/options.md");
    ASSERT_FALSE(docs.empty());
    std::regex row(R"(^\| `([a-z_]+(?:\.[a-z_]+)?)` \| ([^|]+) \| `([^`]*)` \| )");
    std::map<std::string, std::pair<std::string, std::string>> documented;
    std::istringstream lines(docs);
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        if (std::regex_search(line, m, row)) documented[m[1]] = {m[2], m[3]};
    }
    std::set<std::string> accepted;
    for (const auto& k : config_keys()) {
        accepted.insert(std::string(k.name));
        auto it = documented.find(std::string(k.name));
        if (it == documented.end()) {
            ADD_FAILURE() << k.name << " is accepted but not in docs/options.md";
            continue;
        }
        EXPECT_EQ(it->second.first, k.type) << k.name;
        EXPECT_EQ(it->second.second, k.default_text) << k.name;
    }
    for (const auto& [name, _] : documented) {
        EXPECT_TRUE(accepted.count(name)) << name << " is documented but the parser rejects it";
    }
}

TEST(ConfigImportOptions, ComeFromTheScreensConfig) {
    Config c;
    c.venue.timezone = "Europe/Vienna";
    const date::local_days today{date::year{2026} / 11 / 27};
    ImportOptions o = import_options(c, "program.txt", today);
    EXPECT_EQ(o.file_name, "program.txt");
    EXPECT_EQ(o.fallback_timezone, "Europe/Vienna");
    EXPECT_EQ(o.reference_day, today);
    EXPECT_EQ(o.year, std::nullopt);  // data.year = 0: the nearest year
    c.data.year = 2022;
    EXPECT_EQ(import_options(c, "program.txt", today).year, 2022);
}

// One config for a fleet: [screens.NAME] entries, each [screen] with its own keys over it.
TEST(Config, AFleetConfigGivesEachScreenItsOwnRoomAndSettings) {
    Config c = parse_ok(R"([screens.hall-a]
room = "Exhibit Hall A"
rotation = 90

[screen]
display = 1
rotation = 0

[screens.lobby]
room = "Mission City Ballroom"
)");
    ASSERT_EQ(c.screens.size(), 2u);
    // [screen] stands after the entry in the file and still underlies it.
    EXPECT_EQ(c.screens.at("hall-a").room, "Exhibit Hall A");
    EXPECT_EQ(c.screens.at("hall-a").rotation, 90);
    EXPECT_EQ(c.screens.at("hall-a").display, 1);
    EXPECT_EQ(c.screens.at("lobby").rotation, 0);
    auto lobby = for_screen(c, "lobby");
    ASSERT_TRUE(lobby.has_value());
    EXPECT_EQ(lobby->screen.room, "Mission City Ballroom");
    EXPECT_EQ(lobby->screen.display, 1);
    auto unknown = for_screen(c, "hall-b");
    ASSERT_FALSE(unknown.has_value());
    EXPECT_EQ(unknown.error().front().message,
              "no [screens.hall-b] entry for this screen (did you mean 'hall-a'?); the config "
              "has: hall-a, lobby");
    // Without a [screens] table, every screen takes the config as it is.
    Config plain = parse_ok("[screen]\nroom = \"Hall B\"\n");
    EXPECT_EQ(for_screen(plain, "anything")->screen.room, "Hall B");
}

TEST(Config, AFleetEntryTakesScreenKeysOnly) {
    EXPECT_EQ(only_error("[screens.hall-a]\nroom = \"A\"\nrotaton = 90\n"),
              "kiosk.toml:3: unknown key 'rotaton' for a screen (did you mean 'rotation'?)");
    EXPECT_EQ(only_error("[screens.hall-a]\nrotation = 45\n").rfind("kiosk.toml:2: ", 0), 0u);
    EXPECT_EQ(only_error("screens = 3\n"),
              "kiosk.toml:1: 'screens' must be a table of screens ([screens.hall-a]), not an "
              "integer");
}

}  // namespace
}  // namespace kiosk
