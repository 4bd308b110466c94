// What `kiosk check` and `kiosk rooms` say about a program: its rooms, and a short summary.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "kiosk/core/program.h"

namespace kiosk {

// Rooms in the order the program first names them, sessions' and talks' alike.
std::vector<std::string> rooms_of(const Program& p);

// "program.txt: usable", then its zone (and where it came from), days, rooms, sessions, talks
// and the number of warnings.
void print_summary(const std::string& path, const Program& p, const std::string& zone_origin,
                   std::ostream& out);

}  // namespace kiosk
