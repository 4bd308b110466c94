// The screen's loop (see screen_loop.h): sleep until something changes, then draw one frame.
#include "kiosk/app/screen_loop.h"

#include <algorithm>
#include <memory>
#include <ostream>
#include <utility>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "kiosk/app/board_text.h"
#include "kiosk/app/notify.h"
#include "kiosk/app/screenshots.h"
#include "kiosk/render/fonts.h"
#include "kiosk/render/run_image.h"
#include "kiosk/render/text_cache.h"
#include "kiosk/slides/rotation.h"

namespace kiosk {

namespace {

// What the header names: the venue on an overview screen, else the board's room (its canonical
// spelling), else the configured one.
std::string shown_name(const ScreenSetup& setup, const std::optional<Board>& board) {
    if (!setup.title.empty()) return setup.title;
    return board ? board->room : setup.room;
}

// Gives the pages freed with a replaced program back to the system. glibc keeps freed memory
// for reuse and returns only what lies at the top of each heap on its own: after a large program
// went, a screen would otherwise keep its size (about 110 MB after 100,000 sessions) for good.
void return_freed_memory() {
#if defined(__GLIBC__)
    ::malloc_trim(0);
#endif
}

// Text pictures are large blocks (a line of a 4K slide is a megabyte). glibc maps such blocks
// on their own and unmaps them when freed, but after the first such free it raises that
// threshold to the block's size, so later lines come from the heap, which keeps what they
// leave behind: 31 MB of heap at 3840x2160 for 12 MB of text. A fixed threshold keeps every
// large block mapped on its own and given back when its line is evicted.
void keep_large_blocks_apart() {
#if defined(__GLIBC__)
    ::mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

using steady = std::chrono::steady_clock;
using std::chrono::duration_cast;
using std::chrono::milliseconds;

class ScreenLoop {
  public:
    ScreenLoop(ScreenSetup setup, VenueClock clock, CommandIo io, ScreenLink* link, Window& screen,
               const TextMeasurer& measure)
        : io_(io),
          link_(link),
          screen_(screen),
          measure_(measure),
          setup_(std::move(setup)),
          clock_(std::move(clock)),
          rotation_(setup_.rotation),
          screenshot_(!setup_.screenshot.empty()) {}

    int run();

  private:
    std::chrono::seconds tick() const {
        return setup_.deck.clock_seconds ? std::chrono::seconds(1) : std::chrono::seconds(60);
    }
    Millis since_start() const { return duration_cast<Millis>(steady::now() - t0_); }
    void take_setup();
    void refresh(Instant at, Instant at_tick, Millis now_ms);
    void rebuild(Instant at, Millis now_ms);
    ScreenState state(Instant at_tick, const RotationView& view) const;
    void draw(const RotationView& view, Instant at_tick);
    void take_pictures(const RotationView& view);
    bool after_frame(const ScreenState& state);  // false: quit
    void tell_status();
    WindowEvents sleep(Millis now_ms);

    const steady::time_point t0_ = steady::now();
    CommandIo io_;
    ScreenLink* link_;
    Window& screen_;
    const TextMeasurer& measure_;
    ScreenSetup setup_;  // the link replaces it when the config or program changes
    VenueClock clock_;
    Rotation rotation_;
    Deck deck_;
    Deck previous_;  // the deck before the latest rebuild
    bool first_deck_ = true;
    std::optional<Board> board_;
    std::string board_error_;  // said once on stderr, not every minute
    std::string status_;       // the systemd status line, as the board says it
    Size size_;
    Instant shown_tick_{};
    bool relayout_ = true;
    bool dirty_ = true;
    bool first_frame_ = true;
    bool replaced_ = false;       // a new setup was taken: trim once the old one's deck is gone
    bool screenshot_;             // --screenshot: the first frame, then on SIGUSR1
    SnapshotSchedule snapshots_;  // the state folder's screen.png
    FrameTimes frame_times_;
    RotationView last_view_{static_cast<std::size_t>(-1), -1.0};
    std::size_t frames_ = 0;
    std::size_t missing_said_ = 0;  // characters no font has, warned about so far
    ServiceNotifier service_;       // systemd (Type=notify): READY, WATCHDOG, STATUS
    PictureWriter pictures_;        // last: its thread writes what is waiting before the loop goes
};

void ScreenLoop::take_setup() {
    auto next = link_ ? link_->take() : std::nullopt;
    if (!next) return;
    if (!(next->rotation == setup_.rotation)) rotation_ = Rotation(next->rotation);
    setup_ = std::move(*next);
    relayout_ = true;
    replaced_ = true;
}

// A new board and deck when the minute changed or something asked for a new layout.
void ScreenLoop::refresh(Instant at, Instant at_tick, Millis now_ms) {
    // An announcement or a ROOM FULL mark starts or ends on its second, not at the next minute.
    bool announcing = deck_.next_change && at >= *deck_.next_change;
    if (!relayout_ && !announcing && at_tick == shown_tick_) return;
    bool minute_changed =
        date::floor<std::chrono::minutes>(at) != date::floor<std::chrono::minutes>(shown_tick_);
    if (relayout_ || minute_changed || announcing) rebuild(at, now_ms);
    // The old program's board and deck went with the rebuild: nothing holds it now.
    if (std::exchange(replaced_, false)) return_freed_memory();
    shown_tick_ = at_tick;
    relayout_ = false;
    dirty_ = true;
}

void ScreenLoop::rebuild(Instant at, Millis now_ms) {
    size_ = screen_.canvas();
    auto b = setup_.boards(at);
    if (b) {
        board_ = std::move(b.value());
        board_error_.clear();
        status_ = status_line(*board_);
    } else {
        board_.reset();
        std::string why = format_diagnostics(b.error(), 5);
        if (why != board_error_) io_.err << "kiosk: no program to show:\n" << why;
        board_error_ = why;
        std::string who = setup_.room.empty() ? "" : setup_.room + ": ";
        status_ = who + "no program to show: " + to_string(b.error().front());
    }
    tell_status();  // before the first frame's READY: `systemctl status` never shows none
    DeckInput in{board_ ? &*board_ : nullptr, setup_.room, at, setup_.announcements};
    in.full = setup_.full;
    std::optional<Overview> overview;
    if (board_ && setup_.overviews) {
        overview = setup_.overviews(at);
        in.overview = &*overview;
    }
    deck_ = build_deck(in, size_, setup_.theme, setup_.deck, measure_);
    if (auto full_end = next_full_end(setup_.full, at)) {
        deck_.next_change = std::min(deck_.next_change.value_or(*full_end), *full_end);
    }
    if (first_deck_) previous_ = deck_;  // the rotation starts at the first slide anyway
    first_deck_ = false;
    std::vector<std::string> names;
    for (const auto& s : deck_.slides) names.push_back(s.name);
    rotation_.set_slides(std::move(names), restarts_rotation(previous_, deck_), now_ms);
    previous_ = deck_;
}

ScreenState ScreenLoop::state(Instant at_tick, const RotationView& view) const {
    ScreenState s{board_ ? board_->room : setup_.room,
                  {},
                  "",
                  at_tick,
                  board_ ? board_->timezone : setup_.timezone,
                  clock_.simulated(),
                  clock_.speed()};
    if (board_) {
        for (const auto& session : board_->now) s.now.push_back(session->title);
    }
    if (view.slide < deck_.slides.size()) s.slide = deck_.slides[view.slide].name;
    for (char32_t c : screen_.fonts().missing()) s.missing_glyphs.push_back(code_point_name(c));
    return s;
}

void ScreenLoop::draw(const RotationView& view, Instant at_tick) {
    if (!dirty_ && view == last_view_) return;
    const Slide* slide = view.slide < deck_.slides.size() ? &deck_.slides[view.slide] : nullptr;
    // The lit dot moves with the slide that is fading in, not a frame later.
    ChromeInput chrome_in{shown_name(setup_, board_),
                          board_ ? board_->timezone : setup_.timezone,
                          at_tick,
                          view.slide,
                          deck_.slides.size(),
                          setup_.notice,
                          full_in_header(deck_, view.slide),
                          deck_.tickers};
    auto started = steady::now();
    Slide chrome = layout_chrome(chrome_in, size_, setup_.theme, setup_.deck, measure_);
    screen_.draw(setup_.theme, slide, view.opacity, chrome);
    ++frame_times_.count;
    frame_times_.seconds += std::chrono::duration<double>(steady::now() - started).count();
    // Said once per character, in the journal; the status file keeps the list.
    const auto& missing = screen_.fonts().missing();
    for (; missing_said_ < missing.size(); ++missing_said_) {
        io_.err << "kiosk: warning: " << missing_glyph_warning(missing[missing_said_]) << "\n";
    }
    ++frames_;
    last_view_ = view;
    dirty_ = false;
    if (first_frame_) {
        first_frame_ = false;
        service_.ready();
        io_.err << "kiosk: showing " << shown_name(setup_, board_) << " on " << screen_.describe()
                << "; first frame after " << since_start().count() << " ms\n";
    }
    take_pictures(view);
}

// The pixels are read here, on the render thread, which owns them (a few ms, packed as runs as
// they are read); pictures_ compresses and writes them on its own thread, so no frame waits for
// a PNG.
void ScreenLoop::take_pictures(const RotationView& view) {
    bool wanted = screenshot_ && !setup_.screenshot.empty();
    bool snapshot =
        !setup_.snapshot.empty() && snapshots_.frame(since_start(), view.opacity >= 1.0);
    if (!wanted && !snapshot) return;
    auto shown = std::make_shared<const RunImage>(screen_.read_runs());
    if (wanted) {
        screenshot_ = false;
        pictures_.write(setup_.screenshot, shown);
    }
    if (snapshot) pictures_.write(setup_.snapshot, std::move(shown));
}

// The board's line for `systemctl status`, after the link's trouble while there is one.
void ScreenLoop::tell_status() {
    auto trouble = link_ ? link_->trouble() : std::nullopt;
    service_.status(trouble ? *trouble + "; " + status_ : status_);
}

bool ScreenLoop::after_frame(const ScreenState& state) {
    if (!link_) return true;
    LinkRequests asked = link_->after_frame(state);
    if (asked.quit) return false;
    tell_status();
    if (asked.set_clock) clock_.set(*asked.set_clock);
    if (asked.set_speed) clock_.set_speed(*asked.set_speed);
    if (asked.real_time) clock_.real_time();
    if (asked.clock_changed()) relayout_ = true;
    if (asked.redraw || relayout_) dirty_ = true;
    return true;
}

WindowEvents ScreenLoop::sleep(Millis now_ms) {
    // A stopped rehearsal clock never ticks: wake for the rotation alone.
    Millis next = rotation_.next_change(now_ms);
    if (auto until = clock_.until_next(tick())) next = std::min(next, since_start() + *until);
    // An announcement or a ROOM FULL mark starting or ending between two ticks (a time with
    // seconds) changes the deck on its second, not a minute late.
    if (deck_.next_change) {
        if (auto until = clock_.until(*deck_.next_change)) {
            next = std::min(next, since_start() + *until);
        }
    }
    // The loop is turning: tell the watchdog, and wake in time to tell it again.
    service_.watchdog(steady::now());
    if (auto due = service_.watchdog_due(steady::now())) {
        next = std::min(next, duration_cast<Millis>(*due - t0_));
    }
    // A change the state folder's picture waits to show; a due time already past is taken with
    // the next frame, which a fade draws anyway.
    if (auto due = snapshots_.due(); due && *due > now_ms) next = std::min(next, *due);
    auto wake_at = next == Millis::max() ? steady::time_point::max() : t0_ + next;
    if (link_) wake_at = std::min(wake_at, link_->due());
    return screen_.wait(wake_at);
}

int ScreenLoop::run() {
    while (true) {
        take_setup();
        Millis now_ms = since_start();
        Instant at = clock_.now();
        Instant at_tick = at - at.time_since_epoch() % tick();
        refresh(at, at_tick, now_ms);
        rotation_.advance(now_ms);
        RotationView view = rotation_.view(now_ms);
        ScreenState shown = state(at_tick, view);
        if (link_) link_->before_frame(shown, deck_);
        draw(view, at_tick);
        shown.frames = frame_times_;
        auto cached = screen_.cache().stats();
        shown.text_cache = {cached.entries, cached.bytes};
        if (!after_frame(shown)) break;
        if (dirty_) continue;  // draw the change now, before sleeping
        auto events = sleep(now_ms);
        if (events.quit) break;
        if (events.resized) relayout_ = true;
        if (events.overlay) dirty_ = true;
        if (events.screenshot) screenshot_ = dirty_ = true;
        if (events.snapshot) {
            snapshots_.ask();
            dirty_ = true;
        }
        if (auto due = snapshots_.due(); due && *due <= since_start()) dirty_ = true;
        if (auto why = pictures_.take_error()) io_.err << "kiosk: " << *why << "\n";
    }
    service_.stopping();
    auto stats = screen_.cache().stats();
    io_.err << "kiosk: stopped after " << frames_ << " frames (" << stats.renders
            << " lines of text rendered, " << stats.hits << " reused)\n";
    return exit_ok;
}

}  // namespace

int run_screen(ScreenSetup setup, VenueClock clock, CommandIo io, ScreenLink* link) {
    keep_large_blocks_apart();
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
    if (!screen.renderer_fallback().empty()) {
        io.err << "kiosk: " << screen.renderer_fallback() << "\n";
    }
    if (link) link->connect(&screen);
    // Moved, not copied: the loop's copy is the only one, so the program it shows goes as soon
    // as the loop takes another (a copy kept here held the first program for the whole run).
    int rc = ScreenLoop(std::move(setup), std::move(clock), io, link, screen, *fonts.value()).run();
    if (link) link->connect(nullptr);  // the window goes next: nothing may wake it now
    return rc;
}

}  // namespace kiosk
