// A board as lines of text: `kiosk agenda`'s listing and the one line `systemctl status` shows.
// Times are venue-local, in the zone the board carries.
#pragma once

#include <iosfwd>
#include <string>

#include "kiosk/core/board.h"

namespace kiosk {

// "Exhibit Hall A at Mon 29 Aug 2022 09:10 (America/Los_Angeles): in_session", then the board's
// now, next, later today, elsewhere and next day, each session with its times, kind, title and
// room, and for now and next their talks with the one on stage marked.
void print_board(const Board& board, std::ostream& out);

// "Exhibit Hall A: now Outstanding Papers until ≈ 10:00, on stage Pathways" or
// "Exhibit Hall A: next Distributed and Parallel Learning at 13:00".
std::string status_line(const Board& board);

}  // namespace kiosk
