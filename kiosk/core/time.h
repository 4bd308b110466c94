// Venue time: parsing instants from the command line and formatting them for people and JSON.
//
// DST policy for local times typed by people (`--at 2022-11-06T01:30` in a zone that repeats
// that hour): the earlier of the two instants (date::choose::earliest), the first time the wall
// clock shows it; a local time in the skipped hour is an error that names the gap.
#pragma once

#include <string>
#include <string_view>

#include <date/tz.h>

#include "kiosk/core/program.h"
#include "kiosk/core/result.h"

namespace kiosk {

// The zone by IANA name, or an error that names it ("unknown time zone 'Mars/Olympus'").
Result<const date::time_zone*> find_zone(std::string_view name);

// find_zone for a name a person typed (--timezone, venue.timezone): when the name is unknown but
// looks like a typo of a zone, the error suggests that zone instead of an example ("unknown time
// zone 'Europe/Berln' (did you mean 'Europe/Berlin'?)"). Case is ignored when comparing, and a
// name without a '/' is also compared with each zone's last part ("berlin"). Only the failure
// costs anything: one pass over the tz database's zones (date::get_tzdb().zones, a few hundred),
// skipping those whose length alone rules them out.
Result<const date::time_zone*> find_typed_zone(std::string_view name);

// "2022-08-29T09:10" (venue-local), "2022-08-29T16:10Z", "2022-08-29T09:10-07:00",
// seconds optional, ' ' allowed for 'T'. `what` names the source in errors ("--at").
Result<Instant> parse_instant(std::string_view text, const date::time_zone& zone,
                              std::string_view what);

// "2022-08-29T09:10:00-07:00": ISO 8601 with the venue's offset at that instant.
std::string format_iso(Instant t, const date::time_zone& zone);

// "09:10" (24 h) or "9:10 a.m." style is the renderer's business; this is the 24 h form.
std::string format_hhmm(Instant t, const date::time_zone& zone);

}  // namespace kiosk
