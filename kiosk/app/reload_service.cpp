// The reload thread: poll(2) on inotify and an eventfd, with the reloader's deadlines.
#include "kiosk/app/reload_service.h"

#include <algorithm>

#include <date/date.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "kiosk/app/signals.h"
#include "kiosk/app/venue_clock.h"

namespace kiosk {

namespace {

// The fallback for what inotify cannot see (symlink targets, folders created later, no inotify).
constexpr Millis periodic_check{2000};
// A loop takes well under a period; three without one is a thread blocked (a read that never
// returns, an import that never ends), not a slow disk.
constexpr Millis stuck_after = 3 * periodic_check;

std::int64_t ticks(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

}  // namespace

ReloadService::ReloadService(FileSystem& fs, ProgramImporter import, ReloadOptions options,
                             Notify notify)
    : reloader_(fs, std::move(import), std::move(options)),
      notify_(std::move(notify)),
      t0_(std::chrono::steady_clock::now()),
      wake_fd_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
    reloader_.start(elapsed(), wall_now());
    live_ = reloader_.live();
    watcher_.watch(reloader_.watched_paths());
    beat_ = ticks(std::chrono::steady_clock::now());
    wake_on_hangup(wake_fd_);  // SIGHUP (signals.h) wakes this thread at once
    thread_ = std::thread([this] { run(); });
}

ReloadService::~ReloadService() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    std::uint64_t one = 1;
    if (::write(wake_fd_, &one, sizeof one) < 0) {
        // The eventfd cannot be full after one write; nothing else to do on the way out.
    }
    thread_.join();
    save_shown();
    reloader_.stopping();
    stop_waking_on_hangup(wake_fd_);
    ::close(wake_fd_);
}

Millis ReloadService::elapsed() const {
    return std::chrono::duration_cast<Millis>(std::chrono::steady_clock::now() - t0_);
}

std::shared_ptr<const Live> ReloadService::live() const {
    std::lock_guard lock(mutex_);
    return live_;
}

void ReloadService::post(std::function<void()> task) {
    {
        std::lock_guard lock(mutex_);
        tasks_.push_back(std::move(task));
    }
    std::uint64_t one = 1;
    if (::write(wake_fd_, &one, sizeof one) < 0) {
        // Only fails when the counter would overflow: the thread is already due to wake.
    }
}

void ReloadService::shown(std::uint64_t generation) {
    shown_ = generation;
    post({});
}

// On this thread, or once it has stopped: a frame drawn just before SIGTERM still counts.
void ReloadService::save_shown() {
    if (std::uint64_t g = shown_; g > saved_) {
        reloader_.shown(g);
        saved_ = g;
    }
}

std::optional<std::string> ReloadService::stuck(std::chrono::steady_clock::time_point now,
                                                Instant wall) const {
    auto silent = std::chrono::nanoseconds(ticks(now) - beat_.load());
    if (silent < stuck_after) return std::nullopt;
    auto since = date::floor<std::chrono::seconds>(
        wall - std::chrono::duration_cast<std::chrono::system_clock::duration>(silent));
    return "the reload thread is stuck since " + date::format("%FT%TZ", since) +
           ": file changes and staff requests are not applied";
}

void ReloadService::reload_now() {
    post([this] {
        reloader_.reload_all();
        reloader_.tick(elapsed(), wall_now());
    });
}

void ReloadService::set_config(ConfigEdits edits, Outcome done, ConfigEdits unless_changed) {
    post([this, edits = std::move(edits), done = std::move(done),
          unless_changed = std::move(unless_changed)] {
        auto result = reloader_.set_config(edits, elapsed(), wall_now(), unless_changed);
        publish_if_new();  // before the caller hears: it reads live() next
        if (done) done(std::move(result));
    });
}

void ReloadService::edit_config(ConfigTextEdit edit, std::string what, Outcome done) {
    post([this, edit = std::move(edit), what = std::move(what), done = std::move(done)] {
        auto result = reloader_.edit_config(edit, what, elapsed(), wall_now());
        publish_if_new();
        if (done) done(std::move(result));
    });
}

void ReloadService::accept_held_back(Outcome done) {
    post([this, done = std::move(done)] {
        auto result = reloader_.accept_held_back(elapsed(), wall_now());
        publish_if_new();
        if (done) done(std::move(result));
    });
}

void ReloadService::publish_if_new() {
    auto latest = reloader_.live();
    {
        std::lock_guard lock(mutex_);
        if (latest == live_) return;
        live_ = latest;
    }
    if (notify_) notify_();
}

void ReloadService::run() {
    Millis next_check = elapsed() + periodic_check;
    auto watched = reloader_.watched_paths();
    while (true) {
        Millis now = elapsed();
        Millis until = next_check;
        if (auto d = reloader_.deadline()) until = std::min(until, *d);
        int timeout = static_cast<int>(std::clamp<Millis::rep>((until - now).count(), 0, 60'000));
        pollfd fds[2] = {{wake_fd_, POLLIN, 0}, {watcher_.fd(), POLLIN, 0}};
        int ready = ::poll(fds, watcher_.fd() >= 0 ? 2 : 1, timeout);
        bool woken = (fds[0].revents & POLLIN) != 0;
        if (woken) {
            std::uint64_t count = 0;
            if (::read(wake_fd_, &count, sizeof count) < 0) count = 0;
        }
        // A folder the config or program lives in can be busy with other files (/tmp, a home
        // folder): only events about the watched names are news.
        bool news = false;
        if (watcher_.fd() >= 0 && (fds[1].revents & POLLIN)) news = watcher_.drain();
        std::deque<std::function<void()>> tasks;
        {
            std::lock_guard lock(mutex_);
            if (stop_) return;
            tasks.swap(tasks_);
        }
        bool hangup = take_hangup();
        now = elapsed();
        if (!woken && !news && tasks.empty() && !hangup && ready > 0 && now < until) {
            beat_ = ticks(std::chrono::steady_clock::now());
            continue;
        }
        for (auto& task : tasks) {
            if (task) task();
        }
        save_shown();
        if (hangup) reloader_.reload_all("SIGHUP: reading the config and its files again");
        now = elapsed();
        if (now >= next_check) {
            // Folders that appeared since, or were replaced: watch them (again).
            watcher_.watch(reloader_.watched_paths());
            next_check = now + periodic_check;
        }
        reloader_.tick(now, wall_now());
        ++checks_;
        if (auto paths = reloader_.watched_paths(); paths != watched) {
            watcher_.watch(paths);
            watched = std::move(paths);
        }
        publish_if_new();
        beat_ = ticks(std::chrono::steady_clock::now());
    }
}

}  // namespace kiosk
