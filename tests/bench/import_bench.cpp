// How long importing a large day page takes: the seed repeated with shifted dates to 5 MB.
#include <fstream>
#include <sstream>
#include <string>

#include <benchmark/benchmark.h>

#include "kiosk/core/import/daypage.h"

namespace {

std::string read_seed() {
    std::ifstream f(KIOSK_SOURCE_DIR "/data/program.txt", std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

// The seed's day ("Mon 29 Aug") moved forward one day per copy, so every copy is a real day.
std::string generate_page(std::size_t bytes) {
    const std::string seed = read_seed() + "\n";
    const date::local_days first{date::year{2022} / 8 / 29};
    std::string out;
    out.reserve(bytes + seed.size());
    for (int k = 0; out.size() < bytes; ++k) {
        std::string day = date::format("%a %d %b", first + date::days{k});
        std::string copy = seed;
        for (auto at = copy.find("Mon 29 Aug"); at != std::string::npos;
             at = copy.find("Mon 29 Aug", at + day.size())) {
            copy.replace(at, 10, day);
        }
        out += copy;
    }
    return out;
}

void BM_ImportDayPage(benchmark::State& state) {
    const std::string page = generate_page(static_cast<std::size_t>(state.range(0)) << 20);
    kiosk::ImportOptions options;
    options.file_name = "program.txt";
    options.fallback_timezone = "America/Los_Angeles";
    options.reference_day = date::local_days{date::year{2022} / 8 / 29};
    std::size_t sessions = 0;
    for (auto _ : state) {
        auto program = kiosk::import_day_page(page, options);
        if (!program) state.SkipWithError("the generated page did not import");
        sessions = program ? program->sessions.size() : 0;
        benchmark::DoNotOptimize(program);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(page.size()));
    state.counters["sessions"] = static_cast<double>(sessions);
}
BENCHMARK(BM_ImportDayPage)->Arg(5)->Unit(benchmark::kMillisecond);

}  // namespace
