// The iCalendar importer (policies in ical.h): libical parses; we number lines and decide times.
//
// Index
//   [SECTION] Outline      unfolding, the BEGIN/END structure and its line numbers
//   [SECTION] libical      owning handle, values, what libical could not read
//   [SECTION] Time zones   which zone a TZID names; wall-clock time -> instant
//   [SECTION] pretalx      its PRODID, "title - speakers", its 04:00 day
//   [SECTION] Events       VEVENT -> Session
//   [SECTION] Importer
#include "kiosk/core/import/ical.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <date/date.h>
#include <date/tz.h>
#include <libical/ical.h>

#include "kiosk/core/import/text.h"
#include "kiosk/core/time.h"

namespace kiosk {
namespace {

using namespace std::chrono_literals;

// At most this much of a line is quoted in a message.
constexpr std::size_t quote_bytes = 60;

std::string quoted(std::string_view s) {
    std::string out = "'";
    const std::string_view cut = utf8_prefix(s, quote_bytes);
    append_valid_utf8(cut, out);
    if (cut.size() < s.size()) out += "…";
    out += "'";
    return out;
}

// =============================================================================================
// [SECTION] Outline
// =============================================================================================
// libical keeps no line numbers and accepts a file cut short as if it ended there. So before
// libical sees the bytes we walk the unfolded lines once: every component's BEGIN line (in the
// order libical builds its tree, so the two can be matched), and the end of the first calendar.
// A file whose BEGIN and END lines do not pair up, or that ends inside a component, is refused
// here with the line that shows it.

// Deep enough for VCALENDAR > VEVENT > VALARM and VCALENDAR > VTIMEZONE > STANDARD; libical
// frees components recursively, so thousands of nested BEGINs would exhaust the stack.
constexpr std::size_t max_depth = 8;

struct Outline {
    std::vector<int> begin_lines;  // each component's BEGIN line, in document (pre-)order
    std::size_t calendar_end = 0;  // bytes of the first calendar, through its END line
};

class OutlineScanner {
  public:
    OutlineScanner(const std::string& file, Diagnostics& warnings)
        : file_(file), warnings_(warnings) {}

    Result<Outline> scan(std::string_view text) {
        std::size_t pos = 0;
        int n = 0;
        std::string logical;  // the content line being unfolded
        int logical_line = 0;
        bool have = false;
        while (pos < text.size() && !stop_) {
            const std::size_t nl = text.find('\n', pos);
            const std::size_t stop = nl == std::string_view::npos ? text.size() : nl;
            std::string_view physical = text.substr(pos, stop - pos);
            if (!physical.empty() && physical.back() == '\r') physical.remove_suffix(1);
            ++n;
            // RFC 5545 §3.1: a line starting with a space or tab continues the one before it.
            // Unfolding is on bytes, so a fold inside a UTF-8 sequence (which some writers make)
            // is joined back whole.
            if (have && !physical.empty() && (physical[0] == ' ' || physical[0] == '\t')) {
                logical.append(physical.substr(1));
            } else {
                if (have) process(logical, logical_line, pos);
                logical.assign(physical);
                logical_line = n;
                have = true;
            }
            // libical reads the text up to its first NUL: a NUL in the calendar would cut it short
            // without a word.
            if (!closed_ && !stop_ && physical.find('\0') != std::string_view::npos) {
                error(n, "binary data (a NUL byte): expected the text of an iCalendar file");
            }
            pos = nl == std::string_view::npos ? text.size() : nl + 1;
        }
        // A last line without its line break is where a download stopped, unless it is the END
        // that closes what is open: "END:VCALE" is not a mismatched END but a file cut short.
        if (have && !stop_ && (closed_ || text.back() == '\n' || closes(logical))) {
            process(logical, logical_line, text.size());
        }
        if (error_) return fail(*error_);
        if (out_.begin_lines.empty()) {
            return fail(Diagnostic{file_, 0, Severity::error,
                                   "no BEGIN:VCALENDAR: this is not an iCalendar file"});
        }
        if (!closed_) {
            const Open& o = open_.back();
            return fail(Diagnostic{file_, n, Severity::error,
                                   "the file ends inside " + o.name + " (BEGIN:" + o.name +
                                       " at line " + std::to_string(o.line) + ", no END:" + o.name +
                                       "): is it cut short?"});
        }
        return out_;
    }

