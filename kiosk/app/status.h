// The status file: a JSON heartbeat for fleet monitoring, rewritten atomically on every change
// and at least once a minute, so "updated_at older than two minutes" means the screen is stuck.
//
//   {"room": "Exhibit Hall A",
//    "program": {"path": …, "sha256": …, "loaded_at": …, "origin": "file", "warnings": […]},
//    "now": ["Outstanding Papers"], "slide": "now", "last_error": null,
//    "missing_glyphs": ["U+F0000"], "missing_glyph_count": 1,
//    "clock": {"shown": "2022-08-29T09:10:00-07:00", "simulated": false, "speed": 1},
//    "started_at": "2022-08-29T14:02:11Z", "updated_at": "2022-08-29T16:10:00Z", …}
//
// "program" is null when no program is loaded; instants are UTC except the clock, which is what
// the screen shows, in the venue's zone.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/app/reload.h"
#include "kiosk/app/state_fs.h"

namespace kiosk {

// What the screen shows, as the render loop knows it.
struct ScreenState {
    std::string room;              // as on screen
    std::vector<std::string> now;  // titles of the sessions on now
    std::string slide;             // the slide on screen ("now", "talk-2")
    std::optional<Instant> shown;  // the clock as shown
    std::string timezone;          // the zone `shown` is shown in
    bool simulated = false;        // a rehearsal clock (`--now`, `--speed`, the overlay)
    double speed = 1.0;            // how fast that clock runs
    // Characters no installed font has ("U+F0000"), each drawn as a placeholder.
    std::vector<std::string> missing_glyphs = {};

    bool operator==(const ScreenState&) const = default;
};

std::string status_json(const Live& live, const ScreenState& screen, Instant started_at,
                        Instant updated_at);

class StatusFile {
  public:
    using Write = std::function<Result<Done>(std::string_view bytes)>;

    // Writes `path` atomically without fsync: a heartbeat rewritten every minute need not
    // survive a power cut, and an fsync could stall a frame on a slow card.
    StatusFile(std::string path, Instant started_at);
    // For tests: where the bytes go.
    StatusFile(Write write, Instant started_at);

    // Rewrites the file if what it says changed, or a minute has passed since the last write.
    // True when written; a failed write is logged by the caller through error().
    bool update(const Live& live, const ScreenState& screen, Instant wall);

    // When update must run next at the latest, to keep the minute's heartbeat.
    Instant due() const { return written_at_ + std::chrono::minutes{1}; }
    const std::optional<std::string>& error() const { return error_; }

  private:
    Write write_;
    Instant started_at_;
    Instant written_at_{};
    std::string last_;  // the last content written, without updated_at
    std::optional<std::string> error_;
};

}  // namespace kiosk
