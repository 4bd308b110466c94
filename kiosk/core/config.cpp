// Reading kiosk.toml: every key declared once as data, errors with file:line, up to 16 of them.
//
// Index
// [SECTION] Reporting: errors, "did you mean", value descriptions
// [SECTION] Key kinds: how a string, path, colour, … is read and shown
// [SECTION] The key table (docs/options.md lists the same keys; a test checks both ways)
// [SECTION] Walking the document
// [SECTION] Editing a key in place (the staff overlay's room and announcement)
#include "kiosk/core/config.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <set>

#include <toml++/toml.h>

#include "kiosk/core/names.h"
#include "kiosk/core/time.h"

namespace kiosk {

namespace {

//-----------------------------------------------------------------------------------------------
// [SECTION] Reporting: errors, "did you mean", value descriptions
//-----------------------------------------------------------------------------------------------

// mpv stops after 16: enough to fix a file in one go, few enough to read.
constexpr std::size_t max_errors = 16;

int line_of(const toml::source_region& r) { return static_cast<int>(r.begin.line); }

struct Reader {
    std::string file;
    Diagnostics errors;
    // announcement.until needs the venue's zone, which may come later in the file.
    std::optional<std::pair<std::string, int>> until_text;

    void error(int line, std::string message) {
        errors.push_back(Diagnostic{file, line, Severity::error, std::move(message)});
    }
};

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

// TOML's basic string, escaped; used to show defaults and to write the room back.
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

// Reads one key's value into the config; reports through the reader and leaves the default
// in place when the value is bad.
using ReadFn = std::function<void(const toml::node&, Config&, Reader&)>;
using ShowFn = std::function<std::string(const Config&)>;

struct KeyDef {
    std::string_view name;
    std::string_view type;
    ReadFn read;
    ShowFn show;
};

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
// Values with their own grammar: window size, hotkey, PIN, announcement expiry, slide list.
//-----------------------------------------------------------------------------------------------

std::optional<std::pair<int, int>> parse_size(std::string_view s) {
    auto x = s.find('x');
    if (x == std::string_view::npos) return std::nullopt;
    int w = 0, h = 0;
    auto a = std::from_chars(s.data(), s.data() + x, w);
    auto b = std::from_chars(s.data() + x + 1, s.data() + s.size(), h);
    if (a.ec != std::errc{} || a.ptr != s.data() + x || b.ec != std::errc{} ||
        b.ptr != s.data() + s.size()) {
        return std::nullopt;
    }
    return std::pair{w, h};
}

KeyDef windowed_key() {
    ReadFn read = [](const toml::node& n, Config& c, Reader& r) {
        const auto* s = n.as_string();
        std::optional<std::pair<int, int>> size;
        if (s != nullptr && s->get().empty()) size = std::pair{0, 0};
        if (s != nullptr && !size) {
            size = parse_size(s->get());
            if (size && (size->first < 320 || size->second < 240 || size->first > 7680 ||
                         size->second > 7680)) {
                size.reset();
            }
        }
        if (!size) {
            r.error(line_of(n.source()),
                    "screen.windowed must be a size such as \"1280x720\" (320x240 to "
                    "7680x7680), or \"\" for full screen, not " +
                        (s != nullptr ? "'" + s->get() + "'" : describe(n)));
            return;
        }
        c.screen.windowed_width = size->first;
        c.screen.windowed_height = size->second;
    };
    ShowFn show = [](const Config& c) {
        if (c.screen.windowed_width == 0) return quote("");
        return quote(std::to_string(c.screen.windowed_width) + "x" +
                     std::to_string(c.screen.windowed_height));
    };
    return {"screen.windowed", "string", std::move(read), std::move(show)};
}

std::optional<Hotkey> parse_hotkey(std::string_view s) {
    Hotkey h;
    while (true) {
        auto plus = s.find('+');
        // A lone "+" key is not offered; every part before the last is a modifier.
        if (plus == std::string_view::npos) break;
        auto mod = s.substr(0, plus);
        if (mod == "Ctrl") {
            h.ctrl = true;
        } else if (mod == "Alt") {
            h.alt = true;
        } else if (mod == "Shift") {
            h.shift = true;
        } else {
            return std::nullopt;
        }
        s.remove_prefix(plus + 1);
    }
    static const std::set<std::string_view> named = {
        "Escape", "Tab",      "Space", "Return",     "Backspace", "Insert", "Delete", "Home", "End",
        "PageUp", "PageDown", "Pause", "ScrollLock", "Up",        "Down",   "Left",   "Right"};
    bool letter_or_digit =
        s.size() == 1 && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= '0' && s[0] <= '9'));
    int f = 0;
    bool function_key =
        s.size() >= 2 && s[0] == 'F' &&
        std::from_chars(s.data() + 1, s.data() + s.size(), f).ptr == s.data() + s.size() &&
        f >= 1 && f <= 24;
    if (!letter_or_digit && !function_key && named.count(s) == 0) return std::nullopt;
    // A letter or digit alone would fire while someone types; require a modifier for those.
    if (letter_or_digit && !h.ctrl && !h.alt) return std::nullopt;
    h.key = std::string(s);
    return h;
}

