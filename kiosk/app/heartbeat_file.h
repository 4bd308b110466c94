// A small file rewritten atomically when what it says changes, and at least once a minute while
// the screen runs, never for a frame alone: the status file and the metrics file.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/app/state_fs.h"
#include "kiosk/core/time.h"

namespace kiosk {

class HeartbeatFile {
  public:
    using Write = std::function<Result<Done>(std::string_view bytes)>;

    // Writes `path` atomically without fsync: a heartbeat rewritten every minute need not
    // survive a power cut, and an fsync could stall a frame on a slow card.
    explicit HeartbeatFile(std::string path);
    // For tests: where the bytes go.
    explicit HeartbeatFile(Write write) : write_(std::move(write)) {}

    // Writes `bytes()` when `key` (what the file says, without what changes on every write: its
    // own time, frame counts) differs from the last one, or a minute has passed since the last
    // write, or `force`. True when written; a failure is kept in error() until a write succeeds.
    // Written or not, the next write waits for a change or the minute: a full disk is not retried
    // every frame.
    bool update(std::string key, const std::function<std::string()>& bytes, Instant wall,
                bool force = false);

    // When update must run next at the latest, to keep the minute's heartbeat.
    Instant due() const { return written_at_ + std::chrono::minutes{1}; }
    const std::optional<std::string>& error() const { return error_; }

  private:
    Write write_;
    Instant written_at_{};
    std::string last_;  // the key of the last write
    std::optional<std::string> error_;
};

}  // namespace kiosk
