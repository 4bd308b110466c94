// Command-line parsing and dispatch (see cli.h).
#include "kiosk/app/cli.h"

#include <ostream>

#include "kiosk/app/commands/commands.h"
#include "kiosk/core/names.h"

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
          {"--status-file", "FILE", "the JSON status file; default: state.status_file"},
          {"--metrics-dir", "DIR",
           "write Prometheus metrics (kiosk-SCREEN.prom) here; default: state.metrics_dir"}},
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
           "those matching nothing"},
          {"--replaces", "TARGET",
           "the program file FILE is to replace; FILE fails when it looks cut short next to it"},
          {"--state-dir", "DIR",
           "a screen's state dir: compare FILE with its last good copy of the program instead"},
          {"--accept-shrink", "",
           "accept FILE although it looks cut short: TARGET.accept (default TARGET: the "
           "config's data.program) names it, so screens show it"}},
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
        {"announce",
         "TEXT [--until T] [--from T] [--urgent] | --clear",
         "add an announcement to the config (every screen it reaches shows it), or clear them",
         {{"--until", "T",
           "when it ends: 10:30 (today) or 2022-08-29T10:30, venue time; "
           "default: until cleared"},
          {"--from", "T", "when it starts, written the same way; default: at once"},
          {"--urgent", "", "the whole screen, ahead of the slides (default: a line under them)"},
          {"--clear", "", "remove every announcement instead"},
          {"--config", "FILE", "the config to edit (default: /etc/kiosk, else config/)"},
          {"--screen", "NAME",
           "check that the config's [screens] has this screen (every screen "
           "shows the announcements)"}},
         0,
         1,
         run_announce},
        {"full",
         "[ROOM] [--until TIME] | --clear [ROOM]",
         "mark ROOM full on its screens and the overview, or clear the mark (no ROOM: every "
         "mark), by editing the config's [full] in place; push the file to the screens",
         {{"--until", "TIME",
           "when the mark ends: HH:MM today at the venue, or 2022-08-29T11:00 (default: the end "
           "of the session on now in ROOM)"},
          {"--clear", "", "take the mark off ROOM, or off every room"},
          {"--config", "FILE", "the config to edit (default: /etc/kiosk, else config/)"},
          {"--screen", "NAME",
           "this screen in the config's [screens]; its room when ROOM is left out"},
          {"--now", "TIME", "take this venue-local time as now (2022-08-29T08:40), to rehearse"}},
         0,
         1,
         run_full},
        {"version", "", "print the version", {}, 0, 0, run_version},
        {"help",
         "[COMMAND]",
         "this text, or COMMAND's options (the same as kiosk COMMAND --help)",
         {},
         0,
         1,
         run_help},
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

// Where a command-line error sends people: the command's own help when one was named.
std::string see_help(const CommandSpec* named) {
    return named == nullptr ? "; see kiosk --help"
                            : "; see kiosk " + std::string(named->name) + " --help";
}

Unexpected<std::string> usage_error(const std::string& what, const CommandSpec* named) {
    return {what + see_help(named)};
}

std::string unknown_command(std::string_view name) {
    std::vector<std::string> names;
    for (const auto& c : commands()) names.emplace_back(c.name);
    return "unknown command '" + std::string(name) + "'" + did_you_mean(closest(name, names)) +
           see_help(nullptr);
}

// The options a typo is compared with: the command's, and with no command named (plain `kiosk`
// runs the screen) also the ones only the first argument may be.
std::string unknown_option(std::string_view name, const CommandSpec& c, const CommandSpec* named) {
    std::vector<std::string> names = {"--help"};
    if (named == nullptr) names.emplace_back("--version");
    for (const auto& o : c.options) names.emplace_back(o.name);
    std::string what = "unknown option '" + std::string(name) + "'";
    if (named != nullptr) what += " for '" + std::string(named->name) + "'";
    return what + did_you_mean(closest(name, names)) + see_help(named);
}

