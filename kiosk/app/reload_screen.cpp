// Joining the reload service and status file to the screen's loop (see reload_screen.h).
#include "kiosk/app/reload_screen.h"

#include <algorithm>
#include <filesystem>

#include "kiosk/app/config_map.h"
#include "kiosk/app/environment.h"
#include "kiosk/core/clock.h"
#include "kiosk/core/time.h"
#include "kiosk/render/fonts.h"

namespace kiosk {

namespace {

Instant wall_now() { return date::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

}  // namespace

RunStart run_start(const Invocation& inv, const EnvFn& env) {
    std::optional<std::string> path = config_path(inv);
    std::string base = path ? std::filesystem::path(*path).parent_path().string() : "";
    auto parse_at = [&](const std::string& file) -> std::optional<Config> {
        auto text = read_file(file);
        if (!text) return std::nullopt;
        auto parsed = parse_config(text.value(), file, base.empty() ? "." : base);
        if (!parsed) return std::nullopt;
        return std::move(parsed.value());
    };
    std::optional<Config> config = path ? parse_at(*path) : Config{};
    RunStart out;
    out.state_dir = inv.get("--state-dir")
                        .value_or(config && !config->state.dir.empty() ? config->state.dir
                                                                       : default_state_dir(env));
    // A broken config: its last good copy, as the reloader will use it, says the zone.
    if (!config && path) config = parse_at(StateDir(out.state_dir).config_copy());
    if (!config) config = Config{};
    out.status_file = inv.get("--status-file")
                          .value_or(config->state.status_file.empty()
                                        ? StateDir(out.state_dir).default_status_file()
                                        : config->state.status_file);
    out.timezone = config->venue.timezone;
    return out;
}

ScreenSetup setup_from_live(ScreenSetup s, const Live& live) {
    const Config& c = live.config;
    s.config = c;
    s.room = c.screen.room;
    if (s.room.empty() && live.schedule && !live.schedule->rooms().empty()) {
        s.room = live.schedule->rooms().front();
    }
    s.theme = theme_from(c);
    s.deck = deck_options_from(c);
    s.rotation = rotation_options_from(c);
    s.announcement.reset();
    if (!c.announcement.text.empty()) {
        s.announcement = Announcement{c.announcement.text, c.announcement.until};
    }
    s.timezone = live.schedule ? live.schedule->timezone() : c.venue.timezone;
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

UnattendedLink::UnattendedLink(ProgramImporter import, ReloadOptions options,
                               std::string status_file, std::function<void(const std::string&)> log)
    : log_(std::move(log)),
      service_(
          fs_, std::move(import),
          [&] {
              options.log = log_;
              return std::move(options);
          }(),
          [this] { wake(); }),
      status_(std::move(status_file), wall_now()) {}

ScreenSetup UnattendedLink::first_setup(const ScreenSetup& base) {
    base_ = base;
    taken_ = service_.live();
    return setup_from_live(base_, *taken_);
}

void UnattendedLink::connect(Window* window) {
    std::lock_guard lock(wake_mutex_);
    if (window_ != nullptr && window_ != window) window_->attach(nullptr);
    window_ = window;
    if (window_ == nullptr) return;
    const StaffConfig& staff = service_.live()->config.staff;
    if (!overlay_) {
        std::string font;
        for (const auto& dir : base_.font_dirs) {
            std::string f = dir + "/" + font_file(Weight::regular);
            if (std::filesystem::exists(f)) {
                font = f;
                break;
            }
        }
        overlay_ = std::make_unique<StaffOverlay>(staff.hotkey, staff.pin, font);
    }
    window_->attach(overlay_.get());
}

void UnattendedLink::wake() {
    std::lock_guard lock(wake_mutex_);
    if (window_ != nullptr) window_->wake();
}

std::optional<ScreenSetup> UnattendedLink::take() {
    auto live = service_.live();
    if (taken_ && live->generation == taken_->generation) return std::nullopt;
    taken_ = live;
    if (overlay_) overlay_->set_access(live->config.staff.hotkey, live->config.staff.pin);
    return setup_from_live(base_, *live);
}

namespace {

std::string ago(Instant then, Instant now) {
    auto minutes = std::chrono::duration_cast<std::chrono::minutes>(now - then).count();
    if (minutes < 1) return "just now";
    if (minutes < 120) return std::to_string(minutes) + " min ago";
    return std::to_string(minutes / 60) + " h ago";
}

std::string describe(const char* what, const LoadedFile& f, Instant now) {
    if (f.path.empty() && f.origin == FileOrigin::none) return std::string(what) + ": none";
    std::string out = std::string(what) + ": " + (f.path.empty() ? "(none)" : f.path);
    switch (f.origin) {
        case FileOrigin::file:
            break;
        case FileOrigin::last_good:
            out += " - the last good copy, " + f.used_path;
            break;
        case FileOrigin::defaults:
            out += " - built-in defaults";
            break;
        case FileOrigin::none:
            out += " - nothing usable";
            break;
    }
    if (f.loaded_at) out += ", loaded " + ago(*f.loaded_at, now);
    return out;
}

// "Mon 29 Aug 09:10" in the zone the screen shows.
std::string clock_text(const ScreenState& state) {
    if (!state.shown) return "";
    auto zone = find_zone(state.timezone);
    if (!zone) return date::format("%a %d %b %H:%M UTC", *state.shown);
    return date::format("%a %d %b %H:%M",
                        date::make_zoned(zone.value(), *state.shown).get_local_time());
}

}  // namespace

void UnattendedLink::before_frame(const ScreenState& state, const Deck& deck) {
    if (!overlay_ || !overlay_->is_open()) return;  // built only for staff looking at it
    const Live& live = taken_ ? *taken_ : *service_.live();
    Instant now = wall_now();
    OverlayView v;
    v.status = {"Room: " + state.room, describe("Program", live.program_file, now),
                describe("Config", live.config_file, now)};
    if (!live.config.data.corrections.empty()) {
        v.status.push_back(describe("Corrections", live.corrections_file, now));
    }
    if (live.program) {
        v.status.push_back(std::to_string(live.program->sessions.size()) + " sessions, " +
                           std::to_string(live.warnings.size()) + " warnings");
    }
    for (std::size_t i = 0; i < live.warnings.size() && i < 50; ++i) {
        v.warnings.push_back(to_string(live.warnings[i]));
    }
    v.last_error = live.last_error().value_or("");
    if (live.schedule) v.rooms = live.schedule->rooms();
    v.room = state.room;
    auto current = std::find_if(deck.slides.begin(), deck.slides.end(),
                                [&](const Slide& s) { return s.name == state.slide; });
    std::size_t at =
        current == deck.slides.end() ? 0 : static_cast<std::size_t>(current - deck.slides.begin());
    for (std::size_t i = 1; i < deck.slides.size(); ++i) {
        const Slide& s = deck.slides[(at + i) % deck.slides.size()];
        std::string line = s.name;
        for (std::size_t t = 0; t < s.texts.size() && t < 2; ++t) line += " - " + s.texts[t].text;
        v.coming.push_back(line);
    }
    v.clock = clock_text(state);
    v.simulated = state.simulated;
    v.speed = state.speed;
    v.announcement = live.config.announcement.text;
    if (live.config.announcement.until) {
        auto zone = find_zone(live.config.venue.timezone);
        if (zone) v.announcement_until = format_iso(*live.config.announcement.until, *zone.value());
    }
    v.message = overlay_message_;
    overlay_->set_view(std::move(v));
}

std::string carry_out(const OverlayRequest& r, ReloadService& service, const std::string& timezone,
                      LinkRequests& out) {
    using Kind = OverlayRequest::Kind;
    auto said = [](const Result<Done>& done, const std::string& ok) {
        return done ? ok : "Not done: " + to_string(done.error().front());
    };
    switch (r.kind) {
        case Kind::set_room:
            return said(service.set_config("screen.room", r.text), "Room set to " + r.text);
        case Kind::set_announcement: {
            // The expiry first: a bad one leaves the text as it was.
            auto until = service.set_config("announcement.until", r.until);
            if (!until) return said(until, "");
            return said(service.set_config("announcement.text", r.text), "Announcement shown");
        }
        case Kind::clear_announcement:
            return said(service.set_config("announcement.text", ""), "Announcement cleared");
        case Kind::set_clock: {
            auto zone = find_zone(timezone);
            auto t = zone ? parse_instant(r.text, *zone.value(), "time")
                          : Result<Instant>(fail(zone.error()));
            if (!t) return "Not done: " + t.error().front().message;
            out.set_clock = t.value();
            return "Rehearsing from " + r.text;
        }
        case Kind::set_speed:
            if (r.speed < 0.0 || r.speed > max_speed) {
                return "Not done: the speed must be from 0 to " +
                       std::to_string(static_cast<int>(max_speed));
            }
            out.set_speed = r.speed;
            return "Clock speed set";
        case Kind::real_time:
            out.real_time = true;
            return "Back to real time";
        case Kind::reload:
            service.reload_now();
            return "Reading every file again";
        case Kind::quit:
            out.quit = true;
            return "Quitting";
    }
    return "";
}

LinkRequests UnattendedLink::after_frame(const ScreenState& state) {
    status_.update(taken_ ? *taken_ : *service_.live(), state, wall_now());
    if (status_.error() != status_error_) {
        status_error_ = status_.error();
        if (status_error_) log_("cannot write the status file: " + *status_error_);
    }
    LinkRequests out;
    if (!overlay_) return out;
    for (const auto& r : overlay_->take_requests()) {
        overlay_message_ = carry_out(r, service_, state.timezone, out);
        log_("staff overlay: " + overlay_message_);
        out.redraw = true;
    }
    if (overlay_->close_if_idle()) out.redraw = true;
    return out;
}

std::chrono::steady_clock::time_point UnattendedLink::due() const {
    return std::chrono::steady_clock::now() +
           std::chrono::duration_cast<std::chrono::steady_clock::duration>(status_.due() -
                                                                           wall_now());
}

}  // namespace kiosk
