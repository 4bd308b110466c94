// libFuzzer target: the frab/pretalx schedule XML importer.
#include "kiosk/core/import/frab_xml.h"

#include "tests/fuzz/importer_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return kiosk::fuzz::import_one(kiosk::frab_xml_importer(), data, size, "schedule.xml");
}
