// The screen's loop, and what joins it to the unattended machinery.
//
// The loop sleeps until the next thing that changes the picture: the clock's minute (or second,
// with [clock] seconds), the next slide or fade frame, or an event. A board is asked for when the
// venue minute changes; the deck is rebuilt from it; the rotation decides what is on screen.
// Nothing in the loop reads a file or waits on another thread.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "kiosk/app/cli.h"
#include "kiosk/app/screen_setup.h"
#include "kiosk/app/status.h"
#include "kiosk/app/venue_clock.h"
#include "kiosk/render/window.h"
#include "kiosk/slides/deck.h"

namespace kiosk {

// What the link asks of the loop after a frame (the staff overlay's clock controls, quit).
struct LinkRequests {
    std::optional<Instant> set_clock;  // rehearse from this instant
    std::optional<double> set_speed;   // rehearse at this speed
    bool real_time = false;            // back to the real clock
    bool quit = false;
    bool redraw = false;  // the overlay opened, closed or changed: draw again

    bool clock_changed() const { return set_clock || set_speed || real_time; }
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
    // After it: the status file, and the staff's requests. Never blocks.
    virtual LinkRequests after_frame(const ScreenState& state) = 0;
    // Trouble the systemd status line must say ahead of the board (the reload thread stuck), as
    // of the last after_frame; none while all is well.
    virtual std::optional<std::string> trouble() const { return std::nullopt; }
    // The loop wakes by then at the latest (the status file's heartbeat, the overlay).
    virtual std::chrono::steady_clock::time_point due() const = 0;
};

// The screen's loop; returns the exit code (0 after SIGTERM, SIGINT or the window closing).
// `clock`: real time or a rehearsal, which the staff overlay may change. `link`: where new
// setups come from and what is shown goes to; none for a fixed setup.
// `setup` is the loop's own: once the link gives another, nothing holds the first one's program.
int run_screen(ScreenSetup setup, VenueClock clock, CommandIo io, ScreenLink* link = nullptr);

}  // namespace kiosk
