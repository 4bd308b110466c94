// What the commands take from the machine: which config applies, how a config file is read, and
// today's date. One place, so `run`, `render`, `check` and `agenda` agree on all three.
#pragma once

#include <optional>
#include <string>

#include <date/date.h>

#include "kiosk/app/cli.h"
#include "kiosk/core/config.h"
#include "kiosk/core/result.h"

namespace kiosk {

// The installed screen's config (/etc/kiosk/kiosk.toml under the install prefix), else the source
// tree's config/kiosk.toml (a kiosk run from its build folder), else none: built-in defaults.
std::optional<std::string> default_config_path();

// `--config FILE` when given, else default_config_path().
std::optional<std::string> config_path(const Invocation& inv);

// Reads and parses a config file; relative paths in it are relative to its folder.
Result<Config> load_config_file(const std::string& path);

// Today, as the system clock has it (the app is the one layer that reads the clock). Day pages
// resolve years to within ±6 years of it, so the UTC day serves wherever the venue is.
date::local_days today();

}  // namespace kiosk
