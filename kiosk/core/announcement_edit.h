// Adding and clearing announcements in a config's text, its comments and layout kept: what
// `kiosk announce` and the staff overlay write. Like set_config_string (config.h), each edit is
// checked by parsing its result: the announcements are what was asked and every other key is as
// it was, or nothing comes back but an error.
#pragma once

#include <string>
#include <string_view>

#include <date/tz.h>

#include "kiosk/core/config.h"
#include "kiosk/core/result.h"

namespace kiosk {

// `text` with one [[announcements]] entry for `a` added at its end; from and until are written
// as local times in `zone` with their offset ("2022-08-29T10:30:00-07:00"), so they mean the same
// instant whatever the file's venue.timezone. Refuses a file that does not parse and an
// announcement the parser would refuse (empty or over 500 bytes of text, from not before until).
Result<std::string> add_announcement(std::string_view text, std::string_view file,
                                     const Announcement& a, const date::time_zone& zone);

// `text` without its [[announcements]] entries and its older [announcement] table: each from its
// header to its last value, comments among them included; comments and keys elsewhere stay.
// Entries written inline (announcements = [{ … }]) are refused: edit those by hand.
Result<std::string> clear_announcements(std::string_view text, std::string_view file);

}  // namespace kiosk
