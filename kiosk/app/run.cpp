// The screen's loop (see run.h): sleep until something changes, then draw one frame.
#include "kiosk/app/run.h"

#include <chrono>
#include <ostream>

#include "kiosk/app/notify.h"
#include "kiosk/core/clock.h"
#include "kiosk/render/fonts.h"
#include "kiosk/render/text_cache.h"

namespace kiosk {

namespace {

using steady = std::chrono::steady_clock;
using std::chrono::duration_cast;
using std::chrono::milliseconds;

// Venue time with millisecond precision: real time, or a rehearsal running `speed` times as fast.
class VenueTime {
  public:
    VenueTime(std::optional<Instant> start, double speed, steady::time_point t0)
        : t0_(t0), speed_(start ? speed : 1.0) {
        if (start) rehearse(*start, speed);
    }

    // The staff overlay's clock controls.
    void set(Instant t) { rehearse(t, speed_); }
    void set_speed(double speed) {
        rehearse(date::floor<std::chrono::seconds>(now()), speed);
        speed_ = speed;
    }
    void real_time() {
        rehearsal_.reset();
        speed_ = 1.0;
    }
    bool simulated() const { return rehearsal_.has_value(); }
    double speed() const { return speed_; }

    std::chrono::system_clock::time_point now() const {
        if (rehearsal_) return rehearsal_->now();
        return std::chrono::system_clock::now();
    }

    // Real time until the venue clock next reaches a multiple of `tick` (a minute, a second).
    milliseconds until_next(std::chrono::seconds tick) const {
        if (speed_ <= 0.0) return milliseconds::max();
        auto t = duration_cast<milliseconds>(now().time_since_epoch());
        auto into = t % duration_cast<milliseconds>(tick);
        auto venue_left = duration_cast<milliseconds>(tick) - into;
        // A few milliseconds late rather than early, so the wake-up finds the new minute.
        return milliseconds(
                   static_cast<long long>(static_cast<double>(venue_left.count()) / speed_)) +
               milliseconds(5);
    }

  private:
    void rehearse(Instant t, double speed) {
        auto t0 = t0_;
        rehearsal_.emplace(t, speed, [t0] { return steady::now() - t0; });
    }