  private:
    struct Open {
        std::string name;
        int line = 0;
    };

    void error(int line, std::string message) {
        if (!error_) error_ = Diagnostic{file_, line, Severity::error, std::move(message)};
        stop_ = true;
    }

    bool closes(std::string_view l) const {
        const std::size_t colon = l.find(':');
        return !open_.empty() && colon != std::string_view::npos &&
               iequals(l.substr(0, colon), "END") &&
               iequals(trim(l.substr(colon + 1)), open_.back().name);
    }

    // One unfolded content line, which began at `line` and ends before byte `end`.
    void process(std::string_view l, int line, std::size_t end) {
        if (trim(l).empty()) return;  // libical skips blank lines too
        if (closed_) {
            warnings_.push_back({file_, line, Severity::warning,
                                 istarts_with(l, "BEGIN:VCALENDAR")
                                     ? "a second calendar begins here; only the first one is read"
                                     : "text after END:VCALENDAR is ignored"});
            stop_ = true;
            return;
        }
        // The name ends at the first ';' (parameters) or ':' (value), as libical reads it.
        const std::size_t colon = l.find(':');
        const std::string_view name = l.substr(0, std::min(l.find(';'), colon));
        const std::string_view value =
            colon == std::string_view::npos ? std::string_view{} : trim(l.substr(colon + 1));
        if (iequals(name, "BEGIN")) {
            if (open_.empty() && !iequals(value, "VCALENDAR")) {
                return error(line, "expected BEGIN:VCALENDAR, found " + quoted(l));
            }
            if (open_.size() == max_depth) {
                return error(line, "components nested more than " + std::to_string(max_depth) +
                                       " deep: this is not a calendar kiosk can read");
            }
            open_.push_back({std::string(value), line});
            out_.begin_lines.push_back(line);
        } else if (iequals(name, "END")) {
            if (open_.empty()) return error(line, "expected BEGIN:VCALENDAR, found " + quoted(l));
            if (!iequals(value, open_.back().name)) {
                return error(line, "END:" + std::string(value) +
                                       " does not close BEGIN:" + open_.back().name + " (line " +
                                       std::to_string(open_.back().line) + ")");
            }
            open_.pop_back();
            if (open_.empty()) {
                closed_ = true;
                out_.calendar_end = end;
            }
        } else if (open_.empty()) {
            error(line, "expected BEGIN:VCALENDAR, found " + quoted(l));
        }
    }

    const std::string& file_;
    Diagnostics& warnings_;
    Outline out_;
    std::vector<Open> open_;
    bool closed_ = false;  // the first calendar has ended
    bool stop_ = false;
    std::optional<Diagnostic> error_;
};

// =============================================================================================
// [SECTION] libical
// =============================================================================================

struct ComponentFree {
    void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using CalendarPtr = std::unique_ptr<icalcomponent, ComponentFree>;

// libical aborts the process on some errors when its "errors are fatal" switch is on (a build
// option of the library). A hallway screen must outlive any file, so it is turned off, once, for
// the process; the parser then records what it could not read as X-LIC-ERROR properties.
void make_libical_errors_nonfatal() {
    static std::once_flag once;
    std::call_once(once, [] { icalerror_set_errors_are_fatal(0); });
}

template <class F>
void for_each_child(icalcomponent* c, icalcomponent_kind kind, F&& f) {
    for (icalcompiter it = icalcomponent_begin_component(c, kind); icalcompiter_deref(&it);
         icalcompiter_next(&it)) {
        f(icalcompiter_deref(&it));
    }
}

// Each component's BEGIN line, by walking libical's tree in the order the outline recorded them.
// When the two disagree in number (a line libical read differently from us) lines are unknown (0)
// rather than wrong.
class LineMap {
  public:
    LineMap(icalcomponent* root, const std::vector<int>& begin_lines) {
        std::size_t next = 0;
        walk(root, begin_lines, next);
        if (next != begin_lines.size()) lines_.clear();
    }
    int operator()(const icalcomponent* c) const {
        const auto it = lines_.find(c);
        return it == lines_.end() ? 0 : it->second;
    }

