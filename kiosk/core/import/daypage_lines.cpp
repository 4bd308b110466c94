// What a day page's lines are (noise, room markers, speakers, headers) and what its prose says
// about rooms and end times (see daypage_grammar.h).
#include <algorithm>
#include <array>

#include "kiosk/core/import/daypage_grammar.h"
#include "kiosk/core/names.h"

namespace kiosk::daypage_detail {

// ---------------------------------------------------------------------------------------------
// [SECTION] Line kinds
// ---------------------------------------------------------------------------------------------

namespace {

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

// A kind read from a title's words as a kind is written: "panel" gives "Panel".
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

// `phrase` in `text` as whole words, ASCII case folded: "Town Hall" in "NeurIPS 2022 Town Hall",
// not "Poster" in "Posters".
bool has_words(std::string_view text, std::string_view phrase) {
    auto letter = [](char c) { return is_ascii_alpha(c) || is_ascii_digit(c); };
    for (std::size_t at = ifind(text, phrase); at != text.npos; at = ifind(text, phrase, at + 1)) {
        std::size_t end = at + phrase.size();
        if ((at == 0 || !letter(text[at - 1])) && (end == text.size() || !letter(text[end]))) {
            return true;
        }
    }
    return false;
}

// The kind a kind-less title names, as a prefixed header would state it ("Registration Desk:
// …"): "Registration Desk", "Poster Session 3", "NeurIPS 2022 Town Hall", "Welcome Reception",
// "2nd ICML Workshop on New Frontiers …"; "" when it names none ("Learning to Rank").
std::string kind_in_title(std::string_view title) {
    // Kinds of several words, anywhere in the title: their last word alone ("Desk", "Session")
    // would say less, or nothing. Longer ones first ("Affinity Poster Session").
    static constexpr std::array<std::string_view, 19> phrases = {"Affinity Poster Session",
                                                                 "Registration Desk",
                                                                 "Poster Session",
                                                                 "Affinity Workshop",
                                                                 "Affinity Event",
                                                                 "Expo Talk Panel",
                                                                 "Expo Talk",
                                                                 "Expo Workshop",
                                                                 "Expo Demonstration",
                                                                 "Invited Talks",
                                                                 "Invited Talk",
                                                                 "Keynote Talk",
                                                                 "Contributed Talk",
                                                                 "Panel Discussion",
                                                                 "Oral Session",
                                                                 "Town Hall",
                                                                 "Test of Time",
                                                                 "Opening Remarks",
                                                                 "Closing Remarks"};
    for (auto phrase : phrases) {
        if (has_words(title, phrase)) return std::string(phrase);
    }
    // The last word: "Welcome Reception", "Lunch Break", "… (RL4RealLife) Workshop".
    std::size_t b = title.size();
    while (b > 0 && is_ascii_alpha(title[b - 1])) --b;
    if (is_kind_noun(title.substr(b))) return capitalise_words(title.substr(b));
    // Else the first word that only ever names what an entry is, wherever it stands: "2nd ICML
    // Workshop on …", "Tutorial on Causal Inference". Words that also start ordinary titles
    // ("Event Cameras", "Talk Therapy", "Session Types") are left out.
    static constexpr std::array<std::string_view, 13> heads = {
        "Workshop", "Tutorial", "Keynote",   "Social",  "Reception", "Competition",  "Meetup",
        "Mixer",    "Oral",     "Spotlight", "Lecture", "Ceremony",  "Demonstration"};
    for (std::size_t i = 0; i < title.size();) {
        while (i < title.size() && !is_ascii_alpha(title[i])) ++i;
        std::size_t e = i;
        while (e < title.size() && is_ascii_alpha(title[e])) ++e;
        std::string_view word = title.substr(i, e - i);
        for (auto head : heads) {
            if (iequals(word, head)) return std::string(head);
        }
        i = e;
    }
    return "";
}

}  // namespace

bool is_oral_like(std::string_view kind) {
    return ifind(kind, "oral") != std::string_view::npos ||
           ifind(kind, "spotlight") != std::string_view::npos ||
           ifind(kind, "contributed") != std::string_view::npos;
}

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
    if (h.kind.empty()) h.kind = kind_in_title(h.title);
    return h;
}

bool has_kind_prefix(std::string_view line) {
    std::string_view text = trim(strip_leftover_label(trim(line)));
    std::size_t colon = text.find(':');
    return colon != text.npos && colon <= 40 && is_known_kind(trim(text.substr(0, colon)));
}

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

namespace {

bool is_venue_noun(std::string_view w) {
    static constexpr std::array<std::string_view, 30> nouns = {
        "Ballroom",   "Hall",      "Room",    "Rooms",      "Lobby",     "Foyer",
        "Auditorium", "Theater",   "Theatre", "Terrace",    "Atrium",    "Pavilion",
        "Suite",      "Salon",     "Lounge",  "Plaza",      "Garden",    "Gardens",
        "Court",      "Courtyard", "Deck",    "Center",     "Centre",    "Arena",
        "Concourse",  "Patio",     "Cafe",    "Restaurant", "Ballrooms", "Halls"};
    return is_one_of_ci(w, nouns);
}

}  // namespace

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

}  // namespace kiosk::daypage_detail
