// `kiosk announce`, end to end: the real binary on a config with comments in a temporary folder.
// The file keeps its comments and mode, the entry parses, --clear removes every announcement, and
// what is refused (a bad time, a broken file) leaves the file as it was, byte for byte.
#include <algorithm>
#include <array>
#include <cstdio>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "kiosk/app/announce.h"
#include "kiosk/app/config_files.h"
#include "kiosk/app/state_fs.h"
#include "kiosk/core/time.h"

#include "temp_dir.h"

namespace kiosk {
namespace {

struct Ran {
    int rc;
    std::string output;  // stdout and stderr
};

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

Ran kiosk(const std::vector<std::string>& args) {
    std::string cmd = KIOSK_EXE;
    for (const auto& a : args) cmd += " " + quoted(a);
    cmd += " 2>&1";
    FILE* p = ::popen(cmd.c_str(), "r");
    if (p == nullptr) return {-1, "popen failed"};
    std::string out;
    std::array<char, 4096> buf{};
    while (std::size_t n = std::fread(buf.data(), 1, buf.size(), p)) out.append(buf.data(), n);
    int status = ::pclose(p);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

const std::string config_text = R"(# The screen by Hall A: staff edit this file.
[venue]
name = "Santa Clara Convention Center"
timezone = "America/Los_Angeles"  # the venue's zone

[screen]
room = "Exhibit Hall A"

[data]
program = ")" + std::string(KIOSK_SOURCE_DIR) +
                                R"(/data/program.txt"
year = 2022
)";

Config parsed(const std::string& path) {
    auto c = parse_config_file(read_file(path).value(), path, path);
    EXPECT_TRUE(c.has_value()) << (c ? "" : format_diagnostics(c.error()));
    return c ? c.value() : Config{};
}

Instant utc(int y, unsigned m, unsigned d, int h, int min) {
    return date::sys_days{date::year{y} / date::month{m} / date::day{d}} + std::chrono::hours{h} +
           std::chrono::minutes{min};
}

TEST(AnnounceCommand, AddsEntriesKeepingCommentsAndModeThenClearsThem) {
    TempDir dir;
    std::string path = dir.write("kiosk.toml", config_text);
    ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
    auto added = kiosk({"announce", "Coffee in the foyer", "--from", "2030-08-29T10:00", "--until",
                        "2030-08-29T10:30", "--config", path});
    EXPECT_EQ(added.rc, 0) << added.output;
    EXPECT_EQ(added.output, "added to " + path +
                                ": ticker, from 2030-08-29T10:00:00-07:00, until "
                                "2030-08-29T10:30:00-07:00\n");
    std::string text = read_file(path).value();
    EXPECT_TRUE(text.starts_with(config_text)) << text;  // every comment and line as it was
    Config c = parsed(path);
    ASSERT_EQ(c.announcements.size(), 1u);
    EXPECT_EQ(c.announcements[0],
              (Announcement{"Coffee in the foyer", utc(2030, 8, 29, 17, 0),
                            utc(2030, 8, 29, 17, 30), AnnouncementLevel::ticker}));
    struct ::stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0640u);

    auto urgent = kiosk({"announce", "--urgent", "Keynote moved to Ballroom B", "--config", path});
    EXPECT_EQ(urgent.rc, 0) << urgent.output;
    c = parsed(path);
    ASSERT_EQ(c.announcements.size(), 2u);
    EXPECT_EQ(c.announcements[1], (Announcement{"Keynote moved to Ballroom B", std::nullopt,
                                                std::nullopt, AnnouncementLevel::urgent}));

    auto cleared = kiosk({"announce", "--clear", "--config", path});
    EXPECT_EQ(cleared.rc, 0) << cleared.output;
    EXPECT_EQ(cleared.output, "cleared every announcement in " + path + "\n");
    EXPECT_EQ(read_file(path).value(), config_text);
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0640u);
}

