// Geometry checks on laid-out slides: what leaves the screen, what overlaps.
#include "kiosk/slides/slide.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(Slide, RectsOverlapOnlyWhenTheyShareArea) {
    EXPECT_TRUE(overlaps({0, 0, 10, 10}, {5, 5, 10, 10}));
    EXPECT_FALSE(overlaps({0, 0, 10, 10}, {10, 0, 10, 10}));  // touching edges are fine
    EXPECT_TRUE(contains({0, 0, 100, 100}, {0, 0, 100, 100}));
    EXPECT_FALSE(contains({0, 0, 100, 100}, {1, 0, 100, 100}));
}

TEST(Slide, CheckLayoutNamesTextThatLeavesTheScreenOrOverlaps) {
    Slide s;
    s.texts.push_back({{10, 10, 200, 40}, "Outstanding Papers", {}, {}});
    s.texts.push_back({{100, 30, 50, 40}, "Pathways", {}, {}});
    s.texts.push_back({{1900, 10, 100, 40}, "08:50", {}, {}});
    check_layout(s, {0, 0, 1920, 1080});
    ASSERT_EQ(s.problems.size(), 2u);
    EXPECT_EQ(s.problems[0].what, "text '08:50' at 1900,10 size 100x40 leaves the area 1920x1080");
    EXPECT_EQ(s.problems[1].what,
              "text 'Outstanding Papers' at 10,10 size 200x40 overlaps text 'Pathways' at 100,30 "
              "size 50x40");
}

TEST(Slide, KindNamesAreFileNameFriendly) {
    EXPECT_STREQ(to_string(SlideKind::up_next), "up-next");
    EXPECT_STREQ(to_string(SlideKind::announcement), "announcement");
}

}  // namespace
}  // namespace kiosk
