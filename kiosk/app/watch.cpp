// inotify on the watched files' folders (see watch.h).
#include "kiosk/app/watch.h"

#include <cerrno>
#include <filesystem>

#include <sys/inotify.h>
#include <unistd.h>

namespace kiosk {

namespace {

// Every way a file can appear, change or go: written in place, closed after writing, renamed in
// or out, created, deleted, its mode or owner changed; and the folder itself going away.
constexpr std::uint32_t folder_events = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_MOVED_TO |
                                        IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF |
                                        IN_MOVE_SELF | IN_ONLYDIR;

std::string folder_of(const std::string& file) {
    auto parent = std::filesystem::path(file).parent_path();
    return parent.empty() ? "." : parent.string();
}

}  // namespace

FolderWatcher::FolderWatcher() : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}

FolderWatcher::~FolderWatcher() {
    if (fd_ >= 0) ::close(fd_);
}

void FolderWatcher::watch(const std::vector<std::string>& files) {
    if (fd_ < 0) return;
    std::map<std::string, std::set<std::string>> wanted;
    for (const auto& f : files) {
        wanted[folder_of(f)].insert(std::filesystem::path(f).filename().string());
    }
    for (auto it = folders_.begin(); it != folders_.end();) {
        if (wanted.count(it->first) == 0) {
            ::inotify_rm_watch(fd_, it->second);
            names_.erase(it->second);
            it = folders_.erase(it);
        } else {
            ++it;
        }
    }
    names_.clear();
    for (const auto& [folder, names] : wanted) {
        // Adding an existing watch again returns the same descriptor; a missing folder fails
        // and is retried on the next call.
        int wd = ::inotify_add_watch(fd_, folder.c_str(), folder_events);
        if (wd < 0) {
            folders_.erase(folder);
            continue;
        }
        folders_[folder] = wd;
        names_[wd] = names;
    }
}

bool FolderWatcher::drain() {
    if (fd_ < 0) return false;
    bool relevant = false;
    alignas(inotify_event) char buf[16 * 1024];
    while (true) {
        ssize_t n = ::read(fd_, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // EAGAIN: nothing more queued
        for (char* p = buf; p < buf + n;) {
            const auto* e = reinterpret_cast<const inotify_event*>(p);
            p += sizeof(inotify_event) + e->len;
            if (e->mask & (IN_Q_OVERFLOW | IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
                relevant = true;
                continue;
            }
            auto it = names_.find(e->wd);
            if (it != names_.end() && e->len > 0 && it->second.count(e->name) != 0) {
                relevant = true;
            }
        }
    }
    return relevant;
}

}  // namespace kiosk
