// libFuzzer target: import_program as the app calls it, recognising the format by content, so
// inputs that sit between formats (an XML day page, JSON that is not a schedule) meet the
// registry's choice and the text limits (bound_program) as well as the importer it picks.
#include "tests/fuzz/importer_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk::fuzz;
    if (too_big(size)) return -1;
    auto program = kiosk::import_program(bytes_of(data, size), import_options_for("program"));
    if (program) schedule_and_boards(*program);
    return 0;
}
