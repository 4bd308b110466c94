// `kiosk full ROOM [--until T]` and `kiosk full --clear [ROOM]`: mark a room full, or clear the
// mark, by editing the config's [full] section in place (comments kept, checked before the
// atomic rename), so a push of that one file reaches every screen.
#include <ostream>

#include "kiosk/app/commands/command_setup.h"
#include "kiosk/app/commands/commands.h"
#include "kiosk/app/config_files.h"
#include "kiosk/app/venue_clock.h"
#include "kiosk/core/names.h"
#include "kiosk/core/time.h"

namespace kiosk {

namespace {

// "10:30": that time today at the venue; anything else: a date and time, as --at reads it.
Result<Instant> until_time(const std::string& text, Instant now, const std::string& zone_name) {
    auto zone = find_zone(zone_name);
    if (!zone) return fail(zone.error());
    if (text.size() == 5 && text[2] == ':') {
        auto today = date::floor<date::days>(zone.value()->to_local(now));
        return parse_instant(date::format("%F", today) + "T" + text, *zone.value(), "--until");
    }
    return parse_instant(text, *zone.value(), "--until");
}

// The room as the program spells it, or why the program does not know it.
Result<std::string> program_room(const Schedule& schedule, const std::string& room,
                                 const std::string& program) {
    if (auto why = unknown_room(schedule, room, program)) {
        return fail(Diagnostic{"", 0, Severity::error, *why});
    }
    for (const auto& r : schedule.rooms()) {
        if (fold_name(r) == fold_name(room)) return r;
    }
    return room;  // a program that names no rooms takes any
}

// The edited text written over the file in one step, and one line to say what changed.
int write(const std::string& path, const Result<std::string>& edited, const std::string& said,
          CommandIo io) {
    if (!edited) {
        io.err << "kiosk: " << to_string(edited.error().front()) << "\n";
        return exit_failure;
    }
    RealFileSystem fs;
    if (auto ok = fs.write_atomic(path, edited.value()); !ok) {
        io.err << "kiosk: " << to_string(ok.error().front()) << "\n";
        return exit_failure;
    }
    io.out << path << ": " << said << "\n";
    return exit_ok;
}

int clear(const Invocation& inv, const CommandSetup& s, const std::string& text, CommandIo io) {
    const std::string& path = s.config_file;
    if (inv.positionals.empty()) {
        std::size_t n = s.config.full.size();
        return write(path, clear_config_table(text, path, "full"),
                     n == 0 ? "no room was marked full"
                            : "cleared " + std::to_string(n) + (n == 1 ? " mark" : " marks"),
                     io);
    }
    const std::string& room = inv.positionals.front();
    bool marked = false;
    for (const auto& [r, until] : s.config.full) marked = marked || fold_name(r) == fold_name(room);
    if (!marked) {
        // A typo gets the program's suggestion; a room that is simply not marked, a plain answer.
        ProgramLoad load = load_program_files(RealFileSystem{}, s.config, today());
        if (load.prepared.schedule) {
            if (auto why = unknown_room(*load.prepared.schedule, room, s.config.data.program)) {
                io.err << "kiosk: " << *why << "\n";
                return exit_failure;
            }
        }
        io.out << path << ": " << room << " is not marked full; nothing to change\n";
        return exit_ok;
    }
    return write(path, set_config_entry(text, path, "full", room, std::nullopt),
                 room + " is no longer marked full", io);
}

}  // namespace

int run_full(const Invocation& inv, CommandIo io) {
    Invocation without_room = inv;
    without_room.positionals.clear();  // ROOM is not a program file, as for `check`
    auto setup = command_setup(without_room, io);
    if (auto* rc = std::get_if<int>(&setup)) return *rc;
    const CommandSetup& s = std::get<CommandSetup>(setup);
    if (s.config_file.empty()) {
        io.err << "kiosk: full edits a config file, and none was found; give --config FILE\n";
        return exit_usage;
    }
    auto text = read_input(RealFileSystem{}, s.config_file);
    if (!text) {
        io.err << "kiosk: " << to_string(text.error().front()) << "\n";
        return exit_failure;
    }
    if (inv.has("--clear")) {
        if (inv.has("--until")) {
            io.err << "kiosk: --clear takes no --until; see kiosk full --help\n";
            return exit_usage;
        }
        return clear(inv, s, text.value(), io);
    }
    std::string room = inv.positionals.empty() ? s.config.screen.room : inv.positionals.front();
    if (room.empty()) {
        io.err << "kiosk: full needs ROOM (this screen's config names no room); see kiosk full "
                  "--help\n";
        return exit_usage;
    }
    // The program's own warnings are `kiosk check`'s business; here only whether it is usable.
    std::optional<TimedLoad> timed;
    if (auto now = inv.get("--now")) {
        std::optional<ProgramLoad> loaded;
        auto at = venue_time(*now, "--now", s.config.venue.timezone, [&](date::local_days day) {
            loaded = load_program_files(RealFileSystem{}, s.config, day);
            return loaded->timezone;
        });
        if (!at) {
            io.err << "kiosk: " << at.error().front().message << "\n";
            return exit_usage;
        }
        timed = TimedLoad{std::move(*loaded), at.value()};
    } else {
        timed = TimedLoad{load_program_files(RealFileSystem{}, s.config, today()), wall_now()};
    }
    const ProgramLoad& load = timed->load;
    if (!load.prepared.schedule) {
        std::string why = !load.errors.empty() ? to_string(load.errors.front())
                                               : load.prepared.schedule_error.value_or("");
        io.err << "kiosk: the room cannot be checked, so nothing changed: " << why << "\n";
        return exit_failure;
    }
    auto named = program_room(*load.prepared.schedule, room, s.config.data.program);
    if (!named) {
        io.err << "kiosk: " << named.error().front().message << "\n";
        return exit_failure;
    }
    room = named.value();
    auto zone = find_zone(load.timezone);
    if (!zone) {
        io.err << "kiosk: " << zone.error().front().message << "\n";
        return exit_failure;
    }
    Instant until{};
    if (auto text_until = inv.get("--until")) {
        auto t = until_time(*text_until, timed->at, load.timezone);
        if (!t) {
            io.err << "kiosk: " << t.error().front().message << "\n";
            return exit_usage;
        }
        until = t.value();
        if (until <= timed->at) {
            io.err << "kiosk: --until " << *text_until << " has passed (it is "
                   << format_hhmm(timed->at, *zone.value()) << " at the venue)\n";
            return exit_usage;
        }
    } else {
        auto board = make_board(*load.prepared.schedule, room, timed->at);
        if (!board || board->now.empty() || !board->now.front()->end) {
            io.err << "kiosk: nothing is on in " << room << " now ("
                   << format_hhmm(timed->at, *zone.value())
                   << "): say until when with --until TIME\n";
            return exit_usage;
        }
        until = *board->now.front()->end;
    }
    std::string value = format_iso(until, *zone.value());
    return write(
        s.config_file, set_config_entry(text.value(), s.config_file, "full", room, value),
        room + " is marked full until " + format_hhmm(until, *zone.value()) + " (" + value + ")",
        io);
}

}  // namespace kiosk
