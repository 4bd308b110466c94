// `kiosk announce TEXT [--until T] [--from T] [--urgent]` and `kiosk announce --clear`: add an
// [[announcements]] entry to the config, or remove them all, in one atomic write that keeps the
// file's comments. The edit is checked by parsing its result before anything is written.
#include "kiosk/app/announce.h"

#include <ostream>

#include "kiosk/app/commands/commands.h"
#include "kiosk/app/config_files.h"
#include "kiosk/app/program_files.h"
#include "kiosk/app/venue_clock.h"
#include "kiosk/core/announcement_edit.h"
#include "kiosk/core/time.h"

namespace kiosk {

namespace {

// Reads --from or --until: a time of day is today's, a date-time as written, both venue-local
// in the program's zone when it names one, else the config's (venue_time). `zone` is set to the
// zone the time was read in.
Result<Instant> typed_time(const Config& config, std::string_view option, const std::string& text,
                           Instant now, std::string& zone) {
    auto config_zone = find_zone(config.venue.timezone);
    if (!config_zone) return fail(config_zone.error());
    std::string full = with_today(text, *config_zone.value(), now);
    zone = config.venue.timezone;
    auto t = venue_time(full, option, config.venue.timezone, [&](date::local_days day) {
        zone = load_program_files(RealFileSystem{}, config, day).timezone;
        return zone;
    });
    if (!t && full != text) {
        // Said about what was typed, not about the date put before it.
        return fail(Diagnostic{"", 0, Severity::error,
                               std::string(option) + ": '" + text +
                                   "' is not a time of day (expected e.g. 10:30, or a date and "
                                   "time such as 2022-08-29T10:30)"});
    }
    return t;
}

int usage(CommandIo io, const std::string& what) {
    io.err << "kiosk: " << what << "; see kiosk announce --help\n";
    return exit_usage;
}

}  // namespace

int run_announce(const Invocation& inv, CommandIo io) {
    bool clear = inv.has("--clear");
    if (clear && (!inv.positionals.empty() || inv.has("--until") || inv.has("--from") ||
                  inv.has("--urgent"))) {
        return usage(io, "announce --clear takes no text, --from, --until or --urgent");
    }
    if (!clear && inv.positionals.empty()) {
        return usage(io, "announce needs the text to show (or --clear)");
    }
    std::optional<std::string> path = config_path(inv);
    if (!path) return usage(io, "announce needs a config file to edit (--config FILE)");
    // Announcements are the whole venue's: a fleet config is read as it is, no screen's entry
    // picked by the host name (an admin's machine has none); --screen only checks that one.
    // Read once: what is checked is what is edited.
    auto text = read_input(RealFileSystem{}, *path);
    if (!text) {
        io.err << "kiosk: " << to_string(text.error().front()) << "\n";
        return exit_failure;
    }
    auto loaded = parse_config_file(text.value(), *path, *path);
    if (!loaded) {
        io.err << format_diagnostics(loaded.error(), 17);
        return exit_failure;
    }
    Config config = std::move(loaded).value();
    if (auto screen = inv.get("--screen")) {
        auto own = for_screen(config, *screen);
        if (!own) {
            io.err << "kiosk: " << *path << ": " << own.error().front().message << "\n";
            return exit_failure;
        }
        config = std::move(own).value();
    }
    Result<std::string> edited = std::string();
    std::string said;
    if (clear) {
        edited = clear_announcements(text.value(), *path);
        said = "cleared every announcement in " + *path;
    } else {
        Announcement a{inv.positionals.front(), std::nullopt, std::nullopt,
                       inv.has("--urgent") ? AnnouncementLevel::urgent : AnnouncementLevel::ticker};
        Instant now = wall_now();
        std::string zone_name = config.venue.timezone;
        for (auto [option, field] :
             {std::pair{"--from", &a.from}, std::pair{"--until", &a.until}}) {
            auto typed = inv.get(option);
            if (!typed) continue;
            auto t = typed_time(config, option, *typed, now, zone_name);
            if (!t) return usage(io, t.error().front().message);
            *field = t.value();
        }
        auto zone = find_zone(zone_name);
        if (!zone) {
            io.err << "kiosk: " << zone.error().front().message << "\n";
            return exit_failure;
        }
        if (a.from && a.until && *a.from >= *a.until) {
            return usage(io, "--from " + *inv.get("--from") + " is not before --until " +
                                 *inv.get("--until"));
        }
        if (a.until && *a.until <= now) {
            return usage(io, "--until " + *inv.get("--until") + " has passed already (it is " +
                                 format_iso(now, *zone.value()) + ")");
        }
        edited = add_announcement(text.value(), *path, a, *zone.value());
        said = "added to " + *path + ": " +
               (a.level == AnnouncementLevel::urgent ? "urgent, " : "ticker, ") +
               (a.from ? "from " + format_iso(*a.from, *zone.value()) + ", " : "") +
               (a.until ? "until " + format_iso(*a.until, *zone.value()) : "until cleared");
    }
    if (!edited) {
        io.err << "kiosk: " << to_string(edited.error().front()) << "\n";
        return exit_failure;
    }
    if (auto written = write_file_atomic(*path, edited.value()); !written) {
        io.err << "kiosk: " << to_string(written.error().front()) << "\n";
        return exit_failure;
    }
    io.out << said << "\n";
    return exit_ok;
}

}  // namespace kiosk
