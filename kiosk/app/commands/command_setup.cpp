// The config and program every command starts from (see command_setup.h).
#include "kiosk/app/commands/command_setup.h"

#include <algorithm>
#include <ostream>

#include "kiosk/app/config_files.h"
#include "kiosk/core/time.h"

namespace kiosk {

namespace {

// --timezone and --year, checked; false (said on io.err) when either is bad.
bool apply_venue_options(const Invocation& inv, CommandSetup& s, CommandIo io) {
    if (auto tz = inv.get("--timezone")) {
        if (auto zone = find_typed_zone(*tz); !zone) {
            io.err << "kiosk: --timezone: " << zone.error().front().message << "\n";
            return false;
        }
        s.config.venue.timezone = *tz;
        s.zone_origin = "--timezone";
    }
    if (auto year = inv.get("--year")) {
        bool digits = year->size() == 4 && std::all_of(year->begin(), year->end(),
                                                       [](char c) { return c >= '0' && c <= '9'; });
        int y = digits ? std::stoi(*year) : 0;
        if (y < 1970 || y > 2200) {
            io.err << "kiosk: --year: expected a year such as 2022, not '" << *year << "'\n";
            return false;
        }
        s.config.data.year = y;
    }
    return true;
}

}  // namespace

std::variant<CommandSetup, int> command_setup(const Invocation& inv, CommandIo io) {
    CommandSetup s;
    if (std::optional<std::string> path = config_path(inv)) {
        auto config = load_config_file(*path);
        if (!config) {
            io.err << format_diagnostics(config.error(), 17);
            return exit_failure;
        }
        s.config = std::move(config).value();
        s.zone_origin = "venue.timezone in " + *path;
        s.config_file = *path;
    } else {
        s.zone_origin = "the default venue.timezone; no config found";
    }
    if (!s.config.screens.empty()) {
        // A fleet config: this screen's entry, named or found by the machine's name.
        auto own = for_screen(s.config, screen_name(inv));
        if (own) {
            s.config = std::move(own.value());
        } else if (inv.has("--screen")) {
            io.err << "kiosk: " << *config_path(inv) << ": " << own.error().front().message << "\n";
            return exit_failure;
        } else {
            io.err << "kiosk: " << *config_path(inv) << ": warning: " << own.error().front().message
                   << "; using [screen]\n";
        }
    }
    s.configured_program = s.config.data.program;
    if (!inv.positionals.empty()) s.config.data.program = inv.positionals.front();
    if (auto data = inv.get("--data")) s.config.data.program = *data;
    if (auto room = inv.get("--room")) s.config.screen.room = *room;
    if (auto corrections = inv.get("--corrections")) s.config.data.corrections = *corrections;
    if (!apply_venue_options(inv, s, io)) return exit_usage;
    return s;
}

ProgramLoad load_and_report(const Config& config, date::local_days reference_day, CommandIo io) {
    ProgramLoad load = load_program_files(RealFileSystem{}, config, reference_day);
    io.err << load.report();
    return load;
}

std::optional<TimedLoad> load_at(const Config& config, std::string_view option,
                                 const std::string& text, CommandIo io, int& rc) {
    std::optional<ProgramLoad> load;
    auto at = venue_time(text, option, config.venue.timezone, [&](date::local_days day) {
        load = load_and_report(config, day, io);
        return load->timezone;
    });
    if (!at) {
        io.err << "kiosk: " << at.error().front().message << "\n";
        rc = exit_usage;  // the zones were checked with the config: the time is what is wrong
        return std::nullopt;
    }
    return TimedLoad{std::move(*load), at.value()};
}

}  // namespace kiosk
