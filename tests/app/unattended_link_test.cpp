// What the staff overlay is shown of the screen's room being full: the mark as it is in the
// newest config, and what "Room full" marks it until by default.
#include "kiosk/app/unattended_link.h"

#include <gtest/gtest.h>

#include "kiosk/app/program_files.h"
#include "kiosk/core/time.h"

namespace kiosk {
namespace {

using namespace std::chrono_literals;

Instant la(const std::string& text) {
    return parse_instant(text, *find_zone("America/Los_Angeles").value(), "test").value();
}

Live seed_live() {
    Config c;
    c.venue.timezone = "America/Los_Angeles";
    c.data.program = KIOSK_SOURCE_DIR "/data/program.txt";
    c.data.year = 2022;
    ProgramLoad load =
        load_program_files(RealFileSystem{}, c, date::local_days{date::year{2022} / 8 / 29});
    Live live;
    live.config = c;
    live.schedule = load.prepared.schedule;
    return live;
}

ScreenState at(const std::string& time) {
    return {"Exhibit Hall A", {}, "now", la(time), "America/Los_Angeles"};
}

TEST(OverlayView, ShowsTheRoomsMarkAndTheEndOfTheSessionOnNow) {
    Live live = seed_live();
    ASSERT_NE(live.schedule, nullptr);
    OverlayView v = overlay_view(live, at("2022-08-29T09:10"), {}, "", la("2022-08-29T09:10"));
    EXPECT_EQ(v.full, "");
    EXPECT_EQ(v.full_day, "2022-08-29");
    EXPECT_EQ(v.full_session_end, "2022-08-29T10:00:00-07:00");  // Outstanding Papers, ≈ 10:00
    live.config.full["exhibit hall a"] = la("2022-08-29T10:30");
    v = overlay_view(live, at("2022-08-29T09:10"), {}, "", la("2022-08-29T09:10"));
    EXPECT_EQ(v.full, "until 10:30");
    // Its end has come: the room is no longer full, and nothing is on to mark it until.
    v = overlay_view(live, at("2022-08-29T12:00"), {}, "", la("2022-08-29T12:00"));
    EXPECT_EQ(v.full, "");
    EXPECT_EQ(v.full_session_end, "");
    // An overview screen has no room of its own to mark.
    live.config.screen.mode = ScreenMode::overview;
    v = overlay_view(live, at("2022-08-29T09:10"), {}, "", la("2022-08-29T09:10"));
    EXPECT_EQ(v.full_day, "");
}

}  // namespace
}  // namespace kiosk
