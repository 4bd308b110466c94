// Where the kiosk's time comes from. The scheduler takes instants; the app owns a Clock and asks
// it. Nothing below app/ reads the system clock: the real clock lives in kiosk/app/clock.h, and
// the clocks here run on time they are given, so tests never sleep.
#pragma once

#include <chrono>
#include <functional>
#include <string_view>

#include "kiosk/core/program.h"
#include "kiosk/core/result.h"

namespace kiosk {

class Clock {
  public:
    virtual ~Clock() = default;
    virtual Instant now() const = 0;
};

// Real time elapsed since some fixed point: a monotonic clock in the app, a counter in tests.
using ElapsedSource = std::function<std::chrono::nanoseconds()>;

// A rehearsal clock (`--now TIME --speed FACTOR`): starts at a chosen instant and runs `speed`
// times as fast as real time, so `--now 2022-08-29T08:40 --speed 60` plays the morning in
// minutes. Speed 0 stops it at its instant. Seconds are floored: the clock never shows a second
// before it has fully passed.
class RehearsalClock final : public Clock {
  public:
    RehearsalClock(Instant start, double speed, ElapsedSource elapsed);

    Instant now() const override;
    double speed() const { return speed_; }

    // The staff overlay's controls: jump to an instant, or change speed from where it is now.
    void set(Instant t);
    void set_speed(double speed);

  private:
    ElapsedSource elapsed_;
    Instant origin_;                      // the rehearsal instant when elapsed_() was...
    std::chrono::nanoseconds origin_at_;  // ...this
    double speed_;
};

// A clock that moves only when told: tests, and rendering at a fixed instant.
class FixedClock final : public Clock {
  public:
    explicit FixedClock(Instant t) : t_(t) {}

    Instant now() const override { return t_; }
    void set(Instant t) { t_ = t; }
    void advance(std::chrono::seconds d) { t_ += d; }

  private:
    Instant t_;
};

// The highest `--speed` accepted: a day in under 9 seconds is faster than a screen redraws.
inline constexpr double max_speed = 10000.0;

// `--speed FACTOR`: a number from 0 to max_speed ("60", "0.5"). `what` names the option.
Result<double> parse_speed(std::string_view text, std::string_view what);

}  // namespace kiosk
