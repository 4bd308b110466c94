// How much of a program's text a screen can show, and the one step that holds every imported or
// corrected program to it: a 45 MB title (one word, under kiosk-fetch's 50 MB cap) must not reach
// the slides, the status file or the last good copy's users as 45 MB.
#pragma once

#include <cstddef>

#include "kiosk/core/program.h"

namespace kiosk {

// Bytes of UTF-8 each field keeps; past them it is cut between characters and ends with "…".
// Generous beside what a slide shows (a title gets three lines of about 30 characters, an
// abstract five lines), so no real program meets them.
struct TextLimits {
    std::size_t title = 500;    // session titles and subtitles, talk labels
    std::size_t name = 200;     // kinds, rooms, speakers, tracks, ids, languages, colours
    std::size_t prose = 4000;   // descriptions and abstracts
    std::size_t speakers = 50;  // speakers per session or talk
    std::size_t talks = 300;    // talks per session
};

// Holds `program` to `limits`, adding one warning per field cut ("program.txt:12: the session's
// title is 45,000,012 bytes; it is shown shortened to 500"), with the item's file and line.
void bound_program(Program& program, const TextLimits& limits = {});

}  // namespace kiosk
