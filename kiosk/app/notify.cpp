// sd_notify for the screen (see notify.h): libsystemd when present, nothing otherwise.
#include "kiosk/app/notify.h"

#include <algorithm>

#ifdef KIOSK_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace kiosk {

ServiceNotifier::ServiceNotifier() {
#ifdef KIOSK_HAVE_SYSTEMD
    std::uint64_t usec = 0;
    // > 0 only when WATCHDOG_USEC is set and WATCHDOG_PID (if set) is this process, so a child
    // that inherited the variables does not ping on its parent's behalf.
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        watchdog_timeout_ = std::chrono::microseconds(usec);
    }
#endif
}

bool ServiceNotifier::supported() {
#ifdef KIOSK_HAVE_SYSTEMD
    return true;
#else
    return false;
#endif
}

void ServiceNotifier::ready() {
    if (ready_sent_) return;
    ready_sent_ = true;
    send("READY=1");
}

void ServiceNotifier::watchdog(Clock::time_point now) {
    if (!watchdog_timeout_) return;
    if (last_watchdog_ && now - *last_watchdog_ < *watchdog_timeout_ / 2) return;
    last_watchdog_ = now;
    send("WATCHDOG=1");
}

std::optional<ServiceNotifier::Clock::time_point> ServiceNotifier::watchdog_due(
    Clock::time_point now) const {
    if (!watchdog_timeout_) return std::nullopt;
    if (!last_watchdog_) return now;
    return *last_watchdog_ + std::chrono::duration_cast<Clock::duration>(*watchdog_timeout_ / 2);
}

void ServiceNotifier::status(std::string_view text) {
    std::string line(text);
    std::replace(line.begin(), line.end(), '\n', ' ');
    if (line == last_status_) return;
    last_status_ = line;
    send("STATUS=" + line);
}

void ServiceNotifier::stopping() {
    if (stopping_sent_) return;
    stopping_sent_ = true;
    send("STOPPING=1");
}

void ServiceNotifier::send(const std::string& message) {
#ifdef KIOSK_HAVE_SYSTEMD
    // A negative result (socket gone, manager restarting) is ignored on purpose: the screen goes
    // on drawing, and a missed WATCHDOG=1 is what the watchdog is for.
    (void)sd_notify(0, message.c_str());
#else
    (void)message;
#endif
}

}  // namespace kiosk
