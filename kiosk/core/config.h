// The screen's configuration (kiosk.toml): one aggregate with every default and its meaning.
//
// Every key is declared once, as data, in config_keys.cpp (name, type, how to read it, how to show
// its default) and documented in docs/options.md; a test keeps the two in step. Defaults live
// here, in the member initialisers, and nowhere else. Paths are resolved against the config
// file's folder at parse time, so the rest of the kiosk only sees usable paths.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "kiosk/core/announcement.h"
#include "kiosk/core/hotkey.h"
#include "kiosk/core/import/importer.h"
#include "kiosk/core/program.h"
#include "kiosk/core/result.h"
#include "kiosk/core/scheduler.h"

namespace kiosk {

enum class RendererKind {
    software,  // SDL's software renderer: frugal on a box without a GPU (the default)
    gpu,       // SDL's accelerated renderer, for boxes with a real GPU
};

enum class ScreenMode {
    room,      // one room's sessions, the others as "around the venue" (the default)
    overview,  // every room's now and next on one screen, for an entrance or a lobby
};

enum class ClockFormat {
    h24,  // 09:10, 16:45
    h12,  // 9:10 a.m., 4:45 p.m.
};

struct VenueConfig {
    std::string name;              // [venue] name: shown on status slides; may be empty
    std::string timezone = "UTC";  // [venue] timezone: IANA zone for local times in the
                                   // program, unless the program names its own

    bool operator==(const VenueConfig&) const = default;
};

struct ScreenConfig {
    std::string room;  // [screen] room: the room this screen shows as its own; empty: the
                       // program's first room (a warning in check-config)
    ScreenMode mode = ScreenMode::room;  // [screen] mode: "room" or "overview"
    int display = 0;                     // [screen] display: SDL display index, 0 is the first
    int rotation = 0;  // [screen] rotation: 0, 90, 180 or 270 degrees clockwise, for a screen
                       // mounted on its side
    RendererKind renderer = RendererKind::software;  // [screen] renderer
    int windowed_width = 0;   // [screen] windowed "WxH": a window instead of full screen;
    int windowed_height = 0;  // 0 x 0: full screen (the default)

    bool operator==(const ScreenConfig&) const = default;
};

struct DataConfig {
    std::string program = "program.txt";  // [data] program: the program file, resolved against
                                          // the config file's folder
    std::string corrections;  // [data] corrections: staff corrections (TOML), resolved the
                              // same way; empty: none
    int year = 0;  // [data] year: pins the year of day pages (which carry none); 0: the year
                   // nearest to today in which the dates fall on their weekdays

    bool operator==(const DataConfig&) const = default;
};

struct SlidesConfig {
    int dwell_seconds = 10;  // [slides] dwell: seconds each slide stays, 3..600
    int talks = 3;           // [slides] talks: talk spotlights per session at most, 0..10
    std::vector<std::string> show = {"up_next", "talk", "around",
                                     "later"};  // [slides] show: slides in the rotation besides
                                                // Now, which always shows (as do the status and
                                                // announcement slides)

    bool operator==(const SlidesConfig&) const = default;
};

// Colours as "#RRGGBB". The defaults are the design's dark theme (the slides layer's Theme holds
// the same values; a test in tests/app checks they agree, since core cannot see that layer).
struct ThemeConfig {
    std::string background = "#0E1116";        // [theme] background: the screen
    std::string header = "#161B22";            // [theme] header: the band with room name and clock
    std::string panel = "#1C222B";             // [theme] panel: "next" panel, rows, notice band
    std::string track = "#2A313C";             // [theme] track: progress bar track, rotation dots
    std::string text = "#F2F4F8";              // [theme] text: titles, room name, clock
    std::string body = "#C9D1DB";              // [theme] body: abstracts
    std::string muted = "#A9B1BD";             // [theme] muted: times and relative times
    std::string faint = "#808893";             // [theme] faint: footer lines
    std::string on_kind = "#0E1116";           // [theme] on_kind: text on a kind-coloured chip
    std::string accent = "#5AA9FF";            // [theme] accent: the lit rotation dot
    std::string notice = "#F2B84B";            // [theme] notice: the announcements' chips
    std::string full = "#FF6B6B";              // [theme] full: the ROOM FULL badge
    std::string kind_fallback = "#8FA1B3";     // [theme] kind_fallback: kinds no word matches
    std::map<std::string, std::string> kinds;  // [theme] kinds: word in a session's kind ->
                                               // colour, checked before the design's own words

    bool operator==(const ThemeConfig&) const = default;
};

struct ClockConfig {
    ClockFormat format = ClockFormat::h24;  // [clock] format: "24h" or "12h"
    bool seconds = false;                   // [clock] seconds: show seconds (wakes every second)

    bool operator==(const ClockConfig&) const = default;
};

struct StaffConfig {
    Hotkey hotkey{true, true, false, "S"};  // [staff] hotkey: opens the staff overlay
    std::string pin;  // [staff] pin: 4 to 12 digits asked before the overlay opens; empty: none

    bool operator==(const StaffConfig&) const = default;
};

// The older form, one [announcement] table: read as one urgent announcement (announcements_of).
struct AnnouncementConfig {
    std::string text;  // [announcement] text: interrupts the rotation while set; empty: none
    std::optional<Instant> until;  // [announcement] until: when it stops (venue-local unless
                                   // it carries an offset); none: until staff remove it