KeyDef hotkey_key() {
    ReadFn read = [](const toml::node& n, Config& c, Reader& r) {
        const auto* s = n.as_string();
        std::optional<Hotkey> h;
        if (s != nullptr) h = parse_hotkey(s->get());
        if (!h) {
            r.error(line_of(n.source()),
                    "staff.hotkey must be a key such as \"F12\" or \"Ctrl+Alt+S\" (Ctrl, Alt, "
                    "Shift; a letter or digit needs Ctrl or Alt), not " +
                        (s != nullptr ? "'" + s->get() + "'" : describe(n)));
            return;
        }
        c.staff.hotkey = *h;
    };
    ShowFn show = [](const Config& c) { return quote(to_string(c.staff.hotkey)); };
    return {"staff.hotkey", "string", std::move(read), std::move(show)};
}

KeyDef pin_key() {
    ReadFn read = [](const toml::node& n, Config& c, Reader& r) {
        if (n.is_integer()) {
            // An unquoted PIN would lose its leading zeros; say how to write it.
            r.error(line_of(n.source()),
                    "staff.pin must be written in quotes (pin = \"0420\"), not as a number");
            return;
        }
        const auto* s = n.as_string();
        bool digits = s != nullptr && std::all_of(s->get().begin(), s->get().end(),
                                                  [](char ch) { return ch >= '0' && ch <= '9'; });
        if (s == nullptr || !digits || (!s->get().empty() && s->get().size() < 4) ||
            s->get().size() > 12) {
            r.error(line_of(n.source()),
                    "staff.pin must be 4 to 12 digits in quotes, or \"\" for no PIN, not " +
                        (s != nullptr ? "'" + s->get() + "'" : describe(n)));
            return;
        }
        c.staff.pin = s->get();
    };
    ShowFn show = [](const Config& c) { return quote(c.staff.pin); };
    return {"staff.pin", "string", std::move(read), std::move(show)};
}

std::string two(int v) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02d", v % 100);
    return buf;
}

// TOML's own date-times (`until = 2022-08-29T12:00:00`) are accepted like the quoted form.
std::optional<std::string> toml_date_time_text(const toml::node& n) {
    const auto* dt = n.as_date_time();
    if (dt == nullptr) return std::nullopt;
    const auto& v = dt->get();
    std::string out = std::to_string(v.date.year) + "-" + two(v.date.month) + "-" +
                      two(v.date.day) + "T" + two(v.time.hour) + ":" + two(v.time.minute) + ":" +
                      two(v.time.second);
    if (v.offset) {
        int m = v.offset->minutes;
        if (m == 0) return out + "Z";
        out += m < 0 ? "-" : "+";
        if (m < 0) m = -m;
        out += two(m / 60) + ":" + two(m % 60);
    }
    return out;
}

KeyDef until_key() {
    ReadFn read = [](const toml::node& n, Config&, Reader& r) {
        std::optional<std::string> text = toml_date_time_text(n);
        if (!text && n.is_string()) text = n.as_string()->get();
        if (!text) {
            r.error(line_of(n.source()),
                    "announcement.until must be a date and time such as 2022-08-29T12:00, not " +
                        describe(n));
            return;
        }
        if (text->empty()) return;  // "" says "until removed", like leaving the key out
        r.until_text = std::pair{*text, line_of(n.source())};
    };
    ShowFn show = [](const Config& c) {
        return c.announcement.until ? quote(date::format("%FT%TZ", *c.announcement.until))
                                    : quote("");
    };
    return {"announcement.until", "date-time", std::move(read), std::move(show)};
}

