// The iCalendar importer's time zones (see ical_detail.h): a TZID's zone, a wall clock's instant.
#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <date/date.h>
#include <date/tz.h>
#include <libical/ical.h>

#include "kiosk/core/import/ical_detail.h"
#include "kiosk/core/time.h"

namespace kiosk::ical_detail {

using namespace std::chrono_literals;

std::chrono::seconds Zone::offset(Instant t) const {
    if (tzdb != nullptr) return tzdb->get_info(t).offset;
    const auto day = date::floor<date::days>(t);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss<std::chrono::seconds> hms{t - day};
    icaltimetype u = icaltime_null_time();
    u.year = static_cast<int>(ymd.year());
    u.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    u.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
    u.hour = static_cast<int>(hms.hours().count());
    u.minute = static_cast<int>(hms.minutes().count());
    u.second = static_cast<int>(hms.seconds().count());
    // The UTC-instant form: unambiguous, unlike libical's wall-clock lookup (below).
    return std::chrono::seconds{icaltimezone_get_utc_offset_of_utc_time(vtimezone, &u, nullptr)};
}

// DST policy (RFC 5545 §3.3.5): a wall-clock time that happens twice is the first occurrence; one
// that never happens is read with the UTC offset in force before the gap. libical's own lookup
// (icaltimezone_get_utc_offset) takes the standard-time, i.e. second, occurrence, so both kinds
// of zone go through this, which asks only for offsets at UTC instants.
//
// A zone changes its offset at most once around any wall-clock time (no zone changes twice within
// two days), so the candidates are the offsets in force a day before and a day after.
Resolved resolve(const Zone& zone, date::local_seconds local) {
    const Instant naive{local.time_since_epoch()};
    const std::chrono::seconds before = zone.offset(naive - 24h);
    const std::chrono::seconds after = zone.offset(naive + 24h);
    const auto fits = [&](std::chrono::seconds off) { return zone.offset(naive - off) == off; };
    const bool first = fits(before);
    const bool second = after != before && fits(after);
    if (first && second) {
        const Instant a = naive - before, b = naive - after;
        return {std::min(a, b), Fit::repeated, std::max(a, b)};
    }
    if (second) return {naive - after};
    if (first) return {naive - before};
    return {naive - before, Fit::skipped};
}

const date::time_zone* tz_database(std::string_view name) {
    auto z = find_zone(name);
    return z.has_value() ? z.value() : nullptr;
}

// The OS tz database's zone for a TZID that is an IANA name: "Europe/Berlin", "UTC", or one with
// a vendor prefix ("/citadel.org/20190914_1/Europe/Berlin", as older Mozilla and libical-based
// writers make them). Names without an area ("CET", "EST", "GMT") are not taken here: pretalx
// writes abbreviations as TZIDs (pretalx#2588), and the database's EST or GMT keeps no DST.
const date::time_zone* iana_zone(std::string_view tzid) {
    if (tzid.empty()) return nullptr;
    if (tzid == "UTC" || (tzid.front() != '/' && tzid.find('/') != std::string_view::npos)) {
        return tz_database(tzid);
    }
    if (tzid.front() != '/') return nullptr;
    for (std::size_t p = tzid.find('/'); p != std::string_view::npos; p = tzid.find('/', p + 1)) {
        const std::string_view rest = tzid.substr(p + 1);
        if (rest.find('/') == std::string_view::npos) break;
        if (const date::time_zone* z = tz_database(rest)) return z;
    }
    return nullptr;
}

namespace {

// libical expands a VTIMEZONE's rules occurrence by occurrence up to the year asked about: a rule
// that is not yearly (FREQ=SECONDLY, from a damaged file) would run for hours. Zones change at
// most a few times a year, on a month's nth weekday or a day, so only such rules are accepted.
std::string unusable(icalcomponent* vtimezone) {
    int parts = 0;
    std::string why;
    auto check = [&](icalcomponent* part) {
        ++parts;
        for (icalproperty* p = icalcomponent_get_first_property(part, ICAL_RRULE_PROPERTY); p;
             p = icalcomponent_get_next_property(part, ICAL_RRULE_PROPERTY)) {
            const icalrecurrencetype r = icalproperty_get_rrule(p);
            const auto none = [](const short* by) { return by[0] == ICAL_RECURRENCE_ARRAY_MAX; };
            if (r.freq != ICAL_YEARLY_RECURRENCE || r.interval != 1 || !none(r.by_second) ||
                !none(r.by_minute) || !none(r.by_hour) || !none(r.by_year_day) ||
                !none(r.by_week_no) || !none(r.by_set_pos) || r.rscale != nullptr) {
                if (why.empty()) why = "has a rule that is not a yearly change";
            }
        }
        for (auto kind : {ICAL_TZOFFSETTO_PROPERTY, ICAL_TZOFFSETFROM_PROPERTY}) {
            icalproperty* p = icalcomponent_get_first_property(part, kind);
            const int offset = p == nullptr ? 0
                               : kind == ICAL_TZOFFSETTO_PROPERTY
                                   ? icalproperty_get_tzoffsetto(p)
                                   : icalproperty_get_tzoffsetfrom(p);
            if ((offset > 18 * 3600 || offset < -18 * 3600) && why.empty()) {
                why = "has an offset beyond 18 hours";
            }
        }
    };
    for_each_child(vtimezone, ICAL_XSTANDARD_COMPONENT, check);
    for_each_child(vtimezone, ICAL_XDAYLIGHT_COMPONENT, check);
    if (parts == 0 && why.empty()) why = "has no STANDARD or DAYLIGHT part";
    return why;
}

}  // namespace

const Zone* Zones::find(const std::string& tzid, std::string& why) {
    auto [it, added] = zones_.try_emplace(tzid);
    if (added) {
        Zone z;
        if (const date::time_zone* iana = iana_zone(tzid)) {
            // The OS tz database decides an IANA name: the file's VTIMEZONE may have been
            // generated from older rules, or for a few years only.
            z.tzdb = iana;
            z.name = std::string(iana->name());
        } else if (icaltimezone* vtz = icalcomponent_get_timezone(calendar_, tzid.c_str())) {
            const std::string problem = unusable(icaltimezone_get_component(vtz));
            if (problem.empty()) {
                z.vtimezone = vtz;
                z.name = tzid;
            } else {
                it->second.why = "its VTIMEZONE " + problem;
            }
        } else if (const date::time_zone* legacy = tz_database(tzid)) {
            // No VTIMEZONE (RFC 5545 requires one), but a tz database name ("CET").
            z.tzdb = legacy;
            z.name = std::string(legacy->name());
        } else {
            it->second.why = "no VTIMEZONE for it in the file, and not a tz database name";
        }
        if (z.tzdb != nullptr || z.vtimezone != nullptr) it->second.zone = std::move(z);
    }
    why = it->second.why;
    return it->second.zone ? &*it->second.zone : nullptr;
}

}  // namespace kiosk::ical_detail
