// UTF-8 repair and the text helpers importers share.
#include "kiosk/core/import/text.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(Utf8, ValidAndInvalidSequences) {
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_TRUE(is_valid_utf8("Altınbüken · “quoted” 🙂"));
    EXPECT_FALSE(is_valid_utf8("Caf\xE9"));           // Latin-1
    EXPECT_FALSE(is_valid_utf8("\xC0\x80"));          // overlong NUL
    EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // a UTF-16 surrogate
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF
    EXPECT_FALSE(is_valid_utf8("\xE2\x80"));          // cut short
    EXPECT_FALSE(is_valid_utf8("\x80"));              // a lone continuation byte
}

TEST(Utf8, RepairReplacesMaximalSubpartsOnce) {
    std::string out;
    auto r = append_valid_utf8(
        "a\xE2\x80"
        "b\xF0\x9F\x98"
        "c\xFF"
        "d",
        out);
    EXPECT_EQ(out,
              "a\xEF\xBF\xBD"
              "b\xEF\xBF\xBD"
              "c\xEF\xBF\xBD"
              "d");
    EXPECT_EQ(r.replaced, 3u);
    EXPECT_EQ(r.first_bad_byte, 0xE2);
}

TEST(Utf8, RepairTurnsTabsAndNoBreakSpacesIntoSpacesAndControlsIntoReplacement) {
    std::string out;
    auto r = append_valid_utf8(
        "a\tb\xC2\xA0"
        "c\x1B"
        "d",
        out);
    EXPECT_EQ(out,
              "a b c\xEF\xBF\xBD"
              "d");
    EXPECT_EQ(r.replaced, 1u);
    EXPECT_EQ(r.first_bad_byte, 0x1B);
}

TEST(Utf8, LengthAndPrefixCountCodePoints) {
    EXPECT_EQ(utf8_length("Altınbüken"), 10u);
    EXPECT_EQ(utf8_prefix("aü", 2), "a");  // never splits 'ü'
    EXPECT_EQ(utf8_prefix("aü", 3), "aü");
    EXPECT_EQ(utf8_prefix("abc", 10), "abc");
}

TEST(Text, TrimAndCaseInsensitiveAscii) {
    EXPECT_EQ(trim("  a b \t\r\n"), "a b");
    EXPECT_EQ(trim(" \t "), "");
    EXPECT_TRUE(iequals("Invited TALK", "invited talk"));
    EXPECT_FALSE(iequals("Oral", "Orals"));
    EXPECT_TRUE(istarts_with("TIMEZONE: x", "Timezone:"));
    EXPECT_TRUE(iends_with("x - Panel", "panel"));
    EXPECT_EQ(ifind("Held in the BALLROOM", "ballroom"), 12u);
    EXPECT_EQ(ifind("abc", "abcd"), std::string_view::npos);
}

TEST(Text, ShortenAtWordCutsAtAWordAndDropsDanglingWords) {
    EXPECT_EQ(shorten_at_word("Short enough", 60), "Short enough");
    // 61 characters: cut before "operations on", then "on" would dangle.
    EXPECT_EQ(shorten_at_word("High-performance primitives for mathematical operations on sparse "
                              "vectors",
                              60),
              "High-performance primitives for mathematical operations…");
    EXPECT_EQ(shorten_at_word("One two three, four", 16), "One two three…");
    EXPECT_EQ(shorten_at_word("Supercalifragilistic", 10), "Supercali…");
    for (std::size_t n : {1u, 2u, 5u, 20u}) {
        EXPECT_LE(utf8_length(shorten_at_word("Ünïcödé wörds äll the wäy döwn the road", n)), n);
    }
}

}  // namespace
}  // namespace kiosk
