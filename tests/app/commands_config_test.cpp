// `kiosk check-config`: exit codes, the summary, and errors with file and line.
#include <gtest/gtest.h>

#include "run_kiosk.h"
#include "temp_dir.h"

namespace kiosk {
namespace {

TEST(CheckConfig, ShippedConfigIsOk) {
    std::string path = std::string(KIOSK_SOURCE_DIR) + "/config/kiosk.toml";
    auto r = run({"check-config", path});
    EXPECT_EQ(r.rc, exit_ok) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out, path + ": ok: room 'Exhibit Hall A', program " + KIOSK_SOURCE_DIR +
                         "/data/program.txt, zone America/Los_Angeles\n");
}

TEST(CheckConfig, ErrorsExit1WithFileAndLine) {
    TempDir dir;
    std::string path =
        dir.write("kiosk.toml", "[screen]\nroom = \"A\"\nrooom = \"B\"\nrotation = 45\n");
    auto r = run({"check-config", path});
    EXPECT_EQ(r.rc, exit_failure);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, path + ":3: unknown key 'screen.rooom' (did you mean 'room'?)\n" + path +
                         ":4: screen.rotation must be 0, 90, 180 or 270, not 45\n");
}

TEST(CheckConfig, WarnsAboutFilesThatAreNotThere) {
    TempDir dir;
    std::string path = dir.write("kiosk.toml", "[screen]\nroom = \"A\"\n[data]\nyear = 2022\n");
    auto r = run({"check-config", path});
    EXPECT_EQ(r.rc, exit_ok);
    EXPECT_EQ(r.err, path + ": warning: data.program names '" + dir.path("program.txt") +
                         "', which does not exist (yet)\n");
}

TEST(CheckConfig, MissingFileExits1) {
    auto r = run({"check-config", "/nonexistent/kiosk.toml"});
    EXPECT_EQ(r.rc, exit_failure);
    EXPECT_EQ(r.err, "/nonexistent/kiosk.toml: cannot read: no such file\n");
}

}  // namespace
}  // namespace kiosk
