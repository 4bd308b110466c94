// The command line, run in-process: exit codes, messages and the usage text.
#include "kiosk/app/cli.h"

#include <gtest/gtest.h>

#include "run_kiosk.h"

namespace kiosk {
namespace {

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

TEST(Cli, UnknownCommandExits2WithOneLineAndUsage) {
    auto r = run({"frobnicate"});
    EXPECT_EQ(r.rc, exit_usage);
    EXPECT_EQ(r.err.rfind("kiosk: unknown command 'frobnicate'\nusage: kiosk", 0), 0u);
}

TEST(Cli, UnknownOptionExits2) {
    auto r = run({"version", "--frob"});
    EXPECT_EQ(r.rc, exit_usage);
    EXPECT_EQ(r.err.rfind("kiosk: unknown option '--frob' for 'version'", 0), 0u);
}

TEST(Cli, UnexpectedPositionalExits2) {
    auto r = run({"version", "extra"});
    EXPECT_EQ(r.rc, exit_usage);
    EXPECT_NE(r.err.find("unexpected argument 'extra'"), std::string::npos);
}

}  // namespace
}  // namespace kiosk
