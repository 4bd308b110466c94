// Every command finds the same config, and reads it the same way.
#include "kiosk/app/config_files.h"

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace kiosk {
namespace {

TEST(ConfigFiles, ConfigOptionWinsOverTheDefault) {
    Invocation inv;
    inv.options["--config"] = "/srv/screens/hall-b.toml";
    EXPECT_EQ(config_path(inv), "/srv/screens/hall-b.toml");
    EXPECT_EQ(config_path(Invocation{}), default_config_path());
}

TEST(ConfigFiles, DefaultIsTheInstalledConfigElseTheSourceTrees) {
    // In a build tree without an installed screen, the source tree's config/kiosk.toml applies.
    auto path = default_config_path();
    ASSERT_TRUE(path.has_value());
    EXPECT_TRUE(path->ends_with("/etc/kiosk/kiosk.toml") ||
                *path == std::string(KIOSK_SOURCE_DIR) + "/config/kiosk.toml")
        << *path;
}

TEST(ConfigFiles, RelativePathsInAConfigAreRelativeToItsFolder) {
    TempDir dir;
    std::string file = dir.write("screens/kiosk.toml", "[data]\nprogram = \"program.txt\"\n");
    auto config = load_config_file(file);
    ASSERT_TRUE(config.has_value());
    EXPECT_EQ(config.value().data.program, dir.path("screens") + "/program.txt");
}

TEST(ConfigFiles, AMissingOrBrokenConfigSaysWhichFile) {
    TempDir dir;
    auto missing = load_config_file(dir.path("nope.toml"));
    ASSERT_FALSE(missing.has_value());
    EXPECT_NE(to_string(missing.error().front()).find("nope.toml"), std::string::npos);
    std::string broken = dir.write("kiosk.toml", "[screen]\nrooom = \"A\"\n");
    auto bad = load_config_file(broken);
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(to_string(bad.error().front()).rfind(broken + ":2: ", 0), 0u)
        << to_string(bad.error().front());
}

}  // namespace
}  // namespace kiosk
