// The screen's setup from the config, the command line and a Live (see screen_setup.h).
#include "kiosk/app/screen_setup.h"

#include <algorithm>
#include <filesystem>

#include "kiosk/core/names.h"

#ifndef KIOSK_SOURCE_DIR
#define KIOSK_SOURCE_DIR "."
#endif
#ifndef KIOSK_INSTALL_DATADIR
#define KIOSK_INSTALL_DATADIR "/usr/share/kiosk"
#endif

namespace kiosk {

namespace {

// The parser accepted only #RRGGBB, so this cannot fail for a parsed config; a default-built one
// holds the design's colours, which parse too.
Colour colour(const std::string& text, Colour fallback) {
    return parse_colour(text).value_or(fallback);
}

bool shows(const Config& c, std::string_view slide) {
    return std::find(c.slides.show.begin(), c.slides.show.end(), slide) != c.slides.show.end();
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
    auto x = text.find_first_of("xX");
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

Result<ScreenOverrides> screen_overrides(const Invocation& inv) {
    ScreenOverrides out;
    if (auto w = inv.get("--windowed")) {
        auto size = parse_size(*w, "--windowed");
        if (!size) return fail(size.error());
        out.windowed = size.value();
    }
    out.screenshot = inv.get("--screenshot").value_or("");
    return out;
}

ScreenSetup screen_setup(const Live& live, const ScreenOverrides& overrides) {
    ScreenSetup s;
    s.config = live.config;
    const Config& c = s.config;
    // A room the program does not know: the one shown before goes on (see Live::kept_room).
    s.room = live.kept_room.value_or(c.screen.room);
    if (s.room.empty() && live.schedule && !live.schedule->rooms().empty()) {
        s.room = live.schedule->rooms().front();
    }
    s.theme = theme_from(c);
    s.deck = deck_options_from(c);
    s.rotation = rotation_options_from(c);
    s.window.display = c.screen.display;
    s.window.rotation = c.screen.rotation;
    s.window.gpu = c.screen.renderer == RendererKind::gpu;
    s.window.windowed =
        overrides.windowed.value_or(Size{c.screen.windowed_width, c.screen.windowed_height});
    s.announcements = announcements_of(c);
    s.full = full_marks(c);
    s.font_dirs = font_dirs();
    s.screenshot = overrides.screenshot;
    s.snapshot = overrides.snapshot;
    if (live.screen_error) {
        // The header has room for the gist: "No [screens.hall-x] entry in the config".
        const std::string& e = *live.screen_error;
        s.notice = "No " + e.substr(3, e.find(" entry") - 3) + " entry in the config";
    }
    s.timezone = live.schedule ? live.schedule->timezone() : c.venue.timezone;
    // A room the program does not know, with no room shown before to keep: every room's now and
    // next is more use to a passer-by than "on its way", and staff read why in the header.
    const bool lost_room =
        live.schedule && live.room_error && !live.kept_room && c.screen.mode == ScreenMode::room;
    if (live.room_error && live.schedule && s.notice.empty()) {
        s.notice = "Unknown room \"" + c.screen.room + "\"";
    }
    if (c.screen.mode == ScreenMode::overview || lost_room) {
        s.title = c.venue.name.empty() ? "All rooms" : c.venue.name;
        // No room is the screen's own: its board (for the status file) is the first room's, so
        // a room named in [screen] for room mode cannot make the overview fail.
        if (live.schedule) {
            auto rooms = live.schedule->rooms();
            s.room = rooms.empty() ? s.title : rooms.front();
            auto schedule = live.schedule;
            s.overviews = [schedule](Instant at) { return make_overview(*schedule, at); };
        }
    }
    if (live.schedule) {
        auto schedule = live.schedule;
        std::string room = s.room;
        s.boards = [schedule, room](Instant at) { return make_board(*schedule, room, at); };
    } else {
        Diagnostics why{{"", 0, Severity::error, live.last_error().value_or("no program loaded")}};
        s.boards = [why](Instant) -> Result<Board> { return fail(why); };
    }
    return s;
}

Theme theme_from(const Config& config) {
    const ThemeConfig& t = config.theme;
    Theme out;
    const std::pair<std::string ThemeConfig::*, Colour Theme::*> roles[] = {
        {&ThemeConfig::background, &Theme::background},
        {&ThemeConfig::header, &Theme::header},
        {&ThemeConfig::panel, &Theme::panel},
        {&ThemeConfig::track, &Theme::track},
        {&ThemeConfig::text, &Theme::text},
        {&ThemeConfig::body, &Theme::body},
        {&ThemeConfig::muted, &Theme::muted},
        {&ThemeConfig::faint, &Theme::faint},
        {&ThemeConfig::on_kind, &Theme::on_kind},
        {&ThemeConfig::accent, &Theme::accent},
        {&ThemeConfig::notice, &Theme::notice},
        {&ThemeConfig::full, &Theme::full},
        {&ThemeConfig::kind_fallback, &Theme::kind_fallback},
    };
    for (auto [from, to] : roles) out.*to = colour(t.*from, out.*to);
    // The config's words are checked first, so "poster" = … wins over any design word in it.
    std::vector<KindColour> kinds;
    for (const auto& [word, text] : t.kinds) {
        kinds.push_back({fold_name(word), colour(text, out.kind_fallback)});
    }
    kinds.insert(kinds.end(), out.kinds.begin(), out.kinds.end());
    out.kinds = std::move(kinds);
    return out;
}

DeckOptions deck_options_from(const Config& config) {
    DeckOptions out;
    out.clock_24h = config.clock.format == ClockFormat::h24;
    out.clock_seconds = config.clock.seconds;
    out.max_talk_slides = config.slides.talks;
    out.show_up_next = shows(config, "up_next");
    out.show_talks = shows(config, "talk") && config.slides.talks > 0;
    out.show_around = shows(config, "around");
    out.show_later = shows(config, "later");
    return out;
}

RotationOptions rotation_options_from(const Config& config) {
    RotationOptions out;
    out.dwell = std::chrono::seconds{config.slides.dwell_seconds};
    return out;
}

std::vector<FullMark> full_marks(const Config& config) {
    std::vector<FullMark> out;
    for (const auto& [room, until] : config.full) out.push_back({room, until});
    return out;
}
}  // namespace kiosk
