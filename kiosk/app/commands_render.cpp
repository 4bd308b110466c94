// `kiosk render` (slides to PNG files, no display) and `kiosk run` (the screen).
#include <filesystem>
#include <mutex>
#include <ostream>

#include "kiosk/app/commands.h"
#include "kiosk/app/environment.h"
#include "kiosk/app/reload_screen.h"
#include "kiosk/app/run.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/import/importer.h"
#include "kiosk/core/time.h"
#include "kiosk/render/canvas.h"
#include "kiosk/render/fonts.h"

namespace kiosk {

namespace {

namespace fs = std::filesystem;

// An instant option (`--at`, `--now`) in the venue's zone.
Result<Instant> instant_option(const Invocation& inv, std::string_view name,
                               const std::string& tz) {
    auto zone = find_zone(tz);
    if (!zone) return fail(zone.error());
    return parse_instant(*inv.get(name), *zone.value(), name);
}

date::local_days day_of(Instant t, const std::string& tz) {
    auto zone = find_zone(tz);
    if (!zone) return date::local_days{date::floor<date::days>(t).time_since_epoch()};
    return date::floor<date::days>(date::make_zoned(zone.value(), t).get_local_time());
}

bool wanted(const Slide& s, const std::string& which) {
    return which == "all" || s.name == which || which == to_string(s.kind);
}

}  // namespace

int run_render(const Invocation& inv, CommandIo io) {
    for (std::string_view required : {"--data", "--at", "--out"}) {
        if (!inv.has(required)) {
            io.err << "kiosk: render needs " << required << " (see kiosk render --help)\n";
            return exit_usage;
        }
    }
    Size size{1920, 1080};
    if (auto text = inv.get("--size")) {
        auto parsed = parse_size(*text, "--size");
        if (!parsed) {
            io.err << "kiosk: " << parsed.error().front().message << "\n";
            return exit_usage;
        }
        size = parsed.value();
    }
    // The day of --at resolves the program's years; it is read in the config's zone first.
    auto first = load_setup(inv, today(), io);
    if (!first) return exit_failure;
    auto at = instant_option(inv, "--at", first->timezone);
    if (!at) {
        io.err << "kiosk: " << at.error().front().message << "\n";
        return exit_usage;
    }
    auto setup = load_setup(inv, day_of(at.value(), first->timezone), io);
    if (!setup) return exit_failure;
    if (setup->timezone != first->timezone) {
        at = instant_option(inv, "--at", setup->timezone);  // the program names its own zone
        if (!at) return exit_usage;
    }
    auto board = setup->boards(at.value());
    if (!board) {
        io.err << format_diagnostics(board.error());
        return exit_failure;
    }
    auto fonts = FontSet::open(setup->font_dirs);
    if (!fonts) {
        io.err << "kiosk: " << fonts.error().front().message << "\n";
        return exit_failure;
    }
    DeckInput in{&board.value(), setup->room, at.value(), setup->announcement};
    Deck deck = build_deck(in, size, setup->theme, setup->deck, *fonts.value());
    std::string which = inv.get("--slide").value_or("all");
    std::string out_dir = *inv.get("--out");
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    if (ec) {
        io.err << "kiosk: cannot create " << out_dir << ": " << ec.message() << "\n";
        return exit_failure;
    }
    auto canvas = Canvas::create(size, *fonts.value());
    if (!canvas) {
        io.err << "kiosk: " << canvas.error().front().message << "\n";
        return exit_failure;
    }
    int written = 0;
    int problems = 0;
    for (std::size_t i = 0; i < deck.slides.size(); ++i) {
        const Slide& s = deck.slides[i];
        if (!wanted(s, which)) continue;
        Slide chrome =
            layout_chrome({board->room, board->timezone, at.value(), i, deck.slides.size()}, size,
                          setup->theme, setup->deck, *fonts.value());
        canvas.value()->draw(setup->theme, &s, 1.0, chrome);
        char prefix[24];
        std::snprintf(prefix, sizeof prefix, "%02zu-", i + 1);
        std::string path = (fs::path(out_dir) / (prefix + s.name + ".png")).string();
        auto ok = write_png(path, canvas.value()->image());
        if (!ok) {
            io.err << to_string(ok.error().front()) << "\n";
            return exit_failure;
        }
        for (const auto& p : s.problems) {
            io.err << path << ": layout: " << p.what << "\n";
            ++problems;
        }
        io.out << path << "\n";
        ++written;
    }
    if (written == 0) {
        std::string names;
        for (const auto& s : deck.slides) names += " " + s.name;
        io.err << "kiosk: no slide '" << which << "' at that time; the deck has:" << names << "\n";
        return exit_failure;
    }
    return problems == 0 ? exit_ok : exit_failure;
}

int run_run(const Invocation& inv, CommandIo io) {
    std::optional<Instant> now;
    double speed = 1.0;
    if (inv.has("--speed")) {
        auto s = parse_speed(*inv.get("--speed"), "--speed");
        if (!s) {
            io.err << "kiosk: " << s.error().front().message << "\n";
            return exit_usage;
        }
        speed = s.value();
    }
    RunStart start = run_start(inv, process_env());
    std::optional<date::local_days> rehearsal_day;
    if (inv.has("--now")) {
        auto t = instant_option(inv, "--now", start.timezone);
        if (!t) {
            io.err << "kiosk: " << t.error().front().message << "\n";
            return exit_usage;
        }
        now = t.value();
        rehearsal_day = day_of(*now, start.timezone);
    } else if (inv.has("--speed")) {
        io.err << "kiosk: --speed needs --now (the instant the rehearsal starts from)\n";
        return exit_usage;
    }
    if (std::getenv("DISPLAY") == nullptr && std::getenv("WAYLAND_DISPLAY") == nullptr &&
        std::getenv("SDL_VIDEODRIVER") == nullptr && !fs::exists("/dev/dri/card0")) {
        io.err << "kiosk: no display: set DISPLAY (an X server, e.g. Xvfb :5 and DISPLAY=:5), "
                  "WAYLAND_DISPLAY, or run on a console with a KMS device (/dev/dri). To look at "
                  "the slides without a display, use kiosk render.\n";
        return exit_failure;
    }
    // The screen runs unattended: the files are watched and reloaded, the last good ones kept.
    ReloadOptions options;
    options.config_path = config_path(inv).value_or("");
    options.program_path = inv.get("--data");
    options.room = inv.get("--room");
    options.state_dir = start.state_dir;
    auto import = [rehearsal_day](std::string_view bytes, const std::string& name,
                                  const Config& config) {
        // Day pages carry no year: the day being rehearsed, else today, picks it.
        return import_program(bytes, import_options(config, name, rehearsal_day.value_or(today())));
    };
    auto log = [&io, mutex = std::make_shared<std::mutex>()](const std::string& line) {
        std::lock_guard lock(*mutex);
        io.err << "kiosk: " << line << "\n" << std::flush;
    };
    UnattendedLink link(import, std::move(options), start.status_file, log);
    auto base = setup_from_config(inv, link.live()->config, io);
    if (!base) return exit_usage;
    return run_screen(link.first_setup(*base), now, speed, io, &link);
}

}  // namespace kiosk
