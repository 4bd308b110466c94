// sd_notify for the screen (see notify.h): libsystemd when present, nothing otherwise.
#include "kiosk/app/notify.h"

#include <algorithm>

#include <date/tz.h>

#ifdef KIOSK_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

#include "kiosk/core/time.h"

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

namespace {

// "at 13:00", "at ≈ 10:00", or "(time to be announced)" for a session with no time.
std::string when(const std::optional<Instant>& t, bool estimated, const date::time_zone* zone,
                 std::string_view word) {
    if (!t || zone == nullptr) return "(time to be announced)";
    return std::string(word) + (estimated ? " ≈ " : " ") + format_hhmm(*t, *zone);
}

// "Tue 30 Aug 09:00": for a session on another day than the board's.
std::string day_and_time(const std::optional<Instant>& t, const date::time_zone* zone) {
    if (!t || zone == nullptr) return "time to be announced";
    return date::format("%a %d %b %H:%M", date::make_zoned(zone, *t));
}

// The first title, and how many more start together ("Oral A + 1 more").
std::string titles(const std::vector<BoardSession>& sessions) {
    std::string out = sessions.front()->title;
    if (sessions.size() > 1) out += " + " + std::to_string(sessions.size() - 1) + " more";
    return out;
}

}  // namespace

std::string status_line(const Board& board) {
    auto found = find_zone(board.timezone);
    const date::time_zone* zone = found ? found.value() : nullptr;
    std::string line = board.room + ": ";
    switch (board.status) {
        case RoomStatus::in_session: {
            if (board.now.empty()) return line + "in session";
            const BoardSession& on = board.now.front();
            line += "now " + titles(board.now);
            if (on->end) line += " " + when(on->end, on->end_estimated, zone, "until");
            if (on.on_stage) line += ", on stage " + on->talks[*on.on_stage].label;
            return line;
        }
        case RoomStatus::before_first_session:
        case RoomStatus::between_sessions:
            if (board.next.empty()) return line + "between sessions";
            return line + "next " + titles(board.next) + " " +
                   when(board.next.front()->start, false, zone, "at");
        case RoomStatus::after_last_session:
            line += "nothing more today";
            break;
        case RoomStatus::before_conference:
            line += "before the conference";
            break;
        case RoomStatus::after_conference:
            return line + "the conference is over";
    }
    if (board.next_day_first) {
        const BoardSession& first = *board.next_day_first;
        line += ", next " + first->title + " (" + day_and_time(first->start, zone) + ")";
    }
    return line;
}

}  // namespace kiosk
