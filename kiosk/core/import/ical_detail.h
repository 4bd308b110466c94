// The iCalendar importer's parts (policies in ical.h), shared by its files; not for use elsewhere.
//
// Index (and the file that holds each section's code)
//   [SECTION] Outline      ical_outline.cpp  unfolding, the BEGIN/END structure and its lines
//   [SECTION] libical      ical_values.cpp   owning handle, values, what libical could not read
//   [SECTION] Time zones   ical_zones.cpp    which zone a TZID names; wall-clock time -> instant
//   [SECTION] Events       ical_events.cpp   pretalx's conventions, VEVENT -> Session
// The importer (ical.cpp) runs them in this order: outline, libical's parse, events.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <date/date.h>
#include <date/tz.h>
#include <libical/ical.h>

#include "kiosk/core/diagnostic.h"
#include "kiosk/core/import/importer.h"
#include "kiosk/core/import/text.h"
#include "kiosk/core/program.h"
#include "kiosk/core/result.h"

namespace kiosk::ical_detail {

// `s` in single quotes for a message; a long one is cut (at a code point) and ends in "…".
std::string quoted(std::string_view s);

// =============================================================================================
// [SECTION] Outline
// =============================================================================================
// libical keeps no line numbers and accepts a file cut short as if it ended there. So before
// libical sees the bytes we walk the unfolded lines once: every component's BEGIN line (in the
// order libical builds its tree, so the two can be matched), and the end of the first calendar.
// A file whose BEGIN and END lines do not pair up, or that ends inside a component, is refused
// here with the line that shows it.

struct Outline {
    std::vector<int> begin_lines;  // each component's BEGIN line, in document (pre-)order
    std::size_t calendar_end = 0;  // bytes of the first calendar, through its END line
};

// The outline of `text` (without its byte order mark); warnings about what follows the first
// calendar go to `warnings`, every message is prefixed with `file`.
Result<Outline> scan_outline(std::string_view text, const std::string& file, Diagnostics& warnings);

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
void make_libical_errors_nonfatal();

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
    LineMap(icalcomponent* root, const std::vector<int>& begin_lines);
    int operator()(const icalcomponent* c) const {
        const auto it = lines_.find(c);
        return it == lines_.end() ? 0 : it->second;
    }

  private:
    void walk(icalcomponent* c, const std::vector<int>& begin_lines, std::size_t& next);
    std::unordered_map<const icalcomponent*, int> lines_;
};

// The text of the first `kind` property of `c`, unescaped by libical; empty when there is none.
std::string_view raw_text(icalcomponent* c, icalproperty_kind kind);

// The value of the first X- property called `name` ("X-WR-TIMEZONE").
std::string_view x_text(icalcomponent* c, std::string_view name);

// The value of `p`'s first TZID or LANGUAGE parameter; empty when there is none (or no `p`).
std::string_view parameter(icalproperty* p, icalparameter_kind kind);

// Text as a screen can draw it: valid UTF-8, trimmed; line breaks kept in `multiline` text and
// turned into spaces elsewhere. What had to be replaced is added to `repairs`.
std::string clean(std::string_view in, bool multiline, Utf8Repair& repairs);

// What libical could not read in `c` itself, in its words ("Parse error in property name:
// DTSTAQT"); it keeps each as an X-LIC-ERROR property and drops the line.
std::vector<std::string> libical_errors(icalcomponent* c);

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

// "2023-08-19 09:30", "… UTC" for a UTC time, "2023-08-19" for a date: as the file says it.
std::string format_local(const WallTime& w);
std::string format_utc(Instant t);

// The value of a DTSTART or DTEND property; none, with `why`, when there is no usable one.
std::optional<WallTime> wall_time(icalproperty* p, std::string& why);

// A DURATION property's length (negative when the file says so); none when libical found it bad.
std::optional<std::chrono::seconds> duration(icalproperty* p);

// =============================================================================================
// [SECTION] Time zones
// =============================================================================================

// A zone local times are read in: the OS tz database's, or the file's VTIMEZONE through libical.
struct Zone {
    std::string name;                       // for messages: the IANA name, or the TZID as written
    const date::time_zone* tzdb = nullptr;  // one of these two is set
    icaltimezone* vtimezone = nullptr;      // owned by the calendar component

    // The offset from UTC in force at `t`.
    std::chrono::seconds offset(Instant t) const;
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

// `local` in `zone`, by the DST policy of RFC 5545 §3.3.5 (see ical_zones.cpp).
Resolved resolve(const Zone& zone, date::local_seconds local);

// The OS tz database's zone called `name`, or none.
const date::time_zone* tz_database(std::string_view name);

// The OS tz database's zone for a TZID that is an IANA name (see ical_zones.cpp), or none.
const date::time_zone* iana_zone(std::string_view tzid);

// The zones the calendar's TZIDs name, each looked up once.
class Zones {
  public:
    explicit Zones(icalcomponent* calendar) : calendar_(calendar) {}

    // The zone `tzid` names; none, with `why`, when neither the tz database nor the file has it.
    const Zone* find(const std::string& tzid, std::string& why);

  private:
    struct Entry {
        std::optional<Zone> zone;
        std::string why;
    };
    icalcomponent* calendar_;
    std::map<std::string, Entry> zones_;
};

// =============================================================================================
// [SECTION] Events
// =============================================================================================

// The Program of the calendar libical has read: its events as sessions, after the outline's
// warnings. An error when it has no events or no time zone can be had.
Result<Program> read_calendar(const ImportOptions& options, icalcomponent* calendar,
                              const LineMap& lines, Diagnostics outline_warnings);

}  // namespace kiosk::ical_detail