// Reads the option at args[i] ("--data FILE", "--data=FILE", "--json") into `inv`, `i` moving
// past its value; the error line when it is not one `c` takes, or its value is wrong or missing.
std::optional<std::string> read_option(const std::vector<std::string_view>& args, std::size_t& i,
                                       const CommandSpec& c, const CommandSpec* named,
                                       Invocation& inv) {
    std::string_view a = args[i];
    if (a == "--help" || a == "-h") {
        inv.options["--help"] = "";
        return std::nullopt;
    }
    std::string_view name = a;
    std::optional<std::string_view> inline_value;
    if (auto eq = a.find('='); eq != std::string_view::npos) {
        name = a.substr(0, eq);
        inline_value = a.substr(eq + 1);
    }
    const OptionSpec* opt = find_option(c, name);
    if (opt == nullptr) return unknown_option(name, c, named);
    const std::string key(name);
    if (opt->value_name.empty()) {
        if (inline_value) return "option '" + key + "' takes no value" + see_help(named);
        inv.options[key] = "";
    } else if (inline_value) {
        inv.options[key] = std::string(*inline_value);
    } else if (i + 1 < args.size()) {
        inv.options[key] = std::string(args[++i]);
    } else {
        return "option '" + key + "' needs " + std::string(opt->value_name) + see_help(named);
    }
    return std::nullopt;
}

}  // namespace

Result<Invocation, std::string> parse_command_line(const std::vector<std::string_view>& args) {
    Invocation inv;
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
        inv.command = "help";
        return inv;
    }
    if (!args.empty() && (args[0] == "--version" || args[0] == "-V")) {
        inv.command = "version";
        return inv;
    }
    std::size_t i = 0;
    const CommandSpec* named = nullptr;  // the command the line names; none: `run`
    if (!args.empty() && !args[0].starts_with("-")) {
        named = find_command(args[0]);
        if (named == nullptr) return Unexpected<std::string>{unknown_command(args[0])};
        ++i;
    }
    const CommandSpec* cmd = named != nullptr ? named : find_command("run");
    if (cmd == nullptr) return usage_error("this build has no 'run' command", nullptr);
    inv.command = std::string(cmd->name);
    bool only_positionals = false;
    for (; i < args.size(); ++i) {
        std::string_view a = args[i];
        if (!only_positionals && a == "--") {
            only_positionals = true;
        } else if (!only_positionals && a.starts_with("-") && a.size() > 1) {
            if (auto error = read_option(args, i, *cmd, named, inv)) {
                return Unexpected<std::string>{*error};
            }
        } else {
            inv.positionals.emplace_back(a);
        }
    }
    if (inv.has("--help")) return inv;
    auto n = static_cast<int>(inv.positionals.size());
    if (n < cmd->min_positionals) {
        return usage_error("'" + std::string(cmd->name) + "' needs " + std::string(cmd->synopsis),
                           cmd);
    }
    if (n > cmd->max_positionals) {
        return usage_error("unexpected argument '" +
                               inv.positionals[static_cast<std::size_t>(cmd->max_positionals)] +
                               "' for '" + std::string(cmd->name) + "'",
                           cmd);
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
        "  kiosk --help (or -h) is kiosk help; kiosk --version (or -V) is kiosk version\n"
        "\n"
        "exit status: 0 ok, 1 the data was not usable or running failed, 2 bad command line\n";
    return out;
}

int run_version(const Invocation&, CommandIo io) {
    io.out << version_string() << "\n";
    return exit_ok;
}

// `kiosk help [COMMAND]`; `kiosk COMMAND --help` comes here too.
int run_help(const Invocation& inv, CommandIo io) {
    if (inv.positionals.empty()) {
        io.out << usage();
        return exit_ok;
    }
    const CommandSpec* c = find_command(inv.positionals.front());
    if (c == nullptr) {
        io.err << "kiosk: " << unknown_command(inv.positionals.front()) << "\n";
        return exit_usage;
    }
    io.out << "usage:\n" << command_help(*c);
    return exit_ok;
}

int kiosk_main(const std::vector<std::string_view>& args, CommandIo io) {
    auto parsed = parse_command_line(args);
    if (!parsed) {
        // One line, as git and cargo do: the whole usage would push the error off the screen.
        io.err << "kiosk: " << parsed.error() << "\n";
        return exit_usage;
    }
    const Invocation& inv = parsed.value();
    if (inv.has("--help")) return run_help(Invocation{"help", {}, {inv.command}}, io);
    return find_command(inv.command)->run(inv, io);
}

}  // namespace kiosk
