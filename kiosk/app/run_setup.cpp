// Turning the config and the program into what the screen and `kiosk render` need (see run.h).
#include <filesystem>
#include <ostream>

#include "kiosk/app/config_map.h"
#include "kiosk/app/environment.h"
#include "kiosk/app/run.h"
#include "kiosk/app/state_fs.h"
#include "kiosk/core/corrections.h"
#include "kiosk/core/import/importer.h"
#include "kiosk/core/scheduler.h"

#ifndef KIOSK_SOURCE_DIR
#define KIOSK_SOURCE_DIR "."
#endif
#ifndef KIOSK_INSTALL_DATADIR
#define KIOSK_INSTALL_DATADIR "/usr/share/kiosk"
#endif

namespace kiosk {

namespace {

// Where the fonts may be: next to an installed binary, the install prefix, the source tree.
std::vector<std::string> font_dirs() {
    std::vector<std::string> dirs;
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) dirs.push_back((exe.parent_path().parent_path() / "share/kiosk/fonts").string());
    dirs.push_back(std::string(KIOSK_INSTALL_DATADIR) + "/fonts");
    dirs.push_back(std::string(KIOSK_SOURCE_DIR) + "/assets/fonts");
    return dirs;
}

}  // namespace

Result<Size> parse_size(std::string_view text, std::string_view what) {
    auto x = text.find('x');
    int w = 0;
    int h = 0;
    auto num = [](std::string_view s, int& out) {
        if (s.empty() || s.size() > 5) return false;
        for (char c : s) {
            if (c < '0' || c > '9') return false;
            out = out * 10 + (c - '0');
        }
        return true;
    };
    if (x == std::string_view::npos || !num(text.substr(0, x), w) || !num(text.substr(x + 1), h) ||
        w < 160 || h < 120 || w > 16384 || h > 16384) {
        return fail(Diagnostic{"", 0, Severity::error,
                               std::string(what) + ": expected a size such as 1920x1080 (from " +
                                   "160x120 to 16384x16384), not '" + std::string(text) + "'"});
    }
    return Size{w, h};
}

std::optional<ScreenSetup> setup_from_config(const Invocation& inv, Config config, CommandIo io) {
    ScreenSetup s;
    s.config = std::move(config);
    const Config& c = s.config;
    s.room = inv.get("--room").value_or(c.screen.room);
    s.timezone = c.venue.timezone;
    s.theme = theme_from(c);
    s.deck = deck_options_from(c);
    s.rotation = rotation_options_from(c);
    s.window.display = c.screen.display;
    s.window.rotation = c.screen.rotation;
    s.window.gpu = c.screen.renderer == RendererKind::gpu;
    s.window.windowed = {c.screen.windowed_width, c.screen.windowed_height};
    if (auto w = inv.get("--windowed")) {
        auto size = parse_size(*w, "--windowed");
        if (!size) {
            io.err << "kiosk: " << size.error().front().message << "\n";
            return std::nullopt;
        }
        s.window.windowed = size.value();
    }
    if (!c.announcement.text.empty()) {
        s.announcement = Announcement{c.announcement.text, c.announcement.until};
    }
    s.font_dirs = font_dirs();
    s.screenshot = inv.get("--screenshot").value_or("");

    return s;
}

std::optional<ScreenSetup> load_setup(const Invocation& inv, date::local_days reference,
                                      CommandIo io) {
    Config config;
    if (auto path = config_path(inv)) {
        auto parsed = load_config_file(*path);
        if (!parsed) {
            io.err << format_diagnostics(parsed.error(), 17);
            return std::nullopt;
        }
        config = std::move(parsed.value());
    }
    auto setup = setup_from_config(inv, std::move(config), io);
    if (!setup) return std::nullopt;
    ScreenSetup& s = *setup;
    const Config& c = s.config;
    std::string data = inv.get("--data").value_or(c.data.program);
    auto bytes = read_file(data);
    if (!bytes) {
        // No program is not fatal for the screen: it says so and waits for one.
        Diagnostics why = bytes.error();
        s.boards = [why](Instant) -> Result<Board> { return fail(why); };
        return setup;
    }
    auto program = import_program(bytes.value(), import_options(c, data, reference));
    if (!program) {
        Diagnostics why = program.error();
        s.boards = [why](Instant) -> Result<Board> { return fail(why); };
        return setup;
    }
    // Staff corrections: a broken corrections file is said once and left out, never a reason to
    // show nothing.
    if (!c.data.corrections.empty() && std::filesystem::exists(c.data.corrections)) {
        auto corrections = read_corrections(c.data.corrections);
        if (corrections) {
            auto corrected = apply_corrections(std::move(program.value()), corrections.value());
            io.err << format_diagnostics(corrected.warnings);
            program = std::move(corrected.program);
        } else {
            io.err << format_diagnostics(corrections.error());
        }
    }
    auto schedule = make_schedule(program.value(), c.schedule);
    if (!schedule) {
        Diagnostics why = schedule.error();
        s.boards = [why](Instant) -> Result<Board> { return fail(why); };
        return setup;
    }
    s.timezone = schedule->timezone();
    auto shared = std::make_shared<const Schedule>(std::move(schedule.value()));
    std::string room = s.room;
    s.boards = [shared, room](Instant at) { return make_board(*shared, room, at); };
    return setup;
}

}  // namespace kiosk
