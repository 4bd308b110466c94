// The venue clock, real and rehearsed, run on fake sources of time: no test sleeps.
#include "kiosk/app/venue_clock.h"

#include <gtest/gtest.h>

#include "kiosk/core/time.h"

namespace kiosk {
namespace {

using namespace std::chrono_literals;

Instant at(std::string_view text) {
    return parse_instant(text, *find_zone("America/Los_Angeles").value(), "test").value();
}

// Monotonic and wall time that move only when the test says so.
struct FakeTime {
    std::chrono::nanoseconds elapsed{123'456'789'000};  // not zero: differences must be used
    std::chrono::system_clock::time_point wall{at("2022-08-29T16:00").time_since_epoch()};
    VenueClock clock() {
        return VenueClock([this] { return elapsed; }, [this] { return wall; });
    }
};

TEST(VenueClock, RealTimeIsTheWallClock) {
    FakeTime t;
    VenueClock clock = t.clock();
    EXPECT_FALSE(clock.simulated());
    EXPECT_EQ(clock.now(), at("2022-08-29T16:00"));
    t.wall += 90s + 999ms;
    EXPECT_EQ(clock.now(), at("2022-08-29T16:01:30"));
    EXPECT_EQ(clock.until_next(60s), 29'001ms + 5ms);
}

TEST(VenueClock, ARehearsalStartsWhereToldAndRunsAtItsSpeed) {
    FakeTime t;
    VenueClock clock = t.clock();
    clock.rehearse(at("2022-08-29T08:40"), 60.0);
    EXPECT_TRUE(clock.simulated());
    EXPECT_EQ(clock.now(), at("2022-08-29T08:40"));
    t.elapsed += 1s;
    t.wall += 1h;  // the wall clock no longer matters
    EXPECT_EQ(clock.now(), at("2022-08-29T08:41"));
    t.elapsed += 30s;
    EXPECT_EQ(clock.now(), at("2022-08-29T09:11"));
    // The next venue minute is one real second away at 60 times real time.
    EXPECT_EQ(clock.until_next(60s), 1005ms);
}

// An announcement's start or end: the real time until the venue clock reaches it.
TEST(VenueClock, TheWaitForAnInstantFollowsTheSpeed) {
    FakeTime t;
    VenueClock clock = t.clock();
    clock.rehearse(at("2022-08-29T08:40"), 2.0);
    EXPECT_EQ(clock.until(at("2022-08-29T08:40:16")), 8005ms);
    EXPECT_EQ(clock.until(at("2022-08-29T08:39")), 0ms);  // already passed: at once
    clock.set_speed(0.0);
    EXPECT_EQ(clock.until(at("2022-08-29T08:40:16")), std::nullopt);  // a stopped clock
}

// When a ROOM FULL mark ends between two minutes, the screen wakes at its end.
TEST(VenueClock, UntilAnInstantRunsAtTheClocksSpeed) {
    FakeTime t;
    VenueClock clock = t.clock();
    EXPECT_EQ(clock.until(at("2022-08-29T16:00:30")), 30'005ms);
    EXPECT_EQ(clock.until(at("2022-08-29T15:00")), 0ms);  // passed: at once
    clock.rehearse(at("2022-08-29T08:40"), 60.0);
    EXPECT_EQ(clock.until(at("2022-08-29T09:40")), 60'005ms);
    clock.set_speed(0.0);
    EXPECT_EQ(clock.until(at("2022-08-29T09:40")), std::nullopt);
}

TEST(VenueClock, SecondsAreFlooredAtRealSpeed) {
    FakeTime t;
    VenueClock clock = t.clock();
    clock.rehearse(at("2022-08-29T08:40"), 1.0);
    t.elapsed += 999ms;
    EXPECT_EQ(clock.now(), at("2022-08-29T08:40"));
    t.elapsed += 1ms;
    EXPECT_EQ(clock.now(), at("2022-08-29T08:40:01"));
}

TEST(VenueClock, SlowFrozenAndAJumpOrSpeedChangeContinueFromThere) {
    FakeTime t;
    VenueClock clock = t.clock();
    clock.rehearse(at("2022-08-29T08:40"), 0.5);
    t.elapsed += 10s;
    EXPECT_EQ(clock.now(), at("2022-08-29T08:40:05"));
    clock.set_speed(0.0);
    t.elapsed += 1h;
    EXPECT_EQ(clock.now(), at("2022-08-29T08:40:05"));
    EXPECT_EQ(clock.until_next(60s), std::nullopt);  // a stopped clock never ticks
    clock.set(at("2022-08-29T13:20"));
    clock.set_speed(2.0);
    t.elapsed += 30s;
    EXPECT_EQ(clock.now(), at("2022-08-29T13:21"));
    EXPECT_EQ(clock.speed(), 2.0);
    clock.real_time();
    EXPECT_FALSE(clock.simulated());
    EXPECT_EQ(clock.speed(), 1.0);
    EXPECT_EQ(clock.now(), at("2022-08-29T16:00"));
}

TEST(VenueClock, ASourceGoingBackwardsHoldsTheRehearsal) {
    FakeTime t;
    VenueClock clock = t.clock();
    clock.rehearse(at("2022-08-29T08:40"), 1.0);
    t.elapsed -= 5s;
    EXPECT_EQ(clock.now(), at("2022-08-29T08:40"));
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
