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

}  // namespace
}  // namespace kiosk
