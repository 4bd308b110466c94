// Staff corrections (data/corrections.toml): fixes to the imported program kept in a file of
// their own, because remote updates replace the program file. data/corrections.example.toml
// shows every kind of correction.
//
// Reading checks the file's shape (errors, with file:line, reject it whole); applying is a pure
// function Program × Corrections → Program that marks what it changed as Origin::corrected and
// warns, with the correction's line, about each one that matches nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "kiosk/core/program.h"
#include "kiosk/core/result.h"

namespace kiosk {

// Which session a correction is about: kind and title as the program spells them (case and
// spacing ignored). Everything the correction says applies to every session that matches.
struct SessionMatch {
    std::string kind;                         // empty: any kind
    std::string title;                        // never empty
    std::optional<date::year_month_day> day;  // venue-local day of its start, for titles that
                                              // repeat across days

    bool operator==(const SessionMatch&) const = default;
};

// A time as staff wrote it: "10:15" (the session's own venue-local day), "2022-08-29T10:15"
// (venue time), or an absolute "2022-08-29T17:15Z" / "…+02:00". Checked for shape on reading,
// turned into an instant when applied (that needs the program's time zone).
struct WrittenTime {
    std::string text;
    bool time_of_day = false;  // "10:15": needs a day from the session or the correction

    bool operator==(const WrittenTime&) const = default;
};

// What a [[session]] or [[talk]] correction changes.
struct Changes {
    std::optional<WrittenTime> start;
    std::optional<WrittenTime> end;
    std::optional<std::string> room;  // "" : no room (a session becomes venue-wide)
    std::optional<std::string> name;  // a session's title, a talk's label
    bool hide = false;

    bool operator==(const Changes&) const = default;
};

struct SessionFix {
    int line = 0;  // of its [[session]] header
    SessionMatch match;
    Changes set;

    bool operator==(const SessionFix&) const = default;
};

struct TalkFix {
    int line = 0;  // of its [[talk]] header
    SessionMatch session;
    int position = 0;  // 1-based, in the order `kiosk check --json` lists the session's talks
    Changes set;

    bool operator==(const TalkFix&) const = default;
};

// A session the program lacks: a lunch break, a keynote moved in from another day.
struct AddedSession {
    int line = 0;  // of its [[add]] header
    std::string kind;
    std::string title;
    std::optional<std::string> room;          // none: venue-wide
    std::optional<date::year_month_day> day;  // lets start and end be times of day
    std::optional<WrittenTime> start;         // none: time to be announced
    std::optional<WrittenTime> end;
    std::vector<std::string> speakers;
    std::string description;

    bool operator==(const AddedSession&) const = default;
};

struct Corrections {
    std::string file;  // as the user named it, for diagnostics
    std::vector<SessionFix> sessions;
    std::vector<TalkFix> talks;
    std::vector<AddedSession> added;

    bool empty() const { return sessions.empty() && talks.empty() && added.empty(); }
    bool operator==(const Corrections&) const = default;
};

// Reads corrections from TOML text; `file` names it in diagnostics ("corrections.toml:7: …").
Result<Corrections> parse_corrections(std::string_view text, std::string_view file);

struct CorrectedProgram {
    Program program;
    Diagnostics warnings;  // corrections that match nothing or could not be applied, with lines

    bool operator==(const CorrectedProgram&) const = default;
};

// Applies corrections in file order: session fixes, then talk fixes, then added sessions.
// Matches are made against the program as imported, so renaming a session does not change which
// talks a later [[talk]] correction finds. The program's own warnings are kept.
CorrectedProgram apply_corrections(Program program, const Corrections& corrections);

}  // namespace kiosk
