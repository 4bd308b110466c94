// How long a board takes for a large program: 5,000 sessions over 5 days in 50 rooms, each with
// four talks and their abstracts. The renderer asks for a board every frame; the schedule is
// made once per program.
#include <string>

#include <benchmark/benchmark.h>

#include "kiosk/core/scheduler.h"
#include "kiosk/core/time.h"

namespace {

using namespace std::chrono_literals;

constexpr int days = 5;
constexpr int rooms = 50;
constexpr int per_room_per_day = 20;  // 30-minute sessions from 08:00; 5 × 50 × 20 = 5,000

const date::time_zone& venue() { return *kiosk::find_zone("America/Los_Angeles").value(); }

kiosk::Instant local(date::local_days day, std::chrono::minutes since_midnight) {
    return venue().to_sys(date::local_seconds{day.time_since_epoch()} + since_midnight,
                          date::choose::earliest);
}

kiosk::Program large_program() {
    const date::local_days first{date::year{2022} / 8 / 29};
    const std::string abstract(600, 'x');
    kiosk::Program p;
    p.timezone = "America/Los_Angeles";
    for (int d = 0; d < days; ++d) {
        for (int r = 0; r < rooms; ++r) {
            for (int k = 0; k < per_room_per_day; ++k) {
                kiosk::Session s;
                s.kind = k % 3 == 0 ? "Tutorial" : "Oral";
                s.title = "Session " + std::to_string(d) + "." + std::to_string(r) + "." +
                          std::to_string(k) + " on systems for machine learning";
                s.room = "Room " + std::to_string(r + 1);
                s.description = abstract;
                // Every tenth session has no time; every other one no end.
                if (k % 10 != 9) s.start = local(first + date::days{d}, 8h + 30min * k);
                if (s.start && k % 2 == 0) s.end = *s.start + 25min;
                for (int t = 0; t < 4; ++t) {
                    kiosk::Talk talk;
                    talk.label = "Talk " + std::to_string(t + 1) + " of a long session title";
                    talk.abstract = abstract;
                    talk.speakers = {"Ana Ruiz", "Deniz Altınbüken"};
                    s.talks.push_back(talk);
                }
                p.sessions.push_back(std::move(s));
            }
        }
    }
    return p;
}

const kiosk::Program& program() {
    static const kiosk::Program p = large_program();
    return p;
}

const kiosk::Schedule& schedule() {
    static const kiosk::Schedule s = kiosk::make_schedule(program(), {}).value();
    return s;
}

// One board, mid-afternoon of the third day, in one room: what a frame costs.
void BM_Board(benchmark::State& state) {
    const auto& s = schedule();
    const auto at = local(date::local_days{date::year{2022} / 8 / 31}, 14h + 10min);
    std::size_t listed = 0;
    for (auto _ : state) {
        auto b = kiosk::make_board(s, "Room 17", at);
        listed = b->now.size() + b->next.size() + b->later.size() + b->elsewhere.size();
        benchmark::DoNotOptimize(b);
    }
    state.counters["sessions listed"] = static_cast<double>(listed);
}
BENCHMARK(BM_Board)->Unit(benchmark::kMicrosecond);

// Boards for every room at instants across the whole program, so no room or day stays cached.
void BM_BoardAnyRoomAnyTime(benchmark::State& state) {
    const auto& s = schedule();
    const auto names = s.rooms();
    const auto from = local(date::local_days{date::year{2022} / 8 / 28}, 0min);
    std::size_t i = 0;
    for (auto _ : state) {
        const auto at = from + std::chrono::minutes{(i * 37) % (7 * 24 * 60)};
        auto b = kiosk::make_board(s, names[i % names.size()], at);
        benchmark::DoNotOptimize(b);
        ++i;
    }
}
BENCHMARK(BM_BoardAnyRoomAnyTime)->Unit(benchmark::kMicrosecond);

// Preparing the program: once per program loaded, not per frame.
void BM_MakeSchedule(benchmark::State& state) {
    for (auto _ : state) {
        auto s = kiosk::make_schedule(program(), {});
        benchmark::DoNotOptimize(s);
    }
    state.counters["sessions"] = static_cast<double>(program().sessions.size());
}
BENCHMARK(BM_MakeSchedule)->Unit(benchmark::kMillisecond);

}  // namespace
