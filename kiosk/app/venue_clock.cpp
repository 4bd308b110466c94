// The venue clock and the --speed option (see venue_clock.h).
#include "kiosk/app/venue_clock.h"

#include <charconv>
#include <cmath>
#include <string>

namespace kiosk {

Result<double> parse_speed(std::string_view text, std::string_view what) {
    // from_chars, not strtod: "0.5" must not depend on the locale's decimal point.
    double v = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() ||
        !std::isfinite(v) || v < 0.0 || v > max_speed) {
        return fail(Diagnostic{"", 0, Severity::error,
                               std::string(what) + ": expected a speed factor from 0 to 10000 " +
                                   "(1 is real time, 60 an hour a minute), got '" +
                                   std::string(text) + "'"});
    }
    return v;
}

Instant wall_now() { return date::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

date::local_days today() {
    return date::local_days{
        date::floor<date::days>(std::chrono::system_clock::now()).time_since_epoch()};
}

VenueClock::VenueClock()
    : VenueClock(
          [t0 = std::chrono::steady_clock::now()] { return std::chrono::steady_clock::now() - t0; },
          [] { return std::chrono::system_clock::now(); }) {}

VenueClock::VenueClock(Elapsed elapsed, Wall wall)
    : elapsed_(std::move(elapsed)), wall_(std::move(wall)) {}

void VenueClock::rehearse(Instant start, double speed) {
    rehearsal_ = Rehearsal{start, elapsed_(), speed};
}

void VenueClock::set(Instant t) { rehearse(t, speed()); }

void VenueClock::set_speed(double speed) { rehearse(now(), speed); }

void VenueClock::real_time() { rehearsal_.reset(); }

std::chrono::system_clock::time_point VenueClock::precise() const {
    if (!rehearsal_) return wall_();
    // A source that went backwards (it should be monotonic) holds the clock still, never back.
    const auto real = std::max(std::chrono::nanoseconds{0}, elapsed_() - rehearsal_->origin_at);
    const double scaled = std::floor(static_cast<double>(real.count()) * rehearsal_->speed);
    return std::chrono::system_clock::time_point{rehearsal_->origin.time_since_epoch()} +
           std::chrono::duration_cast<std::chrono::system_clock::duration>(
               std::chrono::nanoseconds{static_cast<std::chrono::nanoseconds::rep>(scaled)});
}

Instant VenueClock::now() const { return date::floor<std::chrono::seconds>(precise()); }

std::optional<std::chrono::milliseconds> VenueClock::until_next(std::chrono::seconds tick) const {
    using std::chrono::milliseconds;
    if (speed() <= 0.0) return std::nullopt;
    auto t = std::chrono::duration_cast<milliseconds>(precise().time_since_epoch());
    auto venue_left = milliseconds(tick) - t % milliseconds(tick);
    return milliseconds(static_cast<long long>(static_cast<double>(venue_left.count()) / speed())) +
           milliseconds(5);
}

std::optional<std::chrono::milliseconds> VenueClock::until(Instant t) const {
    using std::chrono::milliseconds;
    if (speed() <= 0.0) return std::nullopt;
    auto left = std::chrono::duration_cast<milliseconds>(t - precise());
    if (left.count() <= 0) return milliseconds(0);
    return milliseconds(static_cast<long long>(static_cast<double>(left.count()) / speed())) +
           milliseconds(5);
}

}  // namespace kiosk
