// How long importing large program files takes: a 5 MB day page (the seed repeated with shifted
// dates) and a 5 MB frab/pretalx XML export (a real export's rooms repeated under new names).
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "kiosk/core/import/daypage.h"
#include "kiosk/core/import/frab_xml.h"

namespace {

std::string read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

std::string read_seed() { return read_file(KIOSK_SOURCE_DIR "/data/program.txt"); }

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

// Imports `bytes` with `import` once per iteration: time, throughput, sessions and size.
template <class Import>
void time_import(benchmark::State& state, const std::string& bytes, Import import) {
    std::size_t sessions = 0;
    for (auto _ : state) {
        auto program = import(bytes);
        if (!program) state.SkipWithError("the generated file did not import");
        sessions = program ? program->sessions.size() : 0;
        benchmark::DoNotOptimize(program);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(bytes.size()));
    state.counters["sessions"] = static_cast<double>(sessions);
    state.counters["MB"] = static_cast<double>(bytes.size()) / (1 << 20);
}

void BM_ImportDayPage(benchmark::State& state) {
    kiosk::ImportOptions options;
    options.file_name = "program.txt";
    options.fallback_timezone = "America/Los_Angeles";
    options.reference_day = date::local_days{date::year{2022} / 8 / 29};
    time_import(state, generate_page(static_cast<std::size_t>(state.range(0)) << 20),
                [&](const std::string& page) { return kiosk::import_day_page(page, options); });
}
BENCHMARK(BM_ImportDayPage)->Arg(5)->Unit(benchmark::kMillisecond);

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
}

// RomHack Camp 2026 as pretalx exported it (three days, a few rooms): each day's rooms are
// repeated until the file reaches `bytes`, copy k's rooms named "R<k> STAGE 1" and so on and its
// guids prefixed, so every copy is a room of its own and no event repeats another's guid.
std::string generate_xml(std::size_t bytes) {
    const std::string seed =
        read_file(KIOSK_SOURCE_DIR "/tests/data/programs/real/romhack-camp-2026.schedule.xml");
    // Where the rooms of each day start and end: after the <day ...> line, before </day>.
    struct Span {
        std::size_t begin, end;
    };
    std::vector<Span> days;
    for (auto at = seed.find("<day "); at != std::string::npos; at = seed.find("<day ", at)) {
        const auto open_end = seed.find('>', at) + 1;
        const auto close = seed.find("</day>", open_end);
        days.push_back({open_end, close});
        at = close;
    }
    if (days.empty()) return {};
    std::size_t room_bytes = 0;
    for (const auto& d : days) room_bytes += d.end - d.begin;
    // Copies of every day's rooms (the original included) for the rooms to fill `bytes`.
    const std::size_t copies = bytes / room_bytes + 1;
    std::string out;
    out.reserve(bytes + seed.size());
    std::size_t from = 0;
    for (const auto& d : days) {
        out.append(seed, from, d.end - from);  // up to the day's own rooms, and those rooms
        const std::string rooms = seed.substr(d.begin, d.end - d.begin);
        for (std::size_t k = 1; k < copies; ++k) {
            std::string copy = rooms;
            const std::string tag = "R" + std::to_string(k) + " ";
            replace_all(copy, "<room name='", "<room name='" + tag);
            replace_all(copy, "<room>", "<room>" + tag);
            replace_all(copy, "guid='", "guid='" + std::to_string(k) + "-");
            out += copy;
        }
        from = d.end;
    }
    out.append(seed, from, std::string::npos);
    return out;
}

void BM_ImportFrabXml(benchmark::State& state) {
    kiosk::ImportOptions options;
    options.file_name = "schedule.xml";
    options.fallback_timezone = "Europe/Rome";
    time_import(
        state, generate_xml(static_cast<std::size_t>(state.range(0)) << 20),
        [&](const std::string& xml) { return kiosk::frab_xml_importer().import(xml, options); });
}
BENCHMARK(BM_ImportFrabXml)->Arg(5)->Unit(benchmark::kMillisecond);

}  // namespace
