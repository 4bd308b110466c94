// The day-page importer: the text of a conference website's day page (MLSys, ICML, NeurIPS and
// ICLR publish the same kind) turned into a Program.
//
// The grammar, one line at a time (blank lines only separate paragraphs):
//   Timezone: America/Los_Angeles                      the page's zone; wins over the fallback
//   Oral: Outstanding Papers Mon 29 Aug 08:45 a.m.     a timed header: [Kind:] Title Wkd DD Mon
//   time Welcome Reception Mon 29 Aug 05:30 p.m.            a kind-less one (kind read from the
//   title) Bio :Oral: Distributed … Mon 29 Aug 01:00 p.m.     a header glued to the entry before's
//   leftovers Invited Talk: Kunle Olukotun                       an untimed header naming the
//   speaker; the Systems for ML and ML for Systems: …               next line is the title Ana Ruiz
//   · Deniz Altınbüken                        speakers, after a header or a room marker [ Exhibit
//   Hall A ]                                 a room marker: opens a talk of the session We present
//   …                                       text: the talk's abstract or the session's
//                                                      description; a line that does not end a
//                                                      sentence is continued by the next one
//   Skip to …, Signup here, registration links, URLs   noise, skipped silently
// Times: "08:45 a.m.", "8:45 am", "12:00 p.m." (noon), "12:30 a.m." (half past midnight), 24-hour
// "13:00", optionally a zone abbreviation ("PDT", ignored: the page's zone decides) and an end
// ("08:45 a.m. – 10:00 a.m."). No page carries a year: see ImportOptions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

#include "kiosk/core/config.h"
#include "kiosk/core/program.h"
#include "kiosk/core/result.h"

namespace kiosk {

struct ImportOptions {
    std::string file_name;          // = "" // as the user named it; prefixes every diagnostic
    std::string fallback_timezone;  // = "" // config's venue.timezone; a Timezone: line wins
    // Day pages say "Mon 29 Aug" without a year: each date gets the year nearest to this day in
    // which it falls on that weekday (within ±6 years). The app passes today, or the day being
    // rehearsed (`kiosk agenda --at`); core never reads the clock.
    date::local_days reference_day{};
    std::optional<int> year;  // = none // config's data.year: pins the year instead
};

// The options a screen's config gives: venue.timezone as the fallback zone, data.year pinned
// when set. `reference_day` is today (or the day being rehearsed), from the app's clock.
ImportOptions day_page_options(const Config& config, std::string file_name,
                               date::local_days reference_day);

// A Program when anything was usable (what was skipped or guessed is in `warnings`, each with
// file:line); the diagnostics that explain why not otherwise. Linear in the size of `bytes`;
// memory a small multiple of it. Never throws on any input.
Result<Program> import_day_page(std::string_view bytes, const ImportOptions& options);

}  // namespace kiosk
