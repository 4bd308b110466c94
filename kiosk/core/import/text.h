// Plain-text helpers for importers: UTF-8 repair, trimming, ASCII case folding, cutting at a word.
//
// Program files come from web pages copied by hand, so they carry Latin-1 leftovers, stray
// control bytes and non-breaking spaces. Everything here works on bytes in linear time and never
// allocates more than its output.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk {

// U+FFFD REPLACEMENT CHARACTER, what an invalid byte sequence becomes.
inline constexpr std::string_view replacement_character = "\xEF\xBF\xBD";

// What append_valid_utf8 had to change.
struct Utf8Repair {
    std::size_t replaced = 0;          // invalid sequences and control bytes turned into U+FFFD
    unsigned char first_bad_byte = 0;  // the first offending byte, for the message
};

// True when `s` is well-formed UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF).
bool is_valid_utf8(std::string_view s);

// Appends `in` to `out` with every invalid UTF-8 sequence (its maximal ill-formed prefix, the
// Unicode "substitution of maximal subparts" policy) and every C0 control byte other than tab
// replaced by one U+FFFD. Tabs and U+00A0 NO-BREAK SPACE become plain spaces.
Utf8Repair append_valid_utf8(std::string_view in, std::string& out);

// Number of code points in well-formed UTF-8 (continuation bytes are not counted).
std::size_t utf8_length(std::string_view s);

// The longest prefix of `s` with at most `max_bytes` bytes that does not split a code point.
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);

// Inline: importers call these once per byte.
inline bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
inline bool is_ascii_alpha(char c) { return is_ascii_upper(c) || is_ascii_lower(c); }
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline char ascii_lower(char c) { return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// Without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view s);

// ASCII case-insensitive comparisons; bytes above 0x7F compare exactly.
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view s, std::string_view prefix);
bool iends_with(std::string_view s, std::string_view suffix);
std::size_t ifind(std::string_view haystack, std::string_view needle, std::size_t from = 0);

// `s` if it has at most `max_chars` code points; else cut at the last word boundary that leaves
// room for "…", with a dangling comma, colon or short function word ("of", "the", "and", …)
// dropped, and "…" appended. A single word longer than the limit is cut inside the word.
std::string shorten_at_word(std::string_view s, std::size_t max_chars);

}  // namespace kiosk
