// Rehearsal and fixed clocks, run on a fake source of real time: no test sleeps.
#include "kiosk/core/clock.h"

#include <gtest/gtest.h>

#include "kiosk/core/time.h"

namespace kiosk {
namespace {

using namespace std::chrono_literals;

Instant at(std::string_view text) {
    return parse_instant(text, *find_zone("America/Los_Angeles").value(), "test").value();
}

// Real time that moves only when the test says so.
struct FakeRealTime {
    std::chrono::nanoseconds t{123'456'789'000};  // not zero: the clock must use differences
    ElapsedSource source() {
        return [this] { return t; };
    }
};

TEST(RehearsalClock, StartsWhereToldAndRunsAtItsSpeed) {
    FakeRealTime real;
    RehearsalClock clock(at("2022-08-29T08:40"), 60.0, real.source());
    EXPECT_EQ(clock.now(), at("2022-08-29T08:40"));
    real.t += 1s;
    EXPECT_EQ(clock.now(), at("2022-08-29T08:41"));
    real.t += 30s;
    EXPECT_EQ(clock.now(), at("2022-08-29T09:11"));
}

TEST(RehearsalClock, RealTimeAtSpeedOneAndSecondsFloored) {
    FakeRealTime real;
    RehearsalClock clock(at("2022-08-29T08:40"), 1.0, real.source());
    real.t += 999ms;
    EXPECT_EQ(clock.now(), at("2022-08-29T08:40"));
    real.t += 1ms;
    EXPECT_EQ(clock.now(), at("2022-08-29T08:40:01"));
}

TEST(RehearsalClock, SlowFrozenAndAJumpOrSpeedChangeContinueFromThere) {
    FakeRealTime real;
    RehearsalClock clock(at("2022-08-29T08:40"), 0.5, real.source());
    real.t += 10s;
    EXPECT_EQ(clock.now(), at("2022-08-29T08:40:05"));
    clock.set_speed(0.0);
    real.t += 1h;
    EXPECT_EQ(clock.now(), at("2022-08-29T08:40:05"));
    clock.set(at("2022-08-29T13:20"));
    clock.set_speed(2.0);
    real.t += 30s;
    EXPECT_EQ(clock.now(), at("2022-08-29T13:21"));
    EXPECT_EQ(clock.speed(), 2.0);
}

TEST(RehearsalClock, ASourceGoingBackwardsHoldsTheClock) {
    FakeRealTime real;
    RehearsalClock clock(at("2022-08-29T08:40"), 1.0, real.source());
    real.t -= 5s;
    EXPECT_EQ(clock.now(), at("2022-08-29T08:40"));
}

TEST(FixedClock, MovesOnlyWhenTold) {
    FixedClock clock(at("2022-08-29T09:10"));
    EXPECT_EQ(clock.now(), at("2022-08-29T09:10"));
    clock.advance(5min);
    EXPECT_EQ(clock.now(), at("2022-08-29T09:15"));
    clock.set(at("2022-08-30T00:00"));
    EXPECT_EQ(clock.now(), at("2022-08-30T00:00"));
}

TEST(ParseSpeed, NumbersFromZeroToTheLimit) {
    EXPECT_EQ(parse_speed("60", "--speed").value(), 60.0);
    EXPECT_EQ(parse_speed("0.5", "--speed").value(), 0.5);
    EXPECT_EQ(parse_speed("0", "--speed").value(), 0.0);
    EXPECT_EQ(parse_speed("10000", "--speed").value(), 10000.0);
}

TEST(ParseSpeed, AnythingElseSaysWhatItExpected) {
    for (const char* bad : {"", "fast", "-1", "60x", "10001", "nan", "inf", " 60"}) {
        auto r = parse_speed(bad, "--speed");
        ASSERT_FALSE(r.has_value()) << bad;
        EXPECT_EQ(r.error().front().message,
                  std::string("--speed: expected a speed factor from 0 to 10000 (1 is real time, "
                              "60 an hour a minute), got '") +
                      bad + "'");
    }
}

}  // namespace
}  // namespace kiosk
