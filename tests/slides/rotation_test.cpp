// The rotation through the deck, stepped by a clock the test owns (no sleeping).
#include "kiosk/slides/rotation.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using ms = Millis;

Rotation three(ms now = ms(0)) {
    Rotation r({ms(10'000), ms(500), 10});
    r.set_slides({"now", "up-next", "around"}, false, now);
    return r;
}

TEST(Rotation, EachSlideStaysForTheDwellThenFadesOutAndIn) {
    auto r = three();
    EXPECT_EQ(r.view(ms(0)), (RotationView{0, 1.0}));
    EXPECT_EQ(r.view(ms(9'999)), (RotationView{0, 1.0}));
    EXPECT_EQ(r.view(ms(10'100)), (RotationView{0, 0.6}));
    EXPECT_EQ(r.view(ms(10'250)).slide, 1u);  // halfway: the next slide starts to fade in
    EXPECT_EQ(r.view(ms(10'400)).slide, 1u);
    EXPECT_NEAR(r.view(ms(10'400)).opacity, 0.6, 1e-9);
    r.advance(ms(10'500));
    EXPECT_EQ(r.current(), 1u);
    EXPECT_EQ(r.view(ms(10'500)), (RotationView{1, 1.0}));
}

TEST(Rotation, NextChangeIsTheFadeThenItsFramesThenTheNextFade) {
    auto r = three();
    EXPECT_EQ(r.next_change(ms(0)), ms(10'000));
    EXPECT_EQ(r.next_change(ms(10'000)), ms(10'100));  // 10 frames a second
    EXPECT_EQ(r.next_change(ms(10'130)), ms(10'200));  // on the grid, even when woken late
    EXPECT_EQ(r.next_change(ms(10'450)), ms(10'500));
    r.advance(ms(10'500));
    EXPECT_EQ(r.next_change(ms(10'500)), ms(20'500));
}

TEST(Rotation, WrapsAroundAndSkipsWholeCyclesAfterAGap) {
    auto r = three();
    r.advance(ms(3 * 10'500));
    EXPECT_EQ(r.current(), 0u);
    r.advance(ms(100 * 10'500 + 20));  // a suspended machine wakes up
    EXPECT_EQ(r.current(), 1u);
    EXPECT_EQ(r.view(ms(100 * 10'500 + 20)), (RotationView{1, 1.0}));
}

TEST(Rotation, ANewDeckKeepsTheSlideOnScreen) {
    auto r = three();
    r.advance(ms(10'600));
    ASSERT_EQ(r.current(), 1u);
    r.set_slides({"now", "talk-2", "up-next", "around"}, false, ms(12'000));
    EXPECT_EQ(r.current(), 2u);
    EXPECT_EQ(r.slides()[r.current()], "up-next");
    EXPECT_EQ(r.next_change(ms(12'000)), ms(20'500));  // its dwell is not restarted
}

TEST(Rotation, ASlideThatWentAwayIsReplacedAndShownAfresh) {
    auto r = three();
    r.advance(ms(21'000));
    ASSERT_EQ(r.current(), 2u);
    r.set_slides({"now", "up-next"}, false, ms(25'000));
    EXPECT_EQ(r.current(), 1u);
    EXPECT_EQ(r.next_change(ms(25'000)), ms(35'000));
}

TEST(Rotation, ANewSessionGoesBackToNow) {
    auto r = three();
    r.advance(ms(21'000));
    r.set_slides({"now", "up-next", "around"}, true, ms(22'000));
    EXPECT_EQ(r.current(), 0u);
    EXPECT_EQ(r.next_change(ms(22'000)), ms(32'000));
}

TEST(Rotation, OneSlideNeverChanges) {
    Rotation r;
    r.set_slides({"status"}, false, ms(0));
    EXPECT_EQ(r.next_change(ms(5)), ms::max());
    r.advance(ms(1'000'000));
    EXPECT_EQ(r.view(ms(1'000'000)), (RotationView{0, 1.0}));
    r.set_slides({}, false, ms(0));
    EXPECT_EQ(r.next_change(ms(5)), ms::max());
}

}  // namespace
}  // namespace kiosk
