// The iCalendar importer's events (see ical_detail.h): pretalx's conventions, VEVENT -> Session.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <date/date.h>
#include <date/tz.h>
#include <libical/ical.h>

#include "kiosk/core/import/ical_detail.h"
#include "kiosk/core/import/text.h"
#include "kiosk/core/time.h"

namespace kiosk::ical_detail {
namespace {

using namespace std::chrono_literals;

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
        std::string summary;
        Session s = read_texts(e, line, summary);
        const std::string name = !summary.empty() ? "event " + quoted(summary)
                                 : !s.id.empty()  ? "event with UID " + quoted(s.id)
                                                  : "an event without SUMMARY or UID";
        for (const std::string& m : libical_errors(e)) {
            warn(line, name + ": skipped what libical could not read: " + m);
        }
        set_title(s, summary, name, line);
        if (icalcomponent_get_first_property(e, ICAL_RRULE_PROPERTY) != nullptr) {
            warn(line, name + " repeats (RRULE); only its first occurrence is shown");
        }
        read_times(e, std::move(s), name, line);
    }

    // The event's texts as a screen can draw them, all but the title; `summary` is SUMMARY whole.
    // Counts the event among those with repaired bytes.
    Session read_texts(icalcomponent* e, int line, std::string& summary) {
        const std::size_t replaced_before = repairs_.replaced;
        Session s;
        s.source = {options_.file_name, line};
        s.id = clean(raw_text(e, ICAL_UID_PROPERTY), false, repairs_);
        summary = clean(raw_text(e, ICAL_SUMMARY_PROPERTY), false, repairs_);
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
        return s;
    }

    // The title, and in pretalx files the speakers, from SUMMARY; "Untitled" without one.
    void set_title(Session& s, const std::string& summary, const std::string& name, int line) {
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
    }

    // The end as the event states it: DTEND, else DURATION; neither when it states none usable.
    struct StatedEnd {
        std::optional<WallTime> end;
        std::optional<std::chrono::seconds> length;
    };

    StatedEnd read_end(icalcomponent* e, const WallTime& start, const std::string& name, int line) {
        icalproperty* end_p = icalcomponent_get_first_property(e, ICAL_DTEND_PROPERTY);
        icalproperty* duration_p = icalcomponent_get_first_property(e, ICAL_DURATION_PROPERTY);
        StatedEnd out;
        if (end_p != nullptr) {
            std::string why;
            out.end = wall_time(end_p, why);
            if (!out.end) warn(line, name + " DTEND " + why + ": the end is not known");
        }
        const bool all_day = start.form == WallTime::Form::date;
        if (out.end && (out.end->form == WallTime::Form::date) != all_day) {
            warn(line, name + ": DTSTART " + format_local(start) + " and DTEND " +
                           format_local(*out.end) +
                           " are not both dates or both times: the end is not known");
            out.end.reset();
        }
        // DURATION counts only where there is no DTEND at all (RFC 5545 allows one or the other).
        if (!out.end && end_p == nullptr && duration_p != nullptr) {
            out.length = duration(duration_p);
            if (out.length && *out.length < 0s) {
                warn(line, name + " has a negative DURATION: the end is not known");
                out.length.reset();
            }
        }
        return out;
    }

    // DTSTART and the end: a timed session, or the days of an all-day event; the session without
    // a time when DTSTART is missing or unusable.
    void read_times(icalcomponent* e, Session s, const std::string& name, int line) {
        icalproperty* start_p = icalcomponent_get_first_property(e, ICAL_DTSTART_PROPERTY);
        std::string why;
        const std::optional<WallTime> start = start_p ? wall_time(start_p, why) : std::nullopt;
        if (!start) {
            warn(line, name + (start_p ? " DTSTART " + why : " has no DTSTART") +
                           ": shown without a time");
            program_.sessions.push_back(std::move(s));
            return;
        }
        const StatedEnd stated = read_end(e, *start, name, line);
        if (start->form == WallTime::Form::date) {
            return add_all_day(std::move(s), *start, stated.end, stated.length, name, line);
        }

        const Instant begins = instant(*start, "DTSTART", name, line);
        s.start = begins;
        s.day = day_of(begins, *program_zone_, pretalx_);
        // No DTEND and no DURATION: RFC 5545 makes the event zero-length, which a screen could
        // never show as on; the end is left to the scheduler, which estimates and says so.
        if (stated.end) {
            const Instant ends = instant(*stated.end, "DTEND", name, line);
            if (ends < begins) {
                warn(line, name + " ends (DTEND " + format_local(*stated.end) +
                               ") before it starts (DTSTART " + format_local(*start) +
                               "): the end is not known");
            } else {
                s.end = ends;
            }
        } else if (stated.length) {
            s.end = begins + *stated.length;
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

}  // namespace

Result<Program> read_calendar(const ImportOptions& options, icalcomponent* calendar,
                              const LineMap& lines, Diagnostics outline_warnings) {
    return Reader(options, calendar, lines).read(std::move(outline_warnings));
}

}  // namespace kiosk::ical_detail
