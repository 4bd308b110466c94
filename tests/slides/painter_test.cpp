// The Painter's lines in both reading directions: a right-to-left line sits at the right edge of
// its box, while the slide's grid stays left to right.
#include "kiosk/slides/painter.h"

#include <gtest/gtest.h>

#include "tests/support/fake_measurer.h"

namespace kiosk {
namespace {

using deck_parts::Align;
using deck_parts::Painter;

const testing::FakeMeasurer measure;
const Theme theme;
const Geometry g = Geometry::for_screen({1920, 1080});

TEST(Painter, ARightToLeftLineSitsAtTheRightEdgeOfItsBox) {
    Slide slide;
    Painter p(slide, g, theme, measure);
    auto s = p.style(Weight::bold, theme.type.display, theme.text);
    Rect arabic = p.line(g.content.x, 100, "محمد علي", s, g.content.w, theme.background);
    EXPECT_EQ(arabic.right(), g.content.right());
    EXPECT_LT(arabic.w, g.content.w);
    Rect latin = p.line(g.content.x, 200, "Ana Ruiz", s, g.content.w, theme.background);
    EXPECT_EQ(latin.x, g.content.x);
    // An English line with an Arabic name in it reads left to right.
    Rect mixed = p.line(g.content.x, 300, "Talk by محمد", s, g.content.w, theme.background);
    EXPECT_EQ(mixed.x, g.content.x);
    ASSERT_EQ(slide.texts.size(), 3u);
    EXPECT_EQ(slide.texts[0].box, arabic);  // drawn where it was measured
    EXPECT_TRUE(slide.problems.empty());
}

TEST(Painter, ALabelWithMoreAfterItStaysAtTheLeft) {
    Slide slide;
    Painter p(slide, g, theme, measure);
    auto s = p.style(Weight::semibold, theme.type.body, theme.text);
    Rect r = p.line(g.content.x, 100, "محمد", s, g.content.w, theme.background, Align::start);
    EXPECT_EQ(r.x, g.content.x);
    // A chip's text stays inside its chip.
    Rect chip = p.chip(g.content.x, 200, "ورشة عمل", theme.notice);
    EXPECT_TRUE(contains(chip, slide.texts.back().box));
}

TEST(Painter, ARightToLeftParagraphInANarrowMeasureHangsFromTheRightMargin) {
    Slide slide;
    Painter p(slide, g, theme, measure);
    auto s = p.style(Weight::regular, theme.type.body, theme.body);
    p.paragraph(g.content.x, 100, "كلمة ترحيب للمشاركين في المؤتمر وشكرا لكم على الحضور", s,
                g.content.w / 3, 4, theme.background);
    ASSERT_GE(slide.texts.size(), 2u);
    for (const auto& t : slide.texts) EXPECT_EQ(t.box.right(), g.content.right()) << t.text;
}

}  // namespace
}  // namespace kiosk