  private:
    void walk(icalcomponent* c, const std::vector<int>& begin_lines, std::size_t& next) {
        lines_[c] = next < begin_lines.size() ? begin_lines[next] : 0;
        ++next;
        for_each_child(c, ICAL_ANY_COMPONENT,
                       [&](icalcomponent* child) { walk(child, begin_lines, next); });
    }
    std::unordered_map<const icalcomponent*, int> lines_;
};

// The text of the first `kind` property of `c`, unescaped by libical; empty when there is none.
std::string_view raw_text(icalcomponent* c, icalproperty_kind kind) {
    icalproperty* p = icalcomponent_get_first_property(c, kind);
    if (p == nullptr) return {};
    icalvalue* v = icalproperty_get_value(p);
    if (v == nullptr || icalvalue_isa(v) != ICAL_TEXT_VALUE) return {};
    const char* s = icalvalue_get_text(v);
    return s == nullptr ? std::string_view{} : std::string_view{s};
}

// The value of the first X- property called `name` ("X-WR-TIMEZONE").
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

// Text as a screen can draw it: valid UTF-8, trimmed; line breaks kept in `multiline` text and
// turned into spaces elsewhere. What had to be replaced is added to `repairs`.
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

// What libical could not read in `c` itself, in its words ("Parse error in property name:
// DTSTAQT"); it keeps each as an X-LIC-ERROR property and drops the line.
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

// A DATE or DATE-TIME value as written.
struct WallTime {
    enum class Form {
        utc,       // "…Z": exact
        zoned,     // with a TZID
        floating,  // neither: "the same wall-clock time wherever you are" (RFC 5545 §3.3.5)
        date,      // a DATE: an all-day event
    };
    Form form = Form::floating;
    date::local_seconds local{};  // the wall clock (UTC's for Form::utc); midnight for a date
    std::string tzid;
};

std::string format_local(const WallTime& w) {
    if (w.form == WallTime::Form::date) return date::format("%F", w.local);
    return date::format("%F %H:%M", date::floor<std::chrono::minutes>(w.local)) +
           (w.form == WallTime::Form::utc ? " UTC" : "");
}

std::string format_utc(Instant t) {
    return date::format("%F %H:%M UTC", date::floor<std::chrono::minutes>(t));
}

// The value of a DTSTART or DTEND property; none, with `why`, when there is no usable one.
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

// =============================================================================================
// [SECTION] Time zones
// =============================================================================================

// A zone local times are read in: the OS tz database's, or the file's VTIMEZONE through libical.
struct Zone {
    std::string name;                       // for messages: the IANA name, or the TZID as written
    const date::time_zone* tzdb = nullptr;  // one of these two is set
    icaltimezone* vtimezone = nullptr;      // owned by the calendar component

    std::chrono::seconds offset(Instant t) const {
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
        return std::chrono::seconds{
            icaltimezone_get_utc_offset_of_utc_time(vtimezone, &u, nullptr)};
    }
};

// How a wall-clock time fits a zone.
enum class Fit {
    unique,    // it happens once
    repeated,  // it happens twice (the hour repeated when DST ends)
    skipped,   // it never happens (the hour skipped when DST begins)
};

struct Resolved {
    Instant at;
    Fit fit = Fit::unique;
    Instant other{};  // for Fit::repeated: the second occurrence
};

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

// The zones the calendar's TZIDs name, each looked up once.
class Zones {
  public:
    explicit Zones(icalcomponent* calendar) : calendar_(calendar) {}

