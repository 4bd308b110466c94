// The command line, run in-process: exit codes, messages and the usage text.
#include "kiosk/app/cli.h"

#include <gtest/gtest.h>

#include "kiosk/app/screen_setup.h"

#include "run_kiosk.h"
#include "temp_dir.h"

namespace kiosk {
namespace {

const std::string program = std::string(KIOSK_SOURCE_DIR) + "/data/program.txt";

TEST(Cli, VersionAndHelp) {
    auto v = run({"--version"});
    EXPECT_EQ(v.rc, 0);
    EXPECT_EQ(v.out.rfind("kiosk ", 0), 0u);
    auto h = run({"--help"});
    EXPECT_EQ(h.rc, 0);
    EXPECT_NE(h.out.find("usage: kiosk"), std::string::npos);
    for (const auto& c : commands()) {
        EXPECT_NE(h.out.find("kiosk " + std::string(c.name)), std::string::npos) << c.name;
    }
}

TEST(Cli, ShortVersionIsVersion) {
    auto v = run({"-V"});
    EXPECT_EQ(v.rc, exit_ok);
    EXPECT_EQ(v.out, version_string() + "\n");
    EXPECT_EQ(v.out, run({"--version"}).out);
}

TEST(Cli, HelpCommandIsHelp) {
    auto all = run({"help"});
    EXPECT_EQ(all.rc, exit_ok);
    EXPECT_EQ(all.out, run({"--help"}).out);
    EXPECT_EQ(all.out, usage());
}

TEST(Cli, HelpCommandNamesOneCommandLikeCommandHelp) {
    auto one = run({"help", "agenda"});
    EXPECT_EQ(one.rc, exit_ok);
    EXPECT_EQ(one.err, "");
    EXPECT_EQ(one.out.rfind("usage:\n  kiosk agenda --at TIME", 0), 0u) << one.out;
    EXPECT_NE(one.out.find("--json"), std::string::npos);
    EXPECT_EQ(one.out.find("kiosk render"), std::string::npos);
    EXPECT_EQ(one.out, run({"agenda", "--help"}).out);
    EXPECT_EQ(run({"help", "help"}).out.rfind("usage:\n  kiosk help [COMMAND]", 0), 0u);
}

TEST(Cli, HelpForAnUnknownCommandSuggestsOne) {
    auto r = run({"help", "agneda"});
    EXPECT_EQ(r.rc, exit_usage);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err,
              "kiosk: unknown command 'agneda' (did you mean 'agenda'?); see kiosk --help\n");
}

TEST(Cli, UnknownCommandIsOneLineWithASuggestion) {
    auto r = run({"agneda", "--at", "2022-08-29T09:10"});
    EXPECT_EQ(r.rc, exit_usage);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err,
              "kiosk: unknown command 'agneda' (did you mean 'agenda'?); see kiosk --help\n");
    EXPECT_EQ(run({"rendr"}).err,
              "kiosk: unknown command 'rendr' (did you mean 'render'?); see kiosk --help\n");
}

TEST(Cli, UnknownCommandWithNothingCloseIsOneLine) {
    auto r = run({"frobnicate"});
    EXPECT_EQ(r.rc, exit_usage);
    EXPECT_EQ(r.err, "kiosk: unknown command 'frobnicate'; see kiosk --help\n");
}

TEST(Cli, UnknownOptionIsOneLineWithASuggestion) {
    auto r = run({"check", program, "--jsno"});
    EXPECT_EQ(r.rc, exit_usage);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err,
              "kiosk: unknown option '--jsno' for 'check' (did you mean '--json'?); see kiosk "
              "check --help\n");
    EXPECT_EQ(run({"render", "--sise", "640x360"}).err,
              "kiosk: unknown option '--sise' for 'render' (did you mean '--size'?); see kiosk "
              "render --help\n");
}

TEST(Cli, UnknownOptionOfPlainKioskSuggestsRunsOptionsAndVersion) {
    EXPECT_EQ(run({"--windwed", "1280x720"}).err,
              "kiosk: unknown option '--windwed' (did you mean '--windowed'?); see kiosk --help\n");
    EXPECT_EQ(run({"--verison"}).err,
              "kiosk: unknown option '--verison' (did you mean '--version'?); see kiosk --help\n");
}

TEST(Cli, UnknownOptionWithNothingCloseIsOneLine) {
    auto r = run({"version", "--frob"});
    EXPECT_EQ(r.rc, exit_usage);
    EXPECT_EQ(r.err, "kiosk: unknown option '--frob' for 'version'; see kiosk version --help\n");
}

TEST(Cli, OtherCommandLineErrorsAreOneLineToo) {
    auto extra = run({"version", "extra"});
    EXPECT_EQ(extra.rc, exit_usage);
    EXPECT_EQ(extra.err,
              "kiosk: unexpected argument 'extra' for 'version'; see kiosk version --help\n");
    EXPECT_EQ(run({"check"}).err,
              "kiosk: 'check' needs FILE [--json] [--timezone TZ] [--year YYYY]; see kiosk check "
              "--help\n");
    EXPECT_EQ(run({"agenda", "--at"}).err,
              "kiosk: option '--at' needs TIME; see kiosk agenda --help\n");
    EXPECT_EQ(run({"check", program, "--json=yes"}).err,
              "kiosk: option '--json' takes no value; see kiosk check --help\n");
}

TEST(Cli, SizeTakesEitherX) {
    auto lower = parse_size("1920x1080", "--size");
    auto upper = parse_size("1920X1080", "--size");
    ASSERT_TRUE(lower.has_value());
    ASSERT_TRUE(upper.has_value());
    EXPECT_EQ(upper.value(), (Size{1920, 1080}));
    EXPECT_EQ(upper.value(), lower.value());
}

TEST(Cli, TimezoneTypoGetsASuggestion) {
    auto r = run({"check", program, "--timezone", "Europe/Berln"});
    EXPECT_EQ(r.rc, exit_usage);
    EXPECT_EQ(r.err,
              "kiosk: --timezone: unknown time zone 'Europe/Berln' (did you mean "
              "'Europe/Berlin'?)\n");
    EXPECT_EQ(run({"rooms", program, "--timezone", "los angeles"}).err,
              "kiosk: --timezone: unknown time zone 'los angeles' (did you mean "
              "'America/Los_Angeles'?)\n");
    EXPECT_EQ(run({"rooms", program, "--timezone", "Mars/Olympus"}).err,
              "kiosk: --timezone: unknown time zone 'Mars/Olympus' (expected an IANA name such as "
              "America/Los_Angeles)\n");
}

TEST(Cli, CheckConfigSuggestsTheZoneVenueTimezoneMeant) {
    TempDir dir;
    std::string path = dir.write("kiosk.toml", "[venue]\ntimezone = \"Europe/Berln\"\n");
    auto r = run({"check-config", path});
    EXPECT_EQ(r.rc, exit_failure);
    EXPECT_EQ(r.err, path +
                         ":2: venue.timezone names unknown time zone 'Europe/Berln' (did you mean "
                         "'Europe/Berlin'?)\n");
}

}  // namespace
}  // namespace kiosk
