// Staff edits of the config, by key (see config_edit_keys.h).
#include "kiosk/app/config_edit_keys.h"

#include <optional>

#include "kiosk/core/config.h"

namespace kiosk {

namespace {

constexpr std::string_view full_prefix = "full.";

}  // namespace

std::string full_edit_key(std::string_view room) {
    return std::string(full_prefix) + std::string(room);
}

Result<std::string> apply_config_edit(std::string_view text, const std::string& path,
                                      const std::string& key, const std::string& value) {
    if (key.starts_with(full_prefix)) {
        std::optional<std::string_view> until;
        if (!value.empty()) until = value;
        return set_config_entry(text, path, "full", key.substr(full_prefix.size()), until);
    }
    return set_config_string(text, path, key, value);
}

}  // namespace kiosk
