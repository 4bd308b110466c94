// `kiosk check FILE`: a program file as the screen would read it, usable (exit 0) or why not,
// also as an update of the program a screen shows: one that looks cut short next to it is not
// usable (exit 1) until staff accept it, which is what makes kiosk-fetch refuse a download cut
// short (it passes --replaces TARGET).
#include <filesystem>
#include <ostream>

#include "kiosk/app/commands/command_setup.h"
#include "kiosk/app/commands/commands.h"
#include "kiosk/app/commands/program_summary.h"
#include "kiosk/app/json.h"
#include "kiosk/app/state.h"
#include "kiosk/app/update_guard.h"
#include "kiosk/app/venue_clock.h"
#include "kiosk/core/sha256.h"

namespace kiosk {

namespace {

// "corrections.toml: 1 change, 1 added session, all applied".
std::string corrections_line(const ProgramLoad& load) {
    const Corrections& c = *load.corrections;
    auto count = [](std::size_t n, const char* what) {
        return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
    };
    std::size_t warnings = load.prepared.correction_warnings;
    return load.corrections_path + ": " + count(c.sessions.size() + c.talks.size(), "change") +
           ", " + count(c.added.size(), "added session") + ", " +
           (warnings == 0 ? std::string("all applied") : count(warnings, "warning"));
}

// The version FILE is compared with, and how messages name it.
struct Replaced {
    std::string path;
    std::string name;
};

// Only when asked: the screen's last good copy with --state-dir DIR, else TARGET with --replaces
// TARGET (unless that is FILE itself, or not there yet). A plain `check FILE` compares with
// nothing: a file checked for its own sake must not fail for being smaller than the screen's
// program, and the shell's default state dir is not the screen's ($STATE_DIRECTORY is systemd's).
std::optional<Replaced> compared_with(const Invocation& inv, const CommandSetup& s,
                                      const std::string& file, const std::string& target) {
    std::string state = inv.get("--state-dir").value_or("");
    std::error_code ec;
    if (!state.empty()) {
        std::string copy = StateDir(state, s.config_file).program_copy(s.configured_program);
        if (std::filesystem::exists(copy, ec)) {
            return Replaced{copy, "the screen's last good program (" + copy + ")"};
        }
    }
    if (!inv.has("--replaces") || !std::filesystem::exists(target, ec) ||
        std::filesystem::equivalent(target, file, ec)) {
        return std::nullopt;
    }
    return Replaced{target, "the program it replaces (" + target + ")"};
}

// FILE as an update: exit 1 when it looks cut short, unless staff accept it (--accept-shrink),
// which names it in TARGET.accept so the screens reading TARGET show it too.
int check_replacement(const Invocation& inv, const CommandSetup& s, const ProgramLoad& load,
                      date::local_days day, CommandIo io) {
    const std::string& file = load.program_path;
    const std::string target = inv.get("--replaces").value_or(s.configured_program);
    RealFileSystem fs;
    auto bytes = read_input(fs, file);
    if (!bytes || !load.imported) return exit_ok;  // the pipeline said why
    std::optional<std::string> why;
    if (auto base = compared_with(inv, s, file, target)) {
        auto old_bytes = read_input(fs, base->path);
        auto old = old_bytes ? import_program_file(old_bytes.value(), base->path, s.config, day)
                             : Result<Program>(fail(old_bytes.error()));
        if (old) {
            why = looks_cut_short(old_bytes.value(), old.value(), bytes.value(), *load.imported,
                                  base->name);
        }
    }
    if (!inv.has("--accept-shrink")) {
        if (!why) return exit_ok;
        io.err << file << ": looks cut short: " << *why
               << "; a screen holds it back until staff accept it (kiosk check --accept-shrink, "
                  "or \"Accept the held-back program\" on its staff overlay)\n";
        return exit_failure;
    }
    if (auto marked = write_accept_marker(fs, target, sha256_hex(bytes.value())); !marked) {
        io.err << to_string(marked.error().front()) << "\n";
        return exit_failure;
    }
    io.err << file << ": accepted" << (why ? " although it looks cut short: " + *why : "") << "; "
           << accept_marker(target) << " names it, so screens reading " << target << " show it\n";
    return exit_ok;
}

}  // namespace

int run_check(const Invocation& inv, CommandIo io) {
    auto setup = command_setup(inv, io);
    if (auto* rc = std::get_if<int>(&setup)) return *rc;
    const CommandSetup& s = std::get<CommandSetup>(setup);
    const date::local_days day = today();
    ProgramLoad load = load_program_files(RealFileSystem{}, s.config, day);
    const Program* program = load.prepared.program.get();
    if (program != nullptr && rooms_of(*program).empty() && !program->sessions.empty()) {
        // Not an error: many day pages name no rooms. Staff should know what every screen shows.
        // Said with the other warnings, under the same limit.
        load.prepared.warnings.push_back({load.program_path, 0, Severity::warning,
                                          "the program names no rooms: every screen shows all "
                                          "of its sessions as its own"});
    }
    io.err << load.report();
    if (program == nullptr) return exit_failure;
    int replacement = check_replacement(inv, s, load, day, io);
    if (inv.has("--json")) {
        io.out << program_json(*program).dump(2) << "\n";
    } else {
        bool own_zone = program->timezone != s.config.venue.timezone;
        print_summary(load.program_path, *program,
                      own_zone ? "named in the program" : s.zone_origin, io.out);
        if (load.corrections) io.out << "  corrected  " << corrections_line(load) << "\n";
    }
    return load.errors.empty() && replacement == exit_ok ? exit_ok : exit_failure;
}

}  // namespace kiosk
