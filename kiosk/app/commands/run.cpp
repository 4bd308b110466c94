// `kiosk run` (and plain `kiosk`): the room's screen, full screen, unattended.
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <ostream>

#include "kiosk/app/commands/commands.h"
#include "kiosk/app/config_files.h"
#include "kiosk/app/program_files.h"
#include "kiosk/app/run_start.h"
#include "kiosk/app/signals.h"
#include "kiosk/app/state_lock.h"
#include "kiosk/app/unattended_link.h"
#include "kiosk/app/venue_clock.h"

namespace kiosk {

namespace {

bool have_display() {
    return std::getenv("DISPLAY") != nullptr || std::getenv("WAYLAND_DISPLAY") != nullptr ||
           std::getenv("SDL_VIDEODRIVER") != nullptr || std::filesystem::exists("/dev/dri/card0");
}

// The zone a Live's program resolved to: its own, else the config's.
std::string zone_of(const Live& live) {
    return live.imported ? live.imported->timezone : live.config.venue.timezone;
}

}  // namespace

int run_run(const Invocation& inv, CommandIo io) {
    double speed = 1.0;
    if (auto text = inv.get("--speed")) {
        auto s = parse_speed(*text, "--speed");
        if (!s) {
            io.err << "kiosk: " << s.error().front().message << "\n";
            return exit_usage;
        }
        if (!inv.has("--now")) {
            io.err << "kiosk: --speed needs --now (the instant the rehearsal starts from)\n";
            return exit_usage;
        }
        speed = s.value();
    }
    auto overrides = screen_overrides(inv);
    if (!overrides) {
        io.err << "kiosk: " << overrides.error().front().message << "\n";
        return exit_usage;
    }
    // A mistyped --config must not start a screen on the defaults, or on a last good copy kept
    // for another config. A config that is there but broken is the reloader's business.
    if (auto given = inv.get("--config"); given && !std::filesystem::exists(*given)) {
        io.err << "kiosk: --config " << *given
               << ": no such file; a screen starts only from a config that is there (kiosk "
                  "check-config FILE checks one)\n";
        return exit_usage;
    }
    if (!have_display()) {
        io.err << "kiosk: no display: set DISPLAY (an X server, e.g. Xvfb :5 and DISPLAY=:5), "
                  "WAYLAND_DISPLAY, or run on a console with a KMS device (/dev/dri). To look at "
                  "the slides without a display, use kiosk render.\n";
        return exit_failure;
    }
    install_screen_signals();  // for the whole process, before any thread starts
    RunStart start = run_start(inv, process_env());
    auto state_lock = StateLock::take(start.state_dir);
    if (!state_lock) {
        io.err << "kiosk: not starting: " << state_lock.error().front().message << "\n";
        return exit_usage;
    }
    ScreenOverrides screen = overrides.value();
    screen.snapshot = StateDir(start.state_dir, "").screenshot();
    ReloadOptions options;
    options.config_path = config_path(inv).value_or("");
    options.program_path = inv.get("--data");
    options.room = inv.get("--room");
    options.screen = screen_name(inv);
    options.state_dir = start.state_dir;
    auto log = [&io, mutex = std::make_shared<std::mutex>()](const std::string& line) {
        std::lock_guard lock(*mutex);
        io.err << "kiosk: " << line << "\n" << std::flush;
    };
    std::unique_ptr<UnattendedLink> link;
    // The reload thread reads the program for the day being rehearsed, else for today.
    auto start_link = [&](std::optional<date::local_days> rehearsal_day) {
        auto import = [rehearsal_day](std::string_view bytes, const std::string& name,
                                      const Config& config) {
            return import_program_file(bytes, name, config, rehearsal_day.value_or(today()));
        };
        std::optional<MetricsFile> metrics;
        if (!start.metrics_file.empty()) {
            metrics.emplace(start.metrics_file, MetricsSource{options.screen, wall_now()});
        }
        link = std::make_unique<UnattendedLink>(import, options, start.status_file,
                                                std::move(metrics), screen, log);
        return zone_of(*link->live());
    };
    VenueClock clock;
    if (auto now = inv.get("--now")) {
        auto at = venue_time(*now, "--now", start.timezone, start_link);
        if (!at) {
            io.err << "kiosk: " << at.error().front().message << "\n";
            return exit_usage;
        }
        clock.rehearse(at.value(), speed);
    } else {
        start_link(std::nullopt);
    }
    // --room is typed at start: a room the program does not know is a mistake to fix now (the
    // reloader has said which, with a close name). A config naming one later keeps the screen
    // going (reload.h).
    if (auto live = link->live(); options.room && live->room_error) {
        io.err << "kiosk: not starting: --room names a room the program does not know (kiosk "
                  "rooms "
               << live->program_file.path << " lists its rooms)\n";
        return exit_usage;
    }
    return run_screen(link->first_setup(), std::move(clock), io, link.get());
}

}  // namespace kiosk
