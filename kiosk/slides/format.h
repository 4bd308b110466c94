// How the slides write times, days and labels: venue-local clocks, estimates, separators.
//
// Internal to kiosk/slides; format_clock and format_relative are public through deck.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <date/tz.h>

#include "kiosk/core/board.h"

namespace kiosk::deck_parts {

inline const std::string dot = " \u00B7 ";    // " · " between items on a line
inline const std::string approx = "\u2248 ";  // "≈ " before an estimated time
inline const std::string dash = " \u2013 ";   // " – " between start and end

// The named zone, or UTC when the name is empty or unknown (the date line then says UTC).
const date::time_zone* zone_or_utc(const std::string& name);

date::local_seconds local(Instant t, const date::time_zone& zone);

// "Mon 29 Aug": the day a passer-by reads, without a leading zero or a year.
std::string format_day(Instant t, const date::time_zone& zone);

// An instant as a sign shows it: estimates to the nearest 5 minutes of the venue's clock.
Instant shown_instant(Instant t, bool estimated, const date::time_zone& zone);

std::string upper(std::string_view s);

// A language as its speakers write it, for a session's BCP 47 tag ("de", "pt-BR"): "Deutsch",
// "Português"; the tag in capitals for one not in the table ("EU").
std::string language_name(std::string_view tag);

// The non-empty items joined by `sep`.
std::string join(const std::vector<std::string>& items, const std::string& sep);

}  // namespace kiosk::deck_parts
