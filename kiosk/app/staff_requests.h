// What staff ask for at the screen's staff overlay, carried out without the render thread ever
// waiting: clock and quit requests go straight back to the loop; config edits (room,
// announcement) and reloads go to the reload thread, whose answer arrives later and wakes the
// screen. What staff read is always the outcome of their latest request. An announcement is
// added beside the others, and "clear" clears only the ones staff saw; a program held back as cut
// short is shown when staff accept it.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>

#include "kiosk/app/reload_service.h"
#include "kiosk/app/screen_loop.h"
#include "kiosk/render/overlay.h"

namespace kiosk {

class StaffRequests {
  public:
    // `wake` is called from the reload thread when an answer arrives (the screen's Window::wake).
    StaffRequests(ReloadService& service, std::function<void()> wake);

    // Carries out one request; a time is read in `timezone` (the zone the screen shows), a time
    // of day ("10:30") on the day of `shown` (the instant on screen; none: the real clock's).
    // Returns at once: an edit says "Saving…" until the reload thread has applied it.
    void carry_out(const OverlayRequest& r, const std::string& timezone, LinkRequests& out,
                   std::optional<Instant> shown = std::nullopt);

    // What to tell staff now: "Room set to Hall B", "Saving…", or "Not done: " and why.
    std::string message() const;

  private:
    // "Saving…" now, and what to call with the reload thread's answer.
    ReloadService::Outcome later(std::string done_message);
    void edit(ConfigEdits edits, std::string done_message, ConfigEdits unless_changed = {});
    void say(std::uint64_t request, std::string message);

    ReloadService& service_;
    std::function<void()> wake_;
    mutable std::mutex mutex_;
    std::uint64_t asked_ = 0;  // guarded: requests made so far; an older answer is not shown
    std::string message_;      // guarded
};

}  // namespace kiosk
