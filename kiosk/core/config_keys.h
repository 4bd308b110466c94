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
    // So do the [[announcements]] entries' from and until (read_announcements).
    struct EntryTime {
        std::size_t entry;  // index into Config::announcements
        bool from;          // from, else until
        std::string text;
        int line;
    };
    std::vector<EntryTime> entry_times;

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
    // Set for a key of [[announcements]] entries: its read fills the entry being read (the last
    // one), `show` gives every entry's value as a TOML array (so a check that compares shows sees
    // a change to any entry), and this gives the value an entry has when the key is left out.
    ShowFn entry_default = {};
};

// Every key, in the order docs/options.md lists them.
const std::vector<KeyDef>& key_table();

// The key called `name` ("screen.room"), or none.
const KeyDef* find_key(std::string_view name);

// Keys whose values have a grammar of their own (config_values.cpp).
KeyDef windowed_key();  // screen.windowed: "1280x720", or "" for full screen
KeyDef hotkey_key();    // staff.hotkey: "Ctrl+Alt+S"
KeyDef pin_key();       // staff.pin: digits in quotes, so leading zeros survive
KeyDef until_key();     // announcement.until: a date-time, resolved once the zone is known
// announcements.from and announcements.until: the same, for the entry being read.
KeyDef entry_time_key(std::string_view name, bool from);

// The keys of one entry of a table of entries ([screens.NAME], [[announcements]]): each as
// the key `section`.KEY, an unknown one an error naming `what` ("a screen") and the closest key.
void read_entry(const toml::table& entry, std::string_view section, std::string_view what,
                Config& c, Reader& r);

// The [[announcements]] array: each entry's keys through the key table, its times resolved and
// checked (text set, from before until) by resolve_announcements once the zone is known.
void read_announcements(const toml::node& node, const toml::key& where, Config& c, Reader& r);
void resolve_announcements(Config& c, Reader& r);
KeyDef show_slides_key();  // slides.show: slide names, each once
KeyDef talk_length_key();  // durations.talk: minutes, 0 to spread talks over the session
KeyDef full_key();         // [full]: room -> until, a whole section of free keys (config_full.cpp)

// A TOML date-time (`until = 2022-08-29T12:00:00`) as the quoted form would write it; none for
// any other value.
std::optional<std::string> toml_date_time_text(const toml::node& n);

// Resolves [full]'s ends in the venue's zone once the whole document is read.
void resolve_full(Config& c, Reader& r, const date::time_zone& zone);

}  // namespace kiosk::config_detail
