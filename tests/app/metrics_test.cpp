// The metrics file: its exact text, label escaping, where it goes, and when it is rewritten.
#include "kiosk/app/metrics.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kiosk {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using namespace std::chrono_literals;

const Instant started = date::sys_days{date::year{2022} / 8 / 29} + 14h + 2min + 11s;
const Instant t0 = date::sys_days{date::year{2022} / 8 / 29} + 16h + 10min;
const MetricsSource source{"hall-a", started};

// A screen on its last good program, a newer file having been refused while it ran.
Live sample_live() {
    Live live;
    live.program_file = {"/srv/program.txt",
                         FileOrigin::last_good,
                         "/var/lib/kiosk/last-good/program.txt",
                         "bb",
                         started,
                         "/srv/program.txt:3: no such date 'Mon 31 Feb'; keeping the last good "
                         "program",
                         t0};
    live.program = std::make_shared<const Program>();
    live.warnings = {{"/srv/program.txt", 12, Severity::warning, "talk has no abstract"}};
    live.reloads = 4;
    live.rejected = 2;
    live.held_back = 1;
    return live;
}

ScreenState sample_screen() {
    ScreenState s{"Exhibit Hall A", {"Outstanding Papers"}, "now", t0, "America/Los_Angeles", true};
    s.frames = {120, 0.75};
    s.text_cache = {37, 1'234'560};
    return s;
}

// Every family, in order, with its HELP and TYPE: the file as node_exporter reads it.
TEST(Metrics, SaysWhatIsOnWhereFromAndWhatWentWrong) {
    EXPECT_EQ(
        metrics_text(sample_live(), sample_screen(), source, t0 + 5s),
        R"(# HELP kiosk_up 1 while the screen runs; 0 once it has stopped cleanly (after a crash the file keeps 1 and kiosk_status_updated_timestamp_seconds stops moving).
# TYPE kiosk_up gauge
kiosk_up{screen="hall-a"} 1
# HELP kiosk_start_time_seconds When the screen started, in seconds since the epoch.
# TYPE kiosk_start_time_seconds gauge
kiosk_start_time_seconds{screen="hall-a"} 1661781731
# HELP kiosk_status_updated_timestamp_seconds When the screen last wrote this file, in seconds since the epoch: on every change and at least once a minute while it runs.
# TYPE kiosk_status_updated_timestamp_seconds gauge
kiosk_status_updated_timestamp_seconds{screen="hall-a"} 1661789405
# HELP kiosk_program_info The program file in use (path as configured), the SHA-256 of the bytes in use, and where they came from: file, last_good (the state folder's copy, the file being broken or missing at start-up) or none (no program loaded).
# TYPE kiosk_program_info gauge
kiosk_program_info{screen="hall-a",path="/srv/program.txt",sha256="bb",origin="last_good"} 1
# HELP kiosk_program_loaded_timestamp_seconds When the program in use was loaded, in seconds since the epoch.
# TYPE kiosk_program_loaded_timestamp_seconds gauge
kiosk_program_loaded_timestamp_seconds{screen="hall-a"} 1661781731
# HELP kiosk_program_warnings Warnings about the program in use: its import, the corrections, the scheduler.
# TYPE kiosk_program_warnings gauge
kiosk_program_warnings{screen="hall-a"} 1
# HELP kiosk_last_error_info Why the newest refused file (config, program, corrections) was refused; no series while every file is in use.
# TYPE kiosk_last_error_info gauge
kiosk_last_error_info{screen="hall-a",message="/srv/program.txt:3: no such date 'Mon 31 Feb'; keeping the last good program"} 1
# HELP kiosk_reloads_total Files (config, program, corrections) loaded while running, start-up's not counted.
# TYPE kiosk_reloads_total counter
kiosk_reloads_total{screen="hall-a"} 4
# HELP kiosk_rejected_updates_total New versions of the files refused while running, the screen keeping what it had: reason broken (the file does not load) or held_back (a program that looks cut short, until staff accept it).
# TYPE kiosk_rejected_updates_total counter
kiosk_rejected_updates_total{screen="hall-a",reason="broken"} 2
kiosk_rejected_updates_total{screen="hall-a",reason="held_back"} 1
# HELP kiosk_slide_info The slide on screen when the file was written, and the room it shows.
# TYPE kiosk_slide_info gauge
kiosk_slide_info{screen="hall-a",slide="now",room="Exhibit Hall A"} 1
# HELP kiosk_clock_simulated 1 while the screen shows a rehearsal clock (--now, --speed, the staff overlay) instead of the real time.
# TYPE kiosk_clock_simulated gauge
kiosk_clock_simulated{screen="hall-a"} 1
# HELP kiosk_frame_seconds Time taken to draw and show a frame.
# TYPE kiosk_frame_seconds summary
kiosk_frame_seconds_sum{screen="hall-a"} 0.75
kiosk_frame_seconds_count{screen="hall-a"} 120
# HELP kiosk_text_cache_entries Lines of text the screen keeps rendered as pictures, to draw them again without shaping them again.
# TYPE kiosk_text_cache_entries gauge
kiosk_text_cache_entries{screen="hall-a"} 37
# HELP kiosk_text_cache_bytes Bytes of the pixels of those lines, at four bytes a pixel; held under the cache's budget beyond what the latest frame drew.
# TYPE kiosk_text_cache_bytes gauge
kiosk_text_cache_bytes{screen="hall-a"} 1234560
)");
}

