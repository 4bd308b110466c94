// The Reloader on a thread of its own, woken by inotify, by requests and every two seconds, so
// reading and importing never hold up a frame. The render loop takes the newest Live when told.
#pragma once

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "kiosk/app/reload.h"
#include "kiosk/app/watch.h"

namespace kiosk {

class ReloadService {
  public:
    // Called on the service's thread after each new Live; must be safe to call from any thread
    // (the screen's is Window::wake).
    using Notify = std::function<void()>;

    // Loads everything once (start-up fallbacks included) before returning, so the first frame
    // has what there is to show, then starts watching.
    ReloadService(FileSystem& fs, ProgramImporter import, ReloadOptions options, Notify notify);
    ~ReloadService();  // stops the thread and waits for it
    ReloadService(const ReloadService&) = delete;
    ReloadService& operator=(const ReloadService&) = delete;

    std::shared_ptr<const Live> live() const;

    // The screen drew a frame of the Live with `generation` (Reloader::shown), on this thread.
    void shown(std::uint64_t generation);

    // Why the reload thread is not to be trusted: it has not finished a loop for three of its
    // periods ("the reload thread is stuck since 2022-08-29T16:10:02Z"); none while it is well.
    // `now` and `wall` are the same instant on the two clocks. Safe from any thread.
    std::optional<std::string> stuck(std::chrono::steady_clock::time_point now, Instant wall) const;

    // How many times the thread has looked at the files (Reloader::tick): on news (an inotify
    // event about a watched name, a request, a signal) and every two seconds; not for events
    // about other files in the same folders. Safe from any thread.
    std::uint64_t checks() const { return checks_; }

    // Staff's "reload now".
    void reload_now();
    // Staff's room or announcement: rewrites the config and applies it on the service's thread;
    // `done` is called there with the outcome once live() has it. Never waits: the render
    // thread asks and goes on drawing.
    using Outcome = std::function<void(Result<Done>)>;
    // `unless_changed`: see Reloader::set_config.
    void set_config(ConfigEdits edits, Outcome done, ConfigEdits unless_changed = {});
    // Staff's announcements (Reloader::edit_config), answered like set_config.
    void edit_config(ConfigTextEdit edit, std::string what, Outcome done);
    // Staff's "Accept the held-back program", answered like set_config.
    void accept_held_back(Outcome done);

  private:
    void run();
    void post(std::function<void()> task);
    void publish_if_new();
    void save_shown();
    Millis elapsed() const;

    Reloader reloader_;
    FolderWatcher watcher_;
    Notify notify_;
    std::chrono::steady_clock::time_point t0_;
    int wake_fd_ = -1;  // eventfd: tasks queued, or stop
    mutable std::mutex mutex_;
    std::shared_ptr<const Live> live_;         // guarded by mutex_
    std::deque<std::function<void()>> tasks_;  // guarded by mutex_
    bool stop_ = false;                        // guarded by mutex_
    // When the thread last finished a loop (or started), steady-clock nanoseconds: written by
    // it, read by the render thread.
    std::atomic<std::int64_t> beat_{0};
    std::atomic<std::uint64_t> shown_{0};   // the newest generation drawn (shown())
    std::atomic<std::uint64_t> checks_{0};  // see checks()
    std::uint64_t saved_ = 0;               // the newest the Reloader was told of
    std::thread thread_;                    // last: started once the rest is ready
};

}  // namespace kiosk
