// What layout needs to know about Unicode text that is not about fonts: code points, which way a
// line reads (the bidi algorithm, GNU FriBidi) and where it may break (UAX #14, libunibreak).
//
// Both the slides (wrapping, right-aligning a right-to-left line) and the renderer (ordering the
// runs of a mixed line) ask here, so they agree on a line's direction.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// UTF-8 to code points. A broken sequence becomes U+FFFD, one per bad byte, so a stray byte in a
// program file neither stalls a loop nor swallows the characters after it.
std::u32string decode_utf8(std::string_view text);
std::string encode_utf8(std::u32string_view text);

enum class TextDirection {
    ltr,  // left to right: Latin, Greek, Cyrillic, CJK, Devanagari, and lines with no letters
    rtl,  // right to left: Arabic, Hebrew
};

// The direction a line is laid out in: right to left when it has more right-to-left letters
// (Arabic, Hebrew) than left-to-right ones, so "محمد علي" reads from the right and an English
// title with one Arabic name in it stays left-aligned. Digits and punctuation do not count.
TextDirection base_direction(std::string_view text);

// Where a line may end, by UAX #14: the byte offsets just after each break opportunity, in order,
// the end of the text last (an empty text has none). Spaces stay with the text before the break,
// so cutting "a b" at the first gives "a " and "b". Between ideographs (Chinese, Japanese) every
// boundary is one, except before closing punctuation ("。", "）") and after opening ("（").
std::vector<std::size_t> break_opportunities(std::string_view text);

// Chinese, Japanese and Korean characters: Han ideographs, kana, Hangul, CJK punctuation and
// full-width forms. Lines break between them without spaces, and their fonts differ by language.
bool is_cjk(char32_t c);

// Whether a line may start with `c` when it is cut between two characters that UAX #14 keeps
// together (a word longer than its box): not with closing punctuation, a combining mark or
// another character that belongs to the one before it.
bool may_start_line(char32_t c);

}  // namespace kiosk
