// The day-page importer: the text of a conference website's day page (MLSys, ICML, NeurIPS and
// ICLR publish the same kind) turned into a Program.
//
// The grammar, one line at a time (blank lines only separate paragraphs):
//   Timezone: America/Los_Angeles                   the page's zone; wins over the fallback, which
//                                                     is used with a warning ("Timezone: »", the
//                                                     picker's label alone, names none)
//   Oral: Outstanding Papers Mon 29 Aug 08:45 a.m.  a timed header: [Kind:] Title Wkd DD Mon time
//   Welcome Reception Mon 29 Aug 05:30 p.m.         a kind-less one: the kind is what the title
//   Registration Desk Sat 3 Dec 07:15 a.m.            names ("Reception", "Registration Desk",
//                                                     "Workshop" in "2nd ICML Workshop on …")
//   Oral: Typo Mon 29 Agu 10:00 a.m.                a header whose date cannot be read ("Agu",
//                                                     "Xyz 29 Aug", "29 Aug", "Mon Aug 29"):
//                                                     an error; its lines are skipped with it
//   Bio :Oral: Distributed … Mon 29 Aug 01:00 p.m.  a header glued to the entry before's leftovers
//   Invited Talk: Kunle Olukotun                    an untimed header naming the speaker; the
//   Systems for ML and ML for Systems: …              next line is the title
//   Ana Ruiz · Deniz Altınbüken                     speakers, after a header or a room marker
//   [ Exhibit Hall A ]                              a room marker: opens a talk of the session
//   We present …                                    text: the talk's abstract or the session's
//                                                     description; a line that does not end a
//                                                     sentence is continued by the next one
//   Skip to …, Signup here, registration links, URLs  noise, skipped silently
// Times: "08:45 a.m.", "8:45 am", "12:00 p.m." (noon), "12:30 a.m." (half past midnight), 24-hour
// "13:00", optionally a zone abbreviation ("PDT", ignored: the page's zone decides) and an end
// ("08:45 a.m. – 10:00 a.m."). No page carries a year: see ImportOptions; a pinned year
// (data.year) that a date does not fit is an error on its header naming the year that fits.
// Rooms are optional: most virtual-site pages name none, and their sessions have no room.
#pragma once

#include <string_view>

#include "kiosk/core/import/importer.h"
#include "kiosk/core/program.h"
#include "kiosk/core/result.h"

namespace kiosk {

// A Program when anything was usable (what was skipped or guessed is in `warnings`, each with
// file:line); the diagnostics that explain why not otherwise. Linear in the size of `bytes`;
// memory a small multiple of it. Never throws on any input.
Result<Program> import_day_page(std::string_view bytes, const ImportOptions& options);

// The day page as a registry entry. Its grammar has no signature line, so it recognises any
// text and is asked last; only binary content is left to the "not a program file" message.
class DayPageImporter : public Importer {
  public:
    std::string_view name() const override { return "day page"; }
    bool recognises(std::string_view bytes) const override;
    Result<Program> import(std::string_view bytes, const ImportOptions& options) const override {
        return import_day_page(bytes, options);
    }
};

}  // namespace kiosk
