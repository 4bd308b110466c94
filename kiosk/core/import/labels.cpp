// Talk labels from abstracts: the system's name, else a shortened first sentence (see labels.h).
#include "kiosk/core/import/labels.h"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>
#include <vector>

#include "kiosk/core/import/text.h"
#include "kiosk/core/names.h"

namespace kiosk {

namespace {

// Abstracts run to 3 KB; a name given later than this is not worth a 10 MB scan.
constexpr std::size_t scan_limit = 16 * 1024;

template <std::size_t N>
bool is_one_of(std::string_view w, const std::array<std::string_view, N>& words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view x) { return w == x; });
}

// Characters that end a token besides spaces.
bool is_delimiter(char c) {
    return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '[' ||
           c == ']';
}

// Strips sentence punctuation and curly quotes from the ends of a token.
std::string_view strip_token(std::string_view w) {
    static constexpr std::string_view quotes[] = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98",
                                                  "\xE2\x80\x99", "\xE2\x80\xA6"};
    bool changed = true;
    while (changed && !w.empty()) {
        changed = false;
        char b = w.back();
        if (b == '.' || b == '!' || b == '?' || b == '\'') {
            w.remove_suffix(1);
            changed = true;
        }
        for (auto q : quotes) {
            if (w.starts_with(q)) {
                w.remove_prefix(q.size());
                changed = true;
            }
            if (w.ends_with(q)) {
                w.remove_suffix(q.size());
                changed = true;
            }
        }
        if (!w.empty() && w.front() == '\'') {
            w.remove_prefix(1);
            changed = true;
        }
    }
    return w;
}

struct Token {
    std::string_view text;  // stripped
    std::size_t pos = 0;    // byte offset of the raw token
    std::size_t end = 0;    // byte offset just past the raw token
    bool sentence_start = false;
};

// Words after which a period does not end a sentence.
bool is_abbreviation(std::string_view raw) {
    static constexpr std::array<std::string_view, 14> abbreviations = {
        "e.g.", "i.e.",    "vs.", "al.",   "etc.", "cf.", "Fig.",
        "Eq.",  "approx.", "Dr.", "Prof.", "No.",  "St.", "resp."};
    return is_one_of(raw, abbreviations);
}

bool ends_sentence(std::string_view raw) {
    if (raw.empty() || is_abbreviation(raw)) return false;
    std::string_view w = raw;
    while (!w.empty() && (w.back() == '"' || w.back() == ')' || w.back() == '\'')) {
        w.remove_suffix(1);
    }
    if (w.ends_with("\xE2\x80\x9D")) w.remove_suffix(3);  // closing curly quote
    return !w.empty() && (w.back() == '.' || w.back() == '!' || w.back() == '?');
}

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> tokens;
    tokens.reserve(s.size() / 6);  // English averages five letters and a space a word
    bool sentence_start = true;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (is_ascii_space(s[i]) || is_delimiter(s[i]))) ++i;
        std::size_t b = i;
        while (i < s.size() && !is_ascii_space(s[i]) && !is_delimiter(s[i])) ++i;
        if (b == i) break;
        std::string_view raw = s.substr(b, i - b);
        tokens.push_back({strip_token(raw), b, i, sentence_start});
        sentence_start = ends_sentence(raw);
    }
    return tokens;
}

bool is_capitalised(std::string_view w) { return !w.empty() && is_ascii_upper(w.front()); }

