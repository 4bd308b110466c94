// The status file: a JSON heartbeat for fleet monitoring, rewritten atomically on every change
// and at least once a minute, so "updated_at older than two minutes" means the screen is stuck.
// The clock counts as changed once a minute, also when the screen shows seconds.
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

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/app/heartbeat_file.h"
#include "kiosk/app/reload.h"
#include "kiosk/app/state_fs.h"

namespace kiosk {

// Frames drawn since start-up and the time drawing them took, for the metrics' summary.
struct FrameTimes {
    std::uint64_t count = 0;
    double seconds = 0;  // all of them together

    bool operator==(const FrameTimes&) const = default;
};

// What the text cache holds (metrics, not the status file): the lines kept as pictures and the
// bytes of their pixels, which the cache keeps under its budget beyond what one frame needs.
struct CacheUse {
    std::size_t entries = 0;
    std::size_t bytes = 0;

    bool operator==(const CacheUse&) const = default;
};

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
    FrameTimes frames{};  // how drawing has gone so far (metrics, not the status file)
    CacheUse text_cache{};
    // Trouble beyond the files' (the reload thread stuck): the status file's last_error while
    // it lasts, whatever the files say.
    std::optional<std::string> trouble = {};

    bool operator==(const ScreenState&) const = default;
};

std::string status_json(const Live& live, const ScreenState& screen, Instant started_at,
                        Instant updated_at);

class StatusFile {
  public:
    using Write = HeartbeatFile::Write;

    // Writes `path` atomically without fsync (HeartbeatFile).
    StatusFile(std::string path, Instant started_at)
        : file_(std::move(path)), started_at_(started_at) {}
    // For tests: where the bytes go.
    StatusFile(Write write, Instant started_at)
        : file_(std::move(write)), started_at_(started_at) {}

    // Rewrites the file if what it says changed, or a minute has passed since the last write.
    // True when written; a failed write is logged by the caller through error().
    bool update(const Live& live, const ScreenState& screen, Instant wall);

    // When update must run next at the latest, to keep the minute's heartbeat.
    Instant due() const { return file_.due(); }
    const std::optional<std::string>& error() const { return file_.error(); }

  private:
    HeartbeatFile file_;
    Instant started_at_;
};

}  // namespace kiosk
