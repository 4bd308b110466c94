// When the screen's picture is taken, and the thread that writes it (see screenshots.h).
#include "kiosk/app/screenshots.h"

#include <cstddef>
#include <cstdint>
#include <utility>

#include <malloc.h>

#include "kiosk/render/png.h"

namespace kiosk {

bool SnapshotSchedule::frame(Millis now, bool settled) {
    if (asked_ || (settled && (!taken_ || now - *taken_ >= interval))) {
        asked_ = false;
        changed_ = false;
        taken_ = now;
        return true;
    }
    changed_ = true;
    return false;
}

std::optional<SnapshotSchedule::Millis> SnapshotSchedule::due() const {
    if (!changed_ || !taken_) return std::nullopt;
    return *taken_ + interval;
}

PictureWriter::PictureWriter()
    : PictureWriter([](const std::string& path, const RunImage& image) {
          return write_file_atomic_with(
              path, Durability::unsynced, [&](const ByteWriter& put) -> Result<Done> {
                  auto png = encode_png(image, [&](const std::uint8_t* bytes, std::size_t n) {
                      return put(bytes, n);
                  });
                  if (!png) return fail(png.error());
                  return Done{};
              });
      }) {}

PictureWriter::PictureWriter(Save save) : save_(std::move(save)), thread_([this] { run(); }) {}

PictureWriter::~PictureWriter() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void PictureWriter::write(std::string path, Picture image) {
    {
        std::lock_guard lock(mutex_);
        waiting_.insert_or_assign(std::move(path), std::move(image));
    }
    wake_.notify_one();
}

std::optional<std::string> PictureWriter::take_error() {
    std::lock_guard lock(mutex_);
    return std::exchange(error_, std::nullopt);
}

void PictureWriter::wait_idle() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [this] { return waiting_.empty() && !writing_; });
}

void PictureWriter::run() {
    std::unique_lock lock(mutex_);
    while (true) {
        wake_.wait(lock, [this] { return stop_ || !waiting_.empty(); });
        if (waiting_.empty()) return;  // stopping, and everything asked for is written
        auto next = waiting_.extract(waiting_.begin());
        writing_ = true;
        lock.unlock();
        auto saved = save_(next.key(), *next.mapped());
        // The picture is freed here, the loop holding no other reference; glibc keeps what libpng
        // and the picture freed for reuse, which the trim gives back (measured in
        // docs/screen.md).
        next.mapped().reset();
        malloc_trim(0);
        lock.lock();
        writing_ = false;
        if (saved) {
            said_.clear();
        } else if (std::string why = to_string(saved.error().front()); why != said_) {
            said_ = why;
            error_ = std::move(why);
        }
        if (waiting_.empty()) idle_.notify_all();
    }
}

}  // namespace kiosk