// "QuadraLib", "ML-EXray", "BNS-GCN", "TorchSparse", "MLPerf": an upper-case letter inside the
// word. Plain acronyms and their plurals ("DNN", "GPUs", "AR/VR") are not names, nor compounds
// such as "ML-framework".
bool is_name_like(std::string_view w) {
    if (w.size() < 2 || !is_ascii_upper(w.front())) return false;
    bool upper_inside = false, lower = false, hyphen = false;
    for (std::size_t i = 1; i < w.size(); ++i) {
        if (is_ascii_upper(w[i])) upper_inside = true;
        if (is_ascii_lower(w[i])) lower = true;
        if (w[i] == '-') hyphen = true;
    }
    if (!upper_inside) return false;
    if (hyphen) {
        // "ML-EXray", "BNS-GCN" are names; "ML-framework", "GPU-accelerated" are compounds.
        std::string_view after = w.substr(w.rfind('-') + 1);
        return !after.empty() && (is_ascii_upper(after.front()) || is_ascii_digit(after.front()));
    }
    std::string_view stem = w.back() == 's' ? w.substr(0, w.size() - 1) : w;
    bool stem_has_lower = std::any_of(stem.begin(), stem.end(), is_ascii_lower);
    return stem_has_lower && lower;
}

// Words that never start a system's name: "We propose a new approach, named …".
bool is_determiner(std::string_view w) {
    static constexpr std::array<std::string_view, 28> words = {
        "a",       "an",   "the",     "our",      "this",  "these", "that",
        "those",   "its",  "their",   "new",      "novel", "two",   "three",
        "several", "some", "many",    "how",      "what",  "why",   "whether",
        "it",      "them", "results", "evidence", "it's",  "each",  "both"};
    std::string lower;
    for (char c : w) lower += ascii_lower(c);
    return is_one_of(std::string_view(lower), words);
}

// Capitalised words that start sentences but never name a system.
bool is_common_capitalised(std::string_view w) {
    static constexpr std::array<std::string_view, 20> words = {
        "The", "This", "These", "That", "We", "Our", "It", "In",  "A",       "An",
        "On",  "To",   "For",   "With", "By", "As",  "At", "And", "However", "Finally"};
    return is_one_of(w, words);
}

// Nouns for what a system is: "a compilation framework Apollo", "Bar is a framework".
bool is_kind_noun(std::string_view w) {
    static constexpr std::array<std::string_view, 14> nouns = {
        "framework", "system",  "tool",    "library", "compiler", "engine",   "platform",
        "benchmark", "toolkit", "runtime", "scheme",  "protocol", "profiler", "package"};
    return is_one_of(w, nouns);
}

class NameFinder {
  public:
    explicit NameFinder(std::string_view text) : text_(text), tokens_(tokenize(text)) {}

    std::string find() const {
        // The abstract's own words for its work ("we present X", "our tool, X") win wherever
        // they stand, over a name that merely recurs, and that over a sentence that only says
        // what something is ("PyTorch is a framework …" may open an abstract about another).
        // Within each group the first sentence that introduces a name wins: patterns are tried
        // token by token.
        if (auto n = first_match({&NameFinder::after_our_noun, &NameFinder::after_naming_word,
                                  &NameFinder::after_making_verb, &NameFinder::acronym_after_verb,
                                  &NameFinder::before_comma_our, &NameFinder::after_kind_noun})) {
            return *n;
        }
        if (std::string n = recurring_name(); !n.empty()) return n;
        return first_match({&NameFinder::is_a_kind, &NameFinder::released_in}).value_or("");
    }

  private:
    using Pattern = std::optional<std::string> (NameFinder::*)(std::size_t) const;

