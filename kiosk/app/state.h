// The state dir: last-good copies of the files a screen runs on, kept for the next start-up.
//
// Layout (one state dir per screen):
//   <dir>/last-good/kiosk.toml          the last config that parsed
//   <dir>/last-good/corrections.toml    the last corrections that parsed
//   <dir>/last-good/program.txt         the last program that imported, with the program file's
//                                       extension (an importer may go by it); a program renamed
//                                       to another extension starts without a copy
//   <dir>/status.json                   the status file, unless configured elsewhere
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/app/state_fs.h"

namespace kiosk {

// Reads an environment variable; injected so tests do not depend on the caller's environment.
using EnvFn = std::function<std::optional<std::string>(std::string_view)>;
EnvFn process_env();

// $STATE_DIRECTORY (systemd's StateDirectory=; the first of several), else $XDG_STATE_HOME/kiosk,
// else $HOME/.local/state/kiosk, else ./kiosk-state.
std::string default_state_dir(const EnvFn& env);

class StateDir {
  public:
    explicit StateDir(std::string dir) : dir_(std::move(dir)) {}

    const std::string& dir() const { return dir_; }
    std::string config_copy() const;
    std::string corrections_copy() const;
    // Where the copy of the program configured as `program_path` lives.
    std::string program_copy(const std::string& program_path) const;
    std::string default_status_file() const;

  private:
    std::string dir_;
};

}  // namespace kiosk
