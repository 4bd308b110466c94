// Staff corrections: reading corrections.toml (see corrections.h); applying it is
// corrections_apply.cpp.
//
// [SECTION] reading: values   [SECTION] reading: entries
#include "kiosk/core/corrections.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include <toml++/toml.h>

#include "kiosk/core/import/limits.h"
#include "kiosk/core/names.h"
#include "kiosk/core/time.h"

namespace kiosk {

namespace {

// [SECTION] reading: values -----------------------------------------------------------------

int line_of(const toml::source_region& r) { return static_cast<int>(r.begin.line); }

struct Reader {
    std::string file;
    Diagnostics errors;

    void error(int line, std::string message) {
        errors.push_back({file, line, Severity::error, std::move(message)});
    }
};

// Staff text longer than this is a mistake (a paste gone wrong), not something to show.
constexpr std::size_t max_text_bytes = TextLimits{}.prose;

std::optional<std::string> read_string(const toml::node& n, std::string_view key, Reader& r) {
    if (const auto* s = n.as_string()) {
        if (s->get().size() <= max_text_bytes) return s->get();
        r.error(line_of(n.source()), "'" + std::string(key) + "' is " +
                                         std::to_string(s->get().size()) + " bytes; at most " +
                                         std::to_string(max_text_bytes) + " are shown");
        return std::nullopt;
    }
    r.error(line_of(n.source()), "'" + std::string(key) + "' must be text in quotes");
    return std::nullopt;
}

std::string two(unsigned v) {
    return std::string(1, static_cast<char>('0' + v / 10 % 10)) + static_cast<char>('0' + v % 10);
}

std::string date_text(const toml::date& d) {
    return std::to_string(d.year) + "-" + two(d.month) + "-" + two(d.day);
}

std::string time_text(const toml::time& t) {
    return two(t.hour) + ":" + two(t.minute) + ":" + two(t.second);
}

bool is_time_of_day(std::string_view s) {
    auto digits = [&](std::size_t at) {
        return s[at] >= '0' && s[at] <= '9' && s[at + 1] >= '0' && s[at + 1] <= '9';
    };
    if (s.size() != 5 && s.size() != 8) return false;
    if (!digits(0) || s[2] != ':' || !digits(3)) return false;
    if (s.size() == 8 && (s[5] != ':' || !digits(6))) return false;
    int h = (s[0] - '0') * 10 + (s[1] - '0');
    int m = (s[3] - '0') * 10 + (s[4] - '0');
    int sec = s.size() == 8 ? (s[6] - '0') * 10 + (s[7] - '0') : 0;
    return h <= 23 && m <= 59 && sec <= 59;
}

// A start or end: "10:15", "2022-08-29T10:15", "…Z", "…+02:00", or the same as TOML values.
std::optional<WrittenTime> read_time(const toml::node& n, std::string_view key, Reader& r) {
    std::string text;
    if (const auto* s = n.as_string()) {
        text = tidy_name(s->get());
    } else if (const auto* t = n.as_time()) {
        text = time_text(t->get());
    } else if (const auto* dt = n.as_date_time()) {
        const toml::date_time& v = dt->get();
        text = date_text(v.date) + "T" + time_text(v.time);
        if (v.offset) {
            const int m = v.offset->minutes;
            const auto a = static_cast<unsigned>(m < 0 ? -m : m);
            text += (m < 0 ? "-" : "+") + two(a / 60) + ":" + two(a % 60);
        }
    }
    if (is_time_of_day(text)) return WrittenTime{text, true};
    // The shape alone: the venue's zone is known only when the corrections are applied.
    if (!text.empty() && parse_instant(text, *date::locate_zone("UTC"), key).has_value()) {
        return WrittenTime{text, false};
    }
    r.error(line_of(n.source()), "'" + std::string(key) +
                                     "' must be a time in quotes such as \"10:15\" (the "
                                     "session's own day) or \"2022-08-29T10:15\", not " +
                                     (text.empty() ? std::string("that") : "'" + text + "'"));
    return std::nullopt;
}

std::optional<date::year_month_day> read_day(const toml::node& n, Reader& r) {
    std::string text;
    if (const auto* s = n.as_string()) text = tidy_name(s->get());
    if (const auto* d = n.as_date()) text = date_text(d->get());
    int y = 0;
    unsigned m = 0, d = 0;
    const char* p = text.data();
    const char* end = text.data() + text.size();
    auto number = [&](auto& out, std::size_t width) {
        auto [q, ec] = std::from_chars(p, end, out);
        bool ok = ec == std::errc{} && static_cast<std::size_t>(q - p) == width;
        p = q;
        return ok;
    };
    if (text.size() == 10 && number(y, 4) && *p++ == '-' && number(m, 2) && *p++ == '-' &&
        number(d, 2)) {
        date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
        if (ymd.ok()) return ymd;
    }
    r.error(line_of(n.source()), "'day' must be a date such as \"2022-08-29\", not " +
                                     (text.empty() ? std::string("that") : "'" + text + "'"));
    return std::nullopt;
}

std::optional<bool> read_bool(const toml::node& n, std::string_view key, Reader& r) {
    if (const auto* b = n.as_boolean()) return b->get();
    r.error(line_of(n.source()), "'" + std::string(key) + "' must be true or false");
    return std::nullopt;
}

std::vector<std::string> read_strings(const toml::node& n, std::string_view key, Reader& r) {
    std::vector<std::string> out;
    const auto* a = n.as_array();
    if (a == nullptr) {
        r.error(line_of(n.source()),
                "'" + std::string(key) + "' must be a list of names in quotes");
        return out;
    }
    for (const auto& el : *a) {
        if (auto s = read_string(el, key, r)) out.push_back(*s);
    }
    return out;
}

// [SECTION] reading: entries ----------------------------------------------------------------

void unknown_key(const toml::key& k, std::string_view where, const std::vector<std::string>& keys,
                 Reader& r) {
    std::string known;
    for (const auto& key : keys) known += (known.empty() ? "" : ", ") + key;
    r.error(line_of(k.source()), "unknown key '" + std::string(k.str()) + "' in " +
                                     std::string(where) + did_you_mean(closest(k.str(), keys)) +
                                     "; it takes " + known);
}

// The match = { kind, title, day[, position] } of a [[session]] or [[talk]].
SessionMatch read_match(const toml::table& entry, int entry_line, std::string_view where,
                        int* position, Reader& r) {
    SessionMatch m;
    const toml::node* node = entry.get("match");
    const toml::table* t = node != nullptr ? node->as_table() : nullptr;
    if (t == nullptr) {
        r.error(node != nullptr ? line_of(node->source()) : entry_line,
                std::string(where) + " needs match = { kind = \"Oral\", title = \"…\"" +
                    (position != nullptr ? ", position = 1" : "") + " }");
        return m;
    }
    std::vector<std::string> keys = {"kind", "title", "day"};
    if (position != nullptr) keys.push_back("position");
    for (const auto& [k, v] : *t) {
        if (k == "kind") {
            m.kind = read_string(v, "kind", r).value_or("");
        } else if (k == "title") {
            m.title = read_string(v, "title", r).value_or("");
        } else if (k == "day") {
            m.day = read_day(v, r);
        } else if (k == "position" && position != nullptr) {
            const auto* i = v.as_integer();
            if (i == nullptr || i->get() < 1 || i->get() > 10000) {
                r.error(
                    line_of(v.source()),
                    "'position' must be a whole number from 1, the talk's place in its session");
            } else {
                *position = static_cast<int>(i->get());
            }
        } else {
            unknown_key(k, "match", keys, r);
        }
    }
    if (fold_name(m.title).empty()) {
        r.error(line_of(t->source()), "match needs the session's title");
    }
    if (position != nullptr && *position == 0 && t->get("position") == nullptr) {
        r.error(line_of(t->source()), "match needs the talk's position in its session (1, 2, …)");
    }
    return m;
}

// The keys of a [[session]] or [[talk]] entry besides match; `name_key` is "title" or "label".
Changes read_changes(const toml::table& e, int line, std::string_view where,
                     std::string_view name_key, Reader& r) {
    Changes c;
    const std::vector<std::string> keys = {"match", "start", "end", "room", std::string(name_key),
                                           "hide"};
    for (const auto& [k, v] : e) {
        if (k == "match") continue;
        if (k == "start") {
            c.start = read_time(v, "start", r);
        } else if (k == "end") {
            c.end = read_time(v, "end", r);
        } else if (k == "room") {
            c.room = read_string(v, "room", r);
        } else if (k == name_key) {
            c.name = read_string(v, name_key, r);
            if (c.name && fold_name(*c.name).empty()) {
                r.error(line_of(v.source()),
                        "'" + std::string(name_key) + "' cannot be empty; use hide = true instead");
            }
        } else if (k == "hide") {
            c.hide = read_bool(v, "hide", r).value_or(false);
        } else {
            unknown_key(k, where, keys, r);
        }
    }
    if (e.size() == 1) {
        r.error(line, std::string(where) + " says which " +
                          (name_key == "title" ? "session" : "talk") +
                          " but not what to change (start, end, room, " + std::string(name_key) +
                          " or hide)");
    }
    return c;
}

void read_session_fix(const toml::table& e, Reader& r, Corrections& out) {
    SessionFix f;
    f.line = line_of(e.source());
    f.match = read_match(e, f.line, "[[session]]", nullptr, r);
    f.set = read_changes(e, f.line, "[[session]]", "title", r);
    out.sessions.push_back(std::move(f));
}

void read_talk_fix(const toml::table& e, Reader& r, Corrections& out) {
    TalkFix f;
    f.line = line_of(e.source());
    f.session = read_match(e, f.line, "[[talk]]", &f.position, r);
    f.set = read_changes(e, f.line, "[[talk]]", "label", r);
    out.talks.push_back(std::move(f));
}

void read_added(const toml::table& e, Reader& r, Corrections& out) {
    AddedSession a;
    a.line = line_of(e.source());
    static const std::vector<std::string> keys = {"kind",  "title", "room",     "day",
                                                  "start", "end",   "speakers", "description"};
    for (const auto& [k, v] : e) {
        if (k == "kind") {
            a.kind = read_string(v, "kind", r).value_or("");
        } else if (k == "title") {
            a.title = tidy_name(read_string(v, "title", r).value_or(""));
        } else if (k == "room") {
            a.room = read_string(v, "room", r);
        } else if (k == "day") {
            a.day = read_day(v, r);
        } else if (k == "start") {
            a.start = read_time(v, "start", r);
        } else if (k == "end") {
            a.end = read_time(v, "end", r);
        } else if (k == "speakers") {
            a.speakers = read_strings(v, "speakers", r);
        } else if (k == "description") {
            a.description = read_string(v, "description", r).value_or("");
        } else {
            unknown_key(k, "[[add]]", keys, r);
        }
    }
    if (a.title.empty()) r.error(a.line, "[[add]] needs a title");
    for (const auto* t : {&a.start, &a.end}) {
        if (*t && (*t)->time_of_day && !a.day) {
            r.error(a.line, "[[add]] with a time of day ('" + (*t)->text +
                                "') needs day = \"2022-08-29\", or a full start such as "
                                "\"2022-08-29T12:00\"");
        }
    }
    if (a.end && !a.start) r.error(a.line, "[[add]] has an end but no start");
    out.added.push_back(std::move(a));
}

}  // namespace

Result<Corrections> parse_corrections(std::string_view text, std::string_view file) {
    Reader r{std::string(file), {}};
    toml::table doc;
    try {
        doc = toml::parse(text, std::string_view(file));
    } catch (const toml::parse_error& e) {
        std::string message(e.description());
        if (message.find("parsing time") != std::string::npos ||
            message.find("parsing date") != std::string::npos) {
            message += " (write times in quotes: end = \"10:15\")";
        }
        r.error(line_of(e.source()), std::move(message));
        return fail(std::move(r.errors));
    }
    Corrections out;
    out.file = std::string(file);
    static const std::vector<std::string> sections = {"session", "talk", "add"};
    for (const auto& [k, v] : doc) {
        const toml::array* entries = v.as_array();
        const bool known = std::find(sections.begin(), sections.end(), k.str()) != sections.end();
        if (!known) {
            r.error(line_of(k.source()), "unknown section '" + std::string(k.str()) + "'" +
                                             did_you_mean(closest(k.str(), sections)) +
                                             "; corrections are [[session]], [[talk]] and "
                                             "[[add]] entries");
            continue;
        }
        if (entries == nullptr || !entries->is_array_of_tables()) {
            r.error(line_of(k.source()), "'" + std::string(k.str()) + "' must be written [[" +
                                             std::string(k.str()) + "]], one entry per correction");
            continue;
        }
        for (const auto& entry : *entries) {
            const toml::table& e = *entry.as_table();
            if (k == "session") read_session_fix(e, r, out);
            if (k == "talk") read_talk_fix(e, r, out);
            if (k == "add") read_added(e, r, out);
        }
    }
    if (!r.errors.empty()) {
        std::stable_sort(r.errors.begin(), r.errors.end(),
                         [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
        return fail(std::move(r.errors));
    }
    // toml++ lists tables by name; keep each kind of correction in file order.
    auto by_line = [](const auto& a, const auto& b) { return a.line < b.line; };
    std::stable_sort(out.sessions.begin(), out.sessions.end(), by_line);
    std::stable_sort(out.talks.begin(), out.talks.end(), by_line);
    std::stable_sort(out.added.begin(), out.added.end(), by_line);
    return out;
}

}  // namespace kiosk
