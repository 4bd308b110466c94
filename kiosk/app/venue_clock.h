// The venue clock: what time the screen and the commands think it is at the venue. Real time, or
// a rehearsal (`--now TIME --speed FACTOR`, the staff overlay's clock controls) that starts at a
// chosen instant and runs `speed` times as fast, so `--now 2022-08-29T08:40 --speed 60` plays
// the morning in minutes. Speed 0 stops it at its instant.
//
// The one place in the kiosk that reads the system clock; both of its sources are injected, so
// tests run it on time they move themselves and never sleep.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string_view>

#include "kiosk/core/program.h"
#include "kiosk/core/result.h"

namespace kiosk {

// The highest `--speed` accepted: a day in under 9 seconds is faster than a screen redraws.
inline constexpr double max_speed = 10000.0;

// `--speed FACTOR`: a number from 0 to max_speed ("60", "0.5"). `what` names the option.
Result<double> parse_speed(std::string_view text, std::string_view what);

// Now, on the system clock, to the second.
Instant wall_now();

// Today, as the system clock has it. Day pages resolve years to within ±6 years of it, so the
// UTC day serves wherever the venue is.
date::local_days today();

class VenueClock {
  public:
    using Elapsed = std::function<std::chrono::nanoseconds()>;  // monotonic, from any origin
    using Wall = std::function<std::chrono::system_clock::time_point()>;

    // Real time from the system clock; a rehearsal measures its progress on the steady clock.
    VenueClock();
    // For tests: both sources of time.
    VenueClock(Elapsed elapsed, Wall wall);

    // A rehearsal from `start` at `speed` (the command line's --now and --speed).
    void rehearse(Instant start, double speed);
    // The staff overlay's controls: jump to an instant (keeping the speed), change the speed from
    // where the clock is now, or go back to real time.
    void set(Instant t);
    void set_speed(double speed);
    void real_time();

    bool simulated() const { return rehearsal_.has_value(); }
    double speed() const { return rehearsal_ ? rehearsal_->speed : 1.0; }

    // The venue instant, floored to the second: the clock never shows a second before it has
    // fully passed.
    Instant now() const;
    // The same with the precision of its source, for timing wake-ups.
    std::chrono::system_clock::time_point precise() const;

    // Real time until the venue clock next reaches a multiple of `tick` (a minute, a second),
    // a few milliseconds late rather than early so the wake-up finds the new minute; none when
    // the clock is stopped (speed 0).
    std::optional<std::chrono::milliseconds> until_next(std::chrono::seconds tick) const;
    // Real time until the venue clock reaches `t` (an announcement's start or end, the end of a
    // room's full mark), a few milliseconds late rather than early; zero once it has; none when
    // the clock is stopped.
    std::optional<std::chrono::milliseconds> until(Instant t) const;

  private:
    struct Rehearsal {
        Instant origin;                      // the rehearsal instant when elapsed_() was...
        std::chrono::nanoseconds origin_at;  // ...this
        double speed = 1.0;
    };

    Elapsed elapsed_;
    Wall wall_;
    std::optional<Rehearsal> rehearsal_;
};

}  // namespace kiosk
