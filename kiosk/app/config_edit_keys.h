// What a staff edit of the config (ConfigEdits, reload.h) may name: a string key
// ("announcement.text"), or a room's entry in [full] (full_edit_key), and carrying one out.
#pragma once

#include <string>
#include <string_view>

#include "kiosk/core/result.h"

namespace kiosk {

// The key for `room`'s entry in [full]: set to a date-time, it marks the room full until then;
// set to "", it takes the mark off.
std::string full_edit_key(std::string_view room);

// `text` with one staff edit made, comments and layout kept (set_config_string, or
// set_config_entry for a full_edit_key); refused, with why, when it cannot be made safely.
Result<std::string> apply_config_edit(std::string_view text, const std::string& path,
                                      const std::string& key, const std::string& value);

}  // namespace kiosk