    // The first token at which one of `patterns` finds a name.
    std::optional<std::string> first_match(std::initializer_list<Pattern> patterns) const {
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            for (auto pattern : patterns) {
                if (auto n = (this->*pattern)(i); n && !n->empty()) return n;
            }
        }
        return std::nullopt;
    }

    // The raw text between two token positions, e.g. to see whether a comma separates them.
    std::string_view between(std::size_t a, std::size_t b) const {
        return text_.substr(tokens_[a].end, tokens_[b].pos - tokens_[a].end);
    }
    bool comma_after(std::size_t i) const {
        return tokens_[i].end < text_.size() && text_[tokens_[i].end] == ',';
    }
    bool period_after(std::size_t i) const {
        std::size_t e = tokens_[i].end;
        return e > 0 && (text_[e - 1] == '.' || text_[e - 1] == '!' || text_[e - 1] == '?');
    }
    // Linear, but only asked when a rare pattern matched.
    int count(std::string_view w) const {
        return static_cast<int>(std::count_if(tokens_.begin(), tokens_.end(),
                                              [&](const Token& t) { return t.text == w; }));
    }

    // A capitalised name of up to four words starting at token i: "LightSecAgg",
    // "Message Passing Data Flow Graph (MP-DFG)" gives "MP-DFG".
    std::optional<std::string> capitalised_name(std::size_t i) const {
        if (i >= tokens_.size() || !is_capitalised(tokens_[i].text)) return std::nullopt;
        if (is_common_capitalised(tokens_[i].text)) return std::nullopt;
        std::size_t last = i;
        while (last + 1 < tokens_.size() && last - i < 5 && !comma_after(last) &&
               !period_after(last) && is_capitalised(tokens_[last + 1].text) &&
               between(last, last + 1) == " ") {
            ++last;
        }
        if (auto acronym = parenthesised_acronym(last)) return acronym;
        if (last - i >= 3) return std::nullopt;  // a long capitalised run is a title, not a name
        std::string name(tokens_[i].text);
        for (std::size_t k = i + 1; k <= last; ++k) {
            name += ' ';
            name += tokens_[k].text;
        }
        return name;
    }

    // "(SAR)" right after token i.
    std::optional<std::string> parenthesised_acronym(std::size_t i) const {
        std::size_t e = tokens_[i].end;
        if (e + 2 >= text_.size() || text_.substr(e, 2) != " (") return std::nullopt;
        std::size_t close = text_.find(')', e + 2);
        if (close == std::string_view::npos || close - (e + 2) > 16) return std::nullopt;
        std::string_view inner = text_.substr(e + 2, close - (e + 2));
        if (inner.empty() || !is_ascii_upper(inner.front())) return std::nullopt;
        if (inner.find(' ') != std::string_view::npos) return std::nullopt;
        return std::string(inner);
    }

    // "Our system, Pathways, …"
    std::optional<std::string> after_our_noun(std::size_t i) const {
        static constexpr std::array<std::string_view, 14> nouns = {
            "system",    "tool",   "framework", "library",  "compiler", "approach",  "method",
            "technique", "engine", "prototype", "platform", "design",   "benchmark", "toolkit"};
        if (i + 2 >= tokens_.size() || (tokens_[i].text != "Our" && tokens_[i].text != "our")) {
            return std::nullopt;
        }
        if (!is_one_of(tokens_[i + 1].text, nouns) || !comma_after(i + 1)) return std::nullopt;
        return capitalised_name(i + 2);
    }

    // "named LightSecAgg", "dubbed BNS-GCN", "called …", "termed …", "which we call …",
    // "known as …", "referred to as …"
    std::optional<std::string> after_naming_word(std::size_t i) const {
        static constexpr std::array<std::string_view, 6> words = {"named",  "dubbed", "called",
                                                                  "termed", "coined", "call"};
        std::size_t name = i + 1;
        if (i + 2 < tokens_.size() &&
            (tokens_[i].text == "known" || tokens_[i].text == "referred")) {
            // "known as X", "referred to as X"
            std::size_t as = tokens_[i + 1].text == "to" ? i + 2 : i + 1;
            if (as >= tokens_.size() || tokens_[as].text != "as") return std::nullopt;
            name = as + 1;
        } else if (!is_one_of(tokens_[i].text, words)) {
            return std::nullopt;
        }
        if (name >= tokens_.size() || between(name - 1, name) != " ") return std::nullopt;
        return capitalised_name(name);
    }

    static bool is_making_verb(std::string_view w) {
        static constexpr std::array<std::string_view, 20> verbs = {
            "present",  "presents",  "presented",  "propose",     "proposes",
            "proposed", "introduce", "introduces", "introduced",  "develop",
            "develops", "developed", "design",     "designed",    "build",
            "builds",   "built",     "describe",   "implemented", "implement"};
        return is_one_of(w, verbs);
    }

    // "we propose DietCode, a new auto-scheduler", "This paper presents CoRa, a tensor compiler",
    // "We propose bit-serial weight pools, an end-to-end framework".
    std::optional<std::string> after_making_verb(std::size_t i) const {
        if (!is_making_verb(tokens_[i].text)) return std::nullopt;
        std::size_t first = i + 1;
        if (first >= tokens_.size() || between(i, first) != " ") return std::nullopt;
        if (is_determiner(tokens_[first].text)) return std::nullopt;
        // "we present TorchProf on top of …": without the comma, a word shaped like a name is
        // name enough.
        std::optional<std::string> bare;
        if (is_name_like(tokens_[first].text)) bare = std::string(tokens_[first].text);
        // The name runs to the first comma, within five words, without ending a sentence.
        std::size_t last = first;
        while (!comma_after(last)) {
            if (period_after(last) || last - first >= 4 || last + 1 >= tokens_.size() ||
                between(last, last + 1) != " ") {
                return bare;
            }
            ++last;
        }
        static constexpr std::array<std::string_view, 6> appositions = {"a",   "an",    "the",
                                                                        "our", "which", "that"};
        // "We introduce Baz, cutting …": one capitalised word and a comma is a name whatever
        // follows; a phrase needs the apposition to show it is one.
        bool one_name = last == first && is_capitalised(tokens_[first].text) &&
                        !is_common_capitalised(tokens_[first].text);
        if (!one_name &&
            (last + 1 >= tokens_.size() || !is_one_of(tokens_[last + 1].text, appositions))) {
            return bare;
        }
        std::string name(text_.substr(tokens_[first].pos, tokens_[last].end - tokens_[first].pos));
        if (!name.empty() && name.back() == ',') name.pop_back();
        if (!is_capitalised(name)) {
            // A lower-case noun phrase ("bit-serial weight pools") reads as a label once
            // capitalised; a long one is a description, not a name.
            if (last - first >= 4 || is_ascii_digit(name.front())) return bare;
            if (is_ascii_lower(name.front())) name.front() = static_cast<char>(name.front() - 32);
        }
        return name;
    }

    // "We present the Sequential Aggregation and Rematerialization (SAR) scheme"
    std::optional<std::string> acronym_after_verb(std::size_t i) const {
        if (!is_making_verb(tokens_[i].text)) return std::nullopt;
        std::size_t j = i + 1;
        if (j < tokens_.size() && tokens_[j].text == "the") ++j;
        static constexpr std::array<std::string_view, 6> joiners = {"and", "of", "for",
                                                                    "&",   "to", "in"};
        int capitalised = 0;
        for (; j < tokens_.size() && j - i <= 10; ++j) {
            if (is_capitalised(tokens_[j].text)) {
                ++capitalised;
            } else if (!is_one_of(tokens_[j].text, joiners)) {
                return std::nullopt;
            }
            if (period_after(j) || comma_after(j)) return std::nullopt;
            if (capitalised >= 2) {
                if (auto acronym = parenthesised_acronym(j)) return acronym;
            }
        }
        return std::nullopt;
    }

    // "Pathfinder, our open-source tool, …"
    std::optional<std::string> before_comma_our(std::size_t i) const {
        if (i + 1 >= tokens_.size() || !comma_after(i) || tokens_[i + 1].text != "our") {
            return std::nullopt;
        }
        std::string_view w = tokens_[i].text;
        if (!is_capitalised(w) || is_common_capitalised(w)) return std::nullopt;
        // A plain word ("Foo") is a name when "our" goes on to say what kind of thing it is.
        if (!is_name_like(w) && count(w) < 2 && !kind_noun_within(i + 2, 4)) return std::nullopt;
        return std::string(w);
    }

    // One of the next `n` words from token `from` is a kind noun ("our open-source tool"), with
    // no sentence or clause ending before it.
    bool kind_noun_within(std::size_t from, std::size_t n) const {
        for (std::size_t k = from; k < tokens_.size() && k < from + n; ++k) {
            if (is_kind_noun(tokens_[k].text)) return true;
            if (comma_after(k) || period_after(k)) return false;
        }
        return false;
    }

    // "Bar is a framework that …", "Bar is an open-source library for …": a sentence that opens
    // with a capitalised word and says it is a kind of software.
    std::optional<std::string> is_a_kind(std::size_t i) const {
        if (i + 3 >= tokens_.size() || !tokens_[i].sentence_start) return std::nullopt;
        std::string_view w = tokens_[i].text;
        if (!is_capitalised(w) || is_common_capitalised(w) || comma_after(i)) return std::nullopt;
        if (tokens_[i + 1].text != "is" ||
            (tokens_[i + 2].text != "a" && tokens_[i + 2].text != "an")) {
            return std::nullopt;
        }
        if (!kind_noun_within(i + 3, 4)) return std::nullopt;
        return std::string(w);
    }

    // "… available as part of the RAFT library", "implemented in the FooLib framework": where
    // the work's code lives, a name passers-by may know when the abstract gives no other.
    std::optional<std::string> released_in(std::size_t i) const {
        static constexpr std::array<std::string_view, 7> verbs = {
            "available", "released", "implemented", "integrated", "included", "merged", "shipped"};
        if (i + 3 >= tokens_.size() || tokens_[i + 1].text != "the") return std::nullopt;
        bool part_of = i > 0 && tokens_[i - 1].text == "part" && tokens_[i].text == "of";
        bool in = i > 0 && (tokens_[i].text == "in" || tokens_[i].text == "into") &&
                  is_one_of(tokens_[i - 1].text, verbs);
        if (!part_of && !in) return std::nullopt;
        std::string_view w = tokens_[i + 2].text;
        bool acronym = w.size() >= 3 && std::all_of(w.begin(), w.end(), [](char c) {
                           return is_ascii_upper(c) || is_ascii_digit(c);
                       });
        if (!acronym && !is_name_like(w)) return std::nullopt;
        if (!is_kind_noun(tokens_[i + 3].text)) return std::nullopt;
        return std::string(w);
    }

    // "a just-in-time (JIT) compilation framework Apollo." — only when Apollo recurs, so that
    // "the system The …" cannot make a name.
    std::optional<std::string> after_kind_noun(std::size_t i) const {
        if (i + 1 >= tokens_.size() || !is_kind_noun(tokens_[i].text)) return std::nullopt;
        if (between(i, i + 1) != " ") return std::nullopt;
        std::string_view w = tokens_[i + 1].text;
        if (!is_capitalised(w) || is_common_capitalised(w) || count(w) < 2) return std::nullopt;
        return std::string(w);
    }

    // No sentence introduces the system, but one distinctive name keeps coming back
    // ("ML-EXray provides …", "ML-EXray can …"), or the only one the abstract has starts a
    // sentence ("MLPerf Mobile will evolve …").
    std::string recurring_name() const {
        struct Seen {
            int count = 0;
            std::size_t first = 0;  // token index
            bool starts_sentence = false;
        };
        std::unordered_map<std::string_view, Seen> seen;
        std::vector<std::string_view> order;
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            std::string_view w = tokens_[i].text;
            if (w.size() < 4 || !is_name_like(w)) continue;
            auto [it, inserted] = seen.try_emplace(w, Seen{0, i, false});
            if (inserted) order.push_back(w);
            ++it->second.count;
            it->second.starts_sentence |= tokens_[i].sentence_start;
        }
        const Seen* best = nullptr;
        for (auto w : order) {
            const Seen& s = seen[w];
            if (best == nullptr || s.count > best->count) best = &s;
        }
        if (best == nullptr) return "";
        if (best->count < 2 && !(order.size() == 1 && best->starts_sentence)) return "";
        // "MLPerf Mobile": a following capitalised word belongs to the name.
        std::size_t i = best->first;
        std::size_t last = i;
        if (i + 1 < tokens_.size() && !comma_after(i) && !period_after(i) &&
            between(i, i + 1) == " ") {
            std::string_view next = tokens_[i + 1].text;
            bool word = is_capitalised(next) && !is_common_capitalised(next) &&
                        std::all_of(next.begin() + 1, next.end(), is_ascii_lower);
            if (word) last = i + 1;
        }
        std::string name(tokens_[i].text);
        if (last != i) {
            name += ' ';
            name += tokens_[last].text;
        }
        return name;
    }

    std::string_view text_;
    std::vector<Token> tokens_;
};