    // The zone `tzid` names; none, with `why`, when neither the tz database nor the file has it.
    const Zone* find(const std::string& tzid, std::string& why) {
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

  private:
    struct Entry {
        std::optional<Zone> zone;
        std::string why;
    };
    icalcomponent* calendar_;
    std::map<std::string, Entry> zones_;
};

// =============================================================================================
// [SECTION] pretalx
// =============================================================================================
// What pretalx writes (src/pretalx/schedule/models/slot.py build_ical to 2026.1, then
// schedule/domain/ical.py build_slot_vevent; the exporter orders the talks by start):
//   PRODID:-//pretalx//{host}//[{slug}]     UID:pretalx-{slug}-{submission code}@{host}
//   SUMMARY:{title} - {speaker display names joined by ", "}
//   DTSTART/DTEND;TZID=…: the slot's local time (never UTC), DESCRIPTION, LOCATION, URL, DTSTAMP
// No CATEGORIES, LANGUAGE, METHOD or X-WR-* properties. The TZID is the IANA name with pytz (to
// 2.3) and with the icalendar library (on main after 2026.2.1); in between, vobject given
// zoneinfo writes the zone's standard abbreviation (TZID=CET for Europe/Berlin), with a matching
// VTIMEZONE (pretalx#2588).

bool is_pretalx(std::string_view prodid) { return istarts_with(trim(prodid), "-//pretalx//"); }

struct TitleAndSpeakers {
    std::string title;
    std::vector<std::string> speakers;
};

// "Scheduling without Surprises - 张伟, Ana Ruiz" → the title and two speakers. The split is at
// the last " - ", since titles may contain one and names rarely do; a name with ", " in it
// ("Smith, Jane") cannot be told from two. A talk without speakers ends in " - " (trimmed: " -").
std::optional<TitleAndSpeakers> split_pretalx_summary(std::string_view summary) {
    std::string_view title, names;
    if (summary.size() >= 2 && summary.substr(summary.size() - 2) == " -") {
        title = summary.substr(0, summary.size() - 2);
    } else if (const std::size_t at = summary.rfind(" - "); at != std::string_view::npos) {
        title = summary.substr(0, at);
        names = summary.substr(at + 3);
    } else {
        return {};
    }
    title = trim(title);
    if (title.empty()) return {};
    TitleAndSpeakers out{std::string(title), {}};
    while (!names.empty()) {
        const std::size_t comma = names.find(", ");
        const std::string_view name = trim(names.substr(0, comma));
        if (!name.empty()) out.speakers.emplace_back(name);
        names = comma == std::string_view::npos ? std::string_view{} : names.substr(comma + 2);
    }
    return out;
}

// The venue-local day an event belongs to. pretalx's conference days run 04:00 to 03:59 the next
// morning (DAY_START_HOUR = 4 in schedule/domain/queries/schedule.py; day_start and day_end in its
// schedule.xml), so its pages show a talk at 01:00 on Sunday under Saturday, and the screen must
// agree with the printed program. No other calendar has that convention: there an event at 01:00
// on Sunday is Sunday's. (pretalx's XML exporter itself moves only talks before 03:00, and never
// off the conference's first date; a talk between 03:00 and 03:59 is the one where they differ.)
date::local_days day_of(Instant start, const date::time_zone& zone, bool pretalx_days) {
    const date::local_seconds local = zone.to_local(start);
    date::local_days day = date::floor<date::days>(local);
    if (pretalx_days && local - day < 4h) day -= date::days{1};
    return day;
}

// =============================================================================================
// [SECTION] Events
// =============================================================================================

// An all-day event longer than this is shown on its first days only: a month-long exhibition
// is on every day's list, a span of years (a damaged DTEND) does not flood the program.
constexpr int max_all_day_days = 31;

class Reader {
  public:
    Reader(const ImportOptions& options, icalcomponent* calendar, const LineMap& lines)
        : options_(options), calendar_(calendar), lines_(lines), zones_(calendar) {}

    Result<Program> read(Diagnostics outline_warnings) {
        program_.warnings = std::move(outline_warnings);
        const int calendar_line = lines_(calendar_);
        report_libical_errors(calendar_, "the calendar");
        for_each_child(calendar_, ICAL_VTIMEZONE_COMPONENT, [&](icalcomponent* vtz) {
            report_libical_errors(vtz, "a VTIMEZONE");
            for_each_child(vtz, ICAL_ANY_COMPONENT, [&](icalcomponent* part) {
                report_libical_errors(part, "a VTIMEZONE");
            });
        });
        pretalx_ = is_pretalx(raw_text(calendar_, ICAL_PRODID_PROPERTY));

        std::vector<icalcomponent*> events;
        for_each_child(calendar_, ICAL_VEVENT_COMPONENT,
                       [&](icalcomponent* e) { events.push_back(e); });
        if (events.empty()) {
            return fail(Diagnostic{options_.file_name, calendar_line, Severity::error,
                                   "the calendar has no events (VEVENT): nothing to show"});
        }
        if (auto r = choose_zones(events, calendar_line); !r.empty()) return fail(std::move(r));
        for (icalcomponent* e : events) read_event(e, lines_(e));
        if (repairs_.replaced > 0) {
            const std::string events =
                repaired_ == 1 ? "1 event, this one"
                               : std::to_string(repaired_) + " events, the first of them this one";
            warn(repaired_line_, "invalid UTF-8 or control bytes (first 0x" +
                                     hex(repairs_.first_bad_byte) + ") replaced with U+FFFD in " +
                                     events);
        }
        program_.timezone = std::string(program_zone_->name());
        return std::move(program_);
    }