// A fact that does not hold has no series; its HELP and TYPE stay, so the file's shape does not
// depend on the screen's state.
TEST(Metrics, NoProgramNoErrorNoSlideNoRoom) {
    Live none;
    none.program_file.path = "/srv/program.txt";
    std::string text = metrics_text(none, {}, source, t0);
    EXPECT_THAT(text, HasSubstr("kiosk_up{screen=\"hall-a\"} 1\n"));
    EXPECT_THAT(text, HasSubstr("kiosk_program_info{screen=\"hall-a\",path=\"/srv/program.txt\","
                                "sha256=\"\",origin=\"none\"} 1\n"));
    EXPECT_THAT(text, HasSubstr("# TYPE kiosk_program_loaded_timestamp_seconds gauge\n# HELP"));
    EXPECT_THAT(text, HasSubstr("# TYPE kiosk_last_error_info gauge\n# HELP"));
    EXPECT_THAT(text, HasSubstr("# TYPE kiosk_slide_info gauge\n# HELP"));
    EXPECT_THAT(text, Not(HasSubstr("kiosk_last_error_info{")));
    EXPECT_THAT(text, HasSubstr("kiosk_frame_seconds_sum{screen=\"hall-a\"} 0\n"));
}

TEST(Metrics, LabelValuesAreEscapedAsTheExpositionFormatSays) {
    EXPECT_EQ(escape_label_value("Hall \"A\""), "Hall \\\"A\\\"");
    EXPECT_EQ(escape_label_value("C:\\kiosk\\program.txt"), "C:\\\\kiosk\\\\program.txt");
    EXPECT_EQ(escape_label_value("line one\nline two"), "line one\\nline two");
    EXPECT_EQ(escape_label_value("\\\"\n"), "\\\\\\\"\\n");
    EXPECT_EQ(escape_label_value("Salle Émile-Zola"), "Salle Émile-Zola");
    // Prometheus refuses a file that is not UTF-8; a refused program's message can quote it.
    EXPECT_EQ(escape_label_value("caf\xE9 \"x\""), "caf\xEF\xBF\xBD \\\"x\\\"");
    EXPECT_EQ(escape_label_value(""), "");

    Live live;
    live.program_file.error = "p.txt:1: \"Keynote\\Opening\"\nnext line";
    live.program_file.error_at = t0;
    ScreenState screen;
    screen.room = "Room \"1\"";
    screen.slide = "now";
    std::string text = metrics_text(live, screen, MetricsSource{"box \"7\"", started}, t0);
    EXPECT_THAT(text, HasSubstr("kiosk_up{screen=\"box \\\"7\\\"\"} 1\n"));
    EXPECT_THAT(text, HasSubstr("slide=\"now\",room=\"Room \\\"1\\\"\"} 1\n"));
    EXPECT_THAT(text, HasSubstr("kiosk_last_error_info{screen=\"box \\\"7\\\"\",message=\"p.txt:1: "
                                "\\\"Keynote\\\\Opening\\\"\\nnext line\"} 1\n"));
}

