// Tells systemd how the screen is doing (sd_notify): ready after the first frame, watchdog pings
// from the run loop, a one-line status, stopping.
//
// Built on libsystemd when the build found it, a no-op otherwise; outside a Type=notify service
// (no NOTIFY_SOCKET, e.g. `kiosk run` in a terminal) every call does nothing either. Sending
// never fails loudly: a screen must keep drawing even if the service manager went away.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

class ServiceNotifier {
  public:
    using Clock = std::chrono::steady_clock;

    // Reads the watchdog timeout once (WATCHDOG_USEC, honoured only when WATCHDOG_PID is unset
    // or names this process, as sd_watchdog_enabled does).
    ServiceNotifier();

    // True when built with libsystemd; without it nothing is ever sent.
    static bool supported();

    // READY=1, once: the first frame is on the screen. Later calls send nothing.
    void ready();

    // WATCHDOG=1 when half the watchdog timeout has passed since the last one (or none was sent
    // yet), so the run loop may call it every frame. Nothing when no watchdog is armed.
    void watchdog(Clock::time_point now);
    void watchdog() { watchdog(Clock::now()); }

    // The latest instant the run loop must call watchdog() again; none when no watchdog is
    // armed. A loop that sleeps until its next event bounds the sleep by this.
    std::optional<Clock::time_point> watchdog_due(Clock::time_point now) const;

    // The timeout systemd acts on (WatchdogSec=), when armed.
    std::optional<std::chrono::microseconds> watchdog_timeout() const { return watchdog_timeout_; }

    // STATUS=text for `systemctl status`, sent only when it differs from the last one. Line
    // breaks become spaces: the protocol is one assignment per line.
    void status(std::string_view text);

    // STOPPING=1, once: SIGTERM arrived and the screen is shutting down.
    void stopping();

  private:
    void send(const std::string& message);

    std::optional<std::chrono::microseconds> watchdog_timeout_;
    std::optional<Clock::time_point> last_watchdog_;
    std::string last_status_;
    bool ready_sent_ = false;
    bool stopping_sent_ = false;
};

}  // namespace kiosk