// The first sentence, without "In this paper, " and the like.
std::string_view first_sentence(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t sp = text.find(' ', i);
        std::string_view raw = text.substr(i, sp == std::string_view::npos ? text.npos : sp - i);
        if (ends_sentence(raw)) {
            std::size_t end = i + raw.size();
            while (end > 0 && (text[end - 1] == '.' || text[end - 1] == ' ')) --end;
            return text.substr(0, end);
        }
        if (sp == std::string_view::npos) break;
        i = sp + 1;
    }
    return text;
}

// Letters and digits in any script, roughly: ASCII ones, and UTF-8 lead bytes of Latin, Greek,
// Cyrillic, … (C3–DF) and of CJK and beyond (E3–F4); E2 leads punctuation such as "…" and "“".
bool starts_a_word(char c) {
    auto b = static_cast<unsigned char>(c);
    return is_ascii_alpha(c) || is_ascii_digit(c) || (b >= 0xC3 && b <= 0xDF) ||
           (b >= 0xE3 && b <= 0xF4);
}

}  // namespace

std::string system_name(std::string_view abstract) {
    std::string_view text = utf8_prefix(trim(abstract), scan_limit);
    std::string name = NameFinder(text).find();
    if (utf8_length(name) > max_label_chars) return shorten_at_word(name, max_label_chars);
    return name;
}

