// The config's keys as data: how each kind of value (string, path, colour, table, …) is read and
// shown, and the table of every key. docs/options.md lists the same keys; a test checks both ways.
//
// Index
// [SECTION] Reporting: value descriptions, TOML quoting
// [SECTION] Key kinds: how a string, path, colour, … is read and shown
// [SECTION] The key table
// Keys with a grammar of their own are in config_values.cpp; reading a file is config_parse.cpp.
#include "kiosk/core/config_keys.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <map>
#include <type_traits>

#include "kiosk/core/names.h"
#include "kiosk/core/time.h"

namespace kiosk {

namespace config_detail {

//-----------------------------------------------------------------------------------------------
// [SECTION] Reporting: value descriptions, TOML quoting
//-----------------------------------------------------------------------------------------------

std::string describe(const toml::node& n) {
    switch (n.type()) {
        case toml::node_type::string:
            return "a string";
        case toml::node_type::integer:
            return "an integer";
        case toml::node_type::floating_point:
            return "a number with a fraction";
        case toml::node_type::boolean:
            return "true/false";
        case toml::node_type::table:
            return "a table";
        case toml::node_type::array:
            return "an array";
        case toml::node_type::date:
        case toml::node_type::time:
        case toml::node_type::date_time:
            return "a date or time";
        case toml::node_type::none:
            break;
    }
    return "nothing";
}

std::string quote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20 || u == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04X", u);
            out += buf;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

namespace {

bool is_bare_key(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    });
}

std::string toml_key(std::string_view s) { return is_bare_key(s) ? std::string(s) : quote(s); }

//-----------------------------------------------------------------------------------------------
// [SECTION] Key kinds: how a string, path, colour, … is read and shown
//-----------------------------------------------------------------------------------------------

// A check returns an error message ("must be …") or nothing.
using StringCheck = std::function<std::optional<std::string>(const std::string&)>;

template <class Get>
KeyDef string_key(std::string_view name, std::string_view type, Get get, StringCheck check) {
    ReadFn read = [=](const toml::node& n, Config& c, Reader& r) {
        const auto* s = n.as_string();
        if (s == nullptr) {
            r.error(line_of(n.source()),
                    std::string(name) + " must be a string in quotes, not " + describe(n));
            return;
        }
        std::string value = s->get();
        if (check) {
            if (auto why = check(value)) {
                r.error(line_of(n.source()), std::string(name) + " " + *why);
                return;
            }
        }
        get(c) = std::move(value);
    };
    ShowFn show = [=](const Config& c) { return quote(get(c)); };
    return {name, type, std::move(read), std::move(show)};
}

template <class Get>
KeyDef path_key(std::string_view name, Get get) {
    return string_key(name, "path", get, nullptr);
}

int as_int(int v) { return v; }
int as_int(std::chrono::minutes v) { return static_cast<int>(v.count()); }

std::function<bool(std::int64_t)> between(std::int64_t lo, std::int64_t hi) {
    return [=](std::int64_t v) { return v >= lo && v <= hi; };
}

template <class Get>
KeyDef int_key(std::string_view name, Get get, std::function<bool(std::int64_t)> ok,
               std::string range_text) {
    ReadFn read = [=](const toml::node& n, Config& c, Reader& r) {
        const auto* i = n.as_integer();
        if (i == nullptr) {
            r.error(line_of(n.source()),
                    std::string(name) + " must be an integer, not " + describe(n));
            return;
        }
        std::int64_t v = i->get();
        if (!ok(v)) {
            r.error(line_of(n.source()),
                    std::string(name) + " must be " + range_text + ", not " + std::to_string(v));
            return;
        }
        using T = std::remove_cvref_t<decltype(get(c))>;
        get(c) = T(static_cast<int>(v));
    };
    ShowFn show = [=](const Config& c) { return std::to_string(as_int(get(c))); };
    return {name, "integer", std::move(read), std::move(show)};
}

template <class Get>
KeyDef bool_key(std::string_view name, Get get) {
    ReadFn read = [=](const toml::node& n, Config& c, Reader& r) {
        const auto* b = n.as_boolean();
        if (b == nullptr) {
            r.error(line_of(n.source()),
                    std::string(name) + " must be true or false, not " + describe(n));
            return;
        }
        get(c) = b->get();
    };
    ShowFn show = [=](const Config& c) { return std::string(get(c) ? "true" : "false"); };
    return {name, "boolean", std::move(read), std::move(show)};
}

// A string from a fixed set, stored as an enum.
template <class E, class Get>
KeyDef choice_key(std::string_view name, Get get,
                  std::vector<std::pair<std::string_view, E>> choices) {
    std::string listing;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i > 0) listing += i + 1 == choices.size() ? " or " : ", ";
        listing += "'" + std::string(choices[i].first) + "'";
    }
    ReadFn read = [=](const toml::node& n, Config& c, Reader& r) {
        const auto* s = n.as_string();
        if (s != nullptr) {
            for (const auto& [text, value] : choices) {
                if (s->get() == text) {
                    get(c) = value;
                    return;
                }
            }
        }
        r.error(line_of(n.source()), std::string(name) + " must be " + listing + ", not " +
                                         (s != nullptr ? "'" + s->get() + "'" : describe(n)));
    };
    ShowFn show = [=](const Config& c) {
        for (const auto& [text, value] : choices) {
            if (get(c) == value) return quote(text);
        }
        return std::string("?");
    };
    return {name, "string", std::move(read), std::move(show)};
}

