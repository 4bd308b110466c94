// The registry of program importers (see importer.h): which formats kiosk reads, in which order.
#include <string>

#include "kiosk/core/import/daypage.h"
#include "kiosk/core/import/frab_xml.h"
#include "kiosk/core/import/ical.h"
#include "kiosk/core/import/importer.h"
#include "kiosk/core/import/limits.h"
#include "kiosk/core/import/schedule_json.h"

namespace kiosk {

const std::vector<const Importer*>& importers() {
    // Formats with a signature of their own go before the day page, which takes any text.
    static const DayPageImporter day_page{};
    static const std::vector<const Importer*> all = {
        &frab_xml_importer(), &schedule_json_importer(), &ical_importer(), &day_page};
    return all;
}

const Importer* find_importer(std::string_view bytes) {
    for (const Importer* importer : importers()) {
        if (importer->recognises(bytes)) return importer;
    }
    return nullptr;
}

Result<Program> import_program(std::string_view bytes, const ImportOptions& options) {
    if (const Importer* importer = find_importer(bytes)) {
        auto program = importer->import(bytes, options);
        if (program) bound_program(*program);  // whatever the format, no more than a screen shows
        return program;
    }
    // Naming every format tried tells staff what kiosk would have read instead.
    std::string tried;
    for (const Importer* importer : importers()) {
        if (!tried.empty()) tried += ", ";
        tried += importer->name();
    }
    return fail(Diagnostic{options.file_name, 0, Severity::error,
                           "not a program file kiosk can read (tried: " + tried + ")"});
}

}  // namespace kiosk