KeyDef show_slides_key() {
    ReadFn read = [](const toml::node& n, Config& c, Reader& r) {
        const auto* a = n.as_array();
        std::string names;
        for (auto s : rotating_slide_names()) names += (names.empty() ? "" : ", ") + std::string(s);
        if (a == nullptr) {
            r.error(line_of(n.source()), "slides.show must be an array of slide names such as [" +
                                             names + "], not " + describe(n));
            return;
        }
        std::vector<std::string> shown;
        bool ok = true;
        for (const auto& item : *a) {
            const auto* s = item.as_string();
            std::vector<std::string> known(rotating_slide_names().begin(),
                                           rotating_slide_names().end());
            if (s == nullptr || std::find(known.begin(), known.end(), s->get()) == known.end()) {
                std::string what = s != nullptr ? "'" + s->get() + "'" : describe(item);
                r.error(line_of(item.source()),
                        "slides.show: unknown slide " + what +
                            (s != nullptr ? did_you_mean(closest(s->get(), known)) : "") +
                            "; the slides are " + names);
                ok = false;
            } else if (std::find(shown.begin(), shown.end(), s->get()) != shown.end()) {
                r.error(line_of(item.source()), "slides.show lists '" + s->get() + "' twice");
                ok = false;
            } else {
                shown.push_back(s->get());
            }
        }
        if (ok) c.slides.show = std::move(shown);
    };
    ShowFn show = [](const Config& c) {
        std::string out = "[";
        for (std::size_t i = 0; i < c.slides.show.size(); ++i) {
            out += (i > 0 ? ", " : "") + quote(c.slides.show[i]);
        }
        return out + "]";
    };
    return {"slides.show", "array of strings", std::move(read), std::move(show)};
}

