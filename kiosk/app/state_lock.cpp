// One screen per state folder (see state_lock.h).
#include "kiosk/app/state_lock.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace kiosk {

namespace {

Diagnostic problem(const std::string& dir, const std::string& what) {
    return Diagnostic{"", 0, Severity::error, "state folder " + dir + ": " + what};
}

}  // namespace

Result<StateLock> StateLock::take(const std::string& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::string path = (std::filesystem::path(dir) / ".lock").string();
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0)
        return fail(problem(dir, "cannot make its lock: " + std::string(std::strerror(errno))));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int err = errno;
        char pid[32] = {};
        ssize_t n = ::pread(fd, pid, sizeof pid - 1, 0);
        ::close(fd);
        if (err != EWOULDBLOCK) {
            return fail(problem(dir, "cannot lock it: " + std::string(std::strerror(err))));
        }
        std::string holder = n > 0 ? std::string(pid, static_cast<std::size_t>(n)) : "";
        while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' '))
            holder.pop_back();
        return fail(
            problem(dir, "in use by another screen" +
                             (holder.empty() ? std::string() : " (process " + holder + ")") +
                             "; give each screen its own (--state-dir, [state] dir, or "
                             "one kiosk@NAME per screen)"));
    }
    // Who holds it, for the message above; the lock itself is the flock, not this text.
    std::string me = std::to_string(::getpid()) + "\n";
    if (::ftruncate(fd, 0) != 0 || ::pwrite(fd, me.data(), me.size(), 0) < 0) {
        // The lock holds without the text; the message then names no process.
    }
    return StateLock(fd);
}

StateLock::StateLock(StateLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

StateLock::~StateLock() {
    if (fd_ >= 0) ::close(fd_);
}

}  // namespace kiosk
