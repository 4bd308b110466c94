// `kiosk check-config FILE`: validates a screen's config the way `kiosk check` validates a
// program, reading it the one way the screen reads it, and its room against the program it
// names, read through the one pipeline.
#include <filesystem>
#include <ostream>

#include "kiosk/app/commands/commands.h"
#include "kiosk/app/config_files.h"
#include "kiosk/app/program_files.h"
#include "kiosk/app/venue_clock.h"

namespace kiosk {

namespace {

// screen.room and the rooms [full] marks against the program the config names (with its
// corrections): an error, with the key's line, when the program does not know one (a mark on a
// misspelt room would show nowhere, silently); a warning when the program cannot be read now
// (the screen would run on its last good copy, which this cannot see).
void check_room(const Config& c, const std::string& path, Diagnostics& errors,
                Diagnostics& warnings) {
    if ((c.screen.room.empty() && c.full.empty()) || !std::filesystem::exists(c.data.program)) {
        return;
    }
    ProgramLoad load = load_program_files(RealFileSystem{}, c, today());
    if (!load.prepared.schedule) {
        std::string why = !load.errors.empty() ? to_string(load.errors.front())
                                               : load.prepared.schedule_error.value_or("");
        std::string what = c.full.empty() ? "screen.room is" : "screen.room and [full] are";
        warnings.push_back({path, 0, Severity::warning,
                            what + " not checked: kiosk cannot use the program now (" + why + ")"});
        return;
    }
    auto text = read_file(path);
    auto line_of = [&](const std::string& key) {
        return text ? config_key_line(text.value(), key) : 0;
    };
    if (auto why = unknown_room(*load.prepared.schedule, c.screen.room, c.data.program)) {
        errors.push_back({path, line_of("screen.room"), Severity::error, *why});
    }
    for (const auto& [room, until] : c.full) {
        if (auto why = unknown_room(*load.prepared.schedule, room, c.data.program)) {
            errors.push_back({path, line_of("full." + room), Severity::error, "full: " + *why});
        }
    }
}

}  // namespace

int run_check_config(const Invocation& inv, CommandIo io) {
    const std::string& path = inv.positionals.at(0);
    auto config = load_config_file(path);
    if (!config) {
        io.err << format_diagnostics(config.error(), 16 + 1);
        return exit_failure;
    }
    if (auto name = inv.get("--screen")) {
        auto own = for_screen(config.value(), *name);
        if (!own) {
            io.err << path << ": " << own.error().front().message << "\n";
            return exit_failure;
        }
        config = std::move(own);
    }
    const Config& c = config.value();
    Diagnostics warnings = config_warnings(c, path);
    // The files it names, read as the running kiosk reads them: one not there yet is a warning
    // (kiosk-fetch or a push brings it), one the kiosk can never read (a folder, a named pipe,
    // a device) is an error.
    Diagnostics errors;
    auto readable = [&](const std::string& key, const std::string& file) {
        if (file.empty()) return;
        std::error_code ec;
        if (!std::filesystem::exists(file, ec)) {
            warnings.push_back({path, 0, Severity::warning,
                                key + " names '" + file + "', which does not exist (yet)"});
        } else if (auto ok = check_readable(file); !ok) {
            errors.push_back(
                {path, 0, Severity::error, key + " names " + to_string(ok.error().front())});
        }
    };
    readable("data.program", c.data.program);
    readable("data.corrections", c.data.corrections);
    if (errors.empty()) check_room(c, path, errors, warnings);
    const bool usable = errors.empty();
    errors.insert(errors.end(), warnings.begin(), warnings.end());
    io.err << format_diagnostics(errors);
    if (!usable) return exit_failure;
    io.out << path << ": ok: room '" << c.screen.room << "', program " << c.data.program
           << ", zone " << c.venue.timezone << "\n";
    return exit_ok;
}

}  // namespace kiosk
