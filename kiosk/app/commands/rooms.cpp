// `kiosk rooms FILE`: the rooms a program file names, one a line, in the program's order.
#include <ostream>

#include "kiosk/app/commands/command_setup.h"
#include "kiosk/app/commands/commands.h"
#include "kiosk/app/commands/program_summary.h"
#include "kiosk/app/venue_clock.h"

namespace kiosk {

int run_rooms(const Invocation& inv, CommandIo io) {
    auto setup = command_setup(inv, io);
    if (auto* rc = std::get_if<int>(&setup)) return *rc;
    ProgramLoad load = load_and_report(std::get<CommandSetup>(setup).config, today(), io);
    if (!load.prepared.program) return exit_failure;
    for (const auto& room : rooms_of(*load.prepared.program)) io.out << room << "\n";
    return load.errors.empty() ? exit_ok : exit_failure;
}

}  // namespace kiosk
