// `kiosk run` unattended: the reload service, the status file, the metrics file and the staff
// overlay, joined to the screen's loop.
//
// The service loads and watches the files on its own thread; when it has a new Live it wakes the
// loop, which takes a setup made from it (screen_setup) in one step. Window settings ([screen]
// display, rotation, renderer, windowed) and the state dir, status file and metrics folder are
// read at start-up only: changing them needs a restart.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "kiosk/app/metrics.h"
#include "kiosk/app/reload_service.h"
#include "kiosk/app/screen_loop.h"
#include "kiosk/app/staff_requests.h"
#include "kiosk/app/status.h"
#include "kiosk/render/overlay.h"
#include "kiosk/render/window.h"

namespace kiosk {

// What staff see in the overlay: the files in use, warnings, rooms, the slides coming up, the
// clock and the announcement as they are in `live`, and `message`, the latest request's outcome.
OverlayView overlay_view(const Live& live, const ScreenState& state, const Deck& deck,
                         std::string message, Instant now);

class UnattendedLink final : public ScreenLink {
  public:
    // Starts the reload service (which loads everything, with the last-good fallbacks, before
    // this returns). `metrics`: none without a metrics folder. `log` gets one line per event,
    // from any thread.
    UnattendedLink(ProgramImporter import, ReloadOptions options, std::string status_file,
                   std::optional<MetricsFile> metrics, ScreenOverrides overrides,
                   std::function<void(const std::string&)> log);
    // The metrics' last word: kiosk_up 0.
    ~UnattendedLink() override;
    UnattendedLink(const UnattendedLink&) = delete;
    UnattendedLink& operator=(const UnattendedLink&) = delete;

    std::shared_ptr<const Live> live() const { return service_.live(); }

    // The first setup, from what start-up loaded.
    ScreenSetup first_setup();

    void connect(Window* window) override;
    std::optional<ScreenSetup> take() override;
    void before_frame(const ScreenState& state, const Deck& deck) override;
    LinkRequests after_frame(const ScreenState& state) override;
    std::chrono::steady_clock::time_point due() const override;
    std::optional<std::string> trouble() const override { return trouble_; }

  private:
    void wake();
    void report(const std::optional<std::string>& error, std::optional<std::string>& said,
                const char* what);

    RealFileSystem fs_;
    std::function<void(const std::string&)> log_;
    std::mutex wake_mutex_;
    Window* window_ = nullptr;  // guarded by wake_mutex_; set by connect()
    std::unique_ptr<StaffOverlay> overlay_;
    ReloadService service_;
    StaffRequests staff_;
    StatusFile status_;
    ScreenOverrides overrides_;
    std::shared_ptr<const Live> taken_;  // the Live the screen shows: the status file's source
    std::optional<std::string> status_error_;
    std::optional<MetricsFile> metrics_;  // none without a metrics folder
    std::optional<std::string> metrics_error_;
    ScreenState shown_;                   // as of the last frame: what the metrics' last word says
    std::string said_;                    // the staff message last logged
    std::uint64_t shown_generation_ = 0;  // the newest Live a frame was drawn of, as told
    std::optional<std::string> trouble_;  // the reload thread stuck, as of the last frame
};

}  // namespace kiosk
