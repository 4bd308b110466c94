// `kiosk render` and the checks `kiosk run` makes before it opens a window, run in-process.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "kiosk/app/cli.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

struct Run {
    int rc;
    std::string out;
    std::string err;
};

Run run(std::vector<std::string_view> args) {
    std::ostringstream out, err;
    int rc = kiosk_main(args, {out, err});
    return {rc, out.str(), err.str()};
}

const std::string data = std::string(KIOSK_SOURCE_DIR) + "/data/program.txt";
const std::string config = std::string(KIOSK_SOURCE_DIR) + "/config/kiosk.toml";

std::string out_dir(const std::string& name) {
    auto dir = fs::path(KIOSK_BINARY_DIR) / "render_command_test" / name;
    fs::remove_all(dir);
    return dir.string();
}

TEST(RenderCommand, WritesOnePngPerSlideNamedByItsPlace) {
    auto dir = out_dir("all");
    auto r = run({"render", "--config", config, "--data", data, "--at", "2022-08-29T08:50",
                  "--size", "640x360", "--out", dir});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_EQ(r.out, dir + "/01-now.png\n" + dir + "/02-talk-1.png\n" + dir + "/03-talk-2.png\n" +
                         dir + "/04-talk-4.png\n" + dir + "/05-up-next.png\n" + dir +
                         "/06-around.png\n" + dir + "/07-later.png\n");
    EXPECT_GT(fs::file_size(dir + "/01-now.png"), 5000u);
}

TEST(RenderCommand, OneKindOfSlideAtAnAbsoluteInstant) {
    // 16:10Z is 09:10 at the venue: QuadraLib on stage; talk 3 has no abstract, so no spotlight.
    auto dir = out_dir("one");
    auto r = run({"render", "--config", config, "--data", data, "--room", "exhibit hall a", "--at",
                  "2022-08-29T16:10Z", "--size", "640x360", "--slide", "talk", "--out", dir});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_EQ(r.out,
              dir + "/02-talk-2.png\n" + dir + "/03-talk-4.png\n" + dir + "/04-talk-5.png\n");
}

TEST(RenderCommand, AnOverviewScreenRendersEveryRoomsNowAndNext) {
    auto dir = out_dir("overview");
    fs::create_directories(dir);
    std::string overview_config = dir + "/kiosk.toml";
    std::ofstream(overview_config) << "[venue]\ntimezone = \"America/Los_Angeles\"\n"
                                      "[screen]\nmode = \"overview\"\n[data]\nyear = 2022\n";
    auto r = run({"render", "--config", overview_config, "--data", data, "--at", "2022-08-29T09:10",
                  "--size", "1080x1920", "--out", dir});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_EQ(r.out, dir + "/01-overview-1.png\n");
}

TEST(RenderCommand, AnUnknownSlideNamesTheDeck) {
    auto r = run({"render", "--config", config, "--data", data, "--at", "2022-08-29T08:50",
                  "--size", "640x360", "--slide", "lunch", "--out", out_dir("unknown")});
    EXPECT_EQ(r.rc, 1);
    // The seed names no zone: the importer's warning comes first.
    EXPECT_EQ(r.err, data +
                         ": warning: the page names no time zone (no 'Timezone:' line); read in "
                         "America/Los_Angeles, the config's venue.timezone\n"
                         "kiosk: no slide 'lunch' at that time; the deck has: now talk-1 talk-2 "
                         "talk-4 up-next around later\n");
}

TEST(RenderCommand, AnUnknownRoomListsTheRooms) {
    auto r = run({"render", "--config", config, "--data", data, "--room", "Hall Z", "--at",
                  "2022-08-29T08:50", "--out", out_dir("room")});
    EXPECT_EQ(r.rc, 1);
    EXPECT_NE(r.err.find("Hall Z"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("Exhibit Hall A"), std::string::npos) << r.err;
}

TEST(RenderCommand, BadOptionsAreUsageErrors) {
    auto r = run({"render", "--data", data, "--at", "2022-08-29T08:50"});
    EXPECT_EQ(r.rc, 2);
    EXPECT_EQ(r.err, "kiosk: render needs --out (see kiosk render --help)\n");
    r = run({"render", "--data", data, "--at", "2022-08-29T08:50", "--size", "1920by1080", "--out",
             out_dir("size")});
    EXPECT_EQ(r.rc, 2);
    EXPECT_EQ(r.err,
              "kiosk: --size: expected a size such as 1920x1080 (from 160x120 to 16384x16384), "
              "not '1920by1080'\n");
    r = run({"render", "--config", config, "--data", data, "--at", "29 Aug 08:50", "--out",
             out_dir("at")});
    EXPECT_EQ(r.rc, 2);
    EXPECT_EQ(r.err.rfind("kiosk: --at: no date in '29 Aug 08:50'", 0), 0u) << r.err;
}

TEST(RunCommand, SpeedNeedsARehearsalStart) {
    auto r = run({"run", "--speed", "60"});
    EXPECT_EQ(r.rc, 2);
    EXPECT_EQ(r.err, "kiosk: --speed needs --now (the instant the rehearsal starts from)\n");
}

TEST(RunCommand, RunIsTheDefaultCommand) {
    auto r = run({"--speed", "60"});
    EXPECT_EQ(r.rc, 2);
    EXPECT_EQ(r.err, "kiosk: --speed needs --now (the instant the rehearsal starts from)\n");
}

}  // namespace
}  // namespace kiosk
