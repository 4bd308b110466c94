// The one way a program travels from its files to a schedule, for every command and the screen:
//
//   read → recognise → import → apply corrections → make the schedule
//
// `check`, `rooms`, `agenda` and `render` call load_program_files once; the screen's reload
// thread calls the same steps one file at a time (it keeps last-good copies between them).
//
// What is kept when a part is broken, the same everywhere:
// - the program file missing, empty, unreadable or not a program: no program (the screen keeps
//   showing its last good one);
// - the corrections file (data.corrections or --corrections) missing, empty or malformed: the
//   program is shown without corrections (the screen: with its last good corrections);
// - each broken file is one error, said once; warnings (skipped lines, corrections that match
//   nothing, ends before starts) are said once each. Commands exit 1 when any file was broken.
//
// Times typed by people (`--at`, `--now`) are read in the venue's zone as this pipeline resolves
// it: the program's own zone (a day page's Timezone: line, an export's time_zone_name) wins over
// the config's venue.timezone, for every command alike (venue_time below).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

#include "kiosk/app/state_fs.h"
#include "kiosk/core/config.h"
#include "kiosk/core/corrections.h"
#include "kiosk/core/program.h"
#include "kiosk/core/scheduler.h"

namespace kiosk {

// Recognise and import a program file's bytes, read under `config` (its zone as the fallback,
// data.year pinned) with `reference_day` resolving day pages' missing years.
Result<Program> import_program_file(std::string_view bytes, const std::string& name,
                                    const Config& config, date::local_days reference_day);

// What the screen shows, derived from an imported program and the corrections in force.
struct PreparedProgram {
    std::shared_ptr<const Program> program;    // imported, corrected; null: no program
    std::shared_ptr<const Schedule> schedule;  // null: no program, or its zone is unknown
    Diagnostics warnings;  // the import's, the corrections' and the scheduler's, with file:line
    std::optional<std::string> schedule_error;  // why there is a program but no schedule
    std::size_t correction_warnings = 0;        // how many of `warnings` the corrections gave
};

// Applies `corrections` (none: null) and makes the schedule under `settings`.
PreparedProgram prepare_program(std::shared_ptr<const Program> imported,
                                const Corrections* corrections, const ScheduleSettings& settings);

// Everything the commands need from the files a config names.
struct ProgramLoad {
    std::string program_path;
    std::string corrections_path;                    // empty: none configured or given
    std::shared_ptr<const Program> imported;         // null: the program file was unusable
    std::shared_ptr<const Corrections> corrections;  // null: none, or unusable
    PreparedProgram prepared;
    Diagnostics errors;    // one per broken file, with why
    std::string timezone;  // the venue's zone as resolved: the program's own, else the config's

    bool ok() const { return errors.empty() && prepared.schedule != nullptr; }
    // Errors, then warnings, each once, as a command prints them to stderr.
    std::string report() const;
};

// The whole pipeline over `config`'s data.program and data.corrections.
ProgramLoad load_program_files(const FileSystem& fs, const Config& config,
                               date::local_days reference_day);

// Why a screen cannot show `room` from `schedule`, as "no room 'Exhibit Hal A' in program.txt; did
// you mean 'Exhibit Hall A'?" (without a close one: the rooms there are), `program_name` naming
// the program. None when the program knows the room (case and spaces aside), when `room` is empty
// (the screen shows the program's first), or when the program names no rooms at all (every screen
// shows all of it as its own).
std::optional<std::string> unknown_room(const Schedule& schedule, std::string_view room,
                                        std::string_view program_name);

// A venue-local time typed by a person (`--at`, `--now`): read first in the config's zone to find
// the day it names (which resolves day pages' years), then `load` reads the program for that
// day and says the zone it resolved, and the time is read again in that zone when it differs.
// `what` names the option in errors.
Result<Instant> venue_time(std::string_view text, std::string_view what,
                           const std::string& config_zone,
                           const std::function<std::string(date::local_days)>& load);

}  // namespace kiosk
