// What one line of a day page (or a phrase in its prose) says, shared by the day-page reader's
// files; not for use outside kiosk/core/import/daypage*.cpp.
//
// Every function here looks at one line, bounded by it: a 10 MB line costs what a short one does.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "kiosk/core/import/text.h"

namespace kiosk::daypage_detail {

template <std::size_t N>
bool is_one_of_ci(std::string_view w, const std::array<std::string_view, N>& words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view x) { return iequals(w, x); });
}

// `s` in single quotes for a message; a long line is quoted by its start, so messages stay one
// readable line.
std::string quoted(std::string_view s);

// ---------------------------------------------------------------------------------------------
// Dates and times (daypage_dates.cpp)
// ---------------------------------------------------------------------------------------------

// A little cursor over one line; every read is bounded by the line.
struct Cursor {
    std::string_view s;
    std::size_t p = 0;

    bool at_end() const { return p >= s.size(); }
    void skip_spaces() {
        while (p < s.size() && s[p] == ' ') ++p;
    }
    std::string_view read_alpha() {
        std::size_t b = p;
        while (p < s.size() && is_ascii_alpha(s[p])) ++p;
        return s.substr(b, p - b);
    }
    std::string_view read_digits(std::size_t max) {
        std::size_t b = p;
        while (p < s.size() && p - b < max && is_ascii_digit(s[p])) ++p;
        return s.substr(b, p - b);
    }
    bool eat(std::string_view t) {
        if (s.substr(p).starts_with(t)) {
            p += t.size();
            return true;
        }
        return false;
    }
    bool eat_ci(std::string_view t) {
        if (istarts_with(s.substr(p), t)) {
            p += t.size();
            return true;
        }
        return false;
    }
};

enum class Meridiem {
    none,  // 24-hour, or a bare "8:45" that a range's end may still decide
    am,    // "a.m.": 12 a.m. is midnight
    pm,    // "p.m.": 12 p.m. is noon
};

// A clock time as people write it: "08:45", "8:45 a.m.", "5:30pm", "6 pm", "noon".
struct Clock {
    int hour = 0;
    int minute = 0;
    Meridiem meridiem = Meridiem::none;
    bool has_minutes = false;
};

enum class Parse {
    ok,
    partial,  // the line ends inside it: a file cut mid-line
    no,       // not this at all
};

// A clock time at the cursor; on `no` the cursor is where it was. A bare number is not a time.
Parse read_clock(Cursor& c, Clock& out);

// Minutes after midnight, or -1 when no such time ("25:00", "13:00 p.m.").
int clock_minutes(const Clock& k);

// The most days `month` (1 … 12) has in any year: 29 for February.
unsigned days_in_month_any_year(unsigned month);

// "Mon 29 Aug 08:45 a.m." (and "Monday, 29 Aug 2022 8:45 am PDT – 10:00 am PDT").
struct When {
    int weekday = -1;    // 0 = Sunday
    unsigned month = 0;  // 1 … 12
    int day = 0;         // as written; checked against the month
    int year = 0;        // when the page gives one (rare); 0 otherwise
    bool has_time = false;
    Clock start;
    bool has_end = false;
    Clock end;
    std::size_t date_end = 0;  // offset just past the date part, for quoting it
};

// Where a date runs to the end of the line, if anywhere.
struct Tail {
    Parse result = Parse::no;
    std::size_t begin = 0;  // where the weekday starts
    When when;
};

// The date (and time) that ends `line`. Only the last 96 bytes are tried, so a 10 MB line costs
// the same as a short one.
Tail find_tail(std::string_view line);

// A date's year, or why there is none.
struct DateResolution {
    std::optional<date::year_month_day> day;
    std::string why;       // when no day: the reason, for a message
    int misfit_year = 0;   // when the page's or the pinned year does not fit: that year …
    int fitting_year = 0;  // … and the nearest one that does
};

// The year in which `month`/`day` falls on `weekday`: the year the page writes, else the pinned
// year (data.year), else the one nearest to `reference` (within ±6 years).
DateResolution resolve_date(const When& w, std::string_view date_text, date::local_days reference,
                            std::optional<int> pinned);

// A header-looking date that could not be read, at the end of a line: "Mon 29 Agu", "Xyz 29 Aug",
// "29 Aug" (no weekday), "Mon Aug 29", followed by a time that runs to the end of the line, or
// alone on it as a day heading. Prose ("we meet on Aug 29 10:00 a.m.") is not one.
struct BadDate {
    std::size_t begin = 0;  // where the date starts
    std::string text;       // the date as written: "Mon 29 Agu"
    std::string problem;    // "unrecognised month 'Agu' in 'Mon 29 Agu'"
    bool has_time = false;  // false: a day heading
};
std::optional<BadDate> find_bad_date(std::string_view line);

// ---------------------------------------------------------------------------------------------
// Line kinds (daypage_lines.cpp)
// ---------------------------------------------------------------------------------------------

// The parts of a header line before its date.
struct HeaderText {
    std::string leftover;  // text of the entry before, glued to this header
    std::string kind;
    std::string title;
};

// "Oral: Outstanding Papers", "Bio :Oral: Distributed …", "The Future of MLSys: Industry and
// Academia - panel", "Welcome Reception": kind and title, with what the entry before left glued.
HeaderText split_header(std::string_view text);

// "Oral: …", "Bio :Oral: …": the line starts with a known kind and its colon.
bool has_kind_prefix(std::string_view line);

// "Invited Talk: Kunle Olukotun": a known kind, a colon, a short name; no date.
std::optional<HeaderText> untimed_header(std::string_view line);

// Oral-like sessions keep a single talk as a talk; other kinds fold it into the session.
bool is_oral_like(std::string_view kind);

// Skip links, sign-up links, URLs and the labels the site leaves behind ("Bio", "Abstract").
bool is_noise(std::string_view s);

// "[ Exhibit Hall A ]" gives "Exhibit Hall A"; nullopt when the line is not a marker.
std::optional<std::string_view> room_marker(std::string_view s);

// "Ana Ruiz · Deniz Altınbüken" as names, tidied.
std::vector<std::string> split_names(std::string_view s);

// "Ana Ruiz · Deniz Altınbüken", or a single "Kunle Olukotun" when `single_ok`.
std::optional<std::vector<std::string>> speakers_line(std::string_view s, bool single_ok);

// A line that can be a title: short, not a sentence.
bool looks_like_title(std::string_view s);

// The line ends a sentence, so the next one starts a paragraph rather than continuing it.
bool ends_sentence(std::string_view s);

// ---------------------------------------------------------------------------------------------
// Prose (daypage_lines.cpp)
// ---------------------------------------------------------------------------------------------

// "will be held on Monday evening in the Mission City Ballroom at 5:30pm" gives
// "Mission City Ballroom"; "in Room 203" gives "Room 203".
std::optional<std::string> room_in_prose(std::string_view text);

// An end time in prose: "closing at 6 pm", "until 7:30 p.m.", "from 5:30 to 7:30 pm"; minutes
// after the start day's midnight, past 24 h when it runs past midnight.
std::optional<int> end_in_prose(std::string_view text, int start_minutes);

}  // namespace kiosk::daypage_detail
