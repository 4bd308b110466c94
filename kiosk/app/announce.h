// Announcements as staff set them, from `kiosk announce` and from the staff overlay: times typed
// for them, the config edits that add or clear them, and what staff are shown of them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <date/tz.h>

#include "kiosk/app/reload.h"
#include "kiosk/core/config.h"

namespace kiosk {

// "10:30" (or "9:05", "10:30:15") is a time today: `now`'s date in `zone` goes before it
// ("2022-08-29T10:30"). Any other text comes back as it is, for parse_instant to read or refuse.
std::string with_today(std::string_view text, const date::time_zone& zone, Instant now);

// What the overlay lists, one line per announcement of the config: "URGENT  Keynote moved  ·
// until Mon 29 Aug 10:30  ·  on now" (or "starts …", "over").
std::vector<std::string> announcement_lines(const Config& config, const date::time_zone& zone,
                                            Instant now);

// The config's announcements as one string: "Clear all" carries the one staff saw, and nothing
// is cleared when the file holds others by then (a push landed meanwhile).
std::string announcements_key(const Config& config);

// The overlay's edits, for Reloader::edit_config: add `a` (its times written in `zone`), or clear
// every announcement provided the file's are still those of `seen` (announcements_key).
ConfigTextEdit add_announcement_edit(Announcement a, const date::time_zone* zone);
ConfigTextEdit clear_announcements_edit(std::string seen);

}  // namespace kiosk
