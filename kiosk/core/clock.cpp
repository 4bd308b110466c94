// Rehearsal clocks and the --speed option (see clock.h).
#include "kiosk/core/clock.h"

#include <charconv>
#include <cmath>
#include <string>
#include <utility>

namespace kiosk {

RehearsalClock::RehearsalClock(Instant start, double speed, ElapsedSource elapsed)
    : elapsed_(std::move(elapsed)), origin_(start), origin_at_(elapsed_()), speed_(speed) {}

Instant RehearsalClock::now() const {
    // A source that went backwards (it should be monotonic) holds the clock still, never back.
    const auto real = std::max(std::chrono::nanoseconds{0}, elapsed_() - origin_at_);
    const double scaled = static_cast<double>(real.count()) * speed_ / 1e9;
    return origin_ +
           std::chrono::seconds{static_cast<std::chrono::seconds::rep>(std::floor(scaled))};
}

void RehearsalClock::set(Instant t) {
    origin_ = t;
    origin_at_ = elapsed_();
}

void RehearsalClock::set_speed(double speed) {
    set(now());
    speed_ = speed;
}

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

}  // namespace kiosk
