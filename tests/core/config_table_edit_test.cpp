// Setting and taking out entries of a table in kiosk.toml, comments and layout kept.
#include <gtest/gtest.h>

#include "kiosk/core/config.h"

namespace kiosk {
namespace {

const char* const commented =
    "# Hall screens\n"
    "[screen]\n"
    "room = \"Exhibit Hall A\"  # by the door\n"
    "\n"
    "[full]\n"
    "# staff marks\n"
    "\"Room 203\" = \"2022-08-29T12:00\"  # panel\n"
    "\n"
    "[clock]\n"
    "seconds = false\n";

std::string edited(Result<std::string> r) {
    EXPECT_TRUE(r.has_value()) << (r ? "" : format_diagnostics(r.error()));
    return r ? r.value() : "";
}

TEST(ConfigTableEdit, AddsAnEntryAfterTheTablesLastOneKeepingComments) {
    EXPECT_EQ(edited(set_config_entry(commented, "kiosk.toml", "full", "Exhibit Hall A",
                                      "2022-08-29T10:00-07:00")),
              "# Hall screens\n[screen]\nroom = \"Exhibit Hall A\"  # by the door\n\n[full]\n"
              "# staff marks\n\"Room 203\" = \"2022-08-29T12:00\"  # panel\n"
              "\"Exhibit Hall A\" = \"2022-08-29T10:00-07:00\"\n\n[clock]\nseconds = false\n");
}

TEST(ConfigTableEdit, ReplacesTheValueOfTheSameRoomWrittenAnotherWay) {
    EXPECT_EQ(
        edited(set_config_entry(commented, "kiosk.toml", "full", "room  203", "2022-08-29T13:00")),
        "# Hall screens\n[screen]\nroom = \"Exhibit Hall A\"  # by the door\n\n[full]\n"
        "# staff marks\n\"Room 203\" = \"2022-08-29T13:00\"  # panel\n"
        "\n[clock]\nseconds = false\n");
}

TEST(ConfigTableEdit, TakesOutAnEntryOrEveryEntry) {
    std::string two =
        edited(set_config_entry(commented, "kiosk.toml", "full", "Ballroom", "2022-08-29T13:00"));
    std::string without = edited(set_config_entry(two, "kiosk.toml", "full", "ROOM 203", {}));
    EXPECT_EQ(without,
              "# Hall screens\n[screen]\nroom = \"Exhibit Hall A\"  # by the door\n\n[full]\n"
              "# staff marks\n\"Ballroom\" = \"2022-08-29T13:00\"\n\n[clock]\nseconds = false\n");
    EXPECT_EQ(edited(clear_config_table(two, "kiosk.toml", "full")),
              "# Hall screens\n[screen]\nroom = \"Exhibit Hall A\"  # by the door\n\n[full]\n"
              "# staff marks\n\n[clock]\nseconds = false\n");
    // Taking out what is not there changes nothing.
    EXPECT_EQ(edited(set_config_entry(commented, "kiosk.toml", "full", "Nowhere", {})), commented);
}

TEST(ConfigTableEdit, AddsTheSectionWhenMissingAndRewritesInlineTables) {
    EXPECT_EQ(edited(set_config_entry("[clock]\nseconds = true", "kiosk.toml", "full", "Hall",
                                      "2022-08-29T11:00")),
              "[clock]\nseconds = true\n\n[full]\n\"Hall\" = \"2022-08-29T11:00\"\n");
    std::string inline_table = "full = { Hall = \"2022-08-29T11:00\" }  # marks\n";
    EXPECT_EQ(
        edited(set_config_entry(inline_table, "kiosk.toml", "full", "Foyer", "2022-08-29T12:00")),
        "full = { Hall = \"2022-08-29T11:00\", \"Foyer\" = \"2022-08-29T12:00\" }  # marks\n");
    EXPECT_EQ(edited(set_config_entry(inline_table, "kiosk.toml", "full", "hall", {})),
              "full = {}  # marks\n");
}

TEST(ConfigTableEdit, RefusesBadValuesBrokenFilesAndUnsafeLayouts) {
    auto bad = set_config_entry(commented, "kiosk.toml", "full", "Hall", "soon");
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(to_string(bad.error().front()),
              "kiosk.toml: full.\"Hall\": no date in 'soon' (expected e.g. 2022-08-29T09:10, "
              "2022-08-29T16:10Z or 2022-08-29T09:10-07:00)");
    auto broken = set_config_entry("[screen]\nrotation = 45\n", "kiosk.toml", "full", "Hall",
                                   "2022-08-29T11:00");
    ASSERT_FALSE(broken.has_value());
    EXPECT_EQ(to_string(broken.error().front()),
              "kiosk.toml:2: screen.rotation must be 0, 90, 180 or 270, not 45");
    // Dotted keys at the top make an implicit table: a line after them would land at the top.
    auto implicit = set_config_entry("full.Hall = \"2022-08-29T11:00\"\n", "kiosk.toml", "full",
                                     "Foyer", "2022-08-29T12:00");
    ASSERT_FALSE(implicit.has_value());
    EXPECT_EQ(to_string(implicit.error().front()),
              "kiosk.toml: cannot change full: the file's layout does not allow a safe edit; "
              "edit it by hand");
    auto not_table = set_config_entry(commented, "kiosk.toml", "screen.room", "x", "y");
    ASSERT_FALSE(not_table.has_value());
    EXPECT_EQ(to_string(not_table.error().front()),
              "kiosk.toml: cannot change screen.room: not a table of entries");
}

}  // namespace
}  // namespace kiosk
