// The day-page importer (grammar in daypage.h).
//
// [SECTION] Index
//   Diagnostics sink      keeps file:line messages, bounded so a 50 MB file of garbage cannot
//                         grow them past a few hundred
//   Dates and times       "Mon 29 Aug 08:45 a.m.", year resolution, clock times in prose
//   Line kinds            noise, room markers, speakers lines, headers, kinds
//   Prose                 rooms and end times read from a description
//   The reader            one pass over the lines, building sessions
//   import_day_page       bytes in, Program out
#include "kiosk/core/daypage.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>
#include <map>

#include <date/tz.h>

#include "kiosk/core/import/labels.h"
#include "kiosk/core/import/text.h"
#include "kiosk/core/names.h"
#include "kiosk/core/time.h"

namespace kiosk {

namespace {

using std::chrono::minutes;

template <std::size_t N>
bool is_one_of_ci(std::string_view w, const std::array<std::string_view, N>& words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view x) { return iequals(w, x); });
}

std::string quoted(std::string_view s) {
    // Long lines are quoted by their start; messages stay one readable line.
    constexpr std::size_t max_quote = 60;
    std::string q(utf8_prefix(s, max_quote));
    if (q.size() < s.size()) q += "\xE2\x80\xA6";
    return "'" + q + "'";
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Diagnostics sink
// ---------------------------------------------------------------------------------------------

class Sink {
  public:
    static constexpr std::size_t max_kept = 500;

    explicit Sink(std::string file) : file_(std::move(file)) {}

    void add(int line, Severity severity, std::string message) {
        if (kept_.size() < max_kept) {
            kept_.push_back({file_, line, severity, std::move(message)});
        } else {
            ++dropped_;
        }
    }
    void warn(int line, std::string message) { add(line, Severity::warning, std::move(message)); }
    void error(int line, std::string message) { add(line, Severity::error, std::move(message)); }

    Diagnostics take() {
        if (dropped_ > 0) {
            kept_.push_back({file_, 0, Severity::warning,
                             std::to_string(dropped_) + " more messages like these were not kept"});
        }
        dropped_ = 0;
        return std::move(kept_);
    }
    const std::string& file() const { return file_; }

  private:
    std::string file_;
    Diagnostics kept_;
    std::size_t dropped_ = 0;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Dates and times
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

unsigned days_in_month_any_year(unsigned month) {
    static constexpr std::array<unsigned, 12> days = {31, 29, 31, 30, 31, 30,
                                                      31, 31, 30, 31, 30, 31};
    return days[month - 1];
}

enum class Meridiem { none, am, pm };

// A clock time as people write it: "08:45", "8:45 a.m.", "5:30pm", "6 pm", "noon".
struct Clock {
    int hour = 0;
    int minute = 0;
    Meridiem meridiem = Meridiem::none;
    bool has_minutes = false;
};

enum class Parse { ok, partial, no };

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

// Minutes after midnight, or -1 when no such time ("25:00", "13:00 p.m.").
int clock_minutes(const Clock& k) {
    if (k.minute > 59) return -1;
    if (k.meridiem == Meridiem::none) return k.hour <= 23 ? k.hour * 60 + k.minute : -1;
    if (k.hour < 1 || k.hour > 12) return -1;
    int h = k.hour % 12;  // 12 a.m. is midnight, 12 p.m. is noon
    if (k.meridiem == Meridiem::pm) h += 12;
    return h * 60 + k.minute;
}

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

// Where a date runs to the end of the line, if anywhere. Only the last 96 bytes are tried, so a
// 10 MB line costs the same as a short one.
struct Tail {
    Parse result = Parse::no;
    std::size_t begin = 0;  // where the weekday starts
    When when;
};

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

// The year in which `month`/`day` falls on `weekday`, nearest to `reference` (within ±6 years),
// or the pinned year when it fits. An empty result comes with `why` filled.
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

// ---------------------------------------------------------------------------------------------
// [SECTION] Line kinds
// ---------------------------------------------------------------------------------------------

constexpr std::string_view middle_dot = "\xC2\xB7";

// Kinds the site software prints before a header's colon, as far as we have seen or expect them.
bool is_known_kind(std::string_view k) {
    static constexpr std::array<std::string_view, 52> kinds = {"Oral",
                                                               "Orals",
                                                               "Oral Session",
                                                               "Spotlight",
                                                               "Spotlights",
                                                               "Tutorial",
                                                               "Invited Talk",
                                                               "Invited Talks",
                                                               "Keynote",
                                                               "Keynote Talk",
                                                               "Talk",
                                                               "Contributed Talk",
                                                               "Registration Desk",
                                                               "Registration",
                                                               "Workshop",
                                                               "Poster Session",
                                                               "Poster",
                                                               "Posters",
                                                               "Social",
                                                               "Panel",
                                                               "Panel Discussion",
                                                               "Expo Talk",
                                                               "Expo Talk Panel",
                                                               "Expo Workshop",
                                                               "Expo Demonstration",
                                                               "Demonstration",
                                                               "Demonstrations",
                                                               "Demo",
                                                               "Affinity Event",
                                                               "Affinity Workshop",
                                                               "Affinity Poster Session",
                                                               "Break",
                                                               "Coffee Break",
                                                               "Lunch",
                                                               "Lunch Break",
                                                               "Breakfast",
                                                               "Dinner",
                                                               "Reception",
                                                               "Opening Remarks",
                                                               "Closing Remarks",
                                                               "Remarks",
                                                               "Town Hall",
                                                               "Competition",
                                                               "Test Of Time",
                                                               "Test of Time Award",
                                                               "Award",
                                                               "Mentorship",
                                                               "Meetup",
                                                               "Plenary",
                                                               "Q&A",
                                                               "Ceremony",
                                                               "Session"};
    return is_one_of_ci(k, kinds);
}

// Last words that make a short capitalised prefix a kind ("Industry Workshop:") and that give a
// kind-less title its kind ("Welcome Reception").
bool is_kind_noun(std::string_view w) {
    static constexpr std::array<std::string_view, 30> nouns = {
        "Talk",   "Talks",     "Session",    "Sessions",  "Workshop",      "Tutorial",
        "Panel",  "Oral",      "Orals",      "Poster",    "Posters",       "Social",
        "Event",  "Break",     "Keynote",    "Reception", "Lunch",         "Breakfast",
        "Dinner", "Spotlight", "Spotlights", "Demo",      "Demonstration", "Competition",
        "Meetup", "Ceremony",  "Lecture",    "Mixer",     "Party",         "Remarks"};
    return is_one_of_ci(w, nouns);
}

// Oral-like sessions keep a single talk as a talk; other kinds fold it into the session.
bool is_oral_like(std::string_view kind) {
    return ifind(kind, "oral") != std::string_view::npos ||
           ifind(kind, "spotlight") != std::string_view::npos ||
           ifind(kind, "contributed") != std::string_view::npos;
}

// Kinds whose untimed header names a person: "Invited Talk: Kunle Olukotun".
std::string capitalise_words(std::string_view s) {
    std::string out(s);
    bool start = true;
    for (char& c : out) {
        if (start && is_ascii_lower(c)) c = static_cast<char>(c - 'a' + 'A');
        start = c == ' ';
    }
    return out;
}

// Leftover labels of the entry before that the site glues to the next header.
std::string_view strip_leftover_label(std::string_view s) {
    static constexpr std::array<std::string_view, 4> labels = {
        "Bio :", "Bio:", "Abstract :", "Abstract:"};
    for (auto l : labels) {
        if (istarts_with(s, l)) return trim(s.substr(l.size()));
    }
    return s;
}

bool is_leftover_label(std::string_view s) { return strip_leftover_label(s).empty(); }

bool is_noise(std::string_view s) {
    if (s.size() > 300) return false;
    if (istarts_with(s, "Skip to")) return true;
    static constexpr std::array<std::string_view, 14> phrases = {
        "Signup here", "Sign up here", "Sign up",   "Signup", "Register here",
        "Register",    "RSVP",         "RSVP here", "Bio",    "Abstract",
        "Join here",   "Chat",         "Slides",    "Video"};
    if (is_one_of_ci(s, phrases) || is_leftover_label(s)) return true;
    bool url = ifind(s, "http://") != s.npos || ifind(s, "https://") != s.npos ||
               ifind(s, "www.") != s.npos;
    if (!url) return false;
    if (istarts_with(s, "http") || istarts_with(s, "www.")) return true;
    static constexpr std::array<std::string_view, 7> link_words = {
        "regist", "sign up", "signup", "rsvp", "zoom", "link", "form"};
    return std::any_of(link_words.begin(), link_words.end(),
                       [&](std::string_view w) { return ifind(s, w) != s.npos; });
}

// "[ Exhibit Hall A ]" gives "Exhibit Hall A"; nullopt when the line is not a marker.
std::optional<std::string_view> room_marker(std::string_view s) {
    if (s.size() < 2 || s.size() > 200 || s.front() != '[' || s.back() != ']') return std::nullopt;
    return trim(s.substr(1, s.size() - 2));
}

std::vector<std::string> split_names(std::string_view s) {
    std::vector<std::string> out;
    std::size_t b = 0;
    while (b <= s.size()) {
        std::size_t e = s.find(middle_dot, b);
        std::string_view part = trim(s.substr(b, e == s.npos ? s.npos : e - b));
        if (!part.empty()) out.push_back(tidy_name(part));
        if (e == s.npos) break;
        b = e + middle_dot.size();
    }
    return out;
}

// "Ana Ruiz · Deniz Altınbüken", or a single "Kunle Olukotun" when `single_ok`.
std::optional<std::vector<std::string>> speakers_line(std::string_view s, bool single_ok) {
    if (s.empty() || s.size() > 400 || s.back() == '.' || s.front() == '[') return std::nullopt;
    if (s.find(middle_dot) != s.npos) {
        auto names = split_names(s);
        bool plausible = !names.empty() && std::all_of(names.begin(), names.end(), [](auto& n) {
            return n.size() <= 80 && std::count(n.begin(), n.end(), ' ') <= 6;
        });
        if (plausible) return names;
        return std::nullopt;
    }
    if (!single_ok || s.size() > 40) return std::nullopt;
    // A lone name: two to four capitalised words, nothing else.
    int words = 0;
    for (std::size_t b = 0; b < s.size();) {
        std::size_t e = s.find(' ', b);
        std::string_view w = s.substr(b, e == s.npos ? s.npos : e - b);
        if (w.empty() || !is_ascii_upper(w.front()) || is_kind_noun(w)) return std::nullopt;
        for (char c : w) {
            if (is_ascii_digit(c) || c == ':' || c == ',' || c == '(' || c == '&') {
                return std::nullopt;
            }
        }
        ++words;
        if (e == s.npos) break;
        b = e + 1;
    }
    if (words < 2 || words > 4) return std::nullopt;
    return std::vector<std::string>{std::string(s)};
}

// The parts of a header line before its date.
struct HeaderText {
    std::string leftover;  // text of the entry before, glued to this header
    std::string kind;
    std::string title;
};

// "Oral: Outstanding Papers", "Bio :Oral: Distributed …", "The Future of MLSys: Industry and
// Academia - panel", "Welcome Reception".
HeaderText split_header(std::string_view text) {
    HeaderText h;
    text = trim(strip_leftover_label(trim(text)));
    // A known kind at the start, longest first ("Expo Talk Panel" before "Expo Talk").
    auto kind_at = [&](std::size_t at) -> std::size_t {
        std::size_t colon = text.find(':', at);
        if (colon == text.npos || colon - at > 40) return 0;
        std::string_view k = trim(text.substr(at, colon - at));
        return is_known_kind(k) ? colon : 0;
    };
    std::size_t colon = kind_at(0);
    std::size_t start = 0;
    if (colon == 0) {
        // Glued to leftovers: "…dropped users.Oral: …" — a kind right after a non-letter.
        for (std::size_t i = 1; i < text.size() && i < 4096; ++i) {
            char prev = text[i - 1];
            if (!is_ascii_upper(text[i]) || is_ascii_alpha(prev) || is_ascii_digit(prev) ||
                prev == ' ') {
                continue;
            }
            if (std::size_t c = kind_at(i); c != 0) {
                colon = c;
                start = i;
                break;
            }
        }
    }
    if (colon == 0) {
        // "Industry Workshop: …": a short capitalised prefix ending in a kind noun.
        std::size_t c = text.find(':');
        if (c != text.npos && c < 40) {
            std::string_view k = trim(text.substr(0, c));
            std::size_t sp = k.rfind(' ');
            std::string_view last = sp == k.npos ? k : k.substr(sp + 1);
            auto words = std::count(k.begin(), k.end(), ' ') + 1;
            bool capitalised = !k.empty() && is_ascii_upper(k.front());
            if (capitalised && words <= 3 && is_kind_noun(last)) colon = c;
        }
    }
    if (colon != 0) {
        h.leftover = std::string(trim(strip_leftover_label(trim(text.substr(0, start)))));
        h.kind = tidy_name(text.substr(start, colon - start));
        h.title = tidy_name(text.substr(colon + 1));
    } else {
        h.title = tidy_name(text);
    }
    // "… - panel": a kind glued at the end. A passer-by should read the title without it.
    for (std::string_view sep : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 "}) {
        std::size_t at = h.title.rfind(sep);
        if (at == std::string::npos) continue;
        std::string_view tail = trim(std::string_view(h.title).substr(at + sep.size()));
        bool one_word = tail.find(' ') == tail.npos;
        if (one_word && is_kind_noun(tail) && (h.kind.empty() || iequals(h.kind, tail))) {
            if (h.kind.empty()) h.kind = capitalise_words(tail);
            h.title.erase(at);
            break;
        }
    }
    if (h.kind.empty()) {
        // "Welcome Reception": the title's last word names what it is.
        std::size_t sp = h.title.rfind(' ');
        std::string_view last = sp == std::string::npos ? std::string_view(h.title)
                                                        : std::string_view(h.title).substr(sp + 1);
        if (is_kind_noun(last)) h.kind = capitalise_words(last);
    }
    return h;
}

// "Oral: …", "Bio :Oral: …": the line starts with a known kind and its colon.
bool has_kind_prefix(std::string_view line) {
    std::string_view text = trim(strip_leftover_label(trim(line)));
    std::size_t colon = text.find(':');
    return colon != text.npos && colon <= 40 && is_known_kind(trim(text.substr(0, colon)));
}

// "Invited Talk: Kunle Olukotun": a known kind, a colon, a short name; no date.
std::optional<HeaderText> untimed_header(std::string_view line) {
    if (line.size() > 160) return std::nullopt;
    std::string_view text = trim(strip_leftover_label(line));
    std::size_t colon = text.find(':');
    if (colon == text.npos || !is_known_kind(trim(text.substr(0, colon)))) return std::nullopt;
    std::string_view rest = trim(text.substr(colon + 1));
    if (rest.empty() || rest.back() == '.' || std::count(rest.begin(), rest.end(), ' ') > 8) {
        return std::nullopt;
    }
    return HeaderText{"", tidy_name(text.substr(0, colon)), tidy_name(rest)};
}

// A line that can be a title: short, not a sentence.
bool looks_like_title(std::string_view s) {
    return !s.empty() && s.size() <= 250 && s.back() != '.' && s.front() != '[';
}

bool ends_sentence(std::string_view s) {
    s = trim(s);
    if (s.empty()) return true;
    char c = s.back();
    if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == ')') return true;
    return s.ends_with("\xE2\x80\xA6") || s.ends_with("\xE2\x80\x9D");  // "…", "”"
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Prose
// ---------------------------------------------------------------------------------------------

bool is_venue_noun(std::string_view w) {
    static constexpr std::array<std::string_view, 30> nouns = {
        "Ballroom",   "Hall",      "Room",    "Rooms",      "Lobby",     "Foyer",
        "Auditorium", "Theater",   "Theatre", "Terrace",    "Atrium",    "Pavilion",
        "Suite",      "Salon",     "Lounge",  "Plaza",      "Garden",    "Gardens",
        "Court",      "Courtyard", "Deck",    "Center",     "Centre",    "Arena",
        "Concourse",  "Patio",     "Cafe",    "Restaurant", "Ballrooms", "Halls"};
    return is_one_of_ci(w, nouns);
}

// "will be held on Monday evening in the Mission City Ballroom at 5:30pm" gives
// "Mission City Ballroom"; "in Room 203" gives "Room 203".
std::optional<std::string> room_in_prose(std::string_view text) {
    text = utf8_prefix(text, 4096);
    for (std::size_t at = ifind(text, " in "); at != text.npos; at = ifind(text, " in ", at + 1)) {
        std::size_t p = at + 4;
        if (text.substr(p).starts_with("the ")) p += 4;
        std::size_t begin = p;
        std::size_t end = p;
        bool venue = false;
        int words = 0;
        while (p < text.size() && words < 6) {
            std::size_t e = p;
            while (e < text.size() && text[e] != ' ' && text[e] != ',' && text[e] != '.' &&
                   text[e] != ';' && text[e] != ')') {
                ++e;
            }
            std::string_view w = text.substr(p, e - p);
            bool capital = !w.empty() && (is_ascii_upper(w.front()) || is_ascii_digit(w.front()));
            if (!capital) break;
            venue |= is_venue_noun(w);
            end = e;
            ++words;
            if (e >= text.size() || text[e] != ' ') break;
            p = e + 1;
        }
        if (venue && words > 0) return std::string(text.substr(begin, end - begin));
    }
    return std::nullopt;
}

// An end time in prose: "closing at 6 pm", "until 7:30 p.m.", "from 5:30 to 7:30 pm".
std::optional<int> end_in_prose(std::string_view text, int start_minutes) {
    text = utf8_prefix(text, 4096);
    static constexpr std::array<std::string_view, 11> cues = {
        "until ",  "till ",        "closing at ",  "closes at ", "ends at ",    "ending at ",
        "end at ", "finishes at ", "wraps up at ", " to ",       "\xE2\x80\x93"};
    std::optional<int> best;
    std::size_t best_at = text.npos;
    for (auto cue : cues) {
        for (std::size_t at = ifind(text, cue); at != text.npos; at = ifind(text, cue, at + 1)) {
            if (at > best_at) break;
            Cursor c{text, at + cue.size()};
            c.skip_spaces();
            Clock k;
            if (read_clock(c, k) != Parse::ok) continue;
            if (k.meridiem == Meridiem::none && !k.has_minutes) continue;
            int m = clock_minutes(k);
            // "until 6" with no meridiem after a 5:30 p.m. start means 6 p.m.
            if (m >= 0 && k.meridiem == Meridiem::none && m + 12 * 60 < 24 * 60 &&
                m <= start_minutes) {
                m += 12 * 60;
            }
            // "closing at 1:30 a.m." after an evening start: past midnight.
            if (m >= 0 && m <= start_minutes && k.meridiem == Meridiem::am &&
                start_minutes >= 12 * 60) {
                m += 24 * 60;
            }
            if (m > start_minutes) {
                best = m;
                best_at = at;
            }
            break;
        }
    }
    return best;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] The reader
// ---------------------------------------------------------------------------------------------

// Text accumulated for a description or an abstract: a line continues the one before when that
// one did not end a sentence (pages break paragraphs at odd places), else it starts a paragraph.
struct TextBlock {
    std::string text;
    bool open = false;  // the last line did not end a sentence

    void add(std::string_view line, bool after_blank) {
        if (text.empty()) {
            text = line;
        } else if (!after_blank && (open || is_ascii_lower(line.front()))) {
            text += ' ';
            text += line;
        } else {
            text += '\n';
            text += line;
        }
        open = !ends_sentence(line);
    }
};

struct TalkDraft {
    std::string room;
    std::vector<std::string> speakers;
    TextBlock abstract;
    int line = 0;
};

struct SessionDraft {
    Session session;
    std::optional<date::local_days> day;
    std::optional<int> start_minutes;  // venue-local, after midnight of `day`
    std::optional<int> end_minutes;    // may pass 24 h: "10 p.m. – 1 a.m."
    TextBlock description;
    std::vector<TalkDraft> talks;
    std::string untimed_name;  // the name an untimed header gave, until the title line decides
};

enum class Expect {
    title,     // after "Invited Talk: Kunle Olukotun": the next line is the title
    speakers,  // right after a header, a title line or a room marker
    text,
};

class Reader {
  public:
    Reader(const ImportOptions& options, Sink& sink) : options_(options), sink_(sink) {}

    void line(std::string_view s, int number, bool last_line_cut);
    std::vector<SessionDraft> finish() {
        close_orphans();
        close_session();
        return std::move(done_);
    }
    const std::optional<std::pair<std::string, int>>& timezone_line() const { return zone_; }

  private:
    void header(const HeaderText& h, const When& w, std::string_view when_text, int number);
    void untimed(const HeaderText& h, int number);
    void text(std::string_view s, bool after_blank);
    void orphan(int number);
    void close_orphans();
    void close_session();
    void attach_leftover(std::string_view leftover, int number);
    std::optional<date::local_days> resolve(const When& w, std::string_view date_text, int number,
                                            std::string_view consequence);

    const ImportOptions& options_;
    Sink& sink_;
    std::optional<SessionDraft> current_;
    bool skipping_ = false;  // after a header that could not be read: its lines go with it
    Expect expect_ = Expect::text;
    bool blank_before_ = false;
    std::optional<date::local_days> day_;  // the day of the last header or day heading
    std::optional<std::pair<std::string, int>> zone_;
    int orphan_first_ = 0;
    int orphan_count_ = 0;
    std::vector<SessionDraft> done_;
};

void Reader::line(std::string_view s, int number, bool last_line_cut) {
    if (s.empty()) {
        blank_before_ = true;
        return;
    }
    bool after_blank = std::exchange(blank_before_, false);

    if (istarts_with(s, "Timezone:") || istarts_with(s, "Time zone:")) {
        std::string name(trim(s.substr(s.find(':') + 1)));
        if (!zone_) {
            zone_ = {name, number};
        } else if (name != zone_->first) {
            sink_.warn(number, "a second time zone " + quoted(name) + " ignored; the page's is " +
                                   quoted(zone_->first) + " (line " +
                                   std::to_string(zone_->second) + ")");
        }
        return;
    }

    // Headers: a date at the end of the line.
    Tail tail = find_tail(s);
    if (tail.result == Parse::ok) {
        std::string_view before = s.substr(0, tail.begin);
        std::string_view date_text = s.substr(tail.begin, tail.when.date_end);
        if (!tail.when.has_time && trim(before).empty()) {
            // A day heading, "Mon 29 Aug": untimed entries after it belong to that day.
            close_orphans();
            if (auto day = resolve(tail.when, date_text, number, "")) day_ = day;
            return;
        }
        if (tail.when.has_time && (trim(before).empty() || before.back() == ' ')) {
            close_orphans();
            HeaderText h = split_header(before);
            attach_leftover(h.leftover, number);
            header(h, tail.when, s.substr(tail.begin), number);
            return;
        }
    } else if (tail.result == Parse::partial &&
               (last_line_cut || has_kind_prefix(s.substr(0, tail.begin)))) {
        close_orphans();
        if (last_line_cut) {
            sink_.error(number, "the file ends in the middle of a line (" + quoted(s) +
                                    "); that line was skipped");
        } else {
            sink_.error(number, "unrecognised date or time " + quoted(s.substr(tail.begin)) +
                                    " in a header; that session was skipped");
            close_session();
            skipping_ = true;
        }
        return;
    }

    if (is_noise(s)) return;

    if (auto u = untimed_header(s)) {
        close_orphans();
        // Leftovers glued before an untimed header are stripped by untimed_header itself.
        untimed(*u, number);
        return;
    }

    if (skipping_) return;

    if (auto room = room_marker(s)) {
        if (!current_) {
            orphan(number);
            return;
        }
        if (room->empty()) {
            sink_.warn(number, "an empty room marker '[ ]'; the talk has no room");
        }
        current_->talks.push_back({std::string(*room), {}, {}, number});
        expect_ = Expect::speakers;
        return;
    }

    if (!current_) {
        orphan(number);
        return;
    }

    if (expect_ == Expect::title) {
        if (looks_like_title(s) && !speakers_line(s, false)) {
            current_->session.title = tidy_name(s);
            if (!current_->untimed_name.empty()) {
                current_->session.speakers = split_names(current_->untimed_name);
            }
            expect_ = Expect::speakers;
            return;
        }
        current_->session.title = current_->untimed_name;
        expect_ = Expect::text;
    }
    if (expect_ == Expect::speakers) {
        expect_ = Expect::text;
        bool in_talk = !current_->talks.empty();
        bool single_ok = in_talk ? current_->talks.back().abstract.text.empty()
                                 : current_->description.text.empty();
        if (auto names = speakers_line(s, single_ok && !in_talk)) {
            auto& into = in_talk ? current_->talks.back().speakers : current_->session.speakers;
            into.insert(into.end(), names->begin(), names->end());
            return;
        }
    }
    text(s, after_blank);
}

std::optional<date::local_days> Reader::resolve(const When& w, std::string_view date_text,
                                                int number, std::string_view consequence) {
    if (w.day < 1 || static_cast<unsigned>(w.day) > days_in_month_any_year(w.month)) {
        sink_.error(number, "no such date " + quoted(date_text) + std::string(consequence));
        return std::nullopt;
    }
    std::string why;
    auto ymd = resolve_date(w, date_text, options_.reference_day, options_.year, why);
    if (!ymd) {
        sink_.error(number, why + std::string(consequence));
        return std::nullopt;
    }
    return date::local_days{*ymd};
}

void Reader::attach_leftover(std::string_view leftover, int number) {
    if (leftover.empty()) return;
    if (current_ && !skipping_) {
        TextBlock& into =
            current_->talks.empty() ? current_->description : current_->talks.back().abstract;
        into.add(leftover, false);
        sink_.warn(number, "text " + quoted(leftover) +
                               " is glued before the header; it was kept with the entry before");
    } else {
        sink_.warn(number, "text " + quoted(leftover) + " glued before the header was skipped");
    }
}

void Reader::header(const HeaderText& h, const When& w, std::string_view when_text, int number) {
    close_session();
    std::string_view date_text = when_text.substr(0, w.date_end);
    skipping_ = false;
    auto day = resolve(w, date_text, number, "; that session was skipped");
    if (!day) {
        skipping_ = true;
        return;
    }
    int start = clock_minutes(w.start);
    std::optional<int> end;
    if (w.has_end) {
        Clock e = w.end;
        Clock s = w.start;
        // "8:45 – 10:00 a.m.": a start without a meridiem takes the end's.
        if (s.meridiem == Meridiem::none && e.meridiem != Meridiem::none && s.hour <= 12) {
            s.meridiem = e.meridiem;
            if (clock_minutes(s) > clock_minutes(e)) {
                s.meridiem = e.meridiem == Meridiem::am ? Meridiem::pm : Meridiem::am;
            }
            start = clock_minutes(s);
        }
        int em = clock_minutes(e);
        if (em < 0) start = -1;
        if (em >= 0 && start >= 0) end = em <= start ? em + 24 * 60 : em;  // past midnight
    }
    if (start < 0) {
        sink_.error(number, "no such time " + quoted(trim(when_text.substr(w.date_end))) +
                                "; that session was skipped");
        skipping_ = true;
        return;
    }
    SessionDraft d;
    d.session.kind = h.kind;
    d.session.title = h.title;
    d.session.source = {sink_.file(), number};
    d.day = day;
    d.start_minutes = start;
    d.end_minutes = end;
    if (d.session.title.empty()) {
        d.session.title = d.session.kind;
        if (d.session.title.empty()) {
            d.session.title = "Untitled session";
            sink_.warn(number, "a header without a title; shown as 'Untitled session'");
        }
    }
    day_ = d.day;
    current_ = std::move(d);
    expect_ = Expect::speakers;
}

void Reader::untimed(const HeaderText& h, int number) {
    close_session();
    skipping_ = false;
    SessionDraft d;
    d.session.kind = h.kind;
    d.session.title = h.title;
    d.untimed_name = h.title;
    d.session.source = {sink_.file(), number};
    d.day = day_;
    current_ = std::move(d);
    expect_ = Expect::title;
}

void Reader::text(std::string_view s, bool after_blank) {
    TextBlock& into =
        current_->talks.empty() ? current_->description : current_->talks.back().abstract;
    into.add(s, after_blank);
}

void Reader::orphan(int number) {
    if (orphan_count_ == 0) orphan_first_ = number;
    ++orphan_count_;
}

void Reader::close_orphans() {
    if (orphan_count_ == 0) return;
    sink_.warn(orphan_first_,
               std::string(done_.empty() && !current_ ? "text before the first session header"
                                                      : "text outside any session") +
                   " skipped (" + std::to_string(orphan_count_) +
                   (orphan_count_ == 1 ? " line)" : " lines)"));
    orphan_count_ = 0;
}

void Reader::close_session() {
    if (!current_) return;
    SessionDraft d = std::move(*current_);
    current_.reset();
    if (expect_ == Expect::title && d.session.title.empty()) d.session.title = d.untimed_name;
    expect_ = Expect::text;
    Session& s = d.session;
    if (d.talks.size() == 1 && !is_oral_like(s.kind)) {
        // A workshop, tutorial or invited talk with one room marker: the marker says where the
        // session is, the text is the session's own.
        TalkDraft& t = d.talks.front();
        if (!t.room.empty()) s.room = t.room;
        s.speakers.insert(s.speakers.end(), t.speakers.begin(), t.speakers.end());
        if (!t.abstract.text.empty()) {
            d.description.add(t.abstract.text, true);
        }
        d.talks.clear();
    }
    int n = 0;
    for (TalkDraft& t : d.talks) {
        ++n;
        Talk talk;
        TalkLabel label = talk_label(t.abstract.text, n);
        talk.label = std::move(label.text);
        talk.label_derived = true;
        talk.abstract = std::move(t.abstract.text);
        if (!t.room.empty()) talk.room = std::move(t.room);
        talk.speakers = std::move(t.speakers);
        talk.source = {sink_.file(), t.line};
        if (!s.room && talk.room) s.room = talk.room;
        s.talks.push_back(std::move(talk));
    }
    s.description = std::move(d.description.text);
    if (!s.room && !s.description.empty()) {
        if (auto room = room_in_prose(s.description)) {
            s.room = std::move(*room);
            s.room_origin = Origin::from_prose;
        }
    }
    if (d.start_minutes && !d.end_minutes && !s.description.empty()) {
        if (auto end = end_in_prose(s.description, *d.start_minutes)) {
            d.end_minutes = end;
            s.end_origin = Origin::from_prose;
        }
    }
    done_.push_back(std::move(d));
}

// ---------------------------------------------------------------------------------------------
// [SECTION] import_day_page
// ---------------------------------------------------------------------------------------------

// DST policy for times printed on a page: a repeated hour means its first occurrence (as for
// `--at`); a skipped hour means the moment the clocks jump, with a warning.
Instant to_instant(date::local_days day, int minutes_after_midnight, const date::time_zone& zone,
                   Sink& sink, int line) {
    auto local = date::local_seconds{day} + minutes{minutes_after_midnight};
    auto info = zone.get_info(local);
    if (info.result == date::local_info::nonexistent) {
        Instant jump = info.second.begin;
        sink.warn(line, date::format("%a %d %b %H:%M", local) + " does not exist in " +
                            std::string(zone.name()) + " (the clocks jump forward); read as " +
                            date::format("%H:%M", zone.to_local(jump)));
        return jump;
    }
    return Instant{local.time_since_epoch() - info.first.offset};
}

}  // namespace

ImportOptions day_page_options(const Config& config, std::string file_name,
                               date::local_days reference_day) {
    ImportOptions o;
    o.file_name = std::move(file_name);
    o.fallback_timezone = config.venue.timezone;
    o.reference_day = reference_day;
    if (config.data.year != 0) o.year = config.data.year;
    return o;
}

Result<Program> import_day_page(std::string_view bytes, const ImportOptions& options) {
    Sink sink(options.file_name);
    auto fail_with = [&](std::string message) {
        Diagnostics ds{{options.file_name, 0, Severity::error, std::move(message)}};
        Diagnostics rest = sink.take();
        ds.insert(ds.end(), rest.begin(), rest.end());
        return fail(std::move(ds));
    };

    if (bytes.empty()) return fail_with("the file is empty; expected the text of a day page");
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        return fail_with("the file is UTF-16 text; save it as UTF-8 and try again");
    }
    if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size())) {
        auto at = static_cast<std::size_t>(static_cast<const char*>(nul) - bytes.data());
        int line = 1 + static_cast<int>(std::count(
                           bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
        Diagnostics ds{{options.file_name, line, Severity::error,
                        "binary data (a NUL byte); the file was rejected: expected the text of a "
                        "day page"}};
        return fail(std::move(ds));
    }
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);  // UTF-8 byte order mark

    Reader reader(options, sink);
    std::string repaired;
    std::size_t bad_lines = 0;
    int first_bad_line = 0;
    unsigned char first_bad_byte = 0;
    int number = 0;
    std::size_t p = 0;
    while (p < bytes.size()) {
        ++number;
        std::size_t e = p;
        bool needs_repair = false;
        while (e < bytes.size() && bytes[e] != '\n' && bytes[e] != '\r') {
            auto c = static_cast<unsigned char>(bytes[e]);
            needs_repair |= c < 0x20 || c >= 0x7F;
            ++e;
        }
        std::string_view raw = bytes.substr(p, e - p);
        bool cut = e >= bytes.size();  // the last line has no line break
        p = e;
        if (p < bytes.size() && bytes[p] == '\r') ++p;
        if (e < bytes.size() && bytes[e] == '\r' && p < bytes.size() && bytes[p] == '\n')
            ++p;
        else if (e < bytes.size() && bytes[e] == '\n')
            ++p;
        if (needs_repair) {
            repaired.clear();
            Utf8Repair r = append_valid_utf8(raw, repaired);
            if (r.replaced > 0) {
                if (bad_lines++ == 0) {
                    first_bad_line = number;
                    first_bad_byte = r.first_bad_byte;
                }
            }
            raw = repaired;
        }
        reader.line(trim(raw), number, cut && !raw.empty());
    }
    if (bad_lines > 0) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", first_bad_byte);
        sink.warn(first_bad_line, std::string("invalid UTF-8 or control bytes (first ") + hex +
                                      ") replaced with U+FFFD on " + std::to_string(bad_lines) +
                                      (bad_lines == 1 ? " line" : " lines") +
                                      ", the first of them this one");
    }
    std::vector<SessionDraft> drafts = reader.finish();

    // The zone: the page's Timezone line wins, else the venue's.
    const date::time_zone* zone = nullptr;
    if (const auto& z = reader.timezone_line()) {
        auto found = find_zone(z->first);
        if (found) {
            zone = *found;
        } else {
            sink.warn(z->second,
                      "unknown time zone " + quoted(z->first) +
                          (options.fallback_timezone.empty()
                               ? std::string()
                               : "; using " + options.fallback_timezone + " (venue.timezone)"));
        }
    }
    if (zone == nullptr) {
        if (options.fallback_timezone.empty()) {
            return fail_with(
                "no time zone: the page has no 'Timezone:' line and no venue time zone was given "
                "(venue.timezone in the config, or --timezone)");
        }
        auto found = find_zone(options.fallback_timezone);
        if (!found) {
            return fail_with(found.error().front().message + " (venue.timezone)");
        }
        zone = *found;
    }

    // Untimed entries alone ("Invited Talk: Kunle Olukotun") cannot make a screen: at least one
    // session must have a day and a time.
    if (std::none_of(drafts.begin(), drafts.end(),
                     [](const SessionDraft& d) { return d.start_minutes.has_value(); })) {
        return fail_with(
            "no sessions found: expected headers such as 'Oral: Outstanding Papers Mon 29 Aug "
            "08:45 a.m.'; nothing to show");
    }

    Program program;
    program.timezone = std::string(zone->name());
    // Prose rooms take the spelling of a marker room they match ("mission city ballroom").
    std::map<std::string, std::string> rooms;  // fold_name -> as written
    for (const auto& d : drafts) {
        for (const auto& t : d.session.talks) {
            if (t.room) rooms.emplace(fold_name(*t.room), *t.room);
        }
    }
    for (auto& d : drafts) {
        Session& s = d.session;
        if (s.room && s.room_origin == Origin::from_prose) {
            if (auto it = rooms.find(fold_name(*s.room)); it != rooms.end()) s.room = it->second;
        }
        s.day = d.day;
        if (d.day && d.start_minutes) {
            s.start = to_instant(*d.day, *d.start_minutes, *zone, sink, s.source.line);
            if (d.end_minutes) {
                s.end = to_instant(*d.day, *d.end_minutes, *zone, sink, s.source.line);
            }
        }
        program.sessions.push_back(std::move(s));
    }
    program.warnings = sink.take();
    return program;
}

}  // namespace kiosk
