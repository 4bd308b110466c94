// `kiosk run` unattended: the reload service, the status file and the staff overlay, joined to
// the screen's loop.
//
// The service loads and watches the files on its own thread; when it has a new Live it wakes the
// loop, which takes a setup made from it (boards from the new schedule, theme and slides from the
// new config) in one step. Window settings ([screen] display, rotation, renderer, windowed) and
// the state dir and status file are read at start-up only: changing them needs a restart.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>

#include "kiosk/app/reload_service.h"
#include "kiosk/app/run.h"
#include "kiosk/app/status.h"
#include "kiosk/render/overlay.h"
#include "kiosk/render/window.h"

namespace kiosk {

// What `kiosk run` needs before the reloader runs: where the state dir and status file are,
// and the zone `--now` is read in. From the command line, else from the config file when it
// parses, else the defaults (a broken config cannot say where its own last good copy is).
struct RunStart {
    std::string state_dir;
    std::string status_file;
    std::string timezone;
};

RunStart run_start(const Invocation& inv, const EnvFn& env);

// `base` (window, fonts, --windowed, --screenshot) with everything a Live decides: the config's
// theme, slides, clock and announcement, the room (the program's first when none is set), and
// boards from the live schedule, or the reason there is none.
ScreenSetup setup_from_live(ScreenSetup base, const Live& live);

// Carries out one staff request from the overlay: config edits and reloads through `service`,
// clock and quit requests into `out` for the loop (a time is read in `timezone`). Returns what
// to tell the staff: "Room set to Hall B", or "Not done: " and why.
std::string carry_out(const OverlayRequest& r, ReloadService& service, const std::string& timezone,
                      LinkRequests& out);

class UnattendedLink final : public ScreenLink {
  public:
    // Starts the reload service (which loads everything, with the last-good fallbacks, before
    // this returns). `log` gets one line per event, from any thread.
    UnattendedLink(ProgramImporter import, ReloadOptions options, std::string status_file,
                   std::function<void(const std::string&)> log);

    std::shared_ptr<const Live> live() const { return service_.live(); }
    ReloadService& service() { return service_; }

    // The first setup, from what start-up loaded.
    ScreenSetup first_setup(const ScreenSetup& base);

    void connect(Window* window) override;
    std::optional<ScreenSetup> take() override;
    void before_frame(const ScreenState& state, const Deck& deck) override;
    LinkRequests after_frame(const ScreenState& state) override;
    std::chrono::steady_clock::time_point due() const override;

  private:
    void wake();

    RealFileSystem fs_;
    std::function<void(const std::string&)> log_;
    std::mutex wake_mutex_;
    Window* window_ = nullptr;  // guarded by wake_mutex_; set by connect()
    std::unique_ptr<StaffOverlay> overlay_;
    std::string overlay_message_;  // the outcome of the last staff request
    ReloadService service_;
    StatusFile status_;
    ScreenSetup base_;
    std::shared_ptr<const Live> taken_;  // the Live the screen shows: the status file's source
    std::optional<std::string> status_error_;
};

}  // namespace kiosk
