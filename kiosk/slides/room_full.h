// Rooms staff marked full: which marks apply at an instant, and the ROOM FULL badge the slides
// and the header draw for them (red, dark text, large enough to read from five metres).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/program.h"

namespace kiosk {

// A room staff marked full; the mark shows until `until` and then ends by itself.
struct FullMark {
    std::string room;  // as staff wrote it; matched as rooms are (case and spaces aside)
    Instant until;

    bool operator==(const FullMark&) const = default;
};

// Whether a mark for `room` applies at `at` (a room of no name, venue-wide, is never full).
bool is_full(const std::vector<FullMark>& marks, std::string_view room, Instant at);

// The earliest end of a mark still to come after `at`: when a screen must look again, so the
// badge goes at that instant and not at the next minute; none when no mark ends after `at`.
std::optional<Instant> next_full_end(const std::vector<FullMark>& marks, Instant at);

// The badge's words.
inline constexpr std::string_view full_badge_text = "ROOM FULL";

}  // namespace kiosk
