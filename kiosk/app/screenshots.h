// Pictures of what the screen shows, as PNG files: when the state folder's screen.png is due, and
// a thread that compresses and writes them, so a picture never holds up a frame.
//
// Reading the pixels is the render thread's (a few ms at 1920x1080, packed as runs of a colour as
// they are read, render/run_image.h); compressing them is not (tens of ms, several frames of a
// fade). The loop hands the packed pixels over (shared, so one picture for --screenshot and
// screen.png is held once) and goes on drawing; libpng compresses them a row at a time
// (render/png.h) into a temporary file that is then renamed into place, so a fleet tool copying
// screen.png never gets half a picture.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/app/state_fs.h"
#include "kiosk/render/run_image.h"

namespace kiosk {

// When the state folder's picture is due. The first settled frame is taken; after that, the first
// settled frame once a minute has passed since the last picture, if the picture changed since
// (a slide change, a minute of the clock, a new program); and the next frame at once when asked
// (SIGUSR2). A frame in the middle of a fade is not settled: it would show two slides at once.
class SnapshotSchedule {
  public:
    using Millis = std::chrono::milliseconds;
    static constexpr Millis interval{60'000};

    // A frame was drawn at `now` (the loop's clock); true: take its picture.
    bool frame(Millis now, bool settled);
    // The next frame is wanted, fade or not.
    void ask() { asked_ = true; }
    // When the loop should draw again for a change that is waiting for the minute to pass
    // (nothing else may draw before then: a screen that shows one slide); none when none waits.
    std::optional<Millis> due() const;

  private:
    std::optional<Millis> taken_;  // when the last picture was taken
    bool changed_ = false;         // a frame was drawn since that the last picture does not show
    bool asked_ = false;
};

// Compresses and writes PNG files on a thread of its own.
class PictureWriter {
  public:
    using Picture = std::shared_ptr<const RunImage>;
    using Save = std::function<Result<Done>(const std::string& path, const RunImage& image)>;

    // encode_png into a temporary file renamed into place, without fsync: a picture rewritten every
    // minute need not survive a power cut, and an fsync on a slow card would only delay the next
    // one.
    PictureWriter();
    // For tests: what writing a picture does.
    explicit PictureWriter(Save save);
    // Writes what is waiting, then stops: the picture asked for just before SIGTERM still lands.
    ~PictureWriter();
    PictureWriter(const PictureWriter&) = delete;
    PictureWriter& operator=(const PictureWriter&) = delete;

    // Never waits for the writing. A picture for a file that is still waiting replaces it: the
    // newest picture is what is wanted, and a slow disk cannot make a queue of them.
    void write(std::string path, Picture image);

    // A failure not reported before (said once, not every minute); cleared by a good write.
    std::optional<std::string> take_error();

    // Returns once every picture asked for is written (for tests, which may not sleep).
    void wait_idle();

  private:
    void run();

    Save save_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable idle_;
    std::map<std::string, Picture> waiting_;  // guarded by mutex_: the newest picture per file
    bool writing_ = false;                    // guarded by mutex_: one is being written now
    bool stop_ = false;                       // guarded by mutex_
    std::optional<std::string> error_;        // guarded by mutex_: the latest failure, unsaid
    std::string said_;                        // guarded by mutex_: the failure last reported
    std::thread thread_;                      // last: started once the rest is ready
};

}  // namespace kiosk
