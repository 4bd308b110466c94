// The screen's setup, built in one place from the config, the command line and what the program
// pipeline made: `kiosk run` rebuilds it whenever the reload thread publishes a new Live, and
// `kiosk render` builds it once from the same pipeline, so both draw the same slides.
//
// Core cannot see the slides layer, so the config keeps plain values with the design's defaults;
// theme_from, deck_options_from and rotation_options_from are the one place they cross over,
// and tests check that a default config gives exactly the slides layer's defaults.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/cli.h"
#include "kiosk/app/reload.h"
#include "kiosk/core/board.h"
#include "kiosk/core/config.h"
#include "kiosk/core/overview.h"
#include "kiosk/render/window.h"
#include "kiosk/slides/deck.h"
#include "kiosk/slides/rotation.h"
#include "kiosk/slides/theme.h"

namespace kiosk {

// The board for an instant; an error when there is no usable program (the screen then shows
// the "no program loaded" slide and says why on stderr once).
using BoardSource = std::function<Result<Board>(Instant)>;

// Every room's now and next for an instant, on an overview screen.
using OverviewSource = std::function<Overview(Instant)>;

// What the command line decides about the screen itself (the room and program are applied to
// the config before the pipeline runs).
struct ScreenOverrides {
    std::optional<Size> windowed;  // --windowed WxH: an ordinary window instead of full screen
    std::string screenshot;        // --screenshot FILE: the first frame goes to this PNG, and the
                                   // next one after each SIGUSR1 (what is on screen now)
    std::string snapshot;  // `kiosk run`: the state folder's screen.png, rewritten as the picture
                           // changes (at most once a minute) and at once after each SIGUSR2
};

// --windowed and --screenshot; the error names the option.
Result<ScreenOverrides> screen_overrides(const Invocation& inv);

// Everything the screen needs; defaults in one place (the config's).
struct ScreenSetup {
    Config config;
    std::string room;      // the config's screen.room (while the program does not know it: the
                           // room shown before, Live::kept_room), else the program's first room
    std::string timezone;  // the venue's as resolved: the program's own, else the config's
    BoardSource boards;    // never empty
    // [screen] mode = "overview" with a program loaded: the deck is the overview; empty: the
    // room's own slides (or, with no program, the status slide).
    OverviewSource overviews;
    // What the header names: empty for the board's room; the venue's name (or "All rooms") on
    // an overview screen, where no one room is the screen's own.
    std::string title;
    Theme theme;                              // [theme]
    DeckOptions deck;                         // [slides], [clock]
    RotationOptions rotation;                 // [slides] dwell
    WindowOptions window;                     // [screen], and --windowed
    std::vector<Announcement> announcements;  // [[announcements]] and [announcement], all
    std::vector<FullMark> full;               // [full]: rooms staff marked full
    std::vector<std::string> font_dirs;       // where the Inter fonts may be
    std::string screenshot;                   // --screenshot
    std::string notice;    // for staff, in the header: what is wrong with this screen's setup
    std::string snapshot;  // the state folder's screen.png; empty: none
};

// The setup for what `live` holds (config, schedule, or why there is none) and the command line.
ScreenSetup screen_setup(const Live& live, const ScreenOverrides& overrides);

// "1920x1080" → {1920, 1080}, the x in any case; the error names the option.
Result<Size> parse_size(std::string_view text, std::string_view what);

Theme theme_from(const Config& config);
DeckOptions deck_options_from(const Config& config);
RotationOptions rotation_options_from(const Config& config);

// The config's [full] marks as the slides take them.
std::vector<FullMark> full_marks(const Config& config);
}  // namespace kiosk
