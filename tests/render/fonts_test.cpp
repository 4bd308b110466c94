// The Inter fonts through SDL_ttf: found, measured, and big enough to read from five metres.
#include "kiosk/render/fonts.h"

#include <gtest/gtest.h>

#include "kiosk/slides/deck.h"

namespace kiosk {
namespace {

const std::string font_dir = std::string(KIOSK_SOURCE_DIR) + "/assets/fonts";

TEST(Fonts, MissingFontsNameEveryFolderTried) {
    auto f = FontSet::open({"/nonexistent/a", "/nonexistent/b"});
    ASSERT_FALSE(f.has_value());
    EXPECT_EQ(f.error().front().message,
              "cannot find the Inter fonts (Inter-Regular.otf, Inter-Medium.otf, "
              "Inter-SemiBold.otf, Inter-Bold.otf); looked in:\n  /nonexistent/a\n  "
              "/nonexistent/b");
}

TEST(Fonts, TheFirstFolderWithAllFourWins) {
    auto f = FontSet::open({"/nonexistent", font_dir});
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f.value()->dir(), font_dir);
}

TEST(Fonts, MeasuresLikeInter) {
    auto f = FontSet::open({font_dir});
    ASSERT_TRUE(f.has_value());
    const FontSet& fonts = *f.value();
    EXPECT_EQ(fonts.width("", Weight::regular, 38), 0);
    int regular = fonts.width("Outstanding Papers", Weight::regular, 96);
    int bold = fonts.width("Outstanding Papers", Weight::bold, 96);
    EXPECT_GT(bold, regular);
    EXPECT_GT(regular, 700);
    EXPECT_LT(bold, 1100);
    auto m = fonts.metrics(Weight::regular, 100);
    EXPECT_NEAR(m.cap_height, 73, 2);  // Inter's capitals are 0.727 em
    EXPECT_GT(m.height, m.ascent);
}

// The floor: body text's capitals at least 2.5% of the screen's short side.
TEST(Fonts, BodyCapHeightIsAtLeastTwoAndAHalfPercentOfTheShortSide) {
    auto f = FontSet::open({font_dir});
    ASSERT_TRUE(f.has_value());
    Theme theme;
    for (int short_side : {720, 1080, 2160}) {
        auto g = Geometry::for_screen({short_side * 16 / 9, short_side});
        int px = g.px(theme.type.body);
        double cap = f.value()->metrics(Weight::regular, px).cap_height;
        EXPECT_GE(cap / short_side, 0.025) << short_side;
    }
}

}  // namespace
}  // namespace kiosk
