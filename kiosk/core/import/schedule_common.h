// What frab/pretalx schedule.xml and c3voc/pretalx schedule.json share: the fields of a schedule
// as the file states them (text, read by each importer), and the one place where that text
// becomes Sessions (zone, instants, days, colours), so both formats give the same Program.
//
// Internal to the importers in kiosk/core/import; not part of the core's interface.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/core/diagnostic.h"
#include "kiosk/core/import/importer.h"
#include "kiosk/core/program.h"
#include "kiosk/core/result.h"

namespace kiosk::schedule {

// A file larger than this is refused before parsing: the 4-day Chaos Communication Congress with
// every stage is 2.3 MB of XML, and a parsed document costs several times its size in memory.
inline constexpr std::size_t max_file_bytes = 64u << 20;

// 1-based line numbers for byte offsets, from one pass over the text, which must outlive it.
// Keeps a count per kilobyte, not an offset per line: a file of line breaks stays small.
class LineIndex {
  public:
    explicit LineIndex(std::string_view text);
    // The line holding byte `offset` (an offset past the end is on the last line).
    int line_at(std::size_t offset) const;

  private:
    static constexpr std::size_t block = 1024;
    std::string_view text_;
    std::vector<int> lines_before_;  // line breaks before each block's first byte
};

// Collects diagnostics for one file; keeps the first `max_kept` so a file of garbage cannot fill
// memory, and says how many more there were.
class Sink {
  public:
    static constexpr std::size_t max_kept = 500;

    explicit Sink(std::string file) : file_(std::move(file)) {}

    void warn(int line, std::string message);
    // Everything collected, plus a line counting what was not kept.
    Diagnostics take();
    // An error for the whole import, then the warnings collected so far.
    Unexpected<Diagnostics> fail(int line, std::string message);

  private:
    std::string file_;
    Diagnostics kept_;
    std::size_t dropped_ = 0;
};

// One event as the file states it; every field is the file's text, untouched ("" when absent).
struct RawEvent {
    int line = 0;      // the event's line: its <event> tag, or its guid (or id) in schedule.json
    std::string guid;  // frab's and pretalx's stable id; preferred over `id`
    std::string id;    // the older numeric id
    std::string title;
    std::string subtitle;
    std::string type;  // "Talk", "Workshop", …: becomes Session::kind
    std::string track;
    std::string language;
    std::string abstract;
    std::string description;
    std::string room;      // the event's own room field, else the room it is filed under
    std::string date;      // ISO 8601 with offset: "2023-10-28T23:30:00+02:00"
    std::string start;     // venue-local "23:30"
    std::string duration;  // "01:15"; "1:02:30" (D:HH:MM) for a day or more
    std::string end;       // ISO 8601; newer pretalx schedule.json only
    std::vector<std::string> persons;  // display names, in the file's order
};

struct RawDay {
    int line = 0;
    std::string date;   // "2023-10-28": the day the exporter files the events under
    std::string start;  // "2023-10-28T04:00:00+02:00": when the day begins (pretalx: 04:00)
    std::vector<RawEvent> events;
};

struct RawTrack {
    int line = 0;
    std::string name;
    std::string colour;  // "#5aa9ff" as written
};

struct RawSchedule {
    std::string time_zone_name;  // "" when the file has none
    int time_zone_line = 0;
    std::vector<RawTrack> tracks;
    std::vector<RawDay> days;
};

// The Program a schedule states. `format` names the format in messages ("schedule.xml").
// Errors: no usable time zone, no events. Everything else skipped or doubtful is a warning in
// `sink`, which the returned Program carries.
Result<Program> to_program(RawSchedule raw, const ImportOptions& options, Sink& sink,
                           std::string_view format);

// `s` quoted for a message, cut at 60 code points.
std::string quoted(std::string_view s);

// ---- the small grammars of both formats, exposed for tests ----------------------------------

// "01:15" (hours may exceed 23: frab writes "25:00"), "1:02:30" as pretalx writes a day or more
// (D:HH:MM, days unpadded and never 0) and "00:45:00" as older exporters wrote HH:MM:SS (a
// leading zero tells them apart). Minutes; none when unreadable.
std::optional<std::chrono::minutes> parse_duration(std::string_view text);

// "#5aa9ff" or "#5AF" as "#5AA9FF"; none when not a hex colour. pretalx lowercases colours in
// schedule.xml but not in schedule.json; both must give the same Program.
std::optional<std::string> normalise_colour(std::string_view text);

}  // namespace kiosk::schedule
