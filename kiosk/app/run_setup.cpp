// Turning the config and the program into what the screen and `kiosk render` need (see run.h).
#include <filesystem>
#include <ostream>

#include "kiosk/app/run.h"
#include "kiosk/app/state_fs.h"
#include "kiosk/core/corrections.h"
#include "kiosk/core/daypage.h"
#include "kiosk/core/scheduler.h"

#ifndef KIOSK_SOURCE_DIR
#define KIOSK_SOURCE_DIR "."
#endif
#ifndef KIOSK_INSTALL_DATADIR
#define KIOSK_INSTALL_DATADIR "/usr/share/kiosk"
#endif

namespace kiosk {

namespace {

Colour colour_or(const std::string& text, Colour fallback) {
    return parse_colour(text).value_or(fallback);  // the config parser already checked them
}

Theme theme_from(const ThemeConfig& t) {
    Theme theme;
    theme.background = colour_or(t.background, theme.background);
    theme.header = colour_or(t.header, theme.header);
    theme.panel = colour_or(t.panel, theme.panel);
    theme.track = colour_or(t.track, theme.track);
    theme.text = colour_or(t.text, theme.text);
    theme.body = colour_or(t.body, theme.body);
    theme.muted = colour_or(t.muted, theme.muted);
    theme.faint = colour_or(t.faint, theme.faint);
    theme.on_kind = colour_or(t.on_kind, theme.on_kind);
    theme.kind_fallback = colour_or(t.kind_fallback, theme.kind_fallback);
    // Configured kinds come first, so they win over the design's words.
    std::vector<KindColour> kinds;
    for (const auto& [word, colour] : t.kinds) {
        if (auto c = parse_colour(colour)) kinds.push_back({word, *c});
    }
    kinds.insert(kinds.end(), theme.kinds.begin(), theme.kinds.end());
    theme.kinds = std::move(kinds);
    return theme;
}

ScheduleSettings schedule_settings(const Config& c) {
    ScheduleSettings s;
    for (const auto& [kind, minutes] : c.durations.kinds) {
        s.durations.push_back({kind, std::chrono::minutes{minutes}});
    }
    if (c.durations.fallback > 0) s.fallback_duration = std::chrono::minutes{c.durations.fallback};
    if (c.durations.talk > 0) s.talk_length = std::chrono::minutes{c.durations.talk};
    for (const auto& [kind, room] : c.venue.unassigned) s.unassigned_rooms.push_back({kind, room});
    return s;
}

bool shows(const SlidesConfig& s, std::string_view name) {
    return std::find(s.show.begin(), s.show.end(), name) != s.show.end();
}

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

std::optional<ScreenSetup> load_setup(const Invocation& inv, date::local_days reference,
                                      CommandIo io) {
    ScreenSetup s;
    if (auto path = inv.get("--config")) {
        auto text = read_file(*path);
        if (!text) {
            io.err << format_diagnostics(text.error());
            return std::nullopt;
        }
        std::string base = std::filesystem::path(*path).parent_path().string();
        auto config = parse_config(text.value(), *path, base.empty() ? "." : base);
        if (!config) {
            io.err << format_diagnostics(config.error(), 17);
            return std::nullopt;
        }
        s.config = std::move(config.value());
    }
    const Config& c = s.config;
    s.room = inv.get("--room").value_or(c.screen.room);
    s.timezone = c.venue.timezone;
    s.theme = theme_from(c.theme);
    s.deck.clock_24h = c.clock.format == ClockFormat::h24;
    s.deck.clock_seconds = c.clock.seconds;
    s.deck.max_talk_slides = c.slides.talks;
    s.deck.show_talks = shows(c.slides, "talk") && c.slides.talks > 0;
    s.deck.show_up_next = shows(c.slides, "up_next");
    s.deck.show_around = shows(c.slides, "around");
    s.deck.show_later = shows(c.slides, "later");
    s.rotation.dwell = std::chrono::seconds{c.slides.dwell_seconds};
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
    if (!c.announcement.text.empty())
        s.announcement = Announcement{c.announcement.text, c.announcement.until};
    s.font_dirs = font_dirs();
    s.screenshot = inv.get("--screenshot").value_or("");

    std::string data = inv.get("--data").value_or(c.data.program);
    auto bytes = read_file(data);
    if (!bytes) {
        // No program is not fatal for the screen: it says so and waits for one.
        Diagnostics why = bytes.error();
        s.boards = [why](Instant) -> Result<Board> { return fail(why); };
        return s;
    }
    auto program = import_day_page(bytes.value(), day_page_options(c, data, reference));
    if (!program) {
        Diagnostics why = program.error();
        s.boards = [why](Instant) -> Result<Board> { return fail(why); };
        return s;
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
    auto schedule = make_schedule(program.value(), schedule_settings(c));
    if (!schedule) {
        Diagnostics why = schedule.error();
        s.boards = [why](Instant) -> Result<Board> { return fail(why); };
        return s;
    }
    s.timezone = schedule->timezone();
    auto shared = std::make_shared<const Schedule>(std::move(schedule.value()));
    std::string room = s.room;
    s.boards = [shared, room](Instant at) { return make_board(*shared, room, at); };
    return s;
}

}  // namespace kiosk
