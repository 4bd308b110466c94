// Joining the reload service and status file to the screen's loop (see reload_screen.h).
#include "kiosk/app/reload_screen.h"

#include <filesystem>

#include "kiosk/app/config_map.h"

namespace kiosk {

namespace {

Instant wall_now() { return date::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

}  // namespace

RunStart run_start(const Invocation& inv, const EnvFn& env) {
    std::optional<std::string> path = inv.get("--config");
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

void UnattendedLink::connect(std::function<void()> wake) {
    std::lock_guard lock(wake_mutex_);
    wake_ = std::move(wake);
}

void UnattendedLink::wake() {
    std::lock_guard lock(wake_mutex_);
    if (wake_) wake_();
}

std::optional<ScreenSetup> UnattendedLink::take() {
    auto live = service_.live();
    if (taken_ && live->generation == taken_->generation) return std::nullopt;
    taken_ = live;
    return setup_from_live(base_, *live);
}

void UnattendedLink::shown(const ScreenState& state) {
    status_.update(taken_ ? *taken_ : *service_.live(), state, wall_now());
    if (status_.error() != status_error_) {
        status_error_ = status_.error();
        if (status_error_) log_("cannot write the status file: " + *status_error_);
    }
}

std::chrono::steady_clock::time_point UnattendedLink::due() const {
    return std::chrono::steady_clock::now() +
           std::chrono::duration_cast<std::chrono::steady_clock::duration>(status_.due() -
                                                                           wall_now());
}

}  // namespace kiosk
