// Folding of names for matching (see names.h).
#include "kiosk/core/names.h"

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

}  // namespace kiosk
