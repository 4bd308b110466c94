// Config discovery and reading for every command and the screen (see config_files.h).
#include "kiosk/app/config_files.h"

#include <filesystem>

#include <unistd.h>

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

std::string machine_name() {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0) return "";
    return name;
}

std::string screen_name(const Invocation& inv) {
    return inv.get("--screen").value_or(machine_name());
}

std::string config_folder(const std::string& path) {
    std::string base = std::filesystem::path(path).parent_path().string();
    return base.empty() ? "." : base;
}

Result<Config> parse_config_file(std::string_view text, const std::string& path,
                                 const std::string& folder_of) {
    return parse_config(text, path, config_folder(folder_of));
}

Result<Config> read_config(const FileSystem& fs, const std::string& path,
                           const std::string& folder_of) {
    auto text = read_input(fs, path);
    if (!text) return fail(text.error());
    return parse_config_file(text.value(), path, folder_of);
}

Result<Config> read_config(const FileSystem& fs, const std::string& path) {
    return read_config(fs, path, path);
}

Result<Config> load_config_file(const std::string& path) {
    return read_config(RealFileSystem{}, path);
}

}  // namespace kiosk
