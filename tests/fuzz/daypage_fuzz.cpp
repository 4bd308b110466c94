// libFuzzer target: the day page importer (the text pasted from a conference's web page).
#include "kiosk/core/import/daypage.h"

#include "tests/fuzz/importer_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const kiosk::DayPageImporter importer;
    return kiosk::fuzz::import_one(importer, data, size, "program.txt");
}
