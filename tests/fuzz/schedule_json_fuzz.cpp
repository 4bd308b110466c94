// libFuzzer target: the schedule JSON importer (pretalx/frab's schedule.json).
#include "kiosk/core/import/schedule_json.h"

#include "tests/fuzz/importer_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return kiosk::fuzz::import_one(kiosk::schedule_json_importer(), data, size, "schedule.json");
}
