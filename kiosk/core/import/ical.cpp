// The iCalendar importer (policies in ical.h): libical parses; we number lines and decide times.
//
// The work is in the files named in ical_detail.h's index; this one recognises a calendar and
// runs them: the outline (which refuses a broken file before libical sees it), libical's parse,
// then the events.
#include "kiosk/core/import/ical.h"

#include <string>
#include <string_view>
#include <utility>

#include <libical/ical.h>

#include "kiosk/core/import/ical_detail.h"
#include "kiosk/core/import/text.h"

namespace kiosk {
namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";

class IcalImporter final : public Importer {
  public:
    std::string_view name() const override { return "iCalendar"; }

    bool recognises(std::string_view bytes) const override {
        if (bytes.substr(0, bom.size()) == bom) bytes.remove_prefix(bom.size());
        const std::size_t start = bytes.find_first_not_of(" \t\r\n");
        if (start == std::string_view::npos) return false;
        bytes.remove_prefix(start);
        constexpr std::string_view begin = "BEGIN:VCALENDAR";
        return istarts_with(bytes, begin) &&
               (bytes.size() == begin.size() || is_ascii_space(bytes[begin.size()]));
    }

    Result<Program> import(std::string_view bytes, const ImportOptions& options) const override {
        ical_detail::make_libical_errors_nonfatal();
        // libical would read a byte order mark as part of the first property's name.
        if (bytes.substr(0, bom.size()) == bom) bytes.remove_prefix(bom.size());
        Diagnostics warnings;
        auto outline = ical_detail::scan_outline(bytes, options.file_name, warnings);
        if (!outline.has_value()) return fail(outline.error());
        // Only the first calendar, which the outline has checked, and NUL-terminated for libical.
        const std::string text(bytes.substr(0, outline->calendar_end));
        ical_detail::CalendarPtr calendar{icalparser_parse_string(text.c_str())};
        if (!calendar || icalcomponent_isa(calendar.get()) != ICAL_VCALENDAR_COMPONENT) {
            return fail(Diagnostic{options.file_name, outline->begin_lines.front(), Severity::error,
                                   "libical could not read this calendar"});
        }
        const ical_detail::LineMap lines(calendar.get(), outline->begin_lines);
        return ical_detail::read_calendar(options, calendar.get(), lines, std::move(warnings));
    }
};

}  // namespace

const Importer& ical_importer() {
    static const IcalImporter importer;
    return importer;
}

}  // namespace kiosk