TalkLabel talk_label(std::string_view abstract, int number) {
    std::string_view text = utf8_prefix(trim(abstract), scan_limit);
    TalkLabel numbered{"Talk " + std::to_string(number), LabelSource::numbered};
    if (std::none_of(text.begin(), text.end(), starts_a_word)) return numbered;
    // Leading marks without a word (". Real text", "! ? Text") would make an empty first
    // sentence: the label starts at the first word that has a letter or digit.
    while (true) {
        std::size_t sp = text.find(' ');
        std::string_view first = text.substr(0, sp);
        if (std::any_of(first.begin(), first.end(), starts_a_word)) break;
        text = trim(text.substr(first.size()));
    }
    if (std::string name = system_name(text); !name.empty()) {
        return {std::move(name), LabelSource::system_name};
    }
    std::string_view sentence = trim(first_sentence(text));
    static constexpr std::array<std::string_view, 4> fillers = {
        "In this paper, ", "In this work, ", "In this talk, ", "In this tutorial, "};
    std::string s(sentence);
    for (auto f : fillers) {
        if (sentence.starts_with(f) && sentence.size() > f.size() + 8) {
            s = std::string(sentence.substr(f.size()));
            if (is_ascii_lower(s.front())) s.front() = static_cast<char>(s.front() - 32);
            break;
        }
    }
    std::string label = shorten_at_word(tidy_name(s), max_label_chars);
    if (label.empty()) return numbered;
    return {std::move(label), LabelSource::first_sentence};
}

}  // namespace kiosk
