// The config's key table and what reading a key needs, shared by the files that declare the keys
// (config_keys.cpp, config_values.cpp), read a file (config_parse.cpp) and edit one
// (config_edit.cpp); not for use elsewhere.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <date/tz.h>
#include <toml++/toml.h>

#include "kiosk/core/config.h"
#include "kiosk/core/diagnostic.h"

namespace kiosk::config_detail {

inline int line_of(const toml::source_region& r) { return static_cast<int>(r.begin.line); }

// What reading one file collects.
struct Reader {
    std::string file;
    Diagnostics errors;
    // announcement.until needs the venue's zone, which may come later in the file.
    std::optional<std::pair<std::string, int>> until_text;
    // [full]'s ends, for the same reason: room, date-time as written, line.
    struct FullText {
        std::string room;
        std::string until;
        int line = 0;
    };
    std::vector<FullText> full_text;

    void error(int line, std::string message) {
        errors.push_back(Diagnostic{file, line, Severity::error, std::move(message)});
    }
};

// "a string", "an integer", …: what the file has where another type was expected.
std::string describe(const toml::node& n);

// TOML's basic string, escaped; used to show defaults and to write a value back.
std::string quote(std::string_view s);

// Reads one key's value into the config; reports through the reader and leaves the default
// in place when the value is bad.
using ReadFn = std::function<void(const toml::node&, Config&, Reader&)>;
// The key's value as TOML would write it: `0`, `"software"`.
using ShowFn = std::function<std::string(const Config&)>;

struct KeyDef {
    std::string_view name;  // "screen.rotation"
    std::string_view type;  // as docs/options.md names it: "integer", "table of strings", …
    ReadFn read;
    ShowFn show;
};

// Every key, in the order docs/options.md lists them.
const std::vector<KeyDef>& key_table();

// The key called `name` ("screen.room"), or none.
const KeyDef* find_key(std::string_view name);

// Keys whose values have a grammar of their own (config_values.cpp).
KeyDef windowed_key();     // screen.windowed: "1280x720", or "" for full screen
KeyDef hotkey_key();       // staff.hotkey: "Ctrl+Alt+S"
KeyDef pin_key();          // staff.pin: digits in quotes, so leading zeros survive
KeyDef until_key();        // announcement.until: a date-time, resolved once the zone is known
KeyDef show_slides_key();  // slides.show: slide names, each once
KeyDef talk_length_key();  // durations.talk: minutes, 0 to spread talks over the session
KeyDef full_key();         // [full]: room -> until, a whole section of free keys (config_full.cpp)

// A TOML date-time (`until = 2022-08-29T12:00:00`) as the quoted form would write it; none for
// any other value.
std::optional<std::string> toml_date_time_text(const toml::node& n);

// Resolves [full]'s ends in the venue's zone once the whole document is read.
void resolve_full(Config& c, Reader& r, const date::time_zone& zone);

}  // namespace kiosk::config_detail
