// UTF-8 repair and the small text helpers importers share (see text.h).
#include "kiosk/core/import/text.h"

#include <array>

namespace kiosk {

namespace {

// Length of the well-formed sequence starting at `i`, or 0 when the bytes there are ill-formed;
// `bad_len` then says how many bytes form the maximal ill-formed subpart (at least 1).
std::size_t sequence_length(std::string_view s, std::size_t i, std::size_t& bad_len) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    bad_len = 1;
    if (c < 0x80) return 1;
    std::size_t need = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;  // overlong
        if (c == 0xED) hi = 0x9F;  // UTF-16 surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;  // overlong
        if (c == 0xF4) hi = 0x8F;  // past U+10FFFF
    } else {
        return 0;  // continuation byte without a lead, C0/C1 overlong leads, F5..FF
    }
    for (std::size_t k = 1; k <= need; ++k) {
        if (i + k >= s.size()) {
            bad_len = k;
            return 0;
        }
        unsigned char x = b(i + k);
        unsigned char min = k == 1 ? lo : 0x80;
        unsigned char max = k == 1 ? hi : 0xBF;
        if (x < min || x > max) {
            bad_len = k;
            return 0;
        }
    }
    return need + 1;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    std::size_t bad = 0;
    while (i < s.size()) {
        // ASCII fast path: most of a program file is ASCII.
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        std::size_t n = sequence_length(s, i, bad);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

Utf8Repair append_valid_utf8(std::string_view in, std::string& out) {
    Utf8Repair repair;
    auto note_bad = [&](unsigned char byte) {
        if (repair.replaced == 0) repair.first_bad_byte = byte;
        ++repair.replaced;
        out += replacement_character;
    };
    std::size_t i = 0;
    std::size_t bad = 0;
    while (i < in.size()) {
        auto c = static_cast<unsigned char>(in[i]);
        if (c >= 0x20 && c < 0x7F) {
            out += static_cast<char>(c);
            ++i;
        } else if (c == '\t') {
            out += ' ';
            ++i;
        } else if (c < 0x20 || c == 0x7F) {
            note_bad(c);
            ++i;
        } else if (std::size_t n = sequence_length(in, i, bad); n == 0) {
            note_bad(c);
            i += bad;
        } else if (n == 2 && c == 0xC2 && static_cast<unsigned char>(in[i + 1]) == 0xA0) {
            out += ' ';  // NO-BREAK SPACE: web pages use it between words
            i += 2;
        } else {
            out.append(in.substr(i, n));
            i += n;
        }
    }
    return repair;
}

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    }
    return n;
}

std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return s.substr(0, end);
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
    return s;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    }
    return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool iends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

std::size_t ifind(std::string_view haystack, std::string_view needle, std::size_t from) {
    if (needle.empty()) return from <= haystack.size() ? from : std::string_view::npos;
    if (needle.size() > haystack.size()) return std::string_view::npos;
    const char first = ascii_lower(needle.front());
    for (std::size_t i = from; i + needle.size() <= haystack.size(); ++i) {
        if (ascii_lower(haystack[i]) == first &&
            iequals(haystack.substr(i, needle.size()), needle)) {
            return i;
        }
    }
    return std::string_view::npos;
}

namespace {

// Words a sign should not end on: "High-performance primitives for" reads as broken.
bool is_dangling_word(std::string_view w) {
    static constexpr std::array<std::string_view, 24> words = {
        "a",  "an", "and", "as",   "at",    "by",   "for", "from", "in",    "into", "its", "of",
        "on", "or", "the", "that", "their", "this", "to",  "via",  "which", "with", "we",  "our"};
    for (auto x : words) {
        if (iequals(w, x)) return true;
    }
    return false;
}

}  // namespace

std::string shorten_at_word(std::string_view s, std::size_t max_chars) {
    if (utf8_length(s) <= max_chars) return std::string(s);
    static constexpr std::string_view ellipsis = "\xE2\x80\xA6";  // "…"
    if (max_chars <= 1) return std::string(ellipsis);
    // Byte offset just past the first (max_chars - 1) code points: room for the ellipsis.
    std::size_t budget = max_chars - 1;
    std::size_t end = 0;
    for (std::size_t seen = 0; end < s.size(); ++end) {
        if ((static_cast<unsigned char>(s[end]) & 0xC0) != 0x80) {
            if (seen == budget) break;
            ++seen;
        }
    }
    std::string_view head = s.substr(0, end);
    // Cut at the last space when the cut falls inside a word.
    if (end < s.size() && s[end] != ' ') {
        if (auto sp = head.rfind(' '); sp != std::string_view::npos && sp > 0) {
            head = head.substr(0, sp);
        }
    }
    // Drop trailing punctuation and dangling function words, but never the whole text.
    for (;;) {
        head = trim(head);
        while (!head.empty() && (head.back() == ',' || head.back() == ':' || head.back() == ';' ||
                                 head.back() == '-' || head.back() == '(')) {
            head.remove_suffix(1);
            head = trim(head);
        }
        auto sp = head.rfind(' ');
        if (sp == std::string_view::npos) break;
        if (!is_dangling_word(head.substr(sp + 1))) break;
        head = head.substr(0, sp);
    }
    return std::string(head) + std::string(ellipsis);
}

}  // namespace kiosk
