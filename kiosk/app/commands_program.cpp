// `kiosk check`, `kiosk rooms`, `kiosk agenda`: a program file as the screen would read it.
//
// Only this layer reads the system clock: `check` and `rooms` resolve the page's years against
// today, `agenda` against the day of `--at`, so a rehearsal of 2022 reads the 2022 page.
#include <algorithm>
#include <filesystem>
#include <map>
#include <ostream>
#include <set>

#include <date/tz.h>

#include "kiosk/app/commands.h"
#include "kiosk/app/environment.h"
#include "kiosk/app/json.h"
#include "kiosk/app/state_fs.h"
#include "kiosk/core/config.h"
#include "kiosk/core/corrections.h"
#include "kiosk/core/import/importer.h"
#include "kiosk/core/names.h"
#include "kiosk/core/scheduler.h"
#include "kiosk/core/time.h"

namespace kiosk {

namespace {

struct Setup {
    Config config;
    std::string zone_origin;  // where the fallback zone came from, for the summary
};

// The config (--config, else the default one, else the built-in defaults) with --timezone and
// --year applied. Errors are printed; the exit code is returned instead of a setup.
std::variant<Setup, int> load_setup(const Invocation& inv, CommandIo io) {
    Setup s;
    std::optional<std::string> path = config_path(inv);
    if (path) {
        auto config = load_config_file(*path);
        if (!config) {
            io.err << format_diagnostics(config.error(), 17);
            return exit_failure;
        }
        s.config = std::move(config).value();
        s.zone_origin = "venue.timezone in " + *path;
    } else {
        s.zone_origin = "the default venue.timezone; no config found";
    }
    if (auto tz = inv.get("--timezone")) {
        if (!find_zone(*tz)) {
            io.err << "kiosk: --timezone: unknown time zone '" << *tz
                   << "' (expected an IANA name such as America/Los_Angeles)\n";
            return exit_usage;
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
            return exit_usage;
        }
        s.config.data.year = y;
    }
    return s;
}

// Reads and imports a program file; prints why not when it is not usable.
std::optional<Program> load_program(const std::string& path, const ImportOptions& options,
                                    CommandIo io) {
    auto bytes = read_file(path);
    if (!bytes) {
        io.err << format_diagnostics(bytes.error());
        return std::nullopt;
    }
    auto program = import_program(bytes.value(), options);
    if (!program) {
        io.err << format_diagnostics(program.error());
        return std::nullopt;
    }
    io.err << format_diagnostics(program->warnings);
    return std::move(program).value();
}

// Rooms in the order the program first names them, sessions' and talks' alike.
std::vector<std::string> rooms_of(const Program& p) {
    std::vector<std::string> rooms;
    std::set<std::string> seen;
    auto add = [&](const std::optional<std::string>& room) {
        if (room && seen.insert(fold_name(*room)).second) rooms.push_back(*room);
    };
    for (const auto& s : p.sessions) {
        add(s.room);
        for (const auto& t : s.talks) add(t.room);
    }
    return rooms;
}

void print_summary(const std::string& path, const Program& p, const std::string& zone_origin,
                   std::ostream& out) {
    std::map<date::local_days, std::size_t> days;
    std::size_t untimed = 0, talks = 0, missing = 0;
    for (const auto& s : p.sessions) {
        if (s.day) ++days[*s.day];
        if (!s.start) ++untimed;
        talks += s.talks.size();
        missing += static_cast<std::size_t>(std::count_if(
            s.talks.begin(), s.talks.end(), [](const Talk& t) { return t.abstract.empty(); }));
    }
    out << path << ": usable\n";
    out << "  time zone  " << p.timezone << " (" << zone_origin << ")\n";
    out << "  days       ";
    std::size_t shown = 0;
    for (const auto& [day, n] : days) {
        if (shown == 7) {
            out << ", and " << days.size() - shown << " more";
            break;
        }
        out << (shown++ == 0 ? "" : ", ") << date::format("%a %d %b %Y", day) << " (" << n << ")";
    }
    out << "\n  rooms      ";
    auto rooms = rooms_of(p);
    for (std::size_t i = 0; i < rooms.size() && i < 8; ++i) out << (i ? ", " : "") << rooms[i];
    if (rooms.size() > 8) out << ", and " << rooms.size() - 8 << " more";
    if (rooms.empty()) out << "none named";
    out << "\n  sessions   " << p.sessions.size();
    if (untimed > 0) out << ", " << untimed << " without a time (to be announced)";
    out << "\n  talks      " << talks;
    if (missing > 0) out << ", " << missing << " without an abstract";
    out << "\n  warnings   " << (p.warnings.empty() ? "none" : std::to_string(p.warnings.size()))
        << "\n";
}

// Applies the staff corrections in `path`, if any: those that match nothing are warnings on
// stderr with their lines. A file that cannot be read or is malformed makes the command fail
// (false), as a broken program file does. `summary` counts what was applied, for `check`.
bool apply_corrections_file(const std::optional<std::string>& path, Program& program, CommandIo io,
                            std::string* summary = nullptr) {
    if (!path) return true;
    auto corrections = read_corrections(*path);
    if (!corrections) {
        io.err << format_diagnostics(corrections.error());
        return false;
    }
    auto corrected = apply_corrections(std::move(program), corrections.value());
    io.err << format_diagnostics(corrected.warnings);
    program = std::move(corrected.program);
    if (summary != nullptr) {
        const auto& c = corrections.value();
        auto count = [](std::size_t n, const char* what) {
            return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
        };
        *summary = *path + ": " + count(c.sessions.size() + c.talks.size(), "change") + ", " +
                   count(c.added.size(), "added session") + ", " +
                   (corrected.warnings.empty() ? std::string("all applied")
                                               : count(corrected.warnings.size(), "warning"));
    }
    return true;
}

}  // namespace

int run_check(const Invocation& inv, CommandIo io) {
    auto setup = load_setup(inv, io);
    if (auto* rc = std::get_if<int>(&setup)) return *rc;
    const Setup& s = std::get<Setup>(setup);
    const std::string& path = inv.positionals.at(0);
    auto program = load_program(path, import_options(s.config, path, today()), io);
    if (!program) return exit_failure;
    std::string corrected;
    if (!apply_corrections_file(inv.get("--corrections"), *program, io, &corrected)) {
        return exit_failure;
    }
    if (inv.has("--json")) {
        io.out << program_json(*program).dump(2) << "\n";
    } else {
        bool from_page = program->timezone != s.config.venue.timezone;
        print_summary(path, *program, from_page ? "a Timezone: line in the page" : s.zone_origin,
                      io.out);
        if (!corrected.empty()) io.out << "  corrected  " << corrected << "\n";
    }
    return exit_ok;
}

int run_rooms(const Invocation& inv, CommandIo io) {
    auto setup = load_setup(inv, io);
    if (auto* rc = std::get_if<int>(&setup)) return *rc;
    const std::string& path = inv.positionals.at(0);
    auto program =
        load_program(path, import_options(std::get<Setup>(setup).config, path, today()), io);
    if (!program) return exit_failure;
    for (const auto& room : rooms_of(*program)) io.out << room << "\n";
    return exit_ok;
}

namespace {

std::string session_line(const ScheduledSession& s, const date::time_zone& zone) {
    std::string when = "time to be announced";
    if (s.start) {
        when = format_hhmm(*s.start, zone);
        if (s.end)
            when += "\xE2\x80\x93" + std::string(s.end_estimated ? "\xE2\x89\x88" : "") +
                    format_hhmm(*s.end, zone);
    }
    std::string what = s.kind.empty() ? s.title : s.kind + ": " + s.title;
    std::string where =
        s.room ? "  [" + *s.room + (s.room_inferred ? ", from the text" : "") + "]" : "";
    return "  " + when + "  " + what + where + "\n";
}

void print_sessions(std::ostream& out, const char* heading, const std::vector<BoardSession>& list,
                    const date::time_zone& zone, bool talks) {
    if (list.empty()) return;
    out << heading << ":\n";
    for (const auto& b : list) {
        out << session_line(*b, zone);
        if (!talks) continue;
        for (std::size_t i = 0; i < b->talks.size(); ++i) {
            const ScheduledTalk& t = b->talks[i];
            std::string at = t.start ? std::string(t.estimated ? "\xE2\x89\x88" : "") +
                                           format_hhmm(*t.start, zone)
                                     : "";
            out << "    " << (b.on_stage == i ? "> " : "  ") << at << "  " << t.label
                << (b.on_stage == i ? "  (on stage)" : "") << "\n";
        }
    }
}

}  // namespace

int run_agenda(const Invocation& inv, CommandIo io) {
    for (const char* required : {"--data", "--room", "--at"}) {
        if (!inv.has(required)) {
            io.err << "kiosk: 'agenda' needs " << required << "\n";
            return exit_usage;
        }
    }
    auto setup = load_setup(inv, io);
    if (auto* rc = std::get_if<int>(&setup)) return *rc;
    const Setup& s = std::get<Setup>(setup);
    const std::string at_text = *inv.get("--at");
    // The day being rehearsed decides the page's year; read --at in the venue's zone first.
    auto venue_zone = find_zone(s.config.venue.timezone);
    if (!venue_zone) {
        io.err << format_diagnostics(venue_zone.error());
        return exit_failure;
    }
    auto at = parse_instant(at_text, **venue_zone, "--at");
    if (!at) {
        io.err << "kiosk: " << at.error().front().message << "\n";
        return exit_usage;
    }
    auto reference = date::floor<date::days>((*venue_zone)->to_local(*at));
    const std::string path = *inv.get("--data");
    auto program = load_program(path, import_options(s.config, path, reference), io);
    if (!program) return exit_failure;
    // The screen's corrections (the config's data.corrections, when that file exists), unless
    // --corrections names others.
    std::optional<std::string> corrections = inv.get("--corrections");
    std::error_code ec;
    if (!corrections && !s.config.data.corrections.empty() &&
        std::filesystem::exists(s.config.data.corrections, ec)) {
        corrections = s.config.data.corrections;
    }
    if (!apply_corrections_file(corrections, *program, io)) return exit_failure;
    // A page with its own Timezone line: a venue-local --at means that zone's wall clock.
    const date::time_zone& zone = *find_zone(program->timezone).value();
    at = parse_instant(at_text, zone, "--at");
    if (!at) {
        io.err << "kiosk: " << at.error().front().message << "\n";
        return exit_usage;
    }
    auto board = make_board(*program, *inv.get("--room"), *at, s.config.schedule);
    if (!board) {
        io.err << "kiosk: " << board.error().front().message << "\n";
        return exit_failure;
    }
    const Board& b = board.value();
    if (inv.has("--json")) {
        io.out << board_json(b, zone).dump(2) << "\n";
        return exit_ok;
    }
    io.out << b.room << " at "
           << date::format("%a %d %b %Y %H:%M",
                           date::floor<std::chrono::minutes>(zone.to_local(b.at)))
           << " (" << b.timezone << "): " << to_string(b.status) << "\n";
    print_sessions(io.out, "now", b.now, zone, true);
    print_sessions(io.out, "next", b.next, zone, true);
    print_sessions(io.out, "later today", b.later, zone, false);
    print_sessions(io.out, "elsewhere", b.elsewhere, zone, false);
    if (b.next_day_first) print_sessions(io.out, "next day", {*b.next_day_first}, zone, false);
    return exit_ok;
}

}  // namespace kiosk
