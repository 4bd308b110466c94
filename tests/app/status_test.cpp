// The status file: its JSON, and when it is rewritten (on change, and at least once a minute).
#include "kiosk/app/status.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace kiosk {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

const Instant started = date::sys_days{date::year{2022} / 8 / 29} + 14h + 2min + 11s;
const Instant t0 = date::sys_days{date::year{2022} / 8 / 29} + 16h + 10min;

Live sample_live() {
    Live live;
    live.config_file = {"/etc/kiosk/kiosk.toml",
                        FileOrigin::file,
                        "/etc/kiosk/kiosk.toml",
                        "aa",
                        started,
                        std::nullopt,
                        std::nullopt};
    live.program_file = {"/srv/program.txt",
                         FileOrigin::last_good,
                         "/var/lib/kiosk/last-good/program.txt",
                         "bb",
                         started,
                         "/srv/program.txt:3: no such date 'Mon 31 Feb'; showing the last good "
                         "program, saved in /var/lib/kiosk/last-good/program.txt",
                         started};
    live.program = std::make_shared<const Program>();
    live.warnings = {{"/srv/program.txt", 12, Severity::warning, "talk has no abstract"}};
    return live;
}

ScreenState sample_screen() {
    return {"Exhibit Hall A", {"Outstanding Papers"}, "now", t0, "America/Los_Angeles", true};
}

TEST(Status, SaysWhatIsOnWhereFromAndWhatWentWrong) {
    json j = json::parse(status_json(sample_live(), sample_screen(), started, t0 + 5s));
    EXPECT_EQ(j["room"], "Exhibit Hall A");
    EXPECT_EQ(j["now"], json::array({"Outstanding Papers"}));
    EXPECT_EQ(j["slide"], "now");
    EXPECT_EQ(j["program"]["path"], "/srv/program.txt");
    EXPECT_EQ(j["program"]["used_path"], "/var/lib/kiosk/last-good/program.txt");
    EXPECT_EQ(j["program"]["origin"], "last_good");
    EXPECT_EQ(j["program"]["sha256"], "bb");
    EXPECT_EQ(j["program"]["loaded_at"], "2022-08-29T14:02:11Z");
    EXPECT_EQ(j["program"]["warnings"],
              json::array({"/srv/program.txt:12: warning: talk has no abstract"}));
    EXPECT_EQ(j["last_error"],
              "/srv/program.txt:3: no such date 'Mon 31 Feb'; showing the last good program, "
              "saved in /var/lib/kiosk/last-good/program.txt");
    EXPECT_EQ(j["clock"]["shown"], "2022-08-29T09:10:00-07:00");
    EXPECT_EQ(j["clock"]["simulated"], true);
    EXPECT_EQ(j["config"]["origin"], "file");
    EXPECT_EQ(j["corrections"], nullptr);
    EXPECT_EQ(j["started_at"], "2022-08-29T14:02:11Z");
    EXPECT_EQ(j["updated_at"], "2022-08-29T16:10:05Z");
}

TEST(Status, NoProgramIsNullAndWarningsAreCapped) {
    Live none;
    json j = json::parse(status_json(none, {}, started, t0));
    EXPECT_EQ(j["program"], nullptr);
    EXPECT_EQ(j["last_error"], nullptr);
    EXPECT_EQ(j["clock"]["shown"], nullptr);

    Live many = sample_live();
    many.warnings.assign(500, Diagnostic{"p.txt", 1, Severity::warning, "x"});
    json k = json::parse(status_json(many, sample_screen(), started, t0));
    EXPECT_EQ(k["program"]["warnings"].size(), 20u);
    EXPECT_EQ(k["program"]["warning_count"], 500);
}

TEST(Status, CharactersNoFontHasAreWarnings) {
    ScreenState screen = sample_screen();
    json none = json::parse(status_json(sample_live(), screen, started, t0));
    EXPECT_EQ(none["missing_glyphs"], json::array());
    EXPECT_EQ(none["missing_glyph_count"], 0);
    screen.missing_glyphs = {"U+F0000", "U+10FFFD"};
    json j = json::parse(status_json(sample_live(), screen, started, t0));
    EXPECT_EQ(j["missing_glyphs"], json::array({"U+F0000", "U+10FFFD"}));
    EXPECT_EQ(j["missing_glyph_count"], 2);
}

// A status file whose writes land in `writes`.
StatusFile recording(std::vector<std::string>& writes) {
    return StatusFile(
        [&writes](std::string_view bytes) -> Result<Done> {
            writes.emplace_back(bytes);
            return Done{};
        },
        started);
}

TEST(Status, RewrittenOnChangeAndOnceAMinuteOtherwise) {
    std::vector<std::string> writes;
    StatusFile file = recording(writes);
    Live live = sample_live();
    ScreenState screen = sample_screen();
    EXPECT_TRUE(file.update(live, screen, t0));
    EXPECT_FALSE(file.update(live, screen, t0 + 1s));
    EXPECT_FALSE(file.update(live, screen, t0 + 59s));
    EXPECT_EQ(file.due(), t0 + 60s);
    EXPECT_TRUE(file.update(live, screen, t0 + 60s));  // the heartbeat
    screen.slide = "up_next";
    EXPECT_TRUE(file.update(live, screen, t0 + 61s));  // a change
    ASSERT_EQ(writes.size(), 3u);
    EXPECT_EQ(json::parse(writes.back())["slide"], "up_next");
    EXPECT_EQ(json::parse(writes.back())["updated_at"], "2022-08-29T16:11:01Z");
}

// A screen showing seconds does not rewrite its status every second: the file follows the
// clock's minute, and says the second it was written at.
TEST(Status, AClockWithSecondsIsNewsOnceAMinute) {
    std::vector<std::string> writes;
    StatusFile file = recording(writes);
    Live live = sample_live();
    ScreenState screen = sample_screen();
    EXPECT_TRUE(file.update(live, screen, t0));
    for (int s = 1; s < 60; ++s) {
        screen.shown = *sample_screen().shown + std::chrono::seconds(s);
        EXPECT_FALSE(file.update(live, screen, t0 + std::chrono::seconds(s))) << s;
    }
    screen.shown = *sample_screen().shown + 60s;  // the next minute
    EXPECT_TRUE(file.update(live, screen, t0 + 60s));
    ASSERT_EQ(writes.size(), 2u);
    EXPECT_EQ(json::parse(writes.back())["clock"]["shown"], "2022-08-29T09:11:00-07:00");
}

// The policy is HeartbeatFile's, the metrics file's too.
TEST(Status, AFailedWriteIsReportedAndNotRetriedEveryFrame) {
    int attempts = 0;
    StatusFile file(
        [&](std::string_view) -> Result<Done> {
            ++attempts;
            return fail(Diagnostic{"/run/kiosk/status.json", 0, Severity::error,
                                   "cannot write: disk full"});
        },
        started);
    EXPECT_FALSE(file.update(sample_live(), sample_screen(), t0));
    EXPECT_EQ(file.error(), "/run/kiosk/status.json: cannot write: disk full");
    EXPECT_FALSE(file.update(sample_live(), sample_screen(), t0 + 1s));
    EXPECT_EQ(attempts, 1);
}

}  // namespace
}  // namespace kiosk
