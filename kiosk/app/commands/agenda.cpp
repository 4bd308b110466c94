// `kiosk agenda --at TIME`: what a room's screen shows at TIME, as text or JSON.
#include <ostream>

#include "kiosk/app/board_text.h"
#include "kiosk/app/commands/command_setup.h"
#include "kiosk/app/commands/commands.h"
#include "kiosk/app/json.h"

namespace kiosk {

int run_agenda(const Invocation& inv, CommandIo io) {
    if (!inv.has("--at")) {
        io.err << "kiosk: 'agenda' needs --at (see kiosk agenda --help)\n";
        return exit_usage;
    }
    auto setup = command_setup(inv, io);
    if (auto* rc = std::get_if<int>(&setup)) return *rc;
    const Config& config = std::get<CommandSetup>(setup).config;
    if (config.screen.room.empty()) {
        io.err << "kiosk: 'agenda' needs --room (or screen.room in the config)\n";
        return exit_usage;
    }
    int rc = exit_ok;
    auto timed = load_at(config, "--at", *inv.get("--at"), io, rc);
    if (!timed) return rc;
    const ProgramLoad& load = timed->load;
    if (!load.prepared.schedule) return exit_failure;
    auto board = make_board(*load.prepared.schedule, config.screen.room, timed->at);
    if (!board) {
        io.err << "kiosk: " << board.error().front().message << "\n";
        return exit_failure;
    }
    if (inv.has("--json")) {
        io.out << board_json(board.value(), *board->zone).dump(2) << "\n";
    } else {
        print_board(board.value(), io.out);
    }
    return load.errors.empty() ? exit_ok : exit_failure;
}

}  // namespace kiosk
