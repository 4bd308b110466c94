// The command line: subcommands and their options declared as data, parsed into an Invocation.
//
// Every command's options live in one table (cli.cpp) so `--help` and the parser cannot drift
// apart. A command is a function from an Invocation to an exit code; it writes to the streams it is
// given, so tests run commands in-process.
#pragma once

#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/result.h"

namespace kiosk {

// Exit codes, the same for every command.
enum ExitCode : int {
    exit_ok = 0,       // done; for `check`: the file is usable
    exit_failure = 1,  // the data was not usable, or running failed
    exit_usage = 2,    // the command line was wrong
};

struct Invocation {
    std::string command;                         // "run", "check", …
    std::map<std::string, std::string> options;  // "--data" -> "program.txt"; flags map to ""
    std::vector<std::string> positionals;

    bool has(std::string_view option) const { return options.count(std::string(option)) != 0; }
    std::optional<std::string> get(std::string_view option) const;
};

struct CommandIo {
    std::ostream& out;
    std::ostream& err;
};

using CommandFn = int (*)(const Invocation&, CommandIo);

struct OptionSpec {
    std::string_view name;        // "--data"
    std::string_view value_name;  // "FILE"; empty for a flag
    std::string_view help;
};

struct CommandSpec {
    std::string_view name;      // "check"
    std::string_view synopsis;  // "FILE [--json]"
    std::string_view summary;   // one line for --help
    std::vector<OptionSpec> options;
    int min_positionals = 0;
    int max_positionals = 0;
    CommandFn run = nullptr;
};

// The command table, in the order `--help` lists it. `run` is the default command; `help` lists
// them all, or one command's options.
const std::vector<CommandSpec>& commands();

// Parses argv[1..]. The error is one line, with a suggestion when a command or option looks like
// a typo, ending with where the help is: "unknown command 'agneda' (did you mean 'agenda'?); see
// kiosk --help".
Result<Invocation, std::string> parse_command_line(const std::vector<std::string_view>& args);

std::string usage();
std::string version_string();

// The whole program behind main(): parses, dispatches, maps errors to exit codes.
int kiosk_main(const std::vector<std::string_view>& args, CommandIo io);

}  // namespace kiosk
