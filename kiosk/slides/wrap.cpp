// Word-wrapping with an ellipsis (see wrap.h).
#include "kiosk/slides/wrap.h"

namespace kiosk {

namespace {

constexpr std::string_view ellipsis = "\u2026";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Length of the UTF-8 sequence starting with byte `c` (1 for stray continuation bytes, so a
// broken sequence never stalls the loop).
std::size_t utf8_length(unsigned char c) {
    if (c >= 0xF0) return 4;
    if (c >= 0xE0) return 3;
    if (c >= 0xC0) return 2;
    return 1;
}

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        std::size_t start = i;
        while (i < text.size() && !is_space(text[i])) ++i;
        if (i > start) words.push_back(text.substr(start, i - start));
    }
    return words;
}

// The longest prefix of `word`, cut between UTF-8 characters, no wider than `width` with
// `suffix` appended; at least one character so a too-narrow box still advances.
std::size_t fitting_prefix(std::string_view word, std::string_view suffix, Weight weight, int px,
                           int width, const TextMeasurer& measure) {
    std::size_t best = 0;
    std::size_t i = 0;
    while (i < word.size()) {
        std::size_t next =
            std::min(word.size(), i + utf8_length(static_cast<unsigned char>(word[i])));
        std::string candidate(word.substr(0, next));
        candidate += suffix;
        if (measure.width(candidate, weight, px) > width) break;
        best = next;
        i = next;
    }
    if (best == 0 && !word.empty()) best = utf8_length(static_cast<unsigned char>(word[0]));
    return std::min(best, word.size());
}

// Drops spaces and separators at the end of a cut line: "word, …" and "a ·…" read badly.
void trim_trailing_punctuation(std::string& line) {
    while (!line.empty()) {
        char c = line.back();
        if (c == ' ' || c == ',' || c == ';' || c == ':' || c == '.' || c == '-') {
            line.pop_back();
        } else if (line.ends_with("\u00B7") || line.ends_with("\u2013")) {  // "·", "–"
            line.resize(line.size() - (line.ends_with("\u00B7") ? 2 : 3));
        } else {
            break;
        }
    }
}

// `line` + "…", dropping whole words from its end until it fits (a single word is cut).
std::string with_ellipsis(std::string line, Weight weight, int px, int width,
                          const TextMeasurer& measure, bool& overflow) {
    while (true) {
        // A cut line never ends in punctuation or a space before the ellipsis ("word,…").
        trim_trailing_punctuation(line);
        if (measure.width(line + std::string(ellipsis), weight, px) <= width) break;
        auto space = line.rfind(' ');
        if (space == std::string::npos) {
            std::size_t keep = fitting_prefix(line, ellipsis, weight, px, width, measure);
            line.resize(keep);
            if (measure.width(line + std::string(ellipsis), weight, px) > width) overflow = true;
            break;
        }
        line.resize(space);
    }
    return line + std::string(ellipsis);
}

}  // namespace

std::string squash_spaces(std::string_view text) {
    std::string out;
    for (auto w : split_words(text)) {
        if (!out.empty()) out += ' ';
        out += w;
    }
    return out;
}

Wrapped wrap_text(std::string_view text, Weight weight, int px, int width, int max_lines,
                  const TextMeasurer& measure) {
    Wrapped out;
    if (max_lines <= 0) {
        out.shortened = !split_words(text).empty();
        return out;
    }
    auto words = split_words(text);
    std::string line;
    std::size_t w = 0;
    std::string_view rest_of_word;  // the remainder of a word broken across lines
    auto next_word = [&]() -> std::string_view {
        if (!rest_of_word.empty()) return rest_of_word;
        return w < words.size() ? words[w] : std::string_view{};
    };
    auto consume = [&](std::size_t n) {
        if (!rest_of_word.empty()) {
            rest_of_word = rest_of_word.substr(n);
        } else {
            rest_of_word = words[w].substr(n);
            ++w;
        }
    };
    auto words_left = [&] { return !rest_of_word.empty() || w < words.size(); };

    while (words_left()) {
        std::string_view word = next_word();
        std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
        if (measure.width(candidate, weight, px) <= width) {
            line = std::move(candidate);
            consume(word.size());
            continue;
        }
        if (line.empty()) {
            // A word wider than the whole line (a URL): break it between characters.
            std::size_t n = fitting_prefix(word, "", weight, px, width, measure);
            line = std::string(word.substr(0, n));
            consume(n);
            if (measure.width(line, weight, px) > width) out.overflow = true;
        }
        if (static_cast<int>(out.lines.size()) + 1 == max_lines) break;
        out.lines.push_back(std::move(line));
        line.clear();
    }
    if (words_left()) {
        out.shortened = true;
        out.lines.push_back(
            with_ellipsis(std::move(line), weight, px, width, measure, out.overflow));
    } else if (!line.empty()) {
        out.lines.push_back(std::move(line));
    }
    return out;
}

std::string fit_line(std::string_view text, Weight weight, int px, int width,
                     const TextMeasurer& measure) {
    // A line that fits keeps its spacing ("ON STAGE   ≈ 08:45"); only cut lines are re-spaced.
    if (text.find_first_of("\n\r\t") == std::string_view::npos &&
        measure.width(text, weight, px) <= width) {
        return std::string(text);
    }
    auto wrapped = wrap_text(text, weight, px, width, 1, measure);
    return wrapped.lines.empty() ? std::string() : wrapped.lines.front();
}

}  // namespace kiosk