std::optional<std::string> check_colour(const std::string& s) {
    bool ok = s.size() == 7 && s[0] == '#' && std::all_of(s.begin() + 1, s.end(), [](char c) {
                  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
              });
    if (ok) return std::nullopt;
    return "must be a colour written #RRGGBB (such as \"#5AA9FF\"), not '" + s + "'";
}

template <class Get>
KeyDef colour_key(std::string_view name, Get get) {
    return string_key(name, "colour", get, check_colour);
}

// A table whose keys are free (session kinds) and whose values are read by `value`, stored in
// any container: `insert` adds one entry, `entry` gives an entry back as (key, value) to show.
template <class V, class Get, class Insert, class Entry>
KeyDef map_key(
    std::string_view name, std::string_view type, Get get,
    std::function<std::optional<V>(const toml::node&, const std::string& key, Reader&)> value,
    std::function<std::string(const V&)> show_value, Insert insert, Entry entry) {
    ReadFn read = [=](const toml::node& n, Config& c, Reader& r) {
        const auto* t = n.as_table();
        if (t == nullptr) {
            r.error(line_of(n.source()), std::string(name) + " must be a table, not " +
                                             describe(n) + " (write " + std::string(name) +
                                             ".\"Kind\" = … or a [" + std::string(name) +
                                             "] section)");
            return;
        }
        for (auto&& [k, v] : *t) {
            std::string key(k.str());
            if (key.empty()) {
                r.error(line_of(k.source()), std::string(name) + " has an empty kind name");
                continue;
            }
            if (auto parsed = value(v, std::string(name) + "." + toml_key(key), r)) {
                insert(get(c), key, *parsed);
            }
        }
    };
    ShowFn show = [=](const Config& c) {
        const auto& m = get(c);
        if (m.empty()) return std::string("{}");
        std::string out = "{ ";
        bool first = true;
        for (const auto& e : m) {
            auto [k, v] = entry(e);
            if (!first) out += ", ";
            first = false;
            out += toml_key(k) + " = " + show_value(v);
        }
        return out + " }";
    };
    return {name, type, std::move(read), std::move(show)};
}

// The same, into a std::map.
template <class V, class Get>
KeyDef map_key(
    std::string_view name, std::string_view type, Get get,
    std::function<std::optional<V>(const toml::node&, const std::string& key, Reader&)> value,
    std::function<std::string(const V&)> show_value) {
    return map_key<V>(
        name, type, get, std::move(value), std::move(show_value),
        [](std::map<std::string, V>& to, const std::string& k, V v) { to[k] = std::move(v); },
        [](const std::pair<const std::string, V>& e) { return e; });
}

std::optional<std::string> read_map_string(const toml::node& n, const std::string& key, Reader& r,
                                           const StringCheck& check) {
    const auto* s = n.as_string();
    if (s == nullptr) {
        r.error(line_of(n.source()), key + " must be a string in quotes, not " + describe(n));
        return std::nullopt;
    }
    if (check) {
        if (auto why = check(s->get())) {
            r.error(line_of(n.source()), key + " " + *why);
            return std::nullopt;
        }
    }
    return s->get();
}

std::optional<std::string> check_not_empty(const std::string& s) {
    if (s.find_first_not_of(" \t") == std::string::npos) return "must not be empty";
    return std::nullopt;
}

//-----------------------------------------------------------------------------------------------
// Keys made of the kinds above (keys with a grammar of their own are in config_values.cpp)
//-----------------------------------------------------------------------------------------------

KeyDef timezone_key() {
    return string_key(
        "venue.timezone", "string", [](auto& c) -> auto& { return c.venue.timezone; },
        [](const std::string& s) -> std::optional<std::string> {
            auto z = find_typed_zone(s);
            if (z) return std::nullopt;
            return "names " + z.error().front().message;
        });
}

