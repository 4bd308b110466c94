// Code points, line direction and break opportunities.
#include "kiosk/slides/unicode.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(Unicode, DecodesAndEncodesEveryLength) {
    std::string text = "a\u00E9\u5F20\U0001F600";
    EXPECT_EQ(decode_utf8(text), (std::u32string{U'a', 0xE9, 0x5F20, 0x1F600}));
    EXPECT_EQ(encode_utf8(decode_utf8(text)), text);
}

TEST(Unicode, ABrokenSequenceIsOneReplacementPerBadByte) {
    // A lone continuation byte, a lead byte cut short, an overlong '/' and a surrogate.
    EXPECT_EQ(decode_utf8("a\x80z"), (std::u32string{U'a', 0xFFFD, U'z'}));
    EXPECT_EQ(decode_utf8("\xE5\x88"), (std::u32string{0xFFFD, 0xFFFD}));
    EXPECT_EQ(decode_utf8("\xC0\xAF"), (std::u32string{0xFFFD, 0xFFFD}));
    EXPECT_EQ(decode_utf8("\xED\xA0\x80"), (std::u32string{0xFFFD, 0xFFFD, 0xFFFD}));
}

TEST(Unicode, ALineReadsRightToLeftWhenMostOfItsLettersDo) {
    EXPECT_EQ(base_direction("محمد علي"), TextDirection::rtl);
    EXPECT_EQ(base_direction("שלום עולם"), TextDirection::rtl);
    // An Arabic title with a Latin system name in it is still Arabic.
    EXPECT_EQ(base_direction("تحسين أداء PyTorch على وحدات المعالجة"), TextDirection::rtl);
    // An English line with an Arabic name in it is still English.
    EXPECT_EQ(base_direction("Keynote by محمد علي"), TextDirection::ltr);
    EXPECT_EQ(base_direction("张伟, Ana Ruiz"), TextDirection::ltr);
    EXPECT_EQ(base_direction("09:00 – 10:00"), TextDirection::ltr);
    EXPECT_EQ(base_direction(""), TextDirection::ltr);
}

TEST(Unicode, BreaksAfterSpacesAndBetweenIdeographs) {
    EXPECT_EQ(break_opportunities("a b"), (std::vector<std::size_t>{2, 3}));
    // 张伟是 is nine bytes, three characters: a break after each.
    EXPECT_EQ(break_opportunities("张伟是"), (std::vector<std::size_t>{3, 6, 9}));
    EXPECT_TRUE(break_opportunities("").empty());
}

TEST(Unicode, NeverBreaksBeforeClosingPunctuation) {
    // 你好。世界: no break between 好 and 。 (byte 6), one after 。 (byte 9).
    auto b = break_opportunities("你好。世界");
    EXPECT_EQ(std::count(b.begin(), b.end(), 6u), 0);
    EXPECT_EQ(std::count(b.begin(), b.end(), 9u), 1);
    auto p = break_opportunities("（张伟）讲");  // none after the opening bracket
    EXPECT_EQ(std::count(p.begin(), p.end(), 3u), 0);
    EXPECT_EQ(std::count(p.begin(), p.end(), 9u), 0);  // nor before the closing one
}

TEST(Unicode, WhatMayStartALine) {
    EXPECT_TRUE(may_start_line(U'a'));
    EXPECT_TRUE(may_start_line(0x5F20));   // 张
    EXPECT_FALSE(may_start_line(0x3002));  // 。
    EXPECT_FALSE(may_start_line(0xFF09));  // ）
    EXPECT_FALSE(may_start_line(0x0301));  // a combining acute accent
    EXPECT_FALSE(may_start_line(U','));
}

// Found by fuzz_wrap: libunibreak 1.1 aborted on the letters that pair into flags. A flag stays
// whole like a word, breaks around it stay where the spaces are, and a flag may start a line.
TEST(Unicode, AFlagInATitleBreaksLikeAWord) {
    // "Berlin 🇩🇪 2024": the flag is bytes 7 to 15, two eight-byte letters.
    EXPECT_EQ(break_opportunities("Berlin \U0001F1E9\U0001F1EA 2024"),
              (std::vector<std::size_t>{7, 16, 20}));
    EXPECT_EQ(break_opportunities("\U0001F1FA\U0001F1E6"), (std::vector<std::size_t>{8}));
    EXPECT_EQ(break_opportunities("\U0001F1E6"), (std::vector<std::size_t>{4}));
    EXPECT_TRUE(may_start_line(0x1F1E9));
    EXPECT_TRUE(may_start_line(0x1F1FF));
    // Broken UTF-8 that libunibreak's own reader took for a regional indicator is four bad bytes,
    // each a replacement character, as decode_utf8 reads it.
    EXPECT_EQ(break_opportunities("\xF0\xDF\x87\xA9").back(), 4u);
    EXPECT_EQ(break_opportunities("Flag \xF0\xDF\x87\xA9\xF0\xDF\x87\xAA").front(), 5u);
}

// Found by fuzz_wrap: libunibreak 1.1 takes U+FFFF (a noncharacter, valid UTF-8) for the end of
// the text and aborted. It breaks like the replacement character it is drawn as.
TEST(Unicode, TheNoncharacterLibunibreakEndsTextAtIsOrdinaryText) {
    EXPECT_EQ(break_opportunities("a \uFFFF b"), break_opportunities("a \uFFFD b"));
    EXPECT_EQ(break_opportunities("\uFFFF"), (std::vector<std::size_t>{3}));
    EXPECT_EQ(may_start_line(0xFFFF), may_start_line(0xFFFD));
}

TEST(Unicode, CjkCharacters) {
    EXPECT_TRUE(is_cjk(0x5F20));  // 张
    EXPECT_TRUE(is_cjk(0x3042));  // あ
    EXPECT_TRUE(is_cjk(0xD55C));  // 한
    EXPECT_TRUE(is_cjk(0xFF0C));  // ，
    EXPECT_FALSE(is_cjk(U'a'));
    EXPECT_FALSE(is_cjk(0x0645));  // م
}

}  // namespace
}  // namespace kiosk
