// Where one frame differs from the next: the areas a screen draws again.
#include "kiosk/slides/damage.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

constexpr Size screen{1920, 1080};

TextRun text(std::string s, Rect box) { return {box, std::move(s), {Weight::regular, 40, {}}, {}}; }

Slide header(const std::string& clock) {
    Slide s;
    s.kind = SlideKind::chrome;
    s.fills = {{{0, 0, 1920, 120}, {30, 34, 43, 255}, 0}};
    s.texts = {text("Exhibit Hall A", {64, 30, 500, 60}), text(clock, {1700, 30, 150, 60})};
    return s;
}

Slide body(const std::string& title) {
    Slide s;
    s.kind = SlideKind::now;
    s.fills = {{{64, 200, 200, 48}, {80, 160, 255, 255}, 24}};
    s.texts = {text(title, {64, 300, 1200, 90}), text("ends in about 70 min", {64, 420, 600, 50})};
    return s;
}

int area(const std::vector<Rect>& rects) {
    int a = 0;
    for (const auto& r : rects) a += r.w * r.h;
    return a;
}

TEST(ChangedAreas, NoneWhenTheFrameIsTheSame) {
    Slide h = header("08:50");
    Slide b = body("Outstanding Papers");
    Slide h2 = h;
    Slide b2 = b;
    EXPECT_TRUE(changed_areas({&b, 1.0, &h}, {&b2, 1.0, &h2}, screen).empty());
}

TEST(ChangedAreas, TheClocksMinuteIsTheClocksInkBoxOnly) {
    Slide b = body("Outstanding Papers");
    Slide before = header("08:50");
    Slide after = header("08:51");
    auto areas = changed_areas({&b, 1.0, &before}, {&b, 1.0, &after}, screen);
    ASSERT_EQ(areas.size(), 1u);
    EXPECT_EQ(areas[0], ink_box(after.texts[1]));
    EXPECT_TRUE(contains(areas[0], after.texts[1].box));
    EXPECT_LT(area(areas), screen.w * screen.h / 50);  // under 2% of the screen
}

TEST(ChangedAreas, AFadeStepIsEveryElementOfTheSlideAndNothingOfTheHeader) {
    Slide h = header("08:50");
    Slide b = body("Outstanding Papers");
    auto areas = changed_areas({&b, 1.0, &h}, {&b, 0.75, &h}, screen);
    ASSERT_FALSE(areas.empty());
    for (const auto& t : b.texts) {
        bool held = false;
        for (const auto& a : areas) held = held || contains(a, t.box);
        EXPECT_TRUE(held) << t.text;
    }
    for (const auto& a : areas) EXPECT_GE(a.y, 120) << "the header does not fade";
}

TEST(ChangedAreas, ANewSlideIsBothSlidesElementsAndTheMovedDot) {
    Slide h = header("08:50");
    Slide a = body("Outstanding Papers");
    Slide b = body("Distributed and Parallel Learning");
    b.texts[1].box.y = 500;  // moved
    auto areas = changed_areas({&a, 1.0, &h}, {&b, 1.0, &h}, screen);
    // The title line changed (old and new ink), the subtitle moved (old and new place); the
    // fill and the header did not.
    for (const auto& t : {a.texts[0], b.texts[0], a.texts[1], b.texts[1]}) {
        bool held = false;
        for (const auto& r : areas) held = held || contains(r, ink_box(t));
        EXPECT_TRUE(held) << t.text << " at y=" << t.box.y;
    }
    for (const auto& r : areas) EXPECT_FALSE(overlaps(r, a.fills[0].box));
}

TEST(ChangedAreas, ElementsThatSwapTheirDrawingOrderChangeBoth) {
    Slide h = header("08:50");
    Slide a = body("x");
    a.fills.push_back({{100, 210, 50, 20}, {255, 0, 0, 255}, 0});
    Slide b = a;
    std::swap(b.fills[0], b.fills[1]);  // the small red one now lies under the blue chip
    auto areas = changed_areas({&a, 1.0, &h}, {&b, 1.0, &h}, screen);
    bool held = false;
    for (const auto& r : areas) held = held || contains(r, a.fills[1].box);
    EXPECT_TRUE(held);
}

TEST(ChangedAreas, TouchingAreasAreMergedAndMostOfTheScreenIsTheWholeScreen) {
    Slide h = header("08:50");
    Slide a;
    Slide b;
    b.texts = {text("one", {100, 300, 200, 50}), text("two", {100, 350, 200, 50})};
    auto areas = changed_areas({&a, 1.0, &h}, {&b, 1.0, &h}, screen);
    ASSERT_EQ(areas.size(), 1u);  // the two lines' ink boxes overlap: one area
    EXPECT_TRUE(contains(areas[0], b.texts[0].box));
    EXPECT_TRUE(contains(areas[0], b.texts[1].box));

    Slide big;
    big.fills = {{{0, 100, 1920, 960}, {1, 2, 3, 255}, 0}};
    auto whole = changed_areas({&a, 1.0, &h}, {&big, 1.0, &h}, screen);
    ASSERT_EQ(whole.size(), 1u);
    EXPECT_EQ(whole[0], (Rect{0, 0, 1920, 1080}));
}

TEST(ChangedAreas, AreasStayOnTheScreenAndASlideAtZeroOpacityDrawsNothing) {
    Slide h = header("08:50");
    Slide edge;
    edge.texts = {text("Later here: 13:00", {1800, 1040, 200, 60})};
    auto areas = changed_areas({nullptr, 1.0, &h}, {&edge, 1.0, &h}, screen);
    ASSERT_EQ(areas.size(), 1u);
    EXPECT_LE(areas[0].right(), screen.w);
    EXPECT_LE(areas[0].bottom(), screen.h);
    // Gone at 0 and absent are the same picture.
    EXPECT_TRUE(changed_areas({&edge, 0.0, &h}, {nullptr, 1.0, &h}, screen).empty());
}

}  // namespace
}  // namespace kiosk
