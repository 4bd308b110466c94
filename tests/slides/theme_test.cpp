// Colours, contrast and kind colours of the default theme.
#include "kiosk/slides/theme.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(Theme, ParsesAndPrintsColours) {
    EXPECT_EQ(parse_colour("#5AA9FF"), (Colour{0x5A, 0xA9, 0xFF, 255}));
    EXPECT_EQ(parse_colour("#5aa9ff80"), (Colour{0x5A, 0xA9, 0xFF, 0x80}));
    EXPECT_EQ(parse_colour("5AA9FF"), std::nullopt);
    EXPECT_EQ(parse_colour("#5AA9FG"), std::nullopt);
    EXPECT_EQ(parse_colour("#5AA"), std::nullopt);
    EXPECT_EQ(to_string(Colour{0x0E, 0x11, 0x16}), "#0E1116");
    EXPECT_EQ(to_string(Colour{1, 2, 3, 4}), "#01020304");
}

TEST(Theme, ContrastMatchesTheDesignTable) {
    Theme t;
    EXPECT_NEAR(contrast_ratio(t.text, t.background), 17.2, 0.1);
    EXPECT_NEAR(contrast_ratio(t.muted, t.background), 8.7, 0.1);
    EXPECT_NEAR(contrast_ratio(t.body, t.background), 12.3, 0.1);
    EXPECT_NEAR(contrast_ratio(t.faint, t.background), 5.3, 0.1);
    EXPECT_DOUBLE_EQ(contrast_ratio(t.text, t.text), 1.0);
}

TEST(Theme, EveryKindColourIsReadableOnTheBackgroundAndUnderDarkText) {
    Theme t;
    for (const auto& k : t.kinds) {
        SCOPED_TRACE(k.word);
        EXPECT_GE(contrast_ratio(k.colour, t.background), 7.0);
        EXPECT_GE(contrast_ratio(k.colour, t.on_kind), 7.0);
    }
    EXPECT_GE(contrast_ratio(t.notice, t.on_kind), 7.0);
    EXPECT_GE(contrast_ratio(t.accent, t.header), 4.5);
}

TEST(Theme, KindColourByWordInTheKindThenTheTitle) {
    Theme t;
    EXPECT_EQ(t.kind_colour("Oral"), (Colour{0x5A, 0xA9, 0xFF}));
    EXPECT_EQ(t.kind_colour("INVITED TALK"), (Colour{0xF2, 0xB8, 0x4B}));
    EXPECT_EQ(t.kind_colour("Registration Desk"), (Colour{0x8F, 0xA1, 0xB3}));
    // A kind-less reception is coloured by its title; a stated kind never is.
    EXPECT_EQ(t.kind_colour("", "Welcome Reception"), (Colour{0xFF, 0x8A, 0x65}));
    EXPECT_EQ(t.kind_colour("Poster Session", "Reception posters"), t.kind_fallback);
}

TEST(Theme, ATrackColourIsMadeLegibleOnlyAsFarAsNeeded) {
    Theme t;
    const Colour blue = *parse_colour("#5AA9FF");
    EXPECT_EQ(readable_on(blue, t.background), blue);  // already 7.6:1
    for (const char* text : {"#1A237E", "#000000", "#0E1116", "#444444"}) {
        Colour c = readable_on(*parse_colour(text), t.background);
        EXPECT_GE(contrast_ratio(c, t.background), 4.5) << text;
        EXPECT_LT(contrast_ratio(c, t.background), 7.0) << text << ": moved further than needed";
    }
}

TEST(Theme, AChipInAnyColourKeepsItsTextReadable) {
    Theme t;
    // Light fills take dark text, dark fills light text, unchanged.
    EXPECT_EQ(chip_colours(*parse_colour("#5AA9FF"), t.on_kind, t.text).text, t.on_kind);
    EXPECT_EQ(chip_colours(*parse_colour("#5AA9FF"), t.on_kind, t.text).fill,
              *parse_colour("#5AA9FF"));
    EXPECT_EQ(chip_colours(*parse_colour("#1A237E"), t.on_kind, t.text).text, t.text);
    // Mid-tones, where neither text reaches 4.5:1, are moved just enough.
    for (int grey = 0; grey <= 255; grey += 5) {
        Colour fill{static_cast<std::uint8_t>(grey), static_cast<std::uint8_t>(grey),
                    static_cast<std::uint8_t>(grey)};
        ChipColours c = chip_colours(fill, t.on_kind, t.text);
        EXPECT_GE(contrast_ratio(c.fill, c.text), 4.5) << grey;
    }
}

}  // namespace
}  // namespace kiosk
