// Joining the reload service, the status file and the staff overlay to the screen's loop (see
// unattended_link.h).
#include "kiosk/app/unattended_link.h"

#include <algorithm>

#include "kiosk/app/announce.h"
#include "kiosk/app/venue_clock.h"
#include "kiosk/core/names.h"
#include "kiosk/core/time.h"
#include "kiosk/render/fonts.h"

namespace kiosk {

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

// The slides after the one on screen, in order, each with its first lines.
std::vector<std::string> coming_slides(const Deck& deck, const std::string& shown) {
    std::vector<std::string> out;
    auto current = std::find_if(deck.slides.begin(), deck.slides.end(),
                                [&](const Slide& s) { return s.name == shown; });
    std::size_t at =
        current == deck.slides.end() ? 0 : static_cast<std::size_t>(current - deck.slides.begin());
    for (std::size_t i = 1; i < deck.slides.size(); ++i) {
        const Slide& s = deck.slides[(at + i) % deck.slides.size()];
        std::string line = s.name;
        for (std::size_t t = 0; t < s.texts.size() && t < 2; ++t) line += " - " + s.texts[t].text;
        out.push_back(line);
    }
    return out;
}

// This screen's room marked full, and what "Room full" marks it until by default.
void full_view(const Live& live, const ScreenState& state, OverlayView& v) {
    auto zone = find_zone(state.timezone);
    if (!state.shown || !zone || live.config.screen.mode == ScreenMode::overview) return;
    const Instant at = *state.shown;
    v.full_day = date::format("%F", date::floor<date::days>(zone.value()->to_local(at)));
    std::optional<Instant> until;
    for (const auto& [room, end] : live.config.full) {
        if (end > at && fold_name(room) == fold_name(state.room) && (!until || end > *until)) {
            until = end;
        }
    }
    if (until) v.full = "until " + format_hhmm(*until, *zone.value());
    if (!live.schedule) return;
    auto board = make_board(*live.schedule, state.room, at);
    if (board && !board->now.empty() && board->now.front()->end) {
        v.full_session_end = format_iso(*board->now.front()->end, *zone.value());
    }
}

}  // namespace

OverlayView overlay_view(const Live& live, const ScreenState& state, const Deck& deck,
                         std::string message, Instant now) {
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
    v.coming = coming_slides(deck, state.slide);
    v.clock = clock_text(state);
    v.simulated = state.simulated;
    v.speed = state.speed;
    if (auto zone = find_zone(state.timezone)) {
        v.announcements = announcement_lines(live.config, *zone.value(), state.shown.value_or(now));
    }
    full_view(live, state, v);
    v.announcements_key = announcements_key(live.config);
    v.message = std::move(message);
    v.held_back = !live.held_back_sha256.empty();
    return v;
}

UnattendedLink::UnattendedLink(ProgramImporter import, ReloadOptions options,
                               std::string status_file, std::optional<MetricsFile> metrics,
                               ScreenOverrides overrides,
                               std::function<void(const std::string&)> log)
    : log_(std::move(log)),
      service_(
          fs_, std::move(import),
          [&] {
              options.log = log_;
              return std::move(options);
          }(),
          [this] { wake(); }),
      staff_(service_, [this] { wake(); }),
      status_(std::move(status_file), wall_now()),
      overrides_(std::move(overrides)),
      metrics_(std::move(metrics)) {}

UnattendedLink::~UnattendedLink() {
    if (!metrics_) return;
    // Said only after a clean stop: a crashed screen cannot, and its stale
    // kiosk_status_updated_timestamp_seconds tells instead.
    metrics_->stopped(taken_ ? *taken_ : *service_.live(), shown_, wall_now());
    if (metrics_->error()) log_("cannot write the metrics file: " + *metrics_->error());
}

ScreenSetup UnattendedLink::first_setup() {
    taken_ = service_.live();
    return screen_setup(*taken_, overrides_);
}

void UnattendedLink::connect(Window* window) {
    std::lock_guard lock(wake_mutex_);
    if (window_ != nullptr && window_ != window) {
        window_->attach(nullptr);
        // The overlay reads the font bytes of that window's FontSet, which may go with it.
        overlay_.reset();
    }
    window_ = window;
    if (window_ == nullptr) return;
    const StaffConfig& staff = service_.live()->config.staff;
    if (!overlay_) {
        // The screen's own Inter, from the bytes its FontSet read at start-up: opening the
        // overlay days later must not depend on the font files still being there.
        overlay_ = std::make_unique<StaffOverlay>(staff.hotkey, staff.pin,
                                                  window_->fonts().bytes(Weight::regular));
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
    return screen_setup(*live, overrides_);
}

void UnattendedLink::before_frame(const ScreenState& state, const Deck& deck) {
    if (!overlay_ || !overlay_->is_open()) return;  // built only for staff looking at it
    // The newest Live, not the one on screen: staff see a change they made as soon as it is in.
    overlay_->set_view(overlay_view(*service_.live(), state, deck, staff_.message(), wall_now()));
}

// Says a file's trouble once, when it starts or changes, not at every write.
void UnattendedLink::report(const std::optional<std::string>& error,
                            std::optional<std::string>& said, const char* what) {
    if (error == said) return;
    said = error;
    if (said) log_(std::string("cannot write the ") + what + ": " + *said);
}

LinkRequests UnattendedLink::after_frame(const ScreenState& drawn) {
    std::shared_ptr<const Live> shown = taken_ ? taken_ : service_.live();
    // A frame of it is on the screen: its files are good (Reloader::shown).
    if (shown->generation != shown_generation_) {
        shown_generation_ = shown->generation;
        service_.shown(shown_generation_);
    }
    Instant now = wall_now();
    auto stuck = service_.stuck(std::chrono::steady_clock::now(), now);
    if (stuck.has_value() != trouble_.has_value()) {
        log_(stuck ? *stuck : "the reload thread is running again");
    }
    trouble_ = stuck;
    ScreenState state = drawn;
    state.trouble = stuck;
    status_.update(*shown, state, now);
    report(status_.error(), status_error_, "status file");
    if (metrics_) {
        metrics_->update(*shown, state, now);
        report(metrics_->error(), metrics_error_, "metrics file");
    }
    shown_ = state;
    LinkRequests out;
    if (!overlay_) return out;
    for (const auto& r : overlay_->take_requests()) {
        staff_.carry_out(r, state.timezone, out, state.shown);
        out.redraw = true;
    }
    if (std::string said = staff_.message(); said != said_) {
        said_ = said;
        log_("staff overlay: " + said);
        out.redraw = true;
    }
    if (overlay_->close_if_idle()) out.redraw = true;
    return out;
}

std::chrono::steady_clock::time_point UnattendedLink::due() const {
    Instant due = metrics_ ? std::min(status_.due(), metrics_->due()) : status_.due();
    return std::chrono::steady_clock::now() +
           std::chrono::duration_cast<std::chrono::steady_clock::duration>(due - wall_now());
}

}  // namespace kiosk