    steady::time_point t0_;
    double speed_;
    std::optional<RehearsalClock> rehearsal_;
};

}  // namespace

int run_screen(const ScreenSetup& initial, std::optional<Instant> start, double speed, CommandIo io,
               ScreenLink* link) {
    const auto t0 = steady::now();
    ScreenSetup setup = initial;  // the link replaces it when the config or program changes
    auto fonts = FontSet::open(setup.font_dirs);
    if (!fonts) {
        io.err << "kiosk: " << fonts.error().front().message << "\n";
        return exit_failure;
    }
    auto window = Window::open(setup.window, *fonts.value());
    if (!window) {
        io.err << "kiosk: " << window.error().front().message << "\n";
        return exit_failure;
    }
    Window& screen = *window.value();
    if (!screen.renderer_fallback().empty())
        io.err << "kiosk: " << screen.renderer_fallback() << "\n";
    const TextMeasurer& measure = *fonts.value();
    VenueTime venue(start, speed, t0);
    if (link) link->connect(&screen);

    Rotation rotation(setup.rotation);
    Deck deck;
    std::optional<Board> board;
    std::string board_error;  // said once on stderr, not every minute
    Deck previous;            // the deck before the latest rebuild
    bool first_deck = true;
    Size size;
    Instant shown_tick{};
    bool relayout = true;
    bool dirty = true;
    bool first_frame = true;
    bool screenshot = !setup.screenshot.empty();  // --screenshot: the first frame, then on SIGUSR1
    RotationView last_view{static_cast<std::size_t>(-1), -1.0};
    std::size_t frames = 0;
    // systemd (Type=notify): READY after the first frame, WATCHDOG, STATUS for each board.
    ServiceNotifier service;

    while (true) {
        if (auto next = link ? link->take() : std::nullopt) {
            if (!(next->rotation == setup.rotation)) rotation = Rotation(next->rotation);
            setup = std::move(*next);
            relayout = true;
        }
        const auto tick =
            setup.deck.clock_seconds ? std::chrono::seconds(1) : std::chrono::seconds(60);
        auto now_ms = duration_cast<Millis>(steady::now() - t0);
        Instant at = date::floor<std::chrono::seconds>(venue.now());
        Instant at_tick = date::floor<std::chrono::seconds>(at - (at.time_since_epoch() % tick));
        if (relayout || at_tick != shown_tick) {
            bool minute_changed = date::floor<std::chrono::minutes>(at) !=
                                  date::floor<std::chrono::minutes>(shown_tick);
            if (relayout || minute_changed) {
                size = screen.canvas();
                auto b = setup.boards(at);
                if (b) {
                    board = std::move(b.value());
                    board_error.clear();
                    service.status(status_line(*board));
                } else {
                    board.reset();
                    std::string why = format_diagnostics(b.error(), 5);
                    if (why != board_error) io.err << "kiosk: no program to show:\n" << why;
                    board_error = why;
                    std::string who = setup.room.empty() ? "" : setup.room + ": ";
                    service.status(who + "no program to show: " + to_string(b.error().front()));
                }
                DeckInput in{board ? &*board : nullptr, setup.room, at, setup.announcement};
                deck = build_deck(in, size, setup.theme, setup.deck, measure);
                if (first_deck) previous = deck;  // the rotation starts at the first slide anyway
                first_deck = false;
                std::vector<std::string> names;
                for (const auto& s : deck.slides) names.push_back(s.name);
                rotation.set_slides(std::move(names), restarts_rotation(previous, deck), now_ms);
                previous = deck;
            }
            shown_tick = at_tick;
            relayout = false;
            dirty = true;
        }
        rotation.advance(now_ms);
        RotationView view = rotation.view(now_ms);
        ScreenState state{board ? board->room : setup.room,
                          {},
                          "",
                          at_tick,
                          board ? board->timezone : setup.timezone,
                          venue.simulated(),
                          venue.speed()};
        if (link) {
            if (board) {
                for (const auto& s : board->now) state.now.push_back(s->title);
            }
            if (view.slide < deck.slides.size()) state.slide = deck.slides[view.slide].name;
            link->before_frame(state, deck);
        }
        if (dirty || !(view == last_view)) {
            const Slide* slide =
                view.slide < deck.slides.size() ? &deck.slides[view.slide] : nullptr;
            ChromeInput chrome_in{board ? board->room : setup.room,
                                  board ? board->timezone : setup.timezone, at_tick,
                                  rotation.current(), deck.slides.size()};
            // The lit dot moves with the slide that is fading in, not a frame later.
            chrome_in.slide = view.slide;
            Slide chrome = layout_chrome(chrome_in, size, setup.theme, setup.deck, measure);
            screen.draw(setup.theme, slide, view.opacity, chrome);
            ++frames;
            last_view = view;
            dirty = false;
            if (first_frame) {
                first_frame = false;
                service.ready();
                auto ms = duration_cast<milliseconds>(steady::now() - t0).count();
                io.err << "kiosk: showing " << (board ? board->room : setup.room) << " on "
                       << screen.describe() << "; first frame after " << ms << " ms\n";
            }
            if (screenshot && !setup.screenshot.empty()) {
                screenshot = false;
                auto ok = write_png(setup.screenshot, screen.read_pixels());
                if (!ok) io.err << to_string(ok.error().front()) << "\n";
            }
        }
        if (link) {
            LinkRequests asked = link->after_frame(state);
            if (asked.quit) break;
            if (asked.set_clock) venue.set(*asked.set_clock);
            if (asked.set_speed) venue.set_speed(*asked.set_speed);
            if (asked.real_time) venue.real_time();
            if (asked.set_clock || asked.set_speed || asked.real_time) relayout = true;
            if (asked.redraw || relayout) {
                dirty = true;
                continue;  // draw the change now, before sleeping
            }
        }
        // A stopped rehearsal clock (speed 0) never ticks: wake for the rotation alone.
        Millis next = rotation.next_change(now_ms);
        if (auto until = venue.until_next(tick); until != milliseconds::max()) {
            next = std::min(next, duration_cast<Millis>(steady::now() - t0) + until);
        }
        // The loop is turning: tell the watchdog, and wake in time to tell it again.
        service.watchdog(steady::now());
        if (auto due = service.watchdog_due(steady::now())) {
            next = std::min(next, duration_cast<Millis>(*due - t0));
        }
        auto wake_at = next == Millis::max() ? steady::time_point::max() : t0 + next;
        if (link) wake_at = std::min(wake_at, link->due());
        auto events = screen.wait(wake_at);
        if (events.quit) break;
        if (events.resized) relayout = true;
        if (events.overlay) dirty = true;
        if (events.screenshot) screenshot = dirty = true;
    }
    service.stopping();
    if (link) link->connect(nullptr);  // the window goes next: nothing may wake it from now on
    auto stats = screen.cache().stats();
    io.err << "kiosk: stopped after " << frames << " frames (" << stats.renders
           << " lines of text rendered, " << stats.hits << " reused)\n";
    return exit_ok;
}

}  // namespace kiosk
