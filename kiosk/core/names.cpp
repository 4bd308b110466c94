// Folding of names for matching (see names.h).
#include "kiosk/core/names.h"

#include <algorithm>

namespace kiosk {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::string tidy_name(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    bool pending_space = false;
    for (char c : name) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

std::string fold_name(std::string_view name) {
    std::string out = tidy_name(name);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

bool contains_words(std::string_view text, std::string_view phrase) {
    if (phrase.empty()) return false;
    for (auto pos = text.find(phrase); pos != std::string_view::npos;
         pos = text.find(phrase, pos + 1)) {
        bool starts_word = pos == 0 || text[pos - 1] == ' ';
        auto after = pos + phrase.size();
        bool ends_word = after == text.size() || text[after] == ' ';
        if (starts_word && ends_word) return true;
    }
    return false;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& names) {
    std::optional<std::string> best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& n : names) {
        std::size_t d = edit_distance(word, n);
        if (d < best_distance) {
            best_distance = d;
            best = n;
        }
    }
    return best;
}

std::string did_you_mean(const std::optional<std::string>& suggestion) {
    return suggestion ? " (did you mean '" + *suggestion + "'?)" : "";
}

}  // namespace kiosk
