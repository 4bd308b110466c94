// Command-line parsing and dispatch (see cli.h).
#include "kiosk/app/cli.h"

#include <ostream>

#include "kiosk/app/commands/commands.h"

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "0.0.0-dev"
#endif

namespace kiosk {

std::optional<std::string> Invocation::get(std::string_view option) const {
    auto it = options.find(std::string(option));
    if (it == options.end()) return std::nullopt;
    return it->second;
}

const std::vector<CommandSpec>& commands() {
    static const std::vector<CommandSpec> table = {
        {"run",
         "[OPTIONS]",
         "show the room's screen, full screen (the default command)",
         {{"--config", "FILE", "the screen's config (default: /etc/kiosk, else config/)"},
          {"--screen", "NAME", "this screen in the config's [screens] (default: the host name)"},
          {"--data", "FILE", "the program; default: the config's data.program"},
          {"--room", "ROOM", "the room shown as this screen's own; default: screen.room"},
          {"--now", "TIME", "rehearse from this venue-local time (2022-08-29T08:40)"},
          {"--speed", "FACTOR", "with --now: run the clock this many times as fast"},
          {"--windowed", "WxH", "an ordinary window of this size instead of full screen"},
          {"--screenshot", "FILE",
           "write the first frame shown to FILE (PNG), and the next one after each SIGUSR1"},
          {"--state-dir", "DIR", "last-good copies of the files; default: state.dir"},
          {"--status-file", "FILE", "the JSON status file; default: state.status_file"}},
         0,
         0,
         run_run},
        {"render",
         "--at TIME --out DIR [OPTIONS]",
         "draw the slides shown at TIME into PNG files (NN-name.png), no display needed",
         {{"--config", "FILE", "room, theme and clock (default: /etc/kiosk, else config/)"},
          {"--screen", "NAME", "this screen in the config's [screens] (default: the host name)"},
          {"--data", "FILE", "the program; default: the config's data.program"},
          {"--room", "ROOM", "the room; default: the config's screen.room"},
          {"--corrections", "FILE", "staff corrections (default: the config's data.corrections)"},
          {"--at", "TIME", "venue-local (2022-08-29T09:10), or with Z or an offset"},
          {"--size", "WxH", "picture size; default 1920x1080"},
          {"--slide", "NAME", "one slide (now, talk-2, up-next, around, later, …) or all"},
          {"--out", "DIR", "where the PNG files go (created when missing)"}},
         0,
         0,
         run_render},
        {"version", "", "print the version", {}, 0, 0, run_version},
        {"check-config",
         "FILE [--screen NAME]",
         "check a screen's config (kiosk.toml)",
         {{"--screen", "NAME", "check this screen's entry in the config's [screens]"}},
         1,
         1,
         run_check_config},
        {"check",
         "FILE [--json] [--timezone TZ] [--year YYYY]",
         "import a program file and say whether it is usable (exit 0) or why not (exit 1)",
         {{"--json", "", "print the imported program as JSON instead of a summary"},
          {"--timezone", "TZ", "the venue's zone when the program names none"},
          {"--year", "YYYY", "pin the year of the page's dates (default: the nearest to today)"},
          {"--config", "FILE", "venue.timezone and data.year (default: /etc/kiosk, else config/)"},
          {"--screen", "NAME", "this screen in the config's [screens] (default: the host name)"},
          {"--corrections", "FILE",
           "apply these staff corrections (default: the config's data.corrections); warn about "
           "those matching nothing"}},
         1,
         1,
         run_check},
        {"rooms",
         "FILE",
         "list the rooms a program file names, one a line",
         {{"--timezone", "TZ", "the venue's zone when the program names none"},
          {"--config", "FILE", "venue.timezone and data.year (default: /etc/kiosk, else config/)"},
          {"--screen", "NAME", "this screen in the config's [screens] (default: the host name)"},
          {"--corrections", "FILE", "staff corrections (default: the config's data.corrections)"}},
         1,
         1,
         run_rooms},
        {"agenda",
         "--at TIME [--room ROOM] [--data FILE] [--json]",
         "what ROOM's screen shows at TIME (2022-08-29T09:10 venue time, or with Z or an offset)",
         {{"--data", "FILE", "the program file; default: the config's data.program"},
          {"--room", "ROOM",
           "the room, as the program names it (case and spaces aside); default: screen.room"},
          {"--at", "TIME", "the instant; its day also decides the page's year"},
          {"--json", "", "print the board as JSON"},
          {"--timezone", "TZ", "the venue's zone when the program names none"},
          {"--config", "FILE", "zone, year and durations (default: /etc/kiosk, else config/)"},
          {"--screen", "NAME", "this screen in the config's [screens] (default: the host name)"},
          {"--corrections", "FILE", "staff corrections (default: the config's data.corrections)"}},
         0,
         0,
         run_agenda},
    };
    return table;
}

namespace {

const CommandSpec* find_command(std::string_view name) {
    for (const auto& c : commands()) {
        if (c.name == name) return &c;
    }
    return nullptr;
}

const OptionSpec* find_option(const CommandSpec& c, std::string_view name) {
    for (const auto& o : c.options) {
        if (o.name == name) return &o;
    }
    return nullptr;
}

}  // namespace

Result<Invocation, std::string> parse_command_line(const std::vector<std::string_view>& args) {
    Invocation inv;
    std::size_t i = 0;
    const CommandSpec* cmd = nullptr;
    if (i < args.size() && (args[i] == "--help" || args[i] == "-h")) {
        inv.command = "help";
        return inv;
    }
    if (i < args.size() && args[i] == "--version") {
        inv.command = "version";
        return inv;
    }
    if (i < args.size() && !args[i].starts_with("-")) {
        cmd = find_command(args[i]);
        if (cmd == nullptr) {
            return Unexpected<std::string>{"unknown command '" + std::string(args[i]) + "'"};
        }
        ++i;
    } else {
        cmd = find_command("run");
        if (cmd == nullptr) {
            return Unexpected<std::string>{"this build has no 'run' command; see --help"};
        }
    }
    inv.command = std::string(cmd->name);
    bool only_positionals = false;
    for (; i < args.size(); ++i) {
        std::string_view a = args[i];
        if (!only_positionals && a == "--") {
            only_positionals = true;
            continue;
        }
        if (!only_positionals && a.starts_with("-") && a.size() > 1) {
            if (a == "--help" || a == "-h") {
                inv.options["--help"] = "";
                continue;
            }
            std::string_view name = a;
            std::optional<std::string_view> inline_value;
            if (auto eq = a.find('='); eq != std::string_view::npos) {
                name = a.substr(0, eq);
                inline_value = a.substr(eq + 1);
            }
            const OptionSpec* opt = find_option(*cmd, name);
            if (opt == nullptr) {
                return Unexpected<std::string>{"unknown option '" + std::string(name) + "' for '" +
                                               std::string(cmd->name) + "'"};
            }
            if (opt->value_name.empty()) {
                if (inline_value) {
                    return Unexpected<std::string>{"option '" + std::string(name) +
                                                   "' takes no value"};
                }
                inv.options[std::string(name)] = "";
            } else if (inline_value) {
                inv.options[std::string(name)] = std::string(*inline_value);
            } else {
                if (i + 1 >= args.size()) {
                    return Unexpected<std::string>{"option '" + std::string(name) + "' needs " +
                                                   std::string(opt->value_name)};
                }
                inv.options[std::string(name)] = std::string(args[++i]);
            }
            continue;
        }
        inv.positionals.emplace_back(a);
    }
    if (inv.has("--help")) return inv;
    auto n = static_cast<int>(inv.positionals.size());
    if (n < cmd->min_positionals) {
        return Unexpected<std::string>{"'" + std::string(cmd->name) + "' needs " +
                                       std::string(cmd->synopsis)};
    }
    if (n > cmd->max_positionals) {
        return Unexpected<std::string>{
            "unexpected argument '" +
            inv.positionals[static_cast<std::size_t>(cmd->max_positionals)] + "' for '" +
            std::string(cmd->name) + "'"};
    }
    return inv;
}

std::string version_string() { return std::string("kiosk ") + KIOSK_VERSION; }

namespace {

std::string command_help(const CommandSpec& c) {
    std::string out = "  kiosk " + std::string(c.name);
    if (!c.synopsis.empty()) out += " " + std::string(c.synopsis);
    out += "\n      " + std::string(c.summary) + "\n";
    for (const auto& o : c.options) {
        std::string left = std::string(o.name);
        if (!o.value_name.empty()) left += " " + std::string(o.value_name);
        out += "      " + left;
        out += left.size() < 22 ? std::string(22 - left.size(), ' ') : std::string(" ");
        out += std::string(o.help) + "\n";
    }
    return out;
}

}  // namespace

std::string usage() {
    std::string out =
        "usage: kiosk [COMMAND] [OPTIONS]\n"
        "Conference hallway signage: what is on now and next in this room, from the program.\n"
        "\n"
        "commands:\n";
    for (const auto& c : commands()) out += command_help(c);
    out +=
        "\n"
        "  kiosk --help, kiosk COMMAND --help, kiosk --version\n"
        "\n"
        "exit status: 0 ok, 1 the data was not usable or running failed, 2 bad command line\n";
    return out;
}

int run_version(const Invocation&, CommandIo io) {
    io.out << version_string() << "\n";
    return exit_ok;
}

int kiosk_main(const std::vector<std::string_view>& args, CommandIo io) {
    auto parsed = parse_command_line(args);
    if (!parsed) {
        io.err << "kiosk: " << parsed.error() << "\n" << usage();
        return exit_usage;
    }
    const Invocation& inv = parsed.value();
    if (inv.command == "help") {
        io.out << usage();
        return exit_ok;
    }
    const CommandSpec* cmd = find_command(inv.command);
    if (inv.has("--help")) {
        io.out << "usage:\n" << command_help(*cmd);
        return exit_ok;
    }
    return cmd->run(inv, io);
}

}  // namespace kiosk
