// Dates and times on a day page: "Mon 29 Aug 08:45 a.m.", clock times in prose, and the year a
// yearless date falls in (see daypage_grammar.h).
#include <algorithm>
#include <array>
#include <cstdlib>

#include "kiosk/core/import/daypage_grammar.h"

namespace kiosk::daypage_detail {

namespace {

int to_int(std::string_view digits) {
    int v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return v;
}

// 0 = Sunday … 6 = Saturday (date::weekday's encoding), or -1.
int weekday_from_name(std::string_view w) {
    static constexpr std::array<std::string_view, 7> full = {
        "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
    static constexpr std::array<std::string_view, 7> extra = {"", "", "tues", "", "thurs", "", ""};
    if (w.size() < 3) return -1;
    for (int i = 0; i < 7; ++i) {
        auto f = full[static_cast<std::size_t>(i)];
        if (iequals(w, f) || iequals(w, f.substr(0, 3)) ||
            (!extra[static_cast<std::size_t>(i)].empty() &&
             iequals(w, extra[static_cast<std::size_t>(i)])) ||
            (i == 4 && iequals(w, "thur"))) {
            return i;
        }
    }
    return -1;
}

// 1 … 12, or 0.
unsigned month_from_name(std::string_view w) {
    static constexpr std::array<std::string_view, 12> full = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    if (w.size() < 3) return 0;
    for (unsigned i = 0; i < 12; ++i) {
        if (iequals(w, full[i]) || iequals(w, full[i].substr(0, 3))) return i + 1;
    }
    if (iequals(w, "sept")) return 9;
    return 0;
}

Parse read_meridiem(Cursor& c, Meridiem& m) {
    std::size_t save = c.p;
    c.skip_spaces();
    static constexpr std::array<std::string_view, 4> am = {"a.m.", "a.m", "am", "a. m."};
    static constexpr std::array<std::string_view, 4> pm = {"p.m.", "p.m", "pm", "p. m."};
    for (auto t : am) {
        if (c.eat_ci(t) && (c.at_end() || !is_ascii_alpha(c.s[c.p]))) {
            m = Meridiem::am;
            return Parse::ok;
        }
        c.p = save;
        c.skip_spaces();
    }
    for (auto t : pm) {
        if (c.eat_ci(t) && (c.at_end() || !is_ascii_alpha(c.s[c.p]))) {
            m = Meridiem::pm;
            return Parse::ok;
        }
        c.p = save;
        c.skip_spaces();
    }
    // "a." or "p" at the very end: the line was cut inside the time.
    std::string_view rest = c.s.substr(c.p);
    if (!rest.empty() && rest.size() <= 3 && (rest[0] == 'a' || rest[0] == 'p') &&
        rest.find(' ') == std::string_view::npos) {
        return Parse::partial;
    }
    c.p = save;
    return Parse::no;
}

}  // namespace

std::string quoted(std::string_view s) {
    constexpr std::size_t max_quote = 60;
    std::string q(utf8_prefix(s, max_quote));
    if (q.size() < s.size()) q += "\xE2\x80\xA6";
    return "'" + q + "'";
}

unsigned days_in_month_any_year(unsigned month) {
    static constexpr std::array<unsigned, 12> days = {31, 29, 31, 30, 31, 30,
                                                      31, 31, 30, 31, 30, 31};
    return days[month - 1];
}

Parse read_clock(Cursor& c, Clock& out) {
    std::size_t save = c.p;
    if (c.eat_ci("noon")) {
        out = {12, 0, Meridiem::pm, true};
        return Parse::ok;
    }
    if (c.eat_ci("midnight")) {
        out = {12, 0, Meridiem::am, true};
        return Parse::ok;
    }
    auto h = c.read_digits(2);
    if (h.empty()) {
        c.p = save;
        return Parse::no;
    }
    out.hour = to_int(h);
    out.has_minutes = false;
    if (c.eat(":") || c.eat(".")) {
        auto m = c.read_digits(2);
        if (m.size() != 2) {
            if (c.at_end()) return Parse::partial;
            c.p = save;
            return Parse::no;
        }
        out.minute = to_int(m);
        out.has_minutes = true;
    }
    out.meridiem = Meridiem::none;
    auto r = read_meridiem(c, out.meridiem);
    if (r == Parse::partial) return r;
    if (r == Parse::no && !out.has_minutes) {
        c.p = save;  // a bare number is not a time
        return Parse::no;
    }
    return Parse::ok;
}

int clock_minutes(const Clock& k) {
    if (k.minute > 59) return -1;
    if (k.meridiem == Meridiem::none) return k.hour <= 23 ? k.hour * 60 + k.minute : -1;
    if (k.hour < 1 || k.hour > 12) return -1;
    int h = k.hour % 12;  // 12 a.m. is midnight, 12 p.m. is noon
    if (k.meridiem == Meridiem::pm) h += 12;
    return h * 60 + k.minute;
}

namespace {

// "PDT", "CEST", "UTC": the site prints its zone's abbreviation; the page's zone decides.
bool read_zone_abbreviation(Cursor& c) {
    std::size_t save = c.p;
    c.skip_spaces();
    std::size_t b = c.p;
    while (c.p < c.s.size() && is_ascii_upper(c.s[c.p])) ++c.p;
    std::size_t n = c.p - b;
    if (n >= 2 && n <= 5 && (c.at_end() || c.s[c.p] == ' ')) return true;
    c.p = save;
    return false;
}

bool read_range_separator(Cursor& c) {
    std::size_t save = c.p;
    c.skip_spaces();
    if (c.eat("-") || c.eat("\xE2\x80\x93") || c.eat("\xE2\x80\x94") || c.eat_ci("to ")) {
        c.skip_spaces();
        return true;
    }
    c.p = save;
    return false;
}

// Reads a date and optional time that runs to the end of `s`. `partial`: the line ends inside
// it (a file cut mid-line); `no`: this is not a date.
Parse read_when(std::string_view s, When& w) {
    Cursor c{s};
    w = When{};
    w.weekday = weekday_from_name(c.read_alpha());
    if (w.weekday < 0) return Parse::no;
    c.eat(",");
    c.eat(".");
    c.skip_spaces();
    if (c.at_end()) return Parse::partial;
    auto d = c.read_digits(2);
    if (d.empty()) return Parse::no;
    w.day = to_int(d);
    c.skip_spaces();
    if (c.at_end()) return Parse::partial;
    auto mon_name = c.read_alpha();
    w.month = month_from_name(mon_name);
    if (w.month == 0) {
        return c.at_end() && !mon_name.empty() && mon_name.size() < 3 ? Parse::partial : Parse::no;
    }
    c.eat(".");
    w.date_end = c.p;
    c.eat(",");
    {
        std::size_t save = c.p;
        c.skip_spaces();
        auto y = c.read_digits(4);
        if (y.size() == 4 && (c.at_end() || c.s[c.p] == ' ')) {
            w.year = to_int(y);
            w.date_end = c.p;
        } else {
            c.p = save;
        }
    }
    c.skip_spaces();
    if (c.at_end()) return Parse::ok;  // a day heading: "Mon 29 Aug"
    auto r = read_clock(c, w.start);
    if (r != Parse::ok) return r;
    w.has_time = true;
    read_zone_abbreviation(c);
    if (read_range_separator(c)) {
        if (c.at_end()) return Parse::partial;
        r = read_clock(c, w.end);
        if (r != Parse::ok) return r;
        w.has_end = true;
        read_zone_abbreviation(c);
    }
    c.skip_spaces();
    return c.at_end() ? Parse::ok : Parse::no;
}

}  // namespace

Tail find_tail(std::string_view line) {
    constexpr std::size_t window = 96;
    std::size_t from = line.size() > window ? line.size() - window : 0;
    Tail partial;
    for (std::size_t i = from; i < line.size(); ++i) {
        if (!is_ascii_alpha(line[i]) || (i > 0 && is_ascii_alpha(line[i - 1]))) continue;
        if (weekday_from_name(std::string_view(line).substr(i, 3)) < 0) continue;
        When w;
        Parse r = read_when(line.substr(i), w);
        if (r == Parse::ok) return {Parse::ok, i, w};
        if (r == Parse::partial && partial.result == Parse::no) partial = {Parse::partial, i, w};
    }
    return partial;
}

std::optional<date::year_month_day> resolve_date(const When& w, std::string_view date_text,
                                                 date::local_days reference,
                                                 std::optional<int> pinned, std::string& why) {
    const date::weekday wanted{static_cast<unsigned>(w.weekday)};
    auto fits = [&](int y) {
        date::year_month_day ymd{date::year{y}, date::month{w.month},
                                 date::day{static_cast<unsigned>(w.day)}};
        return ymd.ok() && date::weekday{date::local_days{ymd}} == wanted;
    };
    auto make = [&](int y) {
        return date::year_month_day{date::year{y}, date::month{w.month},
                                    date::day{static_cast<unsigned>(w.day)}};
    };
    static constexpr std::array<std::string_view, 7> names = {
        "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    std::string weekday_name(names[static_cast<std::size_t>(w.weekday)]);
    if (w.year != 0) {
        if (fits(w.year)) return make(w.year);
        why = quoted(date_text) + " is not a " + weekday_name + " in " + std::to_string(w.year);
        return std::nullopt;
    }
    if (pinned) {
        if (fits(*pinned)) return make(*pinned);
        why = quoted(date_text) + " is not a " + weekday_name + " in " + std::to_string(*pinned) +
              " (the pinned year)";
        return std::nullopt;
    }
    const int y0 = static_cast<int>(date::year_month_day{reference}.year());
    std::optional<date::year_month_day> best;
    long best_distance = 0;
    for (int y = y0 - 6; y <= y0 + 6; ++y) {
        if (!fits(y)) continue;
        long distance = std::abs((date::local_days{make(y)} - reference).count());
        if (!best || distance < best_distance) {
            best = make(y);
            best_distance = distance;
        }
    }
    if (!best) {
        why = quoted(date_text) + " is a " + weekday_name + " in no year from " +
              std::to_string(y0 - 6) + " to " + std::to_string(y0 + 6);
    }
    return best;
}

}  // namespace kiosk::daypage_detail
