// libFuzzer target: the iCalendar importer (libical underneath).
#include "kiosk/core/import/ical.h"

#include "tests/fuzz/importer_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return kiosk::fuzz::import_one(kiosk::ical_importer(), data, size, "program.ics");
}
