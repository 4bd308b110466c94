// Line-wrapping with an ellipsis (see wrap.h).
#include "kiosk/slides/wrap.h"

#include <algorithm>

#include "kiosk/core/import/text.h"
#include "kiosk/slides/unicode.h"

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

std::size_t next_boundary(std::string_view s, std::size_t i) {
    return std::min(s.size(), i + utf8_length(static_cast<unsigned char>(s[i])));
}

// Whether the text after byte `i` of `s` may begin a line (see may_start_line).
bool may_start_at(std::string_view s, std::size_t i) {
    if (i >= s.size()) return true;
    auto c = decode_utf8(s.substr(i, next_boundary(s, i) - i));
    return c.empty() || may_start_line(c.front());
}

std::string_view trim_end(std::string_view s) {
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

// The first code point at byte `i` of `s`, and the last one before it.
char32_t code_point_at(std::string_view s, std::size_t i) {
    auto c = decode_utf8(s.substr(i, next_boundary(s, i) - i));
    return c.empty() ? U' ' : c.front();
}
char32_t code_point_before(std::string_view s, std::size_t i) {
    std::size_t start = i;
    while (start > 0 && (static_cast<unsigned char>(s[start - 1]) & 0xC0) == 0x80) --start;
    return start > 0 ? code_point_at(s, start - 1) : U' ';
}

// The pieces a line may be cut between: UAX #14's breaks after spaces ("large ", "scale") and
// around Chinese, Japanese and Korean characters (each ideograph of an unspaced title its own
// piece, closing punctuation staying with the one before). UAX #14 also breaks after hyphens,
// slashes and dashes; kiosk keeps those words whole ("non-linearity", "https://…"), as it always
// has, so a hallway screen's lines stay as they were and a cut never reads like a typo. A word
// too long for its box is still broken, between characters.
std::vector<std::string_view> split_pieces(std::string_view text) {
    std::vector<std::string_view> pieces;
    std::size_t start = 0;
    for (std::size_t end : break_opportunities(text)) {
        if (end < text.size() && text[end - 1] != ' ' && !is_cjk(code_point_before(text, end)) &&
            !is_cjk(code_point_at(text, end))) {
            continue;
        }
        pieces.push_back(text.substr(start, end - start));
        start = end;
    }
    return pieces;
}

// The longest prefix of `piece`, cut between UTF-8 characters, no wider than `width` with
// `suffix` appended; at least one character so a too-narrow box still advances. When the rest
// goes on the next line (no suffix), the cut is never before a character that may not start a
// line (closing punctuation, a combining mark).
std::size_t fitting_prefix(std::string_view piece, std::string_view suffix, Weight weight, int px,
                           int width, const TextMeasurer& measure) {
    std::size_t best = 0;
    std::size_t i = 0;
    while (i < piece.size()) {
        std::size_t next = next_boundary(piece, i);
        std::string candidate(piece.substr(0, next));
        candidate += suffix;
        if (measure.width(candidate, weight, px) > width) break;
        if (!suffix.empty() || may_start_at(piece, next)) best = next;
        i = next;
    }
    if (best == 0 && !piece.empty()) {
        best = next_boundary(piece, 0);
        while (suffix.empty() && !may_start_at(piece, best)) best = next_boundary(piece, best);
    }
    return std::min(best, piece.size());
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

// `line` + "…", dropping whole pieces from its end until it fits (a single piece is cut).
std::string with_ellipsis(std::string line, Weight weight, int px, int width,
                          const TextMeasurer& measure, bool& overflow) {
    while (true) {
        // A cut line never ends in punctuation or a space before the ellipsis ("word,…").
        trim_trailing_punctuation(line);
        if (measure.width(line + std::string(ellipsis), weight, px) <= width) break;
        auto pieces = split_pieces(line);
        if (pieces.size() < 2) {
            std::size_t keep = fitting_prefix(line, ellipsis, weight, px, width, measure);
            line.resize(keep);
            if (measure.width(line + std::string(ellipsis), weight, px) > width) overflow = true;
            break;
        }
        line.resize(line.size() - pieces.back().size());
    }
    return line + std::string(ellipsis);
}

// The part of `text` that `max_lines` lines of `width` pixels could ever show, cut between UTF-8
// characters: no glyph is narrower than a fifth of the em, and the slack (4 bytes a character,
// runs of spaces, marks of no width) makes the cut sure to lie beyond what fits. A 45 MB title
// is then wrapped in the time and memory of a few lines, whatever the importer let through.
std::string_view within_reach(std::string_view text, int px, int width, int max_lines,
                              bool& clipped) {
    const std::size_t per_line = static_cast<std::size_t>(std::max(width, 1)) * 5 /
                                     static_cast<std::size_t>(std::max(px, 1)) +
                                 2;
    const std::size_t reach = static_cast<std::size_t>(std::max(max_lines, 1)) * per_line * 16;
    clipped = text.size() > reach;
    return utf8_prefix(text, reach);
}

}  // namespace

std::string squash_spaces(std::string_view text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        std::size_t start = i;
        while (i < text.size() && !is_space(text[i])) ++i;
        if (i == start) break;
        if (!out.empty()) out += ' ';
        out += text.substr(start, i - start);
    }
    return out;
}

