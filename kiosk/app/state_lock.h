// One screen per state folder. Two screens sharing one would overwrite each other's last good
// copies, and one could come back showing the other's room; the second to start is refused,
// naming the folder and the screen that holds it.
#pragma once

#include <string>

#include "kiosk/core/result.h"

namespace kiosk {

class StateLock {
  public:
    // Takes `dir` (created when missing) for this process, through an flock(2) on `dir`/.lock,
    // which the kernel lets go when the process ends however it ends. An error when another
    // process holds it ("… is in use by another screen (process 1234) …") or it cannot be made.
    static Result<StateLock> take(const std::string& dir);

    StateLock(StateLock&& other) noexcept;
    StateLock& operator=(StateLock&&) = delete;
    StateLock(const StateLock&) = delete;
    StateLock& operator=(const StateLock&) = delete;
    ~StateLock();

  private:
    explicit StateLock(int fd) : fd_(fd) {}
    int fd_ = -1;
};

}  // namespace kiosk