KeyDef timezone_key() {
    return string_key(
        "venue.timezone", "string", [](auto& c) -> auto& { return c.venue.timezone; },
        [](const std::string& s) -> std::optional<std::string> {
            auto z = find_zone(s);
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

KeyDef talk_length_key() {
    ReadFn read = [](const toml::node& n, Config& c, Reader& r) {
        const auto* i = n.as_integer();
        if (i == nullptr || i->get() < 0 || i->get() > 240) {
            r.error(line_of(n.source()),
                    "durations.talk must be minutes from 1 to 240, or 0 to spread talks over "
                    "the session, not " +
                        (i != nullptr ? std::to_string(i->get()) : describe(n)));
            return;
        }
        if (i->get() == 0) {
            c.schedule.talk_length.reset();
        } else {
            c.schedule.talk_length = std::chrono::minutes{i->get()};
        }
    };
    ShowFn show = [](const Config& c) {
        return std::to_string(c.schedule.talk_length ? c.schedule.talk_length->count() : 0);
    };
    return {"durations.talk", "integer", std::move(read), std::move(show)};
}

std::optional<std::string> check_announcement(const std::string& s) {
    if (s.size() > 500) return "is longer than 500 bytes; a hallway screen cannot show that much";
    return std::nullopt;
}

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
        int_key("screen.display", [](auto& c) -> auto& { return c.screen.display; }, between(0, 15),
                "a display index from 0 to 15"),
        int_key("screen.rotation", [](auto& c) -> auto& { return c.screen.rotation; },
                [](std::int64_t v) { return v % 90 == 0 && v >= 0 && v <= 270; },
                "0, 90, 180 or 270"),
        choice_key<RendererKind>("screen.renderer", [](auto& c) -> auto& { return c.screen.renderer; },
                                 {{"software", RendererKind::software}, {"gpu", RendererKind::gpu}}),
        windowed_key(),

        path_key("data.program", [](auto& c) -> auto& { return c.data.program; }),
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

        path_key("state.dir", [](auto& c) -> auto& { return c.state.dir; }),
        path_key("state.status_file", [](auto& c) -> auto& { return c.state.status_file; }),
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

std::vector<std::string> section_names() {
    std::vector<std::string> out;
    for (const auto& k : key_table()) {
        auto s = std::string(k.name.substr(0, k.name.find('.')));
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    }
    return out;
}

std::vector<std::string> keys_of_section(std::string_view section) {
    std::vector<std::string> out;
    for (const auto& k : key_table()) {
        auto dot = k.name.find('.');
        if (k.name.substr(0, dot) == section) out.emplace_back(k.name.substr(dot + 1));
    }
    return out;
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Walking the document
//-----------------------------------------------------------------------------------------------

void read_document(const toml::table& root, Config& c, Reader& r) {
    auto sections = section_names();
    std::vector<std::string> all_keys;
    for (const auto& k : key_table()) all_keys.emplace_back(k.name);
    for (auto&& [sk, section_node] : root) {
        std::string section(sk.str());
        bool known = std::find(sections.begin(), sections.end(), section) != sections.end();
        const auto* table = section_node.as_table();
        if (!known) {
            if (table != nullptr) {
                r.error(line_of(sk.source()), "unknown section '" + section + "'" +
                                                  did_you_mean(closest(section, sections)));
            } else {
                // `room = …` above every section: suggest the full key it probably meant.
                std::optional<std::string> guess;
                for (const auto& k : all_keys) {
                    if (k.substr(k.find('.') + 1) == section) guess = k;
                }
                r.error(line_of(sk.source()),
                        "unknown key '" + section + "'" +
                            (guess ? " (did you mean '" + *guess + "' in [" +
                                         guess->substr(0, guess->find('.')) + "]?)"
                                   : " (every key belongs to a section such as [screen])"));
            }
            continue;
        }
        if (table == nullptr) {
            r.error(line_of(sk.source()), "'" + section + "' must be a section ([" + section +
                                              "]), not " + describe(section_node));
            continue;
        }
        auto keys = keys_of_section(section);
        for (auto&& [k, v] : *table) {
            std::string name = section + "." + std::string(k.str());
            const KeyDef* def = find_key(name);
            if (def == nullptr) {
                r.error(line_of(k.source()),
                        "unknown key '" + name + "'" + did_you_mean(closest(k.str(), keys)));
                continue;
            }
            def->read(v, c, r);
        }
    }
    if (r.until_text) {
        auto zone = find_zone(c.venue.timezone);
        if (zone) {
            auto t = parse_instant(r.until_text->first, *zone.value(), "announcement.until");
            if (t) {
                c.announcement.until = *t;
            } else {
                r.error(r.until_text->second, t.error().front().message);
            }
        }
    }
}

// Relative paths, written or default, mean "next to the config file".
void resolve_paths(Config& c, const std::string& base_dir) {
    if (base_dir.empty()) return;
    for (std::string* p :
         {&c.data.program, &c.data.corrections, &c.state.dir, &c.state.status_file}) {
        if (!p->empty() && std::filesystem::path(*p).is_relative()) {
            *p = (std::filesystem::path(base_dir) / *p).lexically_normal().string();
        }
    }
}

}  // namespace

const std::vector<std::string_view>& rotating_slide_names() {
    static const std::vector<std::string_view> names = {"up_next", "talk", "around", "later"};
    return names;
}

const std::vector<ConfigKeyInfo>& config_keys() {
    static const std::vector<ConfigKeyInfo> keys = [] {
        std::vector<ConfigKeyInfo> out;
        Config defaults;
        for (const auto& k : key_table()) out.push_back({k.name, k.type, k.show(defaults)});
        return out;
    }();
    return keys;
}

Result<Config> parse_config(std::string_view text, std::string_view file,
                            const std::string& base_dir) {
    Reader r{std::string(file), {}, std::nullopt};
    toml::table root;
    try {
        root = toml::parse(text, std::string_view(file));
    } catch (const toml::parse_error& e) {
        // TOML syntax stops the parser at the first error; there is nothing after it to check.
        r.error(line_of(e.source()), "not valid TOML: " + std::string(e.description()) +
                                         " (column " + std::to_string(e.source().begin.column) +
                                         ")");
        return fail(std::move(r.errors));
    }
    Config c;
    read_document(root, c, r);
    if (r.errors.empty()) {
        resolve_paths(c, base_dir);
        return c;
    }
    std::stable_sort(r.errors.begin(), r.errors.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    if (r.errors.size() > max_errors) {
        r.errors.resize(max_errors);
        r.error(0, "too many errors, stopped after " + std::to_string(max_errors));
    }
    return fail(std::move(r.errors));
}

Diagnostics config_warnings(const Config& config, std::string_view file) {
    Diagnostics out;
    if (config.screen.room.empty()) {
        out.push_back({std::string(file), 0, Severity::warning,
                       "screen.room is not set: the screen shows the program's first room"});
    }
    if (config.data.year == 0) {
        out.push_back({std::string(file), 0, Severity::warning,
                       "data.year is not set: day pages carry no year, so each date gets the "
                       "nearest year in which it falls on its weekday"});
    }
    return out;
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Editing a key in place (the staff overlay's room and announcement)
//-----------------------------------------------------------------------------------------------

namespace {

// Byte offset of a 1-based line and codepoint column (toml++ counts columns in codepoints).
std::optional<std::size_t> offset_of(std::string_view text, std::size_t line, std::size_t column) {
    std::size_t pos = 0;
    for (std::size_t l = 1; l < line; ++l) {
        pos = text.find('\n', pos);
        if (pos == std::string_view::npos) return std::nullopt;
        ++pos;
    }
    for (std::size_t col = 1; col < column; ++col) {
        if (pos >= text.size() || text[pos] == '\n') return std::nullopt;
        ++pos;
        while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    }
    return pos;
}

}  // namespace

Result<std::string> set_config_string(std::string_view text, std::string_view file,
                                      std::string_view key, std::string_view value) {
    auto cannot = [&](int line, const std::string& why) {
        return fail(Diagnostic{std::string(file), line, Severity::error,
                               "cannot set " + std::string(key) + ": " + why});
    };
    const KeyDef* def = find_key(key);
    if (def == nullptr || def->type == "table of strings" || def->type == "table of colours" ||
        def->type == "table of integers" || def->type == "array of strings") {
        return cannot(0, "not a key with a single string value");
    }
    auto before = parse_config(text, file, "");
    if (!before) return fail(before.error());
    std::string section(key.substr(0, key.find('.')));
    std::string name(key.substr(key.find('.') + 1));
    std::string literal = quote(value);
    // The value on its own first, in the file's zone, so a bad one gets the parser's message.
    std::string alone = "[" + section + "]\n" + name + " = " + literal + "\n";
    if (section != "venue") alone += "[venue]\ntimezone = " + quote(before->venue.timezone) + "\n";
    if (auto checked = parse_config(alone, file, ""); !checked) {
        Diagnostics ds = checked.error();
        for (auto& d : ds) d.line = 0;
        return fail(std::move(ds));
    }
    auto root = toml::parse(text, std::string_view(file));  // parsed fine just above
    std::string out(text);
    auto ends_line = [](const std::string& s) { return s.empty() || s.back() == '\n'; };
    if (const auto* node = root[section][name].node()) {
        const auto& src = node->source();
        auto b = offset_of(text, src.begin.line, src.begin.column);
        auto e = offset_of(text, src.end.line, src.end.column);
        if (!b || !e || *e < *b) return cannot(line_of(src), "cannot find its value");
        out.replace(*b, *e - *b, literal);
    } else if (const auto* table = root[section].as_table();
               table != nullptr && !table->is_inline()) {
        // Right under the section's header, keeping the rest of the section in place.
        auto line = static_cast<std::size_t>(table->source().begin.line);
        std::string insert = name + " = " + literal + "\n";
        if (auto at = offset_of(text, line + 1, 1)) {
            out.insert(*at, insert);
        } else {
            out += (ends_line(out) ? "" : "\n") + insert;
        }
    } else {
        out += std::string(ends_line(out) ? "" : "\n") + "\n[" + section + "]\n" + name + " = " +
               literal + "\n";
    }
    // Check the edit did what it says: the key holds the value and every other key is as it was.
    auto after = parse_config(out, file, "");
    toml::table written_doc;  // kept alive: `written` points into it
    if (after) written_doc = toml::parse(out, std::string_view(file));
    const auto* written = written_doc[section][name].as_string();
    bool same_elsewhere = after.has_value();
    for (const auto& k : key_table()) {
        if (same_elsewhere && k.name != key) {
            same_elsewhere = k.show(after.value()) == k.show(before.value());
        }
    }
    if (written == nullptr || written->get() != value || !same_elsewhere) {
        return cannot(0, "the file's layout does not allow a safe edit; edit it by hand");
    }
    return out;
}

Result<std::string> set_screen_room(std::string_view text, std::string_view file,
                                    std::string_view room) {
    return set_config_string(text, file, "screen.room", room);
}

}  // namespace kiosk
