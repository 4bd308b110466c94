// `kiosk run` and `kiosk render`: what they share (config and program turned into options and a
// source of boards) and the screen's loop.
//
// The loop sleeps until the next thing that changes the picture: the clock's minute (or second,
// with [clock] seconds), the next slide or fade frame, or an event. A board is asked for when the
// venue minute changes; the deck is rebuilt from it; the rotation decides what is on screen.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/cli.h"
#include "kiosk/app/status.h"
#include "kiosk/core/board.h"
#include "kiosk/core/config.h"
#include "kiosk/render/window.h"
#include "kiosk/slides/deck.h"
#include "kiosk/slides/rotation.h"

namespace kiosk {

// The board for an instant; an error when there is no usable program (the screen then shows
// the "no program loaded" slide and says why on stderr once).
using BoardSource = std::function<Result<Board>(Instant)>;

// Everything the screen needs, from the config and the command line, defaults in one place.
struct ScreenSetup {
    Config config;
    std::string room;          // as typed, or from [screen] room
    std::string timezone;      // the venue's, for the clock before any program is loaded
    BoardSource boards;        // never empty
    Theme theme;               // [theme]
    DeckOptions deck;          // [slides], [clock]
    RotationOptions rotation;  // [slides] dwell
    WindowOptions window;      // [screen]
    std::optional<Announcement> announcement;  // [announcement]
    std::vector<std::string> font_dirs;        // where the Inter fonts may be
    std::string screenshot;  // --screenshot: the first frame goes to this PNG file, and the
                             // next one after each SIGUSR1 (kill -USR1: what is on screen now)
};

// Reads `--config` (or the defaults), the program (`--data`, else the config's), and prepares
// boards for `room` (`--room`, else the config's). `reference` is the day that resolves day
// pages' missing years. Errors are printed to io.err; nothing on success.
std::optional<ScreenSetup> load_setup(const Invocation& inv, date::local_days reference,
                                      CommandIo io);

// What the link asks of the loop after a frame (the staff overlay's clock controls, quit).
struct LinkRequests {
    std::optional<Instant> set_clock;  // rehearse from this instant
    std::optional<double> set_speed;   // rehearse at this speed
    bool real_time = false;            // back to the real clock
    bool quit = false;
    bool redraw = false;  // the overlay opened, closed or changed: draw again
};

// What joins a running screen to the unattended machinery (file watching and reload, the status
// file, the staff overlay): `kiosk run` passes one, `run_screen` works without.
class ScreenLink {
  public:
    virtual ~ScreenLink() = default;
    // Once the window is open; nullptr before it closes. The link may wake it from any thread
    // and attach the staff overlay to it.
    virtual void connect(Window* window) = 0;
    // Asked whenever the loop wakes: a new setup when the files changed since the last call.
    virtual std::optional<ScreenSetup> take() = 0;
    // Before a frame may be drawn: what is on screen and the deck (for the overlay's preview).
    virtual void before_frame(const ScreenState& state, const Deck& deck) = 0;
    // After it: the status file, and the staff's requests.
    virtual LinkRequests after_frame(const ScreenState& state) = 0;
    // The loop wakes by then at the latest (the status file's heartbeat, the overlay).
    virtual std::chrono::steady_clock::time_point due() const = 0;
};

// Everything but the boards, from a config and the command line (`--room`, `--windowed`,
// `--screenshot`); fails only on a bad `--windowed`, said on io.err.
std::optional<ScreenSetup> setup_from_config(const Invocation& inv, Config config, CommandIo io);

// "1920x1080" → {1920, 1080}; the error names the option.
Result<Size> parse_size(std::string_view text, std::string_view what);

// The screen's loop; returns the exit code (0 after SIGTERM, SIGINT or the window closing).
// `now`: the rehearsal start (`--now`), else real time; `speed` its rate.
// `link`: where new setups come from and what is shown goes to; none for a fixed setup.
int run_screen(const ScreenSetup& setup, std::optional<Instant> now, double speed, CommandIo io,
               ScreenLink* link = nullptr);

}  // namespace kiosk
