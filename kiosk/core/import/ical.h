// The iCalendar (.ics) importer: pretalx's schedule export, and any calendar of VEVENTs.
//
// Recognised by content: "BEGIN:VCALENDAR" at the start, after an optional UTF-8 byte order mark
// and whitespace. Parsed with libical; line numbers come from our own scan of the unfolded text,
// since libical keeps none. Each VEVENT directly inside the first VCALENDAR becomes a Session:
//   SUMMARY      title (and the speakers, in pretalx files: below)
//   LOCATION     room
//   DESCRIPTION  description (line breaks kept)
//   UID          id
//   CATEGORIES   track: the first category
//   LANGUAGE     language: the parameter of SUMMARY, else of DESCRIPTION
//   DTSTART      start, and DTEND or DURATION the end: exact (end_origin stated)
//
// Times (RFC 5545 §3.3.5):
// - UTC ("…Z") is exact.
// - TZID: an IANA name ("Europe/Berlin") is resolved by the OS tz database (date::locate_zone), not
//   by the file's VTIMEZONE, which may have been generated from old data or for a limited range.
//   Any other TZID ("CET", "W. Europe Standard Time") goes through the file's VTIMEZONE, with
//   libical. A legacy tz database name without a '/' is not trusted when the file has its
//   VTIMEZONE: pretalx from 2023.1 to at least 2026.2.1 writes the zone's abbreviation (TZID=GMT
//   for Europe/London), and the database's GMT, EST or MST has no daylight saving time.
// - A local time that happens twice (the hour repeated when DST ends) is the first occurrence, and
//   one in the skipped hour is read with the offset before the gap, as RFC 5545 says; both are a
//   warning naming the event. (libical itself picks the second occurrence; we don't use that.)
// - Floating (no TZID, no Z): read in the calendar's X-WR-TIMEZONE, else
//   ImportOptions::fallback_timezone (else the program's zone), with one warning naming it.
// - A TZID that neither the tz database nor the file's VTIMEZONEs know: a warning, and its times
//   are read as floating ones. A VTIMEZONE whose rules are not yearly changes is not used.
// Program::timezone: X-WR-TIMEZONE, else the IANA zone the events' DTSTARTs name, else the
// fallback; an import without any of them fails.
//
// All-day events (DATE values) are sessions with `day` and no start: a hallway screen lists them
// among the day's sessions without a time, and never as "on now" from midnight to midnight (the
// venue is not open at 03:00, and a room-long "now" would hide the talks in it). One session per
// day of a multi-day span (DTEND is exclusive), up to 31 days. The model has no flag yet that
// tells such a session from one whose time is still to be announced, so until it has, the screen
// labels both alike ("TBA").
// A timed event without DTEND or DURATION is zero-length by RFC 5545, which a screen could never
// show as on: its end is left unknown, for the scheduler to estimate and flag.
//
// pretalx (PRODID "-//pretalx//host//…" in every version): SUMMARY is "{title} - {speakers}",
// the display names joined by ", " (src/pretalx/schedule/models/slot.py build_ical; since 2026.2
// schedule/domain/ical.py build_slot_vevent); the speakers are split off at the last " - ", and
// only in pretalx files. Session::day follows pretalx's days, which run 04:00 to 03:59.
#pragma once

#include "kiosk/core/import/importer.h"

namespace kiosk {

// The iCalendar importer; one instance for the program's lifetime.
const Importer& ical_importer();

}  // namespace kiosk
