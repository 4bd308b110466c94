// Where `kiosk run` finds its state folder, status file and zone before the reloader runs.
#include "kiosk/app/run_start.h"

#include <gtest/gtest.h>

#include "kiosk/app/config_files.h"

#include "temp_dir.h"

namespace kiosk {
namespace {

using namespace std::chrono_literals;

Invocation invocation(std::map<std::string, std::string> options) {
    return Invocation{"run", std::move(options), {}};
}

EnvFn env_with_state_directory() {
    return [](std::string_view name) -> std::optional<std::string> {
        if (name == "STATE_DIRECTORY") return "/var/lib/kiosk";
        return std::nullopt;
    };
}

TEST(RunStart, StateDirAndStatusFileFromCommandLineThenConfigThenDefaults) {
    TempDir dir;
    std::string config = dir.write(
        "kiosk.toml", "[venue]\ntimezone = \"Europe/Berlin\"\n[state]\ndir = \"state\"\n");
    auto from_config = run_start(invocation({{"--config", config}}), env_with_state_directory());
    EXPECT_EQ(from_config.state_dir, dir.path("state"));
    EXPECT_EQ(from_config.status_file, dir.path("state") + "/status.json");
    EXPECT_EQ(from_config.timezone, "Europe/Berlin");

    auto given = run_start(invocation({{"--config", config},
                                       {"--state-dir", "/srv/state"},
                                       {"--status-file", "/run/kiosk.json"}}),
                           env_with_state_directory());
    EXPECT_EQ(given.state_dir, "/srv/state");
    EXPECT_EQ(given.status_file, "/run/kiosk.json");

    auto none = run_start(invocation({}), env_with_state_directory());
    EXPECT_EQ(none.state_dir, "/var/lib/kiosk");
    EXPECT_EQ(none.status_file, "/var/lib/kiosk/status.json");
    // Without --config the default config applies, as for every other command: the installed
    // one, else the source tree's; built-in defaults (UTC) only where there is neither.
    auto fallback = default_config_path();
    EXPECT_EQ(none.timezone,
              fallback ? load_config_file(*fallback).value().venue.timezone : std::string("UTC"));
}

TEST(RunStart, MetricsFileFromCommandLineThenConfigElseNone) {
    TempDir dir;
    std::string config = dir.write("kiosk.toml", "[state]\ndir = \"hall-a\"\n");
    EXPECT_EQ(run_start(invocation({{"--config", config}, {"--screen", "hall-a"}}),
                        env_with_state_directory())
                  .metrics_file,
              "");

    std::string with_dir = dir.write("with.toml", "[state]\nmetrics_dir = \"metrics\"\n");
    // Named after the screen (kiosk@hall-a passes --screen hall-a): one node_exporter folder
    // serves every screen of a box.
    EXPECT_EQ(run_start(invocation({{"--config", with_dir}, {"--screen", "hall-a"}}),
                        env_with_state_directory())
                  .metrics_file,
              dir.path("metrics") + "/kiosk-hall-a.prom");
    EXPECT_EQ(run_start(invocation({{"--config", with_dir},
                                    {"--screen", "hall-a"},
                                    {"--metrics-dir", "/var/lib/prometheus/node-exporter"}}),
                        env_with_state_directory())
                  .metrics_file,
              "/var/lib/prometheus/node-exporter/kiosk-hall-a.prom");
}

TEST(RunStart, ABrokenConfigsZoneComesFromItsLastGoodCopy) {
    TempDir dir;
    std::string config = dir.write("kiosk.toml", "[venue\n");
    std::string copy = StateDir(dir.path("state"), config).config_copy();
    dir.write(copy.substr(dir.path().size() + 1), "[venue]\ntimezone = \"America/Los_Angeles\"\n");
    auto start = run_start(invocation({{"--config", config}, {"--state-dir", dir.path("state")}}),
                           env_with_state_directory());
    EXPECT_EQ(start.timezone, "America/Los_Angeles");
}

}  // namespace
}  // namespace kiosk