  private:
    static std::string hex(unsigned char c) {
        constexpr char digits[] = "0123456789ABCDEF";
        return {digits[c >> 4], digits[c & 15]};
    }

    void warn(int line, std::string message) {
        program_.warnings.push_back(
            {options_.file_name, line, Severity::warning, std::move(message)});
    }

    void report_libical_errors(icalcomponent* c, const std::string& what) {
        for (const std::string& m : libical_errors(c)) {
            warn(lines_(c), what + ": skipped what libical could not read: " + m);
        }
    }

    // Program::timezone and the zone floating times are read in (policies in ical.h). Returns the
    // error when there is none to be had.
    Diagnostics choose_zones(const std::vector<icalcomponent*>& events, int calendar_line) {
        const auto error = [&](int line, std::string m) {
            return Diagnostics{{options_.file_name, line, Severity::error, std::move(m)}};
        };
        const date::time_zone* calendar_zone = nullptr;
        if (const std::string_view wr = trim(x_text(calendar_, "X-WR-TIMEZONE")); !wr.empty()) {
            calendar_zone = tz_database(wr);
            if (calendar_zone == nullptr) {
                warn(calendar_line, "X-WR-TIMEZONE " + quoted(wr) +
                                        " is not a time zone the tz database knows; ignored");
            }
        }
        const date::time_zone* fallback = nullptr;
        std::string fallback_error;
        if (!options_.fallback_timezone.empty()) {
            auto z = find_zone(options_.fallback_timezone);
            if (z.has_value()) {
                fallback = z.value();
            } else {
                fallback_error = z.error().front().message + " in venue.timezone";
            }
        }
        // The IANA zone the events' start times name; several are said once.
        const date::time_zone* events_zone = nullptr;
        for (icalcomponent* e : events) {
            icalproperty* p = icalcomponent_get_first_property(e, ICAL_DTSTART_PROPERTY);
            const date::time_zone* z = iana_zone(parameter(p, ICAL_TZID_PARAMETER));
            if (z == nullptr || z == events_zone) continue;
            if (events_zone == nullptr) {
                events_zone = z;
            } else if (calendar_zone == nullptr) {
                warn(lines_(e), "this event's time zone " + quoted(z->name()) +
                                    " differs from the first event's, " +
                                    quoted(events_zone->name()) + "; the program is shown in " +
                                    std::string(events_zone->name()));
                break;
            }
        }
        program_zone_ = calendar_zone ? calendar_zone : events_zone ? events_zone : fallback;
        if (program_zone_ == nullptr) {
            return error(calendar_line,
                         fallback_error.empty()
                             ? "no time zone: the calendar names none (X-WR-TIMEZONE, or a TZID "
                               "with an IANA name) and venue.timezone is not set"
                             : "no time zone: the calendar names none, and " + fallback_error);
        }
        floating_.tzdb = calendar_zone ? calendar_zone : fallback ? fallback : program_zone_;
        floating_.name = std::string(floating_.tzdb->name());
        floating_source_ = calendar_zone ? "the calendar's X-WR-TIMEZONE"
                           : fallback    ? "venue.timezone"
                                         : "the zone of the calendar's other events";
        return {};
    }