TEST(AnnounceCommand, WhatIsRefusedLeavesTheFileAsItWas) {
    TempDir dir;
    std::string path = dir.write("kiosk.toml", config_text);
    // The output starts with `said`, and is one line.
    auto refused = [&](std::vector<std::string> args, int rc, const std::string& said) {
        SCOPED_TRACE(args.at(1));
        args.insert(args.end(), {"--config", path});
        auto r = kiosk(args);
        EXPECT_EQ(r.rc, rc) << r.output;
        EXPECT_TRUE(r.output.starts_with(said)) << r.output;
        EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
        EXPECT_EQ(read_file(path).value(), config_text);
    };
    refused({"announce", "Coffee", "--until", "25:99"}, 2,
            "kiosk: --until: '25:99' is not a time of day (expected e.g. 10:30, or a date and "
            "time such as 2022-08-29T10:30); see kiosk announce --help\n");
    refused({"announce", "Coffee", "--until", "soon"}, 2,
            "kiosk: --until: no date in 'soon' (expected e.g. 2022-08-29T09:10, "
            "2022-08-29T16:10Z or 2022-08-29T09:10-07:00); see kiosk announce --help\n");
    refused({"announce", "Coffee", "--until", "2001-08-29T10:30"}, 2,
            "kiosk: --until 2001-08-29T10:30 has passed already (it is ");
    refused({"announce", "Coffee", "--from", "2030-08-29T11:00", "--until", "2030-08-29T10:30"}, 2,
            "kiosk: --from 2030-08-29T11:00 is not before --until 2030-08-29T10:30; see kiosk "
            "announce --help\n");
    refused({"announce", "  ", "--until", "2030-08-29T10:30"}, 1,
            "kiosk: " + path + ": the announcement's text is empty\n");
    refused({"announce", "--clear", "Coffee"}, 2,
            "kiosk: announce --clear takes no text, --from, --until or --urgent; see kiosk "
            "announce --help\n");
    refused({"announce", "--until", "10:30"}, 2,
            "kiosk: announce needs the text to show (or --clear); see kiosk announce --help\n");
    // A broken file is not edited: its error, with its line.
    std::string broken = config_text + "[clock]\nformat = \"25h\"\n";
    dir.write("kiosk.toml", broken);
    auto r = kiosk({"announce", "Coffee", "--config", path});
    EXPECT_EQ(r.rc, 1);
    EXPECT_EQ(r.output, path + ":13: clock.format must be '24h' or '12h', not '25h'\n");
    EXPECT_EQ(read_file(path).value(), broken);
}

TEST(AnnounceCommand, HelpSaysHowToUseIt) {
    auto r = kiosk({"help", "announce"});
    EXPECT_EQ(r.rc, 0);
    EXPECT_TRUE(r.output.starts_with("usage:\n  kiosk announce TEXT")) << r.output;
    EXPECT_NE(r.output.find("--clear"), std::string::npos);
}

// A time of day is today's, in the zone given; anything else is left to parse_instant.
TEST(AnnounceTimes, ATimeOfDayIsToday) {
    auto la = find_zone("America/Los_Angeles").value();
    Instant late = utc(2022, 8, 30, 6, 0);  // still the 29th in Los Angeles
    EXPECT_EQ(with_today("10:30", *la, late), "2022-08-29T10:30");
    EXPECT_EQ(with_today("9:05", *la, late), "2022-08-29T09:05");
    EXPECT_EQ(with_today("10:30:15", *la, late), "2022-08-29T10:30:15");
    EXPECT_EQ(with_today("2022-08-30T10:30", *la, late), "2022-08-30T10:30");
    EXPECT_EQ(with_today("soon", *la, late), "soon");
    EXPECT_EQ(with_today("123:30", *la, late), "123:30");
}

TEST(AnnounceTimes, StaffSeeEachAnnouncementAndWhetherItIsOn) {
    Config c;
    c.announcement.text = "Lunch in Hall B";
    c.announcements = {
        {"Coffee", utc(2022, 8, 29, 17, 0), utc(2022, 8, 29, 17, 30), AnnouncementLevel::ticker}};
    auto la = find_zone("America/Los_Angeles").value();
    EXPECT_EQ(announcement_lines(c, *la, utc(2022, 8, 29, 16, 0)),
              (std::vector<std::string>{
                  "URGENT  Lunch in Hall B  \u00B7  on now",
                  "NOTICE  Coffee  \u00B7  from Mon 29 Aug 10:00  \u00B7  until Mon 29 Aug 10:30"
                  "  \u00B7  not yet"}));
    EXPECT_EQ(announcement_lines(c, *la, utc(2022, 8, 29, 18, 0)).back().substr(0, 6), "NOTICE");
    EXPECT_TRUE(announcement_lines(c, *la, utc(2022, 8, 29, 18, 0)).back().ends_with("over"));
    // Any change to any of them changes the key that "Clear all" carries.
    std::string key = announcements_key(c);
    c.announcements[0].until = utc(2022, 8, 29, 17, 45);
    EXPECT_NE(announcements_key(c), key);
    EXPECT_EQ(announcements_key(Config{}), "");
}

}  // namespace
}  // namespace kiosk
