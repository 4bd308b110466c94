// The small grammars schedule.xml and schedule.json share: durations and track colours.
#include "kiosk/core/import/schedule_common.h"

#include <chrono>
#include <string>

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(ScheduleLines, OffsetsToLines) {
    std::string text = "a\nbc\n\nd";
    schedule::LineIndex lines(text);
    EXPECT_EQ(lines.line_at(0), 1);
    EXPECT_EQ(lines.line_at(1), 1);  // the line break ends line 1
    EXPECT_EQ(lines.line_at(2), 2);
    EXPECT_EQ(lines.line_at(5), 3);
    EXPECT_EQ(lines.line_at(6), 4);
    EXPECT_EQ(lines.line_at(99), 4);  // past the end: the last line
    EXPECT_EQ(schedule::LineIndex("").line_at(0), 1);

    std::string long_text;
    for (int i = 0; i < 5000; ++i) long_text += "line " + std::to_string(i + 1) + "\n";
    schedule::LineIndex long_lines(long_text);
    EXPECT_EQ(long_lines.line_at(long_text.find("line 4321\n")), 4321);
    EXPECT_EQ(long_lines.line_at(long_text.size() - 1), 5000);
}

TEST(ScheduleGrammar, Durations) {
    using std::chrono::minutes;
    EXPECT_EQ(schedule::parse_duration("00:45"), minutes{45});
    EXPECT_EQ(schedule::parse_duration("0:45"), minutes{45});
    EXPECT_EQ(schedule::parse_duration("01:15"), minutes{75});
    EXPECT_EQ(schedule::parse_duration("15:00"), minutes{900});
    EXPECT_EQ(schedule::parse_duration("25:00"), minutes{1500});        // frab: hours past 24
    EXPECT_EQ(schedule::parse_duration("1:02:30"), minutes{1590});      // pretalx: D:HH:MM
    EXPECT_EQ(schedule::parse_duration("00:45:00"), minutes{45});       // HH:MM:SS
    EXPECT_EQ(schedule::parse_duration("01:30:00"), minutes{90});       // HH:MM:SS
    EXPECT_EQ(schedule::parse_duration("2:00:00"), minutes{2 * 1440});  // D:HH:MM
    for (const char* bad : {"", "45", "1:5", "1:60", "-1:00", "1:00:", "1:24:00", "a:bc",
                            "1:00:00:00", "123456:00", " 1:00"}) {
        EXPECT_EQ(schedule::parse_duration(bad), std::nullopt) << bad;
    }
}

TEST(ScheduleGrammar, Colours) {
    EXPECT_EQ(schedule::normalise_colour("#5aa9ff"), "#5AA9FF");
    EXPECT_EQ(schedule::normalise_colour("#5AA9FF"), "#5AA9FF");
    EXPECT_EQ(schedule::normalise_colour("#5af"), "#55AAFF");
    for (const char* bad : {"", "#", "5aa9ff", "#5aa9f", "#5aa9fg", "red", "#5aa9ff00"}) {
        EXPECT_EQ(schedule::normalise_colour(bad), std::nullopt) << bad;
    }
}

}  // namespace
}  // namespace kiosk
