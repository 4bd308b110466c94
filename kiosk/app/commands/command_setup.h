// What every command that reads a program starts from: the config (--config, else the default
// one, else the built-in defaults) with the command line's choices applied, and the program
// loaded through the one pipeline (program_files.h) at the right day.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "kiosk/app/cli.h"
#include "kiosk/app/program_files.h"
#include "kiosk/core/config.h"

namespace kiosk {

struct CommandSetup {
    Config config;
    std::string zone_origin;         // where the config's zone came from, for `check`'s summary
    std::string config_file;         // the config file read; empty: none, the built-in defaults
    std::string configured_program;  // data.program as the config names it, before FILE or --data
};

// The config with --data (or the FILE argument of `check` and `rooms`), --room, --corrections,
// --timezone and --year applied. On an error it is printed to io.err and the exit code comes back
// instead: 1 for a broken config file, 2 for a bad option.
std::variant<CommandSetup, int> command_setup(const Invocation& inv, CommandIo io);

// The program at `reference_day` through the pipeline, its errors and warnings printed once.
ProgramLoad load_and_report(const Config& config, date::local_days reference_day, CommandIo io);

// A venue-local time option (`--at`) read in the zone the program resolves to, with the program
// loaded (once) for the day it names. Errors are printed; none comes back then, with `rc` set.
struct TimedLoad {
    ProgramLoad load;
    Instant at;
};
std::optional<TimedLoad> load_at(const Config& config, std::string_view option,
                                 const std::string& text, CommandIo io, int& rc);

}  // namespace kiosk
