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

TEST(Wrap, ALongChineseTitleWithoutSpacesWrapsBetweenIdeographs) {
    // 25 ideographs, ten to a 110 px line.
    const std::string title = "大规模分布式深度学习训练系统中的通信优化与容错调度";
    auto w = wrap(title, 110, 5);
    ASSERT_EQ(w.lines.size(), 3u);
    EXPECT_FALSE(w.overflow);
    EXPECT_FALSE(w.shortened);
    std::string joined;
    for (const auto& l : w.lines) {
        EXPECT_LE(measure.width(l, Weight::regular, 20), 110);
        joined += l;
    }
    EXPECT_EQ(joined, title);  // nothing added, nothing lost
    EXPECT_EQ(w.lines[0], "大规模分布式深度学习");
}

TEST(Wrap, NoLineStartsWithClosingPunctuation) {
    // Ten characters fit; the eleventh is "，", which may not start a line, so the tenth goes
    // down with it.
    auto w = wrap("一二三四五六七八九十，一二三", 110, 3);
    ASSERT_EQ(w.lines.size(), 2u);
    EXPECT_EQ(w.lines[0], "一二三四五六七八九");
    EXPECT_EQ(w.lines[1], "十，一二三");
}

TEST(Wrap, ACutChineseLineEndsWithAnEllipsisBetweenIdeographs) {
    auto w = wrap("大规模分布式深度学习训练系统中的通信优化与容错调度", 110, 1);
    ASSERT_EQ(w.lines.size(), 1u);
    EXPECT_EQ(w.lines[0], "大规模分布式深度学…");
    EXPECT_TRUE(w.shortened);
}

TEST(Wrap, WordsStayWholeAtHyphens) {
    // UAX #14 would allow "better non-" / "linearity"; kiosk keeps the word whole, as before.
    auto w = wrap("better non-linearity", 165, 3);
    EXPECT_EQ(w.lines, (std::vector<std::string>{"better", "non-linearity"}));
}

TEST(Wrap, ABrokenWordNeverStartsALineWithACombiningMark) {
    // "e" and a combining acute, four times: eight code points, five fit, the sixth is a mark.
    auto w = wrap("éééé", 55, 3);
    ASSERT_GE(w.lines.size(), 2u);
    EXPECT_EQ(w.lines[0], "éé");
}

// Found by fuzz_wrap: a flag in a title took the screen down (libunibreak 1.1 aborted on it).
TEST(Wrap, AFlagWrapsLikeAWord) {
    // A flag is two characters wide here; "Team 🇺🇦 and 🇩🇪" wraps at its spaces.
    auto w = wrap("Team \U0001F1FA\U0001F1E6 and \U0001F1E9\U0001F1EA", 88, 3);
    EXPECT_EQ(w.lines,
              (std::vector<std::string>{"Team \U0001F1FA\U0001F1E6", "and \U0001F1E9\U0001F1EA"}));
    EXPECT_FALSE(w.shortened);
}

// Found by fuzz_wrap: U+FFFF in a title aborted the screen (libunibreak 1.1 ends text there).
TEST(Wrap, ANoncharacterWrapsLikeAnyOtherCharacter) {
    auto w = wrap("Keynote \uFFFF and lunch", 110, 3);
    EXPECT_EQ(w.lines, (std::vector<std::string>{"Keynote \uFFFF", "and lunch"}));
}

TEST(Wrap, ArabicWrapsAtSpacesInReadingOrder) {
    // Lines hold the text in the order it is read; the renderer lays each out right to left.
    auto w = wrap("كلمة ترحيب للمشاركين في المؤتمر", 110, 4);
    ASSERT_GE(w.lines.size(), 3u);
    EXPECT_EQ(w.lines[0], "كلمة ترحيب");
}

// Counts the bytes it is asked to measure: the work wrapping does, whatever the clock says.
class CountingMeasurer : public testing::FakeMeasurer {
  public:
    int width(std::string_view text, Weight weight, int px) const override {
        measured += text.size();
        return FakeMeasurer::width(text, weight, px);
    }
    mutable std::size_t measured = 0;
};

// A 5 MB title (one word, or a million short ones) is wrapped in the work of a few lines: the
// screen's thread once spent minutes and gigabytes measuring one.
TEST(Wrap, AHugeTitleCostsWhatTheBoxCanShow) {
    for (const std::string& huge : {std::string(5'000'000, 'X'), [] {
                                        std::string s;
                                        while (s.size() < 5'000'000) s += "ab ";
                                        return s;
                                    }()}) {
        CountingMeasurer counting;
        auto w = wrap_text(huge, Weight::bold, 60, 1800, 3, counting);
        ASSERT_EQ(w.lines.size(), 3u);
        EXPECT_TRUE(w.shortened);
        EXPECT_TRUE(w.lines.back().ends_with("\u2026"));
        for (const auto& l : w.lines)
            EXPECT_LE(counting.FakeMeasurer::width(l, Weight::bold, 60), 1800);
        EXPECT_LT(counting.measured, 2'000'000u) << "bytes measured";
        CountingMeasurer one_line;
        std::string line = fit_line(huge, Weight::regular, 30, 1800, one_line);
        EXPECT_TRUE(line.ends_with("\u2026"));
        EXPECT_LT(one_line.measured, 2'000'000u) << "bytes measured";
    }
}

// Cut where nothing more could show, text that is mostly spaces still says it was cut.
TEST(Wrap, TextCutForLengthStillEndsWithAnEllipsis) {
    std::string spaced = "Keynote" + std::string(100'000, ' ') + "hidden";
    auto w = wrap(spaced, 110, 2);
    ASSERT_EQ(w.lines.size(), 1u);
    EXPECT_EQ(w.lines[0], "Keynote\u2026");
    EXPECT_TRUE(w.shortened);
}

}  // namespace
}  // namespace kiosk
