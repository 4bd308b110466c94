// Config discovery, config file loading and today's date for every command (see environment.h).
#include "kiosk/app/environment.h"

#include <chrono>
#include <filesystem>

#include "kiosk/app/state_fs.h"

#ifndef KIOSK_SOURCE_DIR
#define KIOSK_SOURCE_DIR "."
#endif
#ifndef KIOSK_INSTALL_SYSCONFDIR
#define KIOSK_INSTALL_SYSCONFDIR "/etc/kiosk"
#endif

namespace kiosk {

std::optional<std::string> default_config_path() {
    for (std::string path : {std::string(KIOSK_INSTALL_SYSCONFDIR) + "/kiosk.toml",
                             std::string(KIOSK_SOURCE_DIR) + "/config/kiosk.toml"}) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(path, ec)) return path;
    }
    return std::nullopt;
}

std::optional<std::string> config_path(const Invocation& inv) {
    if (auto path = inv.get("--config")) return path;
    return default_config_path();
}

Result<Config> load_config_file(const std::string& path) {
    auto text = read_file(path);
    if (!text) return fail(text.error());
    std::string base = std::filesystem::path(path).parent_path().string();
    return parse_config(text.value(), path, base.empty() ? "." : base);
}

date::local_days today() {
    return date::local_days{
        date::floor<date::days>(std::chrono::system_clock::now()).time_since_epoch()};
}

}  // namespace kiosk
