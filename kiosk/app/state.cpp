// Where the state dir is and what it holds (see state.h).
#include "kiosk/app/state.h"

#include <cstdlib>
#include <filesystem>

#include "kiosk/core/sha256.h"

namespace kiosk {

EnvFn process_env() {
    return [](std::string_view name) -> std::optional<std::string> {
        const char* v = std::getenv(std::string(name).c_str());
        if (v == nullptr || *v == '\0') return std::nullopt;
        return std::string(v);
    };
}

std::string default_state_dir(const EnvFn& env) {
    if (auto d = env("STATE_DIRECTORY")) {
        // systemd joins several StateDirectory= entries with ':'; the first is this unit's own.
        return d->substr(0, d->find(':'));
    }
    if (auto d = env("XDG_STATE_HOME")) return *d + "/kiosk";
    if (auto h = env("HOME")) return *h + "/.local/state/kiosk";
    return "kiosk-state";
}

namespace {

// The folder of a config's copies. The path is made absolute without following symlinks, so
// `--config kiosk.toml` and `--config /etc/kiosk/kiosk.toml` share copies, while a symlink
// pointed elsewhere later keeps its own.
std::string config_folder_name(const std::string& config_path) {
    if (config_path.empty()) return "no-config";
    std::error_code ec;
    auto absolute = std::filesystem::absolute(config_path, ec);
    std::string key = ec ? config_path : absolute.lexically_normal().string();
    return sha256_hex(key).substr(0, 16);
}

}  // namespace

StateDir::StateDir(std::string dir, const std::string& config_path)
    : dir_(std::move(dir)), last_good_(dir_ + "/last-good/" + config_folder_name(config_path)) {}

std::string StateDir::config_copy() const { return last_good_ + "/kiosk.toml"; }

std::string StateDir::corrections_copy() const { return last_good_ + "/corrections.toml"; }

std::string StateDir::default_status_file() const { return dir_ + "/status.json"; }

std::string StateDir::screenshot() const { return dir_ + "/screen.png"; }

std::string StateDir::program_copy(const std::string& program_path) const {
    return last_good_ + "/program" + std::filesystem::path(program_path).extension().string();
}

}  // namespace kiosk
