// Parsing and formatting of venue-local and absolute instants.
#include "kiosk/core/time.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

const date::time_zone& la() { return *find_zone("America/Los_Angeles").value(); }

TEST(Time, LocalTimeGoesThroughTheVenueZone) {
    auto t = parse_instant("2022-08-29T09:10", la(), "--at");
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(format_iso(*t, la()), "2022-08-29T09:10:00-07:00");
    EXPECT_EQ(format_hhmm(*t, la()), "09:10");
}

TEST(Time, ZuluAndOffsetsAreAbsolute) {
    auto local = parse_instant("2022-08-29T09:10", la(), "--at");
    auto zulu = parse_instant("2022-08-29T16:10Z", la(), "--at");
    auto offset = parse_instant("2022-08-29T18:10+02:00", la(), "--at");
    ASSERT_TRUE(local && zulu && offset);
    EXPECT_EQ(*local, *zulu);
    EXPECT_EQ(*local, *offset);
}

TEST(Time, RepeatedHourTakesTheFirstOccurrence) {
    // 2022-11-06 01:30 happens twice in Los Angeles; policy: the earlier (still PDT, -07:00).
    auto t = parse_instant("2022-11-06T01:30", la(), "--at");
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(format_iso(*t, la()), "2022-11-06T01:30:00-07:00");
}

TEST(Time, SkippedHourIsAnErrorThatSaysSo) {
    auto t = parse_instant("2022-03-13T02:30", la(), "--at");
    ASSERT_FALSE(t.has_value());
    EXPECT_NE(t.error().front().message.find("skipped by a daylight-saving change"),
              std::string::npos);
}

TEST(Time, MalformedInputNamesTheOptionAndTheText) {
    auto t = parse_instant("tomorrow", la(), "--at");
    ASSERT_FALSE(t.has_value());
    EXPECT_EQ(t.error().front().message.rfind("--at: no date in 'tomorrow'", 0), 0u);
    EXPECT_FALSE(parse_instant("2022-02-31T09:00", la(), "--at").has_value());
    EXPECT_FALSE(parse_instant("2022-08-29T25:00", la(), "--at").has_value());
    EXPECT_FALSE(parse_instant("2022-08-29T09:00+9", la(), "--at").has_value());
}

TEST(Time, UnknownZoneIsAnError) {
    auto z = find_zone("Mars/Olympus_Mons");
    ASSERT_FALSE(z.has_value());
    EXPECT_EQ(z.error().front().message.rfind("unknown time zone 'Mars/Olympus_Mons'", 0), 0u);
}

TEST(Time, TypedZoneFindsWhatFindZoneFinds) {
    auto z = find_typed_zone("Europe/Berlin");
    ASSERT_TRUE(z.has_value());
    EXPECT_EQ(z.value()->name(), "Europe/Berlin");
}

TEST(Time, TypedZoneTypoSuggestsTheNearestZone) {
    auto message = [](std::string_view name) {
        auto z = find_typed_zone(name);
        return z ? std::string("found") : z.error().front().message;
    };
    EXPECT_EQ(message("Europe/Berln"),
              "unknown time zone 'Europe/Berln' (did you mean 'Europe/Berlin'?)");
    EXPECT_EQ(message("europe/berlin"),
              "unknown time zone 'europe/berlin' (did you mean 'Europe/Berlin'?)");
    // A city alone is compared with the zones' last parts.
    EXPECT_EQ(message("Berlin"), "unknown time zone 'Berlin' (did you mean 'Europe/Berlin'?)");
    EXPECT_EQ(message("Los Angeles"),
              "unknown time zone 'Los Angeles' (did you mean 'America/Los_Angeles'?)");
    // Nothing near: the example, as find_zone says it.
    EXPECT_EQ(message("Mars/Olympus"), find_zone("Mars/Olympus").error().front().message);
}

}  // namespace
}  // namespace kiosk
