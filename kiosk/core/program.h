// The program model: what a conference schedule says, whatever format it came from.
//
// Format-neutral on purpose: day pages (scraped text) fill only part of it; pretalx/frab XML,
// c3voc JSON and iCalendar importers fill exact ends, tracks, colours and languages. Nothing here
// is guessed by the scheduler: a field is either stated by the source, read from its prose
// (flagged), or set by a staff correction (flagged).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include "kiosk/core/diagnostic.h"

namespace kiosk {

// Every instant in the kiosk is UTC seconds; venue-local time exists only when parsing and drawing.
using Instant = date::sys_seconds;

// Where a value came from, so the screen can be honest about it.
enum class Origin {
    stated,      // the source gives it as data (a header time, a room marker, an XML field)
    from_prose,  // read from free text ("will be held in the Mission City Ballroom")
    corrected,   // set by staff in corrections.toml
};

// Where in which file an item was read; diagnostics and corrections point back here.
struct SourceRef {
    std::string file;  // as the user named it
    int line = 0;      // 1-based, 0 when unknown

    bool operator==(const SourceRef&) const = default;
};

struct Talk {
    std::string label;           // short name a passer-by recognises ("Pathways"); never empty
    bool label_derived = false;  // true when the importer made it up (from the abstract, or
                                 // "Talk 3" when there is none), not stated by the source
    std::string abstract;        // full text, never shortened here
    std::optional<std::string> room;
    std::vector<std::string> speakers;
    std::optional<Instant> start;  // exact, when the source has it (day pages never do)
    std::optional<Instant> end;
    SourceRef source;
    // Set to corrected by staff corrections (corrections.h); stated otherwise.
    Origin label_origin = Origin::stated;
    Origin room_origin = Origin::stated;
    Origin time_origin = Origin::stated;  // start and end

    bool operator==(const Talk&) const = default;
};

struct Session {
    std::string kind;   // as the source names it: "Oral", "Invited Talk", "Registration Desk", …
    std::string title;  // never empty
    std::string subtitle;  // "What a hallway screen must know"; frab/pretalx's <subtitle>
    std::vector<std::string> speakers;
    std::optional<std::string> room;  // none: venue-wide or not said
    Origin room_origin = Origin::stated;
    std::optional<Instant> start;  // none: time to be announced (never invented)
    std::optional<Instant> end;    // none: the scheduler infers one and flags it
    // The venue-local day the session belongs to; set with `start`, and also for an untimed
    // session the source files under a day ("Invited Talk: Kunle Olukotun" on Monday's page),
    // so it can be shown as "time to be announced" on that day. None: the day is not known.
    std::optional<date::local_days> day;
    Origin end_origin = Origin::stated;
    std::string description;
    std::vector<Talk> talks;
    // Filled by structured formats; empty from day pages.
    std::string id;        // stable id from the source (the pretalx guid, an iCal UID); shown in
                           // `kiosk check --json` and `agenda --json` (corrections match by
                           // kind and title today)
    std::string track;     // "ML Systems"
    std::string colour;    // "#5AA9FF", the track's colour as the source gives it
    std::string language;  // BCP 47 ("en")
    bool hidden = false;   // hidden by a correction: kept for `kiosk check`, never shown
    SourceRef source;      // for a session added by a correction: its line in corrections.toml
    Origin start_origin = Origin::stated;  // corrected, or stated
    Origin title_origin = Origin::stated;  // corrected, or stated

    bool operator==(const Session&) const = default;
};

struct Program {
    std::string timezone;  // IANA name ("America/Los_Angeles"); every local time went through it
    std::vector<Session> sessions;  // in source order
    Diagnostics warnings;           // what was skipped or guessed on import, with file:line

    bool operator==(const Program&) const = default;
};

}  // namespace kiosk