    // An instant from a DATE-TIME value of the event called `name` at `line`.
    Instant instant(const WallTime& w, std::string_view property, const std::string& name,
                    int line) {
        if (w.form == WallTime::Form::utc) return Instant{w.local.time_since_epoch()};
        const Zone* zone = &floating_;
        if (w.form == WallTime::Form::floating && !floating_said_) {
            floating_said_ = true;
            warn(line, "floating times (neither a TZID nor UTC), the first in " + name +
                           ", are read in " + floating_.name + ", from " + floating_source_);
        }
        if (w.form == WallTime::Form::zoned) {
            std::string why;
            zone = zones_.find(w.tzid, why);
            if (zone == nullptr) {
                zone = &floating_;
                if (said_.insert("tzid " + w.tzid).second) {
                    warn(line, name + ": unknown time zone " + quoted(w.tzid) + " (" + why +
                                   "); its times, here and in any later event, are read in " +
                                   floating_.name);
                }
            }
        }
        const Resolved r = resolve(*zone, w.local);
        if (r.fit == Fit::repeated) {
            warn(line, name + ": " + std::string(property) + " " + format_local(w) +
                           " happens twice in " + zone->name + "; read as the first, " +
                           format_utc(r.at) + ", as RFC 5545 says (the second is " +
                           format_utc(r.other) + ")");
        } else if (r.fit == Fit::skipped) {
            warn(line, name + ": " + std::string(property) + " " + format_local(w) +
                           " does not exist in " + zone->name +
                           " (the clocks skip it); read with the offset before the change, as "
                           "RFC 5545 says: " +
                           format_utc(r.at));
        }
        // A VTIMEZONE that is not the program's zone: local times on the screen would differ
        // from the file's. Said once per zone, at the first event where they differ.
        if (zone->vtimezone != nullptr &&
            zone->offset(r.at) != program_zone_->get_info(r.at).offset &&
            said_.insert("offset " + zone->name).second) {
            warn(line, name + ": its time zone " + quoted(zone->name) +
                           " (the file's VTIMEZONE) differs from " +
                           std::string(program_zone_->name()) +
                           ", in which the program is shown, at its start; check venue.timezone");
        }
        return r.at;
    }

    void read_event(icalcomponent* e, int line) {
        const std::size_t replaced_before = repairs_.replaced;
        Session s;
        s.source = {options_.file_name, line};
        s.id = clean(raw_text(e, ICAL_UID_PROPERTY), false, repairs_);
        const std::string summary = clean(raw_text(e, ICAL_SUMMARY_PROPERTY), false, repairs_);
        s.description = clean(raw_text(e, ICAL_DESCRIPTION_PROPERTY), true, repairs_);
        if (std::string room = clean(raw_text(e, ICAL_LOCATION_PROPERTY), false, repairs_);
            !room.empty()) {
            s.room = std::move(room);
        }
        // libical splits "CATEGORIES:A,B" into one property per category; the first is the track.
        s.track = clean(raw_text(e, ICAL_CATEGORIES_PROPERTY), false, repairs_);
        std::string_view language = parameter(
            icalcomponent_get_first_property(e, ICAL_SUMMARY_PROPERTY), ICAL_LANGUAGE_PARAMETER);
        if (language.empty()) {
            language = parameter(icalcomponent_get_first_property(e, ICAL_DESCRIPTION_PROPERTY),
                                 ICAL_LANGUAGE_PARAMETER);
        }
        s.language = clean(language, false, repairs_);
        if (repairs_.replaced > replaced_before && repaired_++ == 0) repaired_line_ = line;

        const std::string name = !summary.empty() ? "event " + quoted(summary)
                                 : !s.id.empty()  ? "event with UID " + quoted(s.id)
                                                  : "an event without SUMMARY or UID";
        for (const std::string& m : libical_errors(e)) {
            warn(line, name + ": skipped what libical could not read: " + m);
        }
        // Only pretalx's SUMMARY is "title - speakers"; elsewhere " - " is part of the title.
        std::optional<TitleAndSpeakers> split;
        if (pretalx_) split = split_pretalx_summary(summary);
        if (split) {
            s.title = std::move(split->title);
            s.speakers = std::move(split->speakers);
        } else {
            s.title = summary;
        }
        if (s.title.empty()) {
            s.title = "Untitled";
            warn(line, name + " has no SUMMARY; shown as 'Untitled'");
        }
        if (icalcomponent_get_first_property(e, ICAL_RRULE_PROPERTY) != nullptr) {
            warn(line, name + " repeats (RRULE); only its first occurrence is shown");
        }

        icalproperty* start_p = icalcomponent_get_first_property(e, ICAL_DTSTART_PROPERTY);
        std::string why;
        const std::optional<WallTime> start = start_p ? wall_time(start_p, why) : std::nullopt;
        if (!start) {
            warn(line, name + (start_p ? " DTSTART " + why : " has no DTSTART") +
                           ": shown without a time");
            program_.sessions.push_back(std::move(s));
            return;
        }
        icalproperty* end_p = icalcomponent_get_first_property(e, ICAL_DTEND_PROPERTY);
        icalproperty* duration_p = icalcomponent_get_first_property(e, ICAL_DURATION_PROPERTY);
        std::optional<WallTime> end;
        if (end_p != nullptr) {
            end = wall_time(end_p, why);
            if (!end) warn(line, name + " DTEND " + why + ": the end is not known");
        }
        const bool all_day = start->form == WallTime::Form::date;
        if (end && (end->form == WallTime::Form::date) != all_day) {
            warn(line, name + ": DTSTART " + format_local(*start) + " and DTEND " +
                           format_local(*end) +
                           " are not both dates or both times: the end is not known");
            end.reset();
        }
        std::optional<std::chrono::seconds> length;
        if (!end && end_p == nullptr && duration_p != nullptr) {
            length = duration(duration_p);
            if (length && *length < 0s) {
                warn(line, name + " has a negative DURATION: the end is not known");
                length.reset();
            }
        }
        if (all_day) return add_all_day(std::move(s), *start, end, length, name, line);

        const Instant begins = instant(*start, "DTSTART", name, line);
        s.start = begins;
        s.day = day_of(begins, *program_zone_, pretalx_);
        // No DTEND and no DURATION: RFC 5545 makes the event zero-length, which a screen could
        // never show as on; the end is left to the scheduler, which estimates and says so.
        if (end) {
            const Instant ends = instant(*end, "DTEND", name, line);
            if (ends < begins) {
                warn(line, name + " ends (DTEND " + format_local(*end) + ") before it starts " +
                               "(DTSTART " + format_local(*start) + "): the end is not known");
            } else {
                s.end = ends;
            }
        } else if (length) {
            s.end = begins + *length;
        }
        program_.sessions.push_back(std::move(s));
    }

