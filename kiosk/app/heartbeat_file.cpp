// The heartbeat's rewrite policy (see heartbeat_file.h).
#include "kiosk/app/heartbeat_file.h"

#include <utility>

namespace kiosk {

HeartbeatFile::HeartbeatFile(std::string path)
    : write_([path = std::move(path)](std::string_view bytes) {
          return write_file_atomic(path, bytes, Durability::unsynced);
      }) {}

bool HeartbeatFile::update(std::string key, const std::function<std::string()>& bytes, Instant wall,
                           bool force) {
    if (!force && key == last_ && wall < due()) return false;
    auto written = write_(bytes());
    last_ = std::move(key);
    written_at_ = wall;
    if (!written) {
        error_ = to_string(written.error().front());
        return false;
    }
    error_.reset();
    return true;
}

}  // namespace kiosk
