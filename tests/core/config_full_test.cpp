// [full]: rooms marked full, read in the venue's zone, with errors naming the room and the line.
#include <gtest/gtest.h>

#include "kiosk/core/config.h"

namespace kiosk {
namespace {

std::string errors_of(std::string_view text) {
    auto c = parse_config(text, "kiosk.toml", "");
    return c ? "(no error)" : format_diagnostics(c.error());
}

TEST(ConfigFull, ReadsRoomsAndEndsInTheVenueZoneWhereverTheZoneIsSet) {
    auto c = parse_config(
        "[full]\n\"Exhibit Hall A\" = \"2022-08-29T11:00\"  # until the break\n"
        "\"Room 203\" = 2022-08-29T12:30:00Z\nBallroom = \"2022-08-29T10:00-07:00\"\n"
        "[venue]\ntimezone = \"America/Los_Angeles\"\n",
        "kiosk.toml", "");
    ASSERT_TRUE(c.has_value()) << format_diagnostics(c.error());
    ASSERT_EQ(c->full.size(), 3u);
    EXPECT_EQ(date::format("%FT%RZ", c->full.at("Exhibit Hall A")), "2022-08-29T18:00Z");
    EXPECT_EQ(date::format("%FT%RZ", c->full.at("Room 203")), "2022-08-29T12:30Z");
    EXPECT_EQ(date::format("%FT%RZ", c->full.at("Ballroom")), "2022-08-29T17:00Z");
    EXPECT_EQ(parse_config("[full]\n", "kiosk.toml", "")->full.size(), 0u);
    // As TOML writes an inline table, too.
    auto inline_table = parse_config("full = { \"Hall\" = \"2022-08-29T11:00Z\" }\n", "k", "");
    ASSERT_TRUE(inline_table.has_value());
    EXPECT_EQ(inline_table->full.size(), 1u);
}

TEST(ConfigFull, BadEntriesNameTheRoomAndTheLine) {
    EXPECT_EQ(errors_of("[full]\n\"Hall A\" = \"soon\"\n"),
              "kiosk.toml:2: full.\"Hall A\": no date in 'soon' (expected e.g. "
              "2022-08-29T09:10, 2022-08-29T16:10Z or 2022-08-29T09:10-07:00)\n");
    EXPECT_EQ(errors_of("[full]\n\"Hall A\" = 11\n"),
              "kiosk.toml:2: full.\"Hall A\" must be when the mark ends, a date and time such as "
              "\"2022-08-29T11:00\", not an integer\n");
    EXPECT_EQ(errors_of("[full]\n\"Hall A\" = \"\"\n"),
              "kiosk.toml:2: full.\"Hall A\" must be when the mark ends, a date and time such as "
              "\"2022-08-29T11:00\", not an empty string\n");
    EXPECT_EQ(errors_of("[venue]\nname = \"x\"\nfull = 3\n"),
              "kiosk.toml:3: unknown key 'venue.full'\n");
    EXPECT_EQ(errors_of("full = 3\n"),
              "kiosk.toml:1: 'full' must be a section ([full]), not an "
              "integer\n");
}

}  // namespace
}  // namespace kiosk
