// Dates and times on a day page: "Mon 29 Aug 08:45 a.m.", clock times in prose, dates that
// could not be read ("Mon 29 Agu"), and the year a yearless date falls in (see
// daypage_grammar.h).
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

// "08:45 a.m. PDT – 10:00 a.m. PDT" from the cursor to the end of the line, into `w`.
Parse read_times(Cursor& c, When& w) {
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
    return read_times(c, w);
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

// ---------------------------------------------------------------------------------------------
// [SECTION] Dates that could not be read
// ---------------------------------------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, 7> weekday_names = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

// Levenshtein distance, ASCII case folded; only asked of short words (a weekday, a month).
std::size_t edit_distance(std::string_view a, std::string_view b) {
    constexpr std::size_t max_len = 12;
    if (a.size() > max_len || b.size() > max_len) return max_len;
    std::array<std::size_t, max_len + 1> row{};
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            bool same = ascii_lower(a[i - 1]) == ascii_lower(b[j - 1]);
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// A word written where a weekday or month belongs: a capitalised abbreviation gone wrong ("Xyz",
// "Agu") or a full name misspelled ("Wensday", "Agust"); a longer word ("Session") is a title's.
template <std::size_t N>
bool meant_as_one_of(std::string_view w, const std::array<std::string_view, N>& names) {
    if (w.empty() || !is_ascii_upper(w.front())) return false;
    if (w.size() >= 3 && w.size() <= 4) return true;
    return std::any_of(names.begin(), names.end(),
                       [&](std::string_view n) { return edit_distance(w, n) <= 2; });
}

bool weekday_like(std::string_view w) {
    return weekday_from_name(w) >= 0 || meant_as_one_of(w, weekday_names);
}

bool month_like(std::string_view w) {
    static constexpr std::array<std::string_view, 12> names = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December"};
    return month_from_name(w) > 0 || meant_as_one_of(w, names);
}

// Words after which a date is a sentence's ("we meet on Aug 29 10:00 a.m."), not a header's.
bool is_prose_word(std::string_view w) {
    static constexpr std::array<std::string_view, 14> words = {
        "on",    "at",    "from", "until", "till", "by", "before",
        "after", "since", "of",   "to",    "and",  "or", "the"};
    return std::find(words.begin(), words.end(), w) != words.end();
}

struct DateToken {
    std::string_view text;
    bool number = false;
};

// What is wrong with the date tokens `t` (a shape a header's date might have been meant to
// have), or "" when they are no such date (or a good one, which find_tail reads).
std::string date_problem(const std::vector<DateToken>& t, std::string_view text) {
    constexpr std::string_view example = " (expected a date such as 'Mon 29 Aug')";
    auto day = [](const DateToken& x) { return x.number && x.text.size() <= 2; };
    auto word = [](const DateToken& x) { return !x.number; };
    if (t.size() == 3 && word(t[0]) && day(t[1]) && word(t[2])) {  // "Mon 29 Agu", "Xyz 29 Aug"
        if (!weekday_like(t[0].text) || !month_like(t[2].text)) return "";
        bool weekday = weekday_from_name(t[0].text) >= 0;
        bool month = month_from_name(t[2].text) > 0;
        if (weekday == month) return "";  // both fine (read elsewhere), or nothing like a date
        std::string bad(weekday ? t[2].text : t[0].text);
        return std::string(weekday ? "unrecognised month " : "unrecognised weekday ") +
               quoted(bad) + " in " + quoted(text);
    }
    if (t.size() == 3 && word(t[0]) && word(t[1]) && day(t[2])) {  // "Mon Aug 29"
        if (weekday_from_name(t[0].text) < 0 || month_from_name(t[1].text) == 0) return "";
        return quoted(text) + " has the month before the day" + std::string(example);
    }
    if (t.size() == 2 && ((day(t[0]) && word(t[1]) && month_from_name(t[1].text) > 0) ||
                          (word(t[0]) && day(t[1]) && month_from_name(t[0].text) > 0))) {
        return quoted(text) + " has no weekday" + std::string(example);  // "29 Aug", "Aug 29"
    }
    if (t.size() == 2 && word(t[0]) && day(t[1]) && weekday_from_name(t[0].text) >= 0) {
        return quoted(text) + " has no month" + std::string(example);  // "Mon 29"
    }
    return "";
}

}  // namespace

std::optional<BadDate> find_bad_date(std::string_view line) {
    constexpr std::size_t window = 96;
    std::size_t from = line.size() > window ? line.size() - window : 0;
    auto alnum = [](char c) { return is_ascii_alpha(c) || is_ascii_digit(c); };
    for (std::size_t i = from; i < line.size(); ++i) {
        if (!alnum(line[i]) || (i > 0 && line[i - 1] != ' ')) continue;
        // Like a header, the date starts the line or follows a space, and not a preposition.
        std::string_view before = trim(line.substr(0, i));
        std::string_view last_word = before.substr(before.rfind(' ') + 1);
        if (is_prose_word(last_word)) continue;
        Cursor c{line, i};
        std::vector<DateToken> tokens;
        std::size_t text_end = i;
        while (tokens.size() < 4) {
            // A time, running to the end of the line, ends the date.
            Cursor t = c;
            When w;
            if (!tokens.empty() && read_times(t, w) == Parse::ok) {
                std::string_view text = line.substr(i, text_end - i);
                if (tokens.back().number && tokens.back().text.size() == 4) tokens.pop_back();
                std::string problem = date_problem(tokens, text);
                if (problem.empty()) break;
                return BadDate{i, std::string(text), std::move(problem), true};
            }
            std::string_view tok = c.read_alpha();
            bool number = tok.empty();
            if (number) tok = c.read_digits(4);
            if (tok.empty() || (c.p < line.size() && alnum(line[c.p]))) break;
            tokens.push_back({tok, number});
            text_end = c.p;
            c.eat(".");
            c.eat(",");
            c.skip_spaces();
            if (c.at_end()) {
                // A day heading alone on its line: "Mon 29 Agu".
                if (i != 0) break;
                std::string_view text = line.substr(i, text_end - i);
                if (tokens.back().number && tokens.back().text.size() == 4) tokens.pop_back();
                std::string problem = date_problem(tokens, text);
                if (problem.empty()) break;
                return BadDate{i, std::string(text), std::move(problem), false};
            }
        }
    }
    return std::nullopt;
}

DateResolution resolve_date(const When& w, std::string_view date_text, date::local_days reference,
                            std::optional<int> pinned) {
    const date::weekday wanted{static_cast<unsigned>(w.weekday)};
    auto make = [&](int y) {
        return date::year_month_day{date::year{y}, date::month{w.month},
                                    date::day{static_cast<unsigned>(w.day)}};
    };
    auto fits = [&](int y) {
        auto ymd = make(y);
        return ymd.ok() && date::weekday{date::local_days{ymd}} == wanted;
    };
    // The year nearest to `y` in which the date falls on its weekday. A date's weekday comes
    // back within 11 years; 29 February's within 28 (or 40, across a century that skips a leap
    // day), so 40 years either way always finds one. A tie goes to the later year.
    auto nearest_fit = [&](int y) {
        for (int d = 1; d <= 40; ++d) {
            if (fits(y + d)) return y + d;
            if (fits(y - d)) return y - d;
        }
        return 0;
    };
    const std::string weekday_name(weekday_names[static_cast<std::size_t>(w.weekday)]);
    auto misfit = [&](int year, std::string_view whose) {
        DateResolution r;
        r.misfit_year = year;
        r.fitting_year = nearest_fit(year);
        r.why = quoted(date_text) + " is not a " + weekday_name + " in " + std::to_string(year) +
                std::string(whose);
        if (r.fitting_year != 0) {
            r.why += "; it is a " + weekday_name + " in " + std::to_string(r.fitting_year);
        }
        return r;
    };
    auto found = [&](int y) {
        DateResolution r;
        r.day = make(y);
        return r;
    };
    // A year the page writes wins over a pinned one: it is the page's own word.
    if (w.year != 0) return fits(w.year) ? found(w.year) : misfit(w.year, "");
    if (pinned) return fits(*pinned) ? found(*pinned) : misfit(*pinned, " (data.year)");

    const int y0 = static_cast<int>(date::year_month_day{reference}.year());
    DateResolution best;
    long best_distance = 0;
    for (int y = y0 - 6; y <= y0 + 6; ++y) {
        if (!fits(y)) continue;
        long distance = std::abs((date::local_days{make(y)} - reference).count());
        if (!best.day || distance < best_distance) {
            best.day = make(y);
            best_distance = distance;
        }
    }
    if (!best.day) {
        best.why = quoted(date_text) + " is a " + weekday_name + " in no year from " +
                   std::to_string(y0 - 6) + " to " + std::to_string(y0 + 6);
    }
    return best;
}

}  // namespace kiosk::daypage_detail
