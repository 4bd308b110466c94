// libFuzzer target: the staff corrections file (TOML), read and then applied to the shipped
// example program (data/program.txt, which data/corrections.example.toml is written for), and
// the corrected program scheduled.
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "kiosk/core/corrections.h"

#include "tests/fuzz/importer_fuzz.h"

namespace {

const kiosk::Program& example_program() {
    static const kiosk::Program program = [] {
        std::ifstream in(KIOSK_SOURCE_DIR "/data/program.txt", std::ios::binary);
        std::string text{std::istreambuf_iterator<char>(in), {}};
        auto p = kiosk::import_program(text, kiosk::fuzz::import_options_for("program.txt"));
        if (!p) throw std::runtime_error("data/program.txt does not import");
        return std::move(p.value());
    }();
    return program;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk::fuzz;
    if (too_big(size)) return -1;
    auto corrections = kiosk::parse_corrections(bytes_of(data, size), "corrections.toml");
    if (!corrections) return 0;
    auto corrected = kiosk::apply_corrections(example_program(), *corrections);
    schedule_and_boards(corrected.program);
    return 0;
}
