// What one frame costs with SDL's software renderer, per slide type, at 1920x1080 and 3840x2160:
// the whole picture (background, slide, header) drawn into an offscreen surface, as `kiosk
// render` draws it and as the screen draws a full frame. No display is needed.
//
//   steady  the slide drawn again with its text already in the texture cache: a clock tick that
//           redraws the whole frame
//   cold    the first frame on a fresh canvas, every line rendered to a texture first: a slide
//           with new text (the canvas is made outside the timing; the fonts stay open, as they
//           do in a running screen)
//   fade    the slide at opacity 0.5 with its text cached: one frame of a cross-fade
//   minute  what the screen draws when the clock's minute turns: only the changed area
//           (FramePainter), the header's clock, text cached
//   step    what the screen draws for one step of a fade (opacity 0.75 after 0.5, and back):
//           only the slide's lines and fills, not the header
//
// The slides are the golden tests' (tests/render/golden_test.cpp): the seed's morning in
// Exhibit Hall A, its evening, after the conference, an urgent announcement, the entrance
// overview.
#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include "kiosk/render/canvas.h"
#include "kiosk/render/fonts.h"
#include "kiosk/slides/deck.h"

#include "tests/support/overview_program.h"
#include "tests/support/sample_boards.h"

namespace kiosk {
namespace {

using testing::at;

const FontSet& fonts() {
    static auto f = FontSet::open({std::string(KIOSK_SOURCE_DIR) + "/assets/fonts"});
    if (!f) throw std::runtime_error(f.error().front().message);
    return *f.value();
}

// What each case's deck is built from; they live as long as the program, as a deck's input must.
const Board& morning() {
    static const Board b = testing::morning_board();
    return b;
}
const Board& evening() {
    static const Board b = [] {
        auto e = testing::status_board(RoomStatus::after_last_session, "19:40");
        e.next_day_first = board_session(testing::session("Oral", "Sparsity and Pruning at Scale",
                                                          "2022-08-30T09:00", "2022-08-30T10:30",
                                                          "Exhibit Hall A"));
        return e;
    }();
    return b;
}
const Board& after() {
    static const Board b = testing::status_board(RoomStatus::after_conference, "2022-08-30T09:00");
    return b;
}
const Overview& overview() {
    static const Overview o = testing::overview_at(testing::overview_program(), "09:10");
    return o;
}

DeckInput input_for(const Board& b) { return {&b, b.room, b.at, {}}; }

struct Case {
    std::string name;   // the benchmark's name: the slide type
    std::string slide;  // which slide of the deck
    std::function<DeckInput()> input;
};

std::vector<Case> cases() {
    return {
        {"now", "now", [] { return input_for(morning()); }},
        {"talk", "talk-2", [] { return input_for(morning()); }},
        {"up-next", "up-next", [] { return input_for(morning()); }},
        {"around", "around", [] { return input_for(morning()); }},
        {"later", "later", [] { return input_for(morning()); }},
        {"tomorrow", "tomorrow", [] { return input_for(evening()); }},
        {"status", "status", [] { return input_for(after()); }},
        {"announcement", "announcement",
         [] {
             auto in = input_for(morning());
             in.announcements = {testing::lunch_announcement()};
             return in;
         }},
        {"overview", "overview-1",
         [] {
             return DeckInput{
                 nullptr, "Santa Clara Convention Center", overview().at, {}, &overview()};
         }},
    };
}

// One slide laid out for one size, with its header: what the screen draws.
struct Frame {
    Theme theme;
    Slide slide;
    Slide chrome;
    Slide chrome_next;  // the header a minute later
};

Frame lay_out(const Case& c, Size size) {
    Frame f;
    DeckOptions options;
    DeckInput in = c.input();
    Deck deck = build_deck(in, size, f.theme, options, fonts());
    for (std::size_t i = 0; i < deck.slides.size(); ++i) {
        if (deck.slides[i].name != c.slide) continue;
        f.slide = deck.slides[i];
        std::string room = in.board ? in.board->room : in.room;
        ChromeInput chrome{room, "America/Los_Angeles",   in.at,       i, deck.slides.size(),
                           "",   full_in_header(deck, i), deck.tickers};
        f.chrome = layout_chrome(chrome, size, f.theme, options, fonts());
        chrome.at += std::chrono::minutes(1);
        f.chrome_next = layout_chrome(chrome, size, f.theme, options, fonts());
        return f;
    }
    throw std::runtime_error("the deck has no slide " + c.slide);
}

std::unique_ptr<Canvas> canvas(Size size) {
    auto made = Canvas::create(size, fonts());
    if (!made) throw std::runtime_error(made.error().front().message);
    return std::move(made.value());
}

void frame_steady(benchmark::State& state, const Frame& f, Size size, double opacity) {
    auto c = canvas(size);
    c->draw(f.theme, &f.slide, opacity, f.chrome);  // warms the text cache
    for (auto _ : state) c->draw(f.theme, &f.slide, opacity, f.chrome);
    state.counters["lines"] = static_cast<double>(f.slide.texts.size() + f.chrome.texts.size());
}

// Frames drawn in pieces, as the screen draws them: the iterations draw `a` and `b` in turn,
// each only where it differs from the frame before; the time is per frame.
void frame_changes(benchmark::State& state, const Frame& f, Size size, double opacity_a,
                   double opacity_b, bool next_minute) {
    auto c = canvas(size);
    const Slide& chrome_b = next_minute ? f.chrome_next : f.chrome;
    c->draw(f.theme, &f.slide, opacity_a, f.chrome);
    c->draw_changes(f.theme, &f.slide, opacity_b, chrome_b);  // both in the text cache
    double pixels = 0;
    bool to_a = true;
    for (auto _ : state) {
        auto areas = to_a ? c->draw_changes(f.theme, &f.slide, opacity_a, f.chrome)
                          : c->draw_changes(f.theme, &f.slide, opacity_b, chrome_b);
        for (const auto& a : areas) pixels += double(a.w) * a.h;
        to_a = !to_a;
    }
    // The share of the screen drawn per frame.
    state.counters["drawn"] = pixels / (double(state.iterations()) * size.w * size.h);
}

void frame_cold(benchmark::State& state, const Frame& f, Size size) {
    for (auto _ : state) {
        state.PauseTiming();
        auto c = canvas(size);
        state.ResumeTiming();
        c->draw(f.theme, &f.slide, 1.0, f.chrome);
        state.PauseTiming();
        c.reset();
        state.ResumeTiming();
    }
}

void add(const std::string& name, std::function<void(benchmark::State&)> run) {
    benchmark::RegisterBenchmark(name.c_str(), std::move(run))->Unit(benchmark::kMillisecond);
}

// Registered before main runs (benchmark_main), one benchmark per slide type, size and kind:
// BM_Frame/now/1920x1080/steady.
const bool registered = [] {
    for (const Case& c : cases()) {
        for (Size size : {Size{1920, 1080}, Size{3840, 2160}}) {
            const std::string name =
                "BM_Frame/" + c.name + "/" + std::to_string(size.w) + "x" + std::to_string(size.h);
            // Laid out when first run, so --benchmark_list_tests opens no fonts.
            auto frame = std::make_shared<std::unique_ptr<Frame>>();
            auto get = [frame, c, size]() -> const Frame& {
                if (!*frame) *frame = std::make_unique<Frame>(lay_out(c, size));
                return **frame;
            };
            add(name + "/steady", [=](benchmark::State& s) { frame_steady(s, get(), size, 1.0); });
            add(name + "/cold", [=](benchmark::State& s) { frame_cold(s, get(), size); });
            add(name + "/fade", [=](benchmark::State& s) { frame_steady(s, get(), size, 0.5); });
            add(name + "/minute",
                [=](benchmark::State& s) { frame_changes(s, get(), size, 1.0, 1.0, true); });
            add(name + "/step",
                [=](benchmark::State& s) { frame_changes(s, get(), size, 0.5, 0.75, false); });
        }
    }
    return true;
}();

}  // namespace
}  // namespace kiosk