    // One session per day of an all-day event, with its day and no time (see ical.h).
    void add_all_day(Session s, const WallTime& start, const std::optional<WallTime>& end,
                     std::optional<std::chrono::seconds> length, const std::string& name,
                     int line) {
        const date::local_days first = date::floor<date::days>(start.local);
        std::int64_t days = 1;  // DTEND of an all-day event is exclusive (RFC 5545 §3.6.1)
        if (end) {
            days = (date::floor<date::days>(end->local) - first).count();
            if (days < 1) {
                warn(line, name + " ends (DTEND " + format_local(*end) + ") before it starts " +
                               "(DTSTART " + format_local(start) + "): shown on its first day");
                days = 1;
            }
        } else if (length) {
            days = std::max<std::int64_t>(1, (*length + 24h - 1s) / 24h);
        }
        if (days > max_all_day_days) {
            warn(line, name + " lasts " + std::to_string(days) + " days; shown on its first " +
                           std::to_string(max_all_day_days));
            days = max_all_day_days;
        }
        for (std::int64_t i = 0; i < days; ++i) {
            Session day = s;
            day.day = first + date::days{i};
            program_.sessions.push_back(std::move(day));
        }
    }

    const ImportOptions& options_;
    icalcomponent* calendar_;
    const LineMap& lines_;
    Zones zones_;
    bool pretalx_ = false;
    const date::time_zone* program_zone_ = nullptr;
    Zone floating_;                // where floating times are read
    std::string floating_source_;  // where that zone came from, for the message
    bool floating_said_ = false;
    std::set<std::string> said_;  // problems said once per zone
    Utf8Repair repairs_;
    int repaired_ = 0;  // events with replaced bytes
    int repaired_line_ = 0;
    Program program_;
};

// =============================================================================================
// [SECTION] Importer
// =============================================================================================

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
        make_libical_errors_nonfatal();
        // libical would read a byte order mark as part of the first property's name.
        if (bytes.substr(0, bom.size()) == bom) bytes.remove_prefix(bom.size());
        Diagnostics warnings;
        auto outline = OutlineScanner(options.file_name, warnings).scan(bytes);
        if (!outline.has_value()) return fail(outline.error());
        // Only the first calendar, which the outline has checked, and NUL-terminated for libical.
        const std::string text(bytes.substr(0, outline->calendar_end));
        CalendarPtr calendar{icalparser_parse_string(text.c_str())};
        if (!calendar || icalcomponent_isa(calendar.get()) != ICAL_VCALENDAR_COMPONENT) {
            return fail(Diagnostic{options.file_name, outline->begin_lines.front(), Severity::error,
                                   "libical could not read this calendar"});
        }
        const LineMap lines(calendar.get(), outline->begin_lines);
        return Reader(options, calendar.get(), lines).read(std::move(warnings));
    }
};

}  // namespace

const Importer& ical_importer() {
    static const IcalImporter importer;
    return importer;
}

}  // namespace kiosk
