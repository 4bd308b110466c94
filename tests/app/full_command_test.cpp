// `kiosk full`: the real binary marking a room full in a commented config and clearing it, the
// file edited in place (comments kept) or left as it was when the room is wrong.
#include <cstdio>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "kiosk/core/config.h"

#include "temp_dir.h"

namespace kiosk {
namespace {

const std::string seed = KIOSK_SOURCE_DIR "/data/program.txt";

struct Ran {
    int rc = -1;
    std::string out;
    std::string err;
};

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// The kiosk binary as staff run it, stdout and stderr apart.
Ran kiosk(const TempDir& dir, const std::vector<std::string>& args) {
    std::string cmd = shell_quote(KIOSK_EXE);
    for (const auto& a : args) cmd += " " + shell_quote(a);
    cmd += " >" + shell_quote(dir.path("out.txt")) + " 2>" + shell_quote(dir.path("err.txt"));
    int status = std::system(cmd.c_str());
    Ran r;
    r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(dir.path("out.txt"));
    r.err = slurp(dir.path("err.txt"));
    return r;
}

std::string commented_config() {
    return "# The hall screens' config\n"
           "[venue]\n"
           "timezone = \"America/Los_Angeles\"  # the venue's\n"
           "\n"
           "[screen]\n"
           "room = \"Exhibit Hall A\"\n"
           "\n"
           "[data]\n"
           "program = \"" +
           seed +
           "\"\n"
           "year = 2022\n"
           "# keep this comment\n";
}

TEST(FullCommand, MarksTheRoomUntilItsSessionEndsKeepingComments) {
    TempDir dir;
    std::string path = dir.write("kiosk.toml", commented_config());
    ::chmod(path.c_str(), 0640);
    // Outstanding Papers is on from 08:45 until about 10:00 (an oral: 75 minutes).
    auto r = kiosk(dir, {"full", "exhibit hall a", "--config", path, "--now", "2022-08-29T09:10"});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_EQ(r.out, path +
                         ": Exhibit Hall A is marked full until 10:00 "
                         "(2022-08-29T10:00:00-07:00)\n");
    EXPECT_EQ(slurp(path), commented_config() +
                               "\n[full]\n\"Exhibit Hall A\" = \"2022-08-29T10:00:00-07:00\"\n");
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0640u);  // the file's mode is kept
    auto parsed = parse_config(slurp(path), path, "");
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(date::format("%FT%RZ", parsed->full.at("Exhibit Hall A")), "2022-08-29T17:00Z");
    // check-config accepts the room it wrote.
    EXPECT_EQ(kiosk(dir, {"check-config", path}).rc, 0);
}

TEST(FullCommand, TakesATimeTodayOrADateAndTime) {
    TempDir dir;
    std::string path = dir.write("kiosk.toml", commented_config());
    auto r = kiosk(dir, {"full", "Mission City Ballroom", "--until", "18:30", "--config", path,
                         "--now", "2022-08-29T12:00"});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_NE(slurp(path).find("\"Mission City Ballroom\" = \"2022-08-29T18:30:00-07:00\"\n"),
              std::string::npos);
    r = kiosk(dir, {"full", "Mission City Ballroom", "--until", "2022-08-29T19:00", "--config",
                    path, "--now", "2022-08-29T12:00"});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_NE(slurp(path).find("\"Mission City Ballroom\" = \"2022-08-29T19:00:00-07:00\"\n"),
              std::string::npos);
    std::string before = slurp(path);
    r = kiosk(dir, {"full", "Mission City Ballroom", "--until", "11:00", "--config", path, "--now",
                    "2022-08-29T12:00"});
    EXPECT_EQ(r.rc, 2);
    EXPECT_EQ(r.err, "kiosk: --until 11:00 has passed (it is 12:00 at the venue)\n");
    EXPECT_EQ(slurp(path), before);
}

TEST(FullCommand, RefusesARoomTheProgramDoesNotKnowAndLeavesTheFile) {
    TempDir dir;
    std::string path = dir.write("kiosk.toml", commented_config());
    auto r = kiosk(dir, {"full", "Exhibit Hal A", "--config", path, "--now", "2022-08-29T09:10"});
    EXPECT_EQ(r.rc, 1);
    EXPECT_EQ(r.err,
              "kiosk: no room 'Exhibit Hal A' in " + seed + "; did you mean 'Exhibit Hall A'?\n");
    EXPECT_EQ(slurp(path), commented_config());
}

TEST(FullCommand, AsksForUntilWhenNothingIsOn) {
    TempDir dir;
    std::string path = dir.write("kiosk.toml", commented_config());
    auto r = kiosk(
        dir, {"full", "Mission City Ballroom", "--config", path, "--now", "2022-08-29T12:00"});
    EXPECT_EQ(r.rc, 2);
    EXPECT_EQ(r.err,
              "kiosk: nothing is on in Mission City Ballroom now (12:00): say until when "
              "with --until TIME\n");
    EXPECT_EQ(slurp(path), commented_config());
}

TEST(FullCommand, ClearRemovesOneMarkOrEvery) {
    TempDir dir;
    std::string path = dir.write("kiosk.toml", commented_config());
    for (const char* room : {"Exhibit Hall A", "Mission City Ballroom"}) {
        ASSERT_EQ(kiosk(dir, {"full", room, "--until", "23:00", "--config", path, "--now",
                              "2022-08-29T12:00"})
                      .rc,
                  0);
    }
    auto r = kiosk(dir, {"full", "--clear", "exhibit hall a", "--config", path});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_EQ(r.out, path + ": exhibit hall a is no longer marked full\n");
    EXPECT_EQ(slurp(path), commented_config() +
                               "\n[full]\n\"Mission City Ballroom\" = "
                               "\"2022-08-29T23:00:00-07:00\"\n");
    r = kiosk(dir, {"full", "--clear", "--config", path});
    EXPECT_EQ(r.rc, 0) << r.err;
    EXPECT_EQ(r.out, path + ": cleared 1 mark\n");
    EXPECT_EQ(slurp(path), commented_config() + "\n[full]\n");
    // A typo while clearing gets the program's suggestion.
    r = kiosk(dir, {"full", "--clear", "Exhibit Hal A", "--config", path});
    EXPECT_EQ(r.rc, 1);
    EXPECT_EQ(r.err,
              "kiosk: no room 'Exhibit Hal A' in " + seed + "; did you mean 'Exhibit Hall A'?\n");
}

TEST(FullCommand, CheckConfigRefusesAMarkOnAnUnknownRoom) {
    TempDir dir;
    std::string path = dir.write(
        "kiosk.toml", commented_config() + "[full]\n\"Exhibit Hal A\" = \"2022-08-29T10:00\"\n");
    auto r = kiosk(dir, {"check-config", path});
    EXPECT_EQ(r.rc, 1);
    EXPECT_EQ(r.err, path + ":13: full: no room 'Exhibit Hal A' in " + seed +
                         "; did you mean 'Exhibit Hall A'?\n");
}

}  // namespace
}  // namespace kiosk
