// Code points, line direction and break opportunities (see unicode.h).
#include "kiosk/slides/unicode.h"

#include <fribidi.h>
#include <linebreak.h>

namespace kiosk {

namespace {

constexpr char32_t replacement = 0xFFFD;

// libunibreak 1.x builds its language tables on first use; init_linebreak() must run once before
// any call, and a function-local static makes that once even with two threads laying out.
void ensure_linebreak_ready() {
    static const bool ready = [] {
        init_linebreak();
        return true;
    }();
    (void)ready;
}

// Two code points make libunibreak 1.1 (Debian 12) fail an assertion and abort, which would take
// the screen down over one character of a title, so it is shown others in their place:
// - the regional indicators (U+1F1E6–U+1F1FF, the letters that pair into flags, "🇩🇪"), which
//   predate their own line-break class there, are shown as a letter (U+10400, class AL): a flag,
//   or a run of them, stays whole like a word;
// - U+FFFF, a noncharacter that it uses to mark the end of the text (EOS), is shown as U+FFFD,
//   the replacement character it is drawn as.
constexpr char32_t letter_stand_in = 0x10400;         // DESERET CAPITAL LETTER LONG I, class AL
constexpr char32_t libunibreak_end_of_text = 0xFFFF;  // its EOS (linebreakdef.h)

char32_t as_libunibreak_knows(char32_t c) {
    if (c >= 0x1F1E6 && c <= 0x1F1FF) return letter_stand_in;
    return c == libunibreak_end_of_text ? replacement : c;
}

struct CodePoint {
    char32_t c = replacement;
    std::size_t bytes = 1;  // how many bytes of the text it took
};

// The character at byte `i` of `text`, or U+FFFD for one byte of a broken sequence.
CodePoint code_point_at(std::string_view text, std::size_t i) {
    auto lead = static_cast<unsigned char>(text[i]);
    std::size_t n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
    char32_t c = n == 1 ? lead : n == 2 ? lead & 0x1Fu : n == 3 ? lead & 0x0Fu : lead & 0x07u;
    bool ok = n != 0 && lead < 0xF5 && i + n <= text.size();
    for (std::size_t k = 1; ok && k < n; ++k) {
        auto cont = static_cast<unsigned char>(text[i + k]);
        ok = (cont & 0xC0) == 0x80;
        c = (c << 6) | (cont & 0x3Fu);
    }
    // Overlong forms, surrogates and values past U+10FFFF are as broken as a missing byte.
    ok = ok && !(n == 3 && c < 0x800) && !(n == 4 && (c < 0x10000 || c > 0x10FFFF)) &&
         !(c >= 0xD800 && c <= 0xDFFF);
    return ok ? CodePoint{c, n} : CodePoint{};
}

}  // namespace

std::u32string decode_utf8(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        CodePoint p = code_point_at(text, i);
        out += p.c;
        i += p.bytes;
    }
    return out;
}

std::string encode_utf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t c : text) {
        if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = replacement;
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

TextDirection base_direction(std::string_view text) {
    // Pure ASCII is left to right: the seed's every line, and most of any program, never needs
    // FriBidi's tables.
    bool ascii = true;
    for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) return TextDirection::ltr;
    long balance = 0;  // right-to-left letters minus left-to-right ones
    for (char32_t c : decode_utf8(text)) {
        FriBidiCharType type = fribidi_get_bidi_type(c);
        if (!FRIBIDI_IS_LETTER(type)) continue;
        balance += FRIBIDI_IS_RTL(type) ? 1 : -1;
    }
    return balance > 0 ? TextDirection::rtl : TextDirection::ltr;
}

std::vector<std::size_t> break_opportunities(std::string_view text) {
    std::vector<std::size_t> out;
    if (text.empty()) return out;
    ensure_linebreak_ready();
    // libunibreak is given code points as decode_utf8 reads them, not the bytes: its own UTF-8
    // reader takes broken sequences for characters (F0 DF 87 A9 for a regional indicator).
    std::vector<utf32_t> points;
    std::vector<std::size_t> ends;  // the byte offset just after each code point
    points.reserve(text.size());
    ends.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        CodePoint p = code_point_at(text, i);
        points.push_back(as_libunibreak_knows(p.c));
        i += p.bytes;
        ends.push_back(i);
    }
    std::string brks(points.size(), '\0');
    set_linebreaks_utf32(points.data(), points.size(), nullptr, brks.data());
    // brks[k] is the rule after code point k: whether a line may end there.
    for (std::size_t k = 0; k + 1 < points.size(); ++k) {
        if (brks[k] == LINEBREAK_ALLOWBREAK || brks[k] == LINEBREAK_MUSTBREAK) {
            out.push_back(ends[k]);
        }
    }
    out.push_back(text.size());
    return out;
}

bool is_cjk(char32_t c) {
    return (c >= 0x1100 && c <= 0x11FF) || (c >= 0x2E80 && c <= 0x2FDF) ||
           (c >= 0x3000 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA960 && c <= 0xA97F) ||
           (c >= 0xAC00 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x20000 && c <= 0x3FFFF);
}

bool may_start_line(char32_t c) {
    ensure_linebreak_ready();
    // UAX #14 has no public "class of" in libunibreak 1.1, but its pair table answers the same
    // question: after an ideograph (which allows a break before almost anything) a break before
    // `c` is forbidden exactly when `c` must not start a line (CL, CP, EX, IS, NS, CM, GL, SP…).
    constexpr char32_t ideograph = 0x4E00;  // 一
    return is_line_breakable(ideograph, as_libunibreak_knows(c), nullptr) != LINEBREAK_NOBREAK;
}

}  // namespace kiosk