    bool operator==(const AnnouncementConfig&) const = default;
};

struct StateConfig {
    std::string dir;          // [state] dir: last-good copies of the files; empty: $STATE_DIRECTORY
                              // (systemd), else $XDG_STATE_HOME/kiosk, else ~/.local/state/kiosk
    std::string status_file;  // [state] status_file: the JSON heartbeat; empty: status.json in
                              // the state dir
    std::string metrics_dir;  // [state] metrics_dir: where the Prometheus metrics file goes
                              // (node_exporter's textfile collector folder); empty: no metrics

    bool operator==(const StateConfig&) const = default;
};

struct Config {
    VenueConfig venue;
    ScreenConfig screen;
    // [screens.NAME]: one config for a whole fleet. Each entry is [screen] with the entry's own
    // keys (any of screen.*: room, rotation, display, renderer, windowed) over it; a screen picks
    // its entry by its machine name or `--screen NAME` (for_screen below).
    std::map<std::string, ScreenConfig> screens;
    DataConfig data;
    SlidesConfig slides;
    ThemeConfig theme;
    ClockConfig clock;
    // [durations] kinds, fallback, talk and [venue] unassigned fill the scheduler's own settings,
    // whose defaults are the scheduler's (kiosk/core/scheduler.h).
    ScheduleSettings schedule;
    StaffConfig staff;
    AnnouncementConfig announcement;          // the older form; see announcements_of
    std::vector<Announcement> announcements;  // [[announcements]], in the file's order
    // [full]: rooms staff marked full, room (as written, matched like screen.room) -> when the
    // mark ends. A mark whose end has passed stays in the file and shows nothing.
    std::map<std::string, Instant> full;
    StateConfig state;

    bool operator==(const Config&) const = default;
};

// The config as the screen called `name` uses it: its [screens.NAME] entry as [screen]. A config
// with no [screens] table serves every screen as it is. An error when the table has no entry for
// `name`; the message names the screens it has.
Result<Config> for_screen(Config config, std::string_view name);

// Every announcement of the config, whether it applies now or not: the older [announcement]
// (when it has text) first, as the urgent announcement it always was, then [[announcements]].
std::vector<Announcement> announcements_of(const Config& config);

// The slide names `[slides] show` accepts.
const std::vector<std::string_view>& rotating_slide_names();

// One accepted key, for docs/options.md and its test.
struct ConfigKeyInfo {
    std::string_view name;     // "screen.rotation"
    std::string_view type;     // "integer", "string", "path", "colour", "table of strings", …
    std::string default_text;  // the default as TOML would write it: `0`, `"software"`
};

// Every key the parser accepts, in the order docs/options.md lists them.
const std::vector<ConfigKeyInfo>& config_keys();

// Parses a config's text. `file` names it in diagnostics (as the user named it); relative paths
// are resolved against `base_dir` (the config file's folder; empty: as written). Unknown keys
// and bad values are errors with file:line; parsing goes on to report up to 16 of them.
Result<Config> parse_config(std::string_view text, std::string_view file,
                            const std::string& base_dir);

// Warnings about a config that parses: things that work but are probably not meant.
Diagnostics config_warnings(const Config& config, std::string_view file);

// Returns `text` with the string key `key` ("announcement.text") set to `value`, everything else
// (comments, order, other keys) kept, so staff using the overlay do not lose the file's comments.
// Refuses a file that does not parse, a bad value (with the parser's message), and an edit that
// would change anything else.
Result<std::string> set_config_string(std::string_view text, std::string_view file,
                                      std::string_view key, std::string_view value);

// Returns `text` with the entry `entry` of the table `table` ("full", "theme.kinds") set to the
// string `value`, or taken out when `value` is none; entries that name the same thing (case and
// spaces aside, as rooms and kinds are matched) are replaced or taken out with it. Comments,
// order and every other key are kept, and the result is parsed and checked to differ only there
// before it comes back: a file whose layout does not allow that is refused, as is a bad value
// (with the parser's message).
Result<std::string> set_config_entry(std::string_view text, std::string_view file,
                                     std::string_view table, std::string_view entry,
                                     std::optional<std::string_view> value);

// The same with every entry of `table` taken out.
Result<std::string> clear_config_table(std::string_view text, std::string_view file,
                                       std::string_view table);

// The line `key` ("screen.room") is set on in a config's text; 0 when it is not set there or the
// text is not TOML.
int config_key_line(std::string_view text, std::string_view key);

// Whether the string key `key` of `config` holds `value` (false for a key that is not a string).
bool config_string_is(const Config& config, std::string_view key, std::string_view value);

// set_config_string(text, file, "screen.room", room).
Result<std::string> set_screen_room(std::string_view text, std::string_view file,
                                    std::string_view room);

// What a screen's config tells every importer: venue.timezone as the fallback zone, data.year
// pinned when set (0 leaves it to `reference_day`). `reference_day` is today, or the day being
// rehearsed, from the app's clock: core never reads it.
ImportOptions import_options(const Config& config, std::string file_name,
                             date::local_days reference_day);

}  // namespace kiosk