Wrapped wrap_text(std::string_view text, Weight weight, int px, int width, int max_lines,
                  const TextMeasurer& measure) {
    Wrapped out;
    bool clipped = false;
    const std::string squashed = squash_spaces(within_reach(text, px, width, max_lines, clipped));
    if (max_lines <= 0) {
        out.shortened = !squashed.empty();
        return out;
    }
    auto pieces = split_pieces(squashed);
    std::string line;
    std::size_t p = 0;
    std::string_view rest;  // the remainder of a piece broken across lines
    auto next_piece = [&] { return !rest.empty() ? rest : pieces[p]; };
    auto consume = [&](std::size_t n) { rest = (!rest.empty() ? rest : pieces[p++]).substr(n); };
    auto pieces_left = [&] { return !rest.empty() || p < pieces.size(); };

    while (pieces_left()) {
        std::string_view piece = next_piece();
        std::string candidate = line + std::string(piece);
        if (measure.width(trim_end(candidate), weight, px) <= width) {
            line = std::move(candidate);
            consume(piece.size());
            continue;
        }
        if (trim_end(line).empty()) {
            // A piece wider than the whole line (a URL): break it between characters.
            std::size_t n = fitting_prefix(piece, "", weight, px, width, measure);
            line = std::string(piece.substr(0, n));
            consume(n);
            if (measure.width(trim_end(line), weight, px) > width) out.overflow = true;
        }
        if (static_cast<int>(out.lines.size()) + 1 == max_lines) break;
        out.lines.emplace_back(trim_end(line));
        line.clear();
    }
    if (pieces_left()) {
        out.shortened = true;
        out.lines.push_back(
            with_ellipsis(std::string(trim_end(line)), weight, px, width, measure, out.overflow));
    } else if (!trim_end(line).empty()) {
        out.lines.emplace_back(trim_end(line));
    }
    if (clipped && !out.shortened && !out.lines.empty()) {
        // Everything kept fitted (it was mostly spaces): what was cut off still goes unseen.
        out.shortened = true;
        out.lines.back() =
            with_ellipsis(out.lines.back(), weight, px, width, measure, out.overflow);
    }
    return out;
}

std::string fit_line(std::string_view text, Weight weight, int px, int width,
                     const TextMeasurer& measure) {
    bool clipped = false;
    text = within_reach(text, px, width, 1, clipped);
    // A line that fits keeps its spacing ("ON STAGE   ≈ 08:45"); only cut lines are re-spaced.
    if (!clipped && text.find_first_of("\n\r\t") == std::string_view::npos &&
        measure.width(text, weight, px) <= width) {
        return std::string(text);
    }
    auto wrapped = wrap_text(text, weight, px, width, 1, measure);
    return wrapped.lines.empty() ? std::string() : wrapped.lines.front();
}

}  // namespace kiosk