// [venue] unassigned: kind -> room, into the scheduler's room mappings.
KeyDef unassigned_key() {
    return map_key<std::string>(
        "venue.unassigned", "table of strings",
        [](auto& c) -> auto& { return c.schedule.unassigned_rooms; },
        [](const toml::node& n, const std::string& key, Reader& r) {
            return read_map_string(n, key, r, check_not_empty);
        },
        [](const std::string& v) { return quote(v); },
        [](std::vector<RoomMapping>& to, const std::string& kind, std::string room) {
            to.push_back({kind, std::move(room)});
        },
        [](const RoomMapping& m) {
            return std::pair{m.kind, m.room};
        });
}

// [durations] kinds: kind -> minutes, replacing the scheduler's entry for the same kind (matched
// as the scheduler matches kinds), else added after them, so later entries win.
KeyDef durations_key() {
    return map_key<int>(
        "durations.kinds", "table of integers",
        [](auto& c) -> auto& { return c.schedule.durations; },
        [](const toml::node& n, const std::string& key, Reader& r) -> std::optional<int> {
            const auto* i = n.as_integer();
            if (i == nullptr || i->get() < 1 || i->get() > 1440) {
                r.error(line_of(n.source()),
                        key + " must be minutes from 1 to 1440, not " +
                            (i != nullptr ? std::to_string(i->get()) : describe(n)));
                return std::nullopt;
            }
            return static_cast<int>(i->get());
        },
        [](const int& v) { return std::to_string(v); },
        [](std::vector<KindDuration>& to, const std::string& kind, int minutes) {
            for (auto& d : to) {
                if (fold_name(d.kind) == fold_name(kind)) {
                    d.length = std::chrono::minutes{minutes};
                    return;
                }
            }
            to.push_back({kind, std::chrono::minutes{minutes}});
        },
        [](const KindDuration& d) {
            return std::pair{d.kind, static_cast<int>(d.length.count())};
        });
}

std::optional<std::string> check_announcement(const std::string& s) {
    if (s.size() > 500) return "is longer than 500 bytes; a hallway screen cannot show that much";
    return std::nullopt;
}

// A key of [[announcements]] entries (see KeyDef::entry_default): `one` reads into the entry
// being read; `show_one` shows one entry's value.
KeyDef entry_key(KeyDef one, std::function<std::string(const Announcement&)> show_one) {
    one.show = [show_one](const Config& c) {
        std::string out = "[";
        for (std::size_t i = 0; i < c.announcements.size(); ++i) {
            out += (i > 0 ? ", " : "") + show_one(c.announcements[i]);
        }
        return out + "]";
    };
    one.entry_default = [show_one](const Config&) { return show_one(Announcement{}); };
    return one;
}

KeyDef entry_text_key() {
    return entry_key(string_key(
                         "announcements.text", "string",
                         [](auto& c) -> auto& { return c.announcements.back().text; },
                         [](const std::string& s) {
                             auto empty = check_not_empty(s);
                             return empty ? empty : check_announcement(s);
                         }),
                     [](const Announcement& a) { return quote(a.text); });
}

KeyDef entry_level_key() {
    return entry_key(
        choice_key<AnnouncementLevel>(
            "announcements.level", [](auto& c) -> auto& { return c.announcements.back().level; },
            {{"ticker", AnnouncementLevel::ticker}, {"urgent", AnnouncementLevel::urgent}}),
        [](const Announcement& a) {
            return quote(a.level == AnnouncementLevel::urgent ? "urgent" : "ticker");
        });
}

}  // namespace

//-----------------------------------------------------------------------------------------------
// [SECTION] The key table (docs/options.md lists the same keys; a test checks both ways)
//-----------------------------------------------------------------------------------------------

