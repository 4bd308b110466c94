// Which config applies and the one way a config file is read, for every command and the screen.
#pragma once

#include <optional>
#include <string>

#include "kiosk/app/cli.h"
#include "kiosk/app/state_fs.h"
#include "kiosk/core/config.h"
#include "kiosk/core/result.h"

namespace kiosk {

// The installed screen's config (/etc/kiosk/kiosk.toml under the install prefix), else the source
// tree's config/kiosk.toml (a kiosk run from its build folder), else none: built-in defaults.
std::optional<std::string> default_config_path();

// `--config FILE` when given, else default_config_path().
std::optional<std::string> config_path(const Invocation& inv);

// This machine's name (gethostname), which picks its entry in a fleet config's [screens].
std::string machine_name();

// The name of the screen a command speaks for: `--screen NAME`, else the machine's name.
std::string screen_name(const Invocation& inv);

// The folder relative paths in the config at `path` are resolved against ("." for a bare name).
std::string config_folder(const std::string& path);

// Parses a config's text: `path` names it in diagnostics, relative paths in it are resolved
// against the folder of `folder_of` (the file itself, or the one it is a last-good copy of).
Result<Config> parse_config_file(std::string_view text, const std::string& path,
                                 const std::string& folder_of);

// Reads and parses a config file through `fs`: it must exist and not be empty (an empty file is
// far more often a copy cut short than a wish for every default, which a comment expresses),
// and relative paths in it are relative to the folder of `folder_of`.
Result<Config> read_config(const FileSystem& fs, const std::string& path,
                           const std::string& folder_of);
Result<Config> read_config(const FileSystem& fs, const std::string& path);
Result<Config> load_config_file(const std::string& path);

}  // namespace kiosk
