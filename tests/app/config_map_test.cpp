// The config's defaults are the slides layer's defaults; its values reach the slides' options.
#include "kiosk/app/config_map.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

using namespace std::chrono_literals;

Config parse(std::string_view text) {
    auto c = parse_config(text, "kiosk.toml", "");
    EXPECT_TRUE(c.has_value());
    return c ? c.value() : Config{};
}

TEST(ConfigMap, DefaultConfigGivesTheSlidesLayersDefaults) {
    EXPECT_EQ(theme_from(Config{}), Theme{});
    EXPECT_EQ(deck_options_from(Config{}), DeckOptions{});
    EXPECT_EQ(rotation_options_from(Config{}), RotationOptions{});
}

TEST(ConfigMap, ThemeColoursAndKindWordsComeThrough) {
    auto theme =
        theme_from(parse("[theme]\nbackground = \"#000000\"\nkinds.Poster = \"#ABCDEF\"\n"
                         "kinds.oral = \"#111111\"\n"));
    EXPECT_EQ(theme.background, (Colour{0, 0, 0}));
    EXPECT_EQ(theme.header, Theme{}.header);
    EXPECT_EQ(theme.kind_colour("Poster Session"), (Colour{0xAB, 0xCD, 0xEF}));
    // The config's words come first: its "oral" wins over the design's.
    EXPECT_EQ(theme.kind_colour("Oral"), (Colour{0x11, 0x11, 0x11}));
    EXPECT_EQ(theme.kind_colour("Tutorial"), Theme{}.kind_colour("Tutorial"));
}

TEST(ConfigMap, SlidesAndClock) {
    auto c = parse(
        "[slides]\ndwell = 20\ntalks = 1\nshow = [\"later\"]\n[clock]\nformat = \"12h\"\n"
        "seconds = true\n");
    auto d = deck_options_from(c);
    EXPECT_FALSE(d.clock_24h);
    EXPECT_TRUE(d.clock_seconds);
    EXPECT_EQ(d.max_talk_slides, 1);
    EXPECT_FALSE(d.show_up_next);
    EXPECT_FALSE(d.show_talks);
    EXPECT_FALSE(d.show_around);
    EXPECT_TRUE(d.show_later);
    EXPECT_EQ(rotation_options_from(c).dwell, 20s);
    EXPECT_FALSE(deck_options_from(parse("[slides]\ntalks = 0\n")).show_talks);
}

TEST(ConfigMap, AnnouncementUntilItExpires) {
    auto c = parse("[announcement]\ntext = \"Lunch in Hall B\"\nuntil = \"2022-08-29T13:00Z\"\n");
    Instant noon = date::sys_days{date::year{2022} / 8 / 29} + 12h;
    auto a = announcement_from(c, noon);
    ASSERT_TRUE(a.has_value());
    EXPECT_EQ(a->text, "Lunch in Hall B");
    EXPECT_EQ(a->until, noon + 1h);
    EXPECT_EQ(announcement_from(c, noon + 1h), std::nullopt);
    EXPECT_EQ(announcement_from(Config{}, noon), std::nullopt);
}

}  // namespace
}  // namespace kiosk
