// The interface every program importer implements, and the registry that picks one by content.
//
// An importer turns the bytes of one program file into a Program with diagnostics. Which importer
// reads a file is decided by what the file says, never by its name: `schedule.xml` served as
// `program.txt`, or a day page saved as `.html`, is still read by the right one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "kiosk/core/program.h"
#include "kiosk/core/result.h"

namespace kiosk {

// What an importer is told besides the bytes. Filled by the app from the config and the clock;
// core never reads either.
struct ImportOptions {
    std::string file_name;          // = "" // as the user named it; prefixes every diagnostic
    std::string fallback_timezone;  // = "" // config's venue.timezone; the file's own zone wins
    // Day pages say "Mon 29 Aug" without a year: each date gets the year nearest to this day in
    // which it falls on that weekday (within ±6 years). The app passes today, or the day being
    // rehearsed (`kiosk agenda --at`). Formats that carry full dates ignore it.
    date::local_days reference_day{};
    std::optional<int> year;  // = none // config's data.year: pins the year of day pages

    bool operator==(const ImportOptions&) const = default;
};

class Importer {
  public:
    virtual ~Importer() = default;
    // The format's name as staff know it, for messages: "day page", "frab/pretalx XML".
    virtual std::string_view name() const = 0;
    // True when the bytes look like this format (a cheap look at the start of the content).
    virtual bool recognises(std::string_view bytes) const = 0;
    // A Program when anything was usable (what was skipped or guessed is in `warnings`, each
    // with file:line); the diagnostics that explain why not otherwise. Never throws, never
    // hangs, on any input.
    virtual Result<Program> import(std::string_view bytes, const ImportOptions& options) const = 0;
};

// Every importer, in the order they are asked; the day page, which reads any text, comes last.
const std::vector<const Importer*>& importers();

// The first importer that recognises `bytes`, or none.
const Importer* find_importer(std::string_view bytes);

// Recognises and imports. When no importer recognises the file, the error names the file and
// every format that was tried.
Result<Program> import_program(std::string_view bytes, const ImportOptions& options);

}  // namespace kiosk
