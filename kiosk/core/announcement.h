// A staff announcement as the config holds it ([[announcements]]) and the slides show it: its
// text, when it applies, and whether it is a line under the slides or the whole screen.
#pragma once

#include <optional>
#include <string>

#include "kiosk/core/program.h"

namespace kiosk {

enum class AnnouncementLevel {
    ticker,  // a line in the notice band at the foot of every slide (the default)
    urgent,  // the whole screen, ahead of the rotation
};

// It applies while from <= now < until.
struct Announcement {
    std::string text;              // text: the message, 1 to 500 bytes
    std::optional<Instant> from;   // from: when it starts (venue-local unless it carries an
                                   // offset); none: at once
    std::optional<Instant> until;  // until: when it stops, after `from`; none: until cleared
    AnnouncementLevel level = AnnouncementLevel::ticker;  // level: "ticker" or "urgent"

    bool applies_at(Instant t) const { return (!from || *from <= t) && (!until || t < *until); }
    bool operator==(const Announcement&) const = default;
};

}  // namespace kiosk
