// Where the state dir is and what it holds (see state.h).
#include "kiosk/app/state.h"

#include <cstdlib>
#include <filesystem>

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

std::string StateDir::config_copy() const { return dir_ + "/last-good/kiosk.toml"; }

std::string StateDir::corrections_copy() const { return dir_ + "/last-good/corrections.toml"; }

std::string StateDir::default_status_file() const { return dir_ + "/status.json"; }

std::string StateDir::program_copy(const std::string& program_path) const {
    return dir_ + "/last-good/program" + std::filesystem::path(program_path).extension().string();
}

}  // namespace kiosk
