// Word-wrapping into a box, with an ellipsis when cut.
#include "kiosk/slides/wrap.h"

#include <gtest/gtest.h>

#include "tests/support/fake_measurer.h"

namespace kiosk {
namespace {

// At 20 px a regular character is 11 px wide: a 110 px box holds ten characters.
const testing::FakeMeasurer measure;

Wrapped wrap(std::string_view text, int width, int max_lines) {
    return wrap_text(text, Weight::regular, 20, width, max_lines, measure);
}

TEST(Wrap, ShortTextIsOneLine) {
    auto w = wrap("Pathways", 110, 3);
    EXPECT_EQ(w.lines, std::vector<std::string>{"Pathways"});
    EXPECT_FALSE(w.shortened);
    EXPECT_FALSE(w.overflow);
}

TEST(Wrap, BreaksAtSpacesAndCollapsesWhiteSpace) {
    auto w = wrap("  large  scale\n\norchestration  layer ", 165, 5);
    EXPECT_EQ(w.lines, (std::vector<std::string>{"large scale", "orchestration", "layer"}));
    EXPECT_FALSE(w.shortened);
}

TEST(Wrap, CutsTheLastLineAtAWordWithAnEllipsis) {
    auto w = wrap("one two three four five six seven", 110, 2);
    ASSERT_EQ(w.lines.size(), 2u);
    EXPECT_EQ(w.lines[0], "one two");
    EXPECT_EQ(w.lines[1], "three\u2026");
    EXPECT_TRUE(w.shortened);
    for (const auto& l : w.lines) EXPECT_LE(measure.width(l, Weight::regular, 20), 110);
}

TEST(Wrap, NoPunctuationBeforeTheEllipsis) {
    auto w = wrap("accelerators, while retaining", 165, 1);
    EXPECT_EQ(w.lines, std::vector<std::string>{"accelerators\u2026"});
}

TEST(Wrap, AWordWiderThanTheBoxIsBrokenBetweenCharacters) {
    auto w = wrap("https://forms.gle/Pd9tviuBHBno7G7F7", 110, 5);
    ASSERT_GE(w.lines.size(), 3u);
    EXPECT_EQ(w.lines[0], "https://fo");
    for (const auto& l : w.lines) EXPECT_LE(measure.width(l, Weight::regular, 20), 110);
    EXPECT_FALSE(w.overflow);
}

TEST(Wrap, MultiByteCharactersAreNeverSplit) {
    auto w =
        wrap("\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9\u00E9", 55, 1);
    ASSERT_EQ(w.lines.size(), 1u);
    EXPECT_EQ(w.lines[0], "\u00E9\u00E9\u00E9\u00E9\u2026");
}

TEST(Wrap, ABoxNarrowerThanOneCharacterReportsOverflow) {
    auto w = wrap("QuadraLib and more", 5, 1);
    EXPECT_TRUE(w.overflow);
}

TEST(Wrap, NoLinesAllowedMeansShortenedWhenThereIsText) {
    EXPECT_TRUE(wrap("text", 100, 0).shortened);
    EXPECT_FALSE(wrap("   ", 100, 0).shortened);
    EXPECT_TRUE(wrap("", 100, 2).lines.empty());
}

TEST(Wrap, FitLineShortensOneLine) {
    EXPECT_EQ(fit_line("Distributed and Parallel Learning", Weight::regular, 20, 165, measure),
              "Distributed\u2026");
    EXPECT_EQ(fit_line("ON STAGE   09:00", Weight::regular, 20, 400, measure), "ON STAGE   09:00");
    EXPECT_EQ(squash_spaces("  a \t b\n"), "a b");
}

}  // namespace
}  // namespace kiosk
