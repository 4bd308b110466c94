// Start-up paths for `kiosk run` (see run_start.h).
#include "kiosk/app/run_start.h"

#include <optional>

#include "kiosk/app/config_files.h"
#include "kiosk/app/metrics.h"

namespace kiosk {

RunStart run_start(const Invocation& inv, const EnvFn& env) {
    RealFileSystem fs;
    std::optional<std::string> path = config_path(inv);
    auto parse_at = [&](const std::string& file) -> std::optional<Config> {
        auto parsed = read_config(fs, file, *path);
        if (!parsed) return std::nullopt;
        return std::move(parsed.value());
    };
    std::optional<Config> config = path ? parse_at(*path) : Config{};
    RunStart out;
    out.state_dir = inv.get("--state-dir")
                        .value_or(config && !config->state.dir.empty() ? config->state.dir
                                                                       : default_state_dir(env));
    if (!config && path) config = parse_at(StateDir(out.state_dir, *path).config_copy());
    if (!config) config = Config{};
    out.status_file = inv.get("--status-file")
                          .value_or(config->state.status_file.empty()
                                        ? StateDir(out.state_dir, "").default_status_file()
                                        : config->state.status_file);
    std::string metrics_dir = inv.get("--metrics-dir").value_or(config->state.metrics_dir);
    if (!metrics_dir.empty()) out.metrics_file = metrics_file_path(metrics_dir, screen_name(inv));
    out.timezone = config->venue.timezone;
    return out;
}

}  // namespace kiosk
