// The state dir: last-good copies of the files a screen runs on, kept for the next start-up.
//
// Layout (one state dir may serve several screens or checkouts):
//   <dir>/last-good/<config>/kiosk.toml        the last config that parsed
//   <dir>/last-good/<config>/corrections.toml  the last corrections that parsed
//   <dir>/last-good/<config>/program.txt       the last program that imported, with the program
//                                              file's extension (an importer may go by it); a
//                                              program renamed to another extension starts
//                                              without a copy
//   <dir>/last-good/<config>/trying            the SHA-256 of a program on screen for the
//                                              first time, until a frame of it is drawn: a
//                                              start finding it there skips that version
//   <dir>/status.json                          the status file, unless configured elsewhere
//   <dir>/screen.png                           what the screen shows, at most a minute old (and
//                                              at once after SIGUSR2)
//
// <config> is the first 16 hex digits of the SHA-256 of the config's absolute path
// (`printf %s /etc/kiosk/kiosk.toml | sha256sum | cut -c1-16`), "no-config" for a screen run
// without one: two screens or two checkouts sharing a state dir never start on each other's
// copies. Copies kept by earlier versions straight in <dir>/last-good/ are not read: nothing
// says which config they were kept for, and borrowing another screen's copy is what the
// folders per config prevent. They can be deleted.
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
    // `config_path`: the config the screen runs on, as given (made absolute here); empty: none.
    StateDir(std::string dir, const std::string& config_path);

    const std::string& dir() const { return dir_; }
    // Where this config's copies are: <dir>/last-good/<config>.
    const std::string& last_good() const { return last_good_; }
    std::string config_copy() const;
    std::string corrections_copy() const;
    // Where the copy of the program configured as `program_path` lives.
    std::string program_copy(const std::string& program_path) const;
    // The program version on trial (reload.h, Reloader::shown); empty or missing: none.
    std::string trying_marker() const { return last_good_ + "/trying"; }
    std::string default_status_file() const;
    std::string screenshot() const;

  private:
    std::string dir_;
    std::string last_good_;
};

}  // namespace kiosk