TEST(Metrics, ALongErrorIsCutAtACodePoint) {
    Live live;
    live.program_file.error = std::string(298, 'x') + "ééé";
    live.program_file.error_at = t0;
    std::string text = metrics_text(live, {}, source, t0);
    EXPECT_THAT(text, HasSubstr("message=\"" + std::string(298, 'x') + "é…\"} 1\n"));
}

TEST(Metrics, OneFilePerScreenNamedAfterIt) {
    EXPECT_EQ(metrics_file_path("/var/lib/prometheus/node-exporter", "hall-a"),
              "/var/lib/prometheus/node-exporter/kiosk-hall-a.prom");
    EXPECT_EQ(metrics_file_path("/m", "box-7.venue.example"), "/m/kiosk-box-7.venue.example.prom");
    EXPECT_EQ(metrics_file_path("/m", "Hall B (north)/2"), "/m/kiosk-Hall_B__north__2.prom");
    EXPECT_EQ(metrics_file_path("/m", ".."), "/m/kiosk-screen.prom");
    EXPECT_EQ(metrics_file_path("/m", ""), "/m/kiosk-screen.prom");
}

struct Written {
    std::vector<std::string> files;
    MetricsFile::Write write() {
        return [this](std::string_view bytes) -> Result<Done> {
            files.emplace_back(bytes);
            return Done{};
        };
    }
};

// On change and once a minute, like the status file; frames alone are no change.
TEST(Metrics, RewrittenOnChangeAndOnceAMinuteNeverForAFrame) {
    Written w;
    MetricsFile file(w.write(), source);
    Live live = sample_live();
    ScreenState screen = sample_screen();
    EXPECT_TRUE(file.update(live, screen, t0));
    screen.frames = {121, 0.76};
    EXPECT_FALSE(file.update(live, screen, t0 + 1s));
    EXPECT_FALSE(file.update(live, screen, t0 + 59s));
    EXPECT_EQ(file.due(), t0 + 60s);
    EXPECT_TRUE(file.update(live, screen, t0 + 60s));  // the heartbeat
    EXPECT_THAT(w.files.back(), HasSubstr("kiosk_frame_seconds_count{screen=\"hall-a\"} "
                                          "121\n"));
    screen.slide = "up_next";
    EXPECT_TRUE(file.update(live, screen, t0 + 61s));  // a change
    screen.text_cache.bytes += 4096;  // a line rendered: the cache is what a soak graphs
    EXPECT_TRUE(file.update(live, screen, t0 + 61s));
    EXPECT_THAT(w.files.back(), HasSubstr("kiosk_text_cache_bytes{screen=\"hall-a\"} 1238656\n"));
    live.rejected = 3;
    EXPECT_TRUE(file.update(live, screen, t0 + 62s));
    ASSERT_EQ(w.files.size(), 5u);
    EXPECT_THAT(w.files.back(),
                HasSubstr("kiosk_status_updated_timestamp_seconds{screen=\"hall-a\"} "
                          "1661789462\n"));
}

TEST(Metrics, AStoppedScreenSaysSo) {
    Written w;
    MetricsFile file(w.write(), source);
    EXPECT_TRUE(file.update(sample_live(), sample_screen(), t0));
    EXPECT_TRUE(file.stopped(sample_live(), sample_screen(), t0 + 1s));
    EXPECT_THAT(w.files.back(), HasSubstr("kiosk_up{screen=\"hall-a\"} 0\n"));
}

}  // namespace
}  // namespace kiosk
