// The iCalendar importer's view of libical (see ical_detail.h): texts, times and what it skipped.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>
#include <libical/ical.h>

#include "kiosk/core/import/ical_detail.h"
#include "kiosk/core/import/text.h"

namespace kiosk::ical_detail {
namespace {

// At most this much of a line is quoted in a message.
constexpr std::size_t quote_bytes = 60;

}  // namespace

std::string quoted(std::string_view s) {
    std::string out = "'";
    const std::string_view cut = utf8_prefix(s, quote_bytes);
    append_valid_utf8(cut, out);
    if (cut.size() < s.size()) out += "…";
    out += "'";
    return out;
}

void make_libical_errors_nonfatal() {
    static std::once_flag once;
    std::call_once(once, [] { icalerror_set_errors_are_fatal(0); });
}

LineMap::LineMap(icalcomponent* root, const std::vector<int>& begin_lines) {
    std::size_t next = 0;
    walk(root, begin_lines, next);
    if (next != begin_lines.size()) lines_.clear();
}

void LineMap::walk(icalcomponent* c, const std::vector<int>& begin_lines, std::size_t& next) {
    lines_[c] = next < begin_lines.size() ? begin_lines[next] : 0;
    ++next;
    for_each_child(c, ICAL_ANY_COMPONENT,
                   [&](icalcomponent* child) { walk(child, begin_lines, next); });
}

std::string_view raw_text(icalcomponent* c, icalproperty_kind kind) {
    icalproperty* p = icalcomponent_get_first_property(c, kind);
    if (p == nullptr) return {};
    icalvalue* v = icalproperty_get_value(p);
    if (v == nullptr || icalvalue_isa(v) != ICAL_TEXT_VALUE) return {};
    const char* s = icalvalue_get_text(v);
    return s == nullptr ? std::string_view{} : std::string_view{s};
}

std::string_view x_text(icalcomponent* c, std::string_view name) {
    for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_X_PROPERTY); p;
         p = icalcomponent_get_next_property(c, ICAL_X_PROPERTY)) {
        const char* n = icalproperty_get_x_name(p);
        if (n == nullptr || !iequals(n, name)) continue;
        icalvalue* v = icalproperty_get_value(p);
        const char* s = v ? icalvalue_get_x(v) : nullptr;
        return s == nullptr ? std::string_view{} : std::string_view{s};
    }
    return {};
}

std::string_view parameter(icalproperty* p, icalparameter_kind kind) {
    icalparameter* param = p ? icalproperty_get_first_parameter(p, kind) : nullptr;
    if (param == nullptr) return {};
    const char* s = kind == ICAL_TZID_PARAMETER       ? icalparameter_get_tzid(param)
                    : kind == ICAL_LANGUAGE_PARAMETER ? icalparameter_get_language(param)
                                                      : nullptr;
    return s == nullptr ? std::string_view{} : std::string_view{s};
}

std::string clean(std::string_view in, bool multiline, Utf8Repair& repairs) {
    std::string out;
    std::size_t start = 0;
    for (;;) {
        const std::size_t nl = in.find('\n', start);
        std::string_view piece =
            in.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        if (!piece.empty() && piece.back() == '\r') piece.remove_suffix(1);
        const Utf8Repair r = append_valid_utf8(piece, out);
        if (r.replaced > 0) {
            if (repairs.replaced == 0) repairs.first_bad_byte = r.first_bad_byte;
            repairs.replaced += r.replaced;
        }
        if (nl == std::string_view::npos) break;
        out += multiline ? '\n' : ' ';
        start = nl + 1;
    }
    return std::string(trim(out));
}

std::vector<std::string> libical_errors(icalcomponent* c) {
    std::vector<std::string> out;
    Utf8Repair ignored;
    for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
        const char* m = icalproperty_get_xlicerror(p);
        out.push_back(clean(m ? m : "", false, ignored));
    }
    return out;
}

std::string format_local(const WallTime& w) {
    if (w.form == WallTime::Form::date) return date::format("%F", w.local);
    return date::format("%F %H:%M", date::floor<std::chrono::minutes>(w.local)) +
           (w.form == WallTime::Form::utc ? " UTC" : "");
}

std::string format_utc(Instant t) {
    return date::format("%F %H:%M UTC", date::floor<std::chrono::minutes>(t));
}

std::optional<WallTime> wall_time(icalproperty* p, std::string& why) {
    icalvalue* v = icalproperty_get_value(p);
    icaltimetype t = icaltime_null_time();
    if (v != nullptr && icalvalue_isa(v) == ICAL_DATETIME_VALUE) {
        t = icalvalue_get_datetime(v);
    } else if (v != nullptr && icalvalue_isa(v) == ICAL_DATE_VALUE) {
        t = icalvalue_get_date(v);
    } else {
        why = "is not a date or a date and time";
        return {};
    }
    // Conference programs live in this range; it also keeps libical's year-by-year expansion of
    // VTIMEZONE rules short.
    if (t.year < 1900 || t.year > 2999) {
        why = "has the year " + std::to_string(t.year) + " (expected 1900 to 2999)";
        return {};
    }
    const date::year_month_day ymd{date::year{t.year},
                                   date::month{static_cast<unsigned>(std::clamp(t.month, 0, 13))},
                                   date::day{static_cast<unsigned>(std::clamp(t.day, 0, 32))}};
    if (!ymd.ok()) {
        why = "is not a date";
        return {};
    }
    WallTime w;
    w.local = date::local_days{ymd};
    if (t.is_date) {
        w.form = WallTime::Form::date;
        return w;
    }
    // Second 60 is a leap second (RFC 5545 allows it); it reads as the next minute.
    if (t.hour < 0 || t.hour > 23 || t.minute < 0 || t.minute > 59 || t.second < 0 ||
        t.second > 60) {
        why = "is not a time of day";
        return {};
    }
    w.local += std::chrono::hours{t.hour} + std::chrono::minutes{t.minute} +
               std::chrono::seconds{t.second};
    const std::string_view tzid = parameter(p, ICAL_TZID_PARAMETER);
    if (icaltime_is_utc(t)) {
        w.form = WallTime::Form::utc;  // a TZID beside a "Z" is meaningless (RFC 5545 §3.2.19)
    } else if (!tzid.empty()) {
        w.form = WallTime::Form::zoned;
        w.tzid = std::string(tzid);
    }
    return w;
}

std::optional<std::chrono::seconds> duration(icalproperty* p) {
    const icaldurationtype d = icalproperty_get_duration(p);
    if (icaldurationtype_is_bad_duration(d)) return {};
    // In 64 bits: libical's own icaldurationtype_as_int overflows an int for long durations.
    const std::int64_t s = std::int64_t{d.weeks} * 7 * 86400 + std::int64_t{d.days} * 86400 +
                           std::int64_t{d.hours} * 3600 + std::int64_t{d.minutes} * 60 +
                           std::int64_t{d.seconds};
    return std::chrono::seconds{d.is_neg ? -s : s};
}

}  // namespace kiosk::ical_detail
