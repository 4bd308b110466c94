// `kiosk check FILE`: a program file as the screen would read it, usable (exit 0) or why not.
#include <ostream>

#include "kiosk/app/commands/command_setup.h"
#include "kiosk/app/commands/commands.h"
#include "kiosk/app/commands/program_summary.h"
#include "kiosk/app/json.h"
#include "kiosk/app/venue_clock.h"

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

}  // namespace

int run_check(const Invocation& inv, CommandIo io) {
    auto setup = command_setup(inv, io);
    if (auto* rc = std::get_if<int>(&setup)) return *rc;
    const CommandSetup& s = std::get<CommandSetup>(setup);
    ProgramLoad load = load_and_report(s.config, today(), io);
    if (!load.prepared.program) return exit_failure;
    const Program& program = *load.prepared.program;
    if (rooms_of(program).empty() && !program.sessions.empty()) {
        // Not an error: many day pages name no rooms. Staff should know what every screen shows.
        io.err << to_string(Diagnostic{load.program_path, 0, Severity::warning,
                                       "the program names no rooms: every screen shows all of "
                                       "its sessions as its own"})
               << "\n";
    }
    if (inv.has("--json")) {
        io.out << program_json(program).dump(2) << "\n";
    } else {
        bool own_zone = program.timezone != s.config.venue.timezone;
        print_summary(load.program_path, program, own_zone ? "named in the program" : s.zone_origin,
                      io.out);
        if (load.corrections) io.out << "  corrected  " << corrections_line(load) << "\n";
    }
    return load.errors.empty() ? exit_ok : exit_failure;
}

}  // namespace kiosk