const std::vector<KeyDef>& key_table() {
    // clang-format off
    static const std::vector<KeyDef> table = {
        string_key("venue.name", "string", [](auto& c) -> auto& { return c.venue.name; }, nullptr),
        timezone_key(),
        unassigned_key(),

        string_key("screen.room", "string", [](auto& c) -> auto& { return c.screen.room; }, nullptr),
        choice_key<ScreenMode>("screen.mode", [](auto& c) -> auto& { return c.screen.mode; },
                               {{"room", ScreenMode::room}, {"overview", ScreenMode::overview}}),
        int_key("screen.display", [](auto& c) -> auto& { return c.screen.display; }, between(0, 15),
                "a display index from 0 to 15"),
        int_key("screen.rotation", [](auto& c) -> auto& { return c.screen.rotation; },
                [](std::int64_t v) { return v % 90 == 0 && v >= 0 && v <= 270; },
                "0, 90, 180 or 270"),
        choice_key<RendererKind>("screen.renderer", [](auto& c) -> auto& { return c.screen.renderer; },
                                 {{"software", RendererKind::software}, {"gpu", RendererKind::gpu}}),
        windowed_key(),

        string_key("data.program", "path", [](auto& c) -> auto& { return c.data.program; },
                   [](const std::string& v) -> std::optional<std::string> {
                       if (!v.empty()) return std::nullopt;
                       return "is empty: name the program file (such as \"program.txt\")";
                   }),
        path_key("data.corrections", [](auto& c) -> auto& { return c.data.corrections; }),
        int_key("data.year", [](auto& c) -> auto& { return c.data.year; },
                [](std::int64_t v) { return v == 0 || (v >= 1970 && v <= 2200); },
                "a year such as 2022, or 0 for the nearest fitting year"),

        int_key("slides.dwell", [](auto& c) -> auto& { return c.slides.dwell_seconds; }, between(3, 600),
                "a number of seconds from 3 to 600"),
        int_key("slides.talks", [](auto& c) -> auto& { return c.slides.talks; }, between(0, 10),
                "a number of slides from 0 to 10"),
        show_slides_key(),

        colour_key("theme.background", [](auto& c) -> auto& { return c.theme.background; }),
        colour_key("theme.header", [](auto& c) -> auto& { return c.theme.header; }),
        colour_key("theme.panel", [](auto& c) -> auto& { return c.theme.panel; }),
        colour_key("theme.track", [](auto& c) -> auto& { return c.theme.track; }),
        colour_key("theme.text", [](auto& c) -> auto& { return c.theme.text; }),
        colour_key("theme.body", [](auto& c) -> auto& { return c.theme.body; }),
        colour_key("theme.muted", [](auto& c) -> auto& { return c.theme.muted; }),
        colour_key("theme.faint", [](auto& c) -> auto& { return c.theme.faint; }),
        colour_key("theme.on_kind", [](auto& c) -> auto& { return c.theme.on_kind; }),
        colour_key("theme.accent", [](auto& c) -> auto& { return c.theme.accent; }),
        colour_key("theme.notice", [](auto& c) -> auto& { return c.theme.notice; }),
        colour_key("theme.full", [](auto& c) -> auto& { return c.theme.full; }),
        colour_key("theme.kind_fallback", [](auto& c) -> auto& { return c.theme.kind_fallback; }),
        map_key<std::string>("theme.kinds", "table of colours",
            [](auto& c) -> auto& { return c.theme.kinds; },
            [](const toml::node& n, const std::string& key, Reader& r) {
                return read_map_string(n, key, r, check_colour);
            },
            [](const std::string& v) { return quote(v); }),

        choice_key<ClockFormat>("clock.format", [](auto& c) -> auto& { return c.clock.format; },
                                {{"24h", ClockFormat::h24}, {"12h", ClockFormat::h12}}),
        bool_key("clock.seconds", [](auto& c) -> auto& { return c.clock.seconds; }),

        durations_key(),
        int_key("durations.fallback", [](auto& c) -> auto& { return c.schedule.fallback_duration; },
                between(1, 1440), "minutes from 1 to 1440"),
        talk_length_key(),

        hotkey_key(),
        pin_key(),

        string_key("announcement.text", "string", [](auto& c) -> auto& { return c.announcement.text; },
                   check_announcement),
        until_key(),

        entry_text_key(),
        entry_time_key("announcements.from", true),
        entry_time_key("announcements.until", false),
        entry_level_key(),
        full_key(),

        path_key("state.dir", [](auto& c) -> auto& { return c.state.dir; }),
        path_key("state.status_file", [](auto& c) -> auto& { return c.state.status_file; }),
        path_key("state.metrics_dir", [](auto& c) -> auto& { return c.state.metrics_dir; }),
    };
    // clang-format on
    return table;
}

const KeyDef* find_key(std::string_view name) {
    for (const auto& k : key_table()) {
        if (k.name == name) return &k;
    }
    return nullptr;
}

}  // namespace config_detail

const std::vector<std::string_view>& rotating_slide_names() {
    static const std::vector<std::string_view> names = {"up_next", "talk", "around", "later"};
    return names;
}

const std::vector<ConfigKeyInfo>& config_keys() {
    static const std::vector<ConfigKeyInfo> keys = [] {
        std::vector<ConfigKeyInfo> out;
        Config defaults;
        for (const auto& k : config_detail::key_table()) {
            out.push_back(
                {k.name, k.type, k.entry_default ? k.entry_default(defaults) : k.show(defaults)});
        }
        return out;
    }();
    return keys;
}

}  // namespace kiosk
