// libFuzzer target: the text path without fonts: UTF-8 decoding, the bidi direction (FriBidi),
// break opportunities (libunibreak) and wrapping into a box, measured by the tests' fixed-advance
// measurer. The first two bytes choose the box: its width and how many lines it has.
#include <cassert>

#include "kiosk/slides/unicode.h"
#include "kiosk/slides/wrap.h"

#include "tests/fuzz/fuzz_input.h"
#include "tests/support/fake_measurer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk;
    if (fuzz::too_big(size) || size < 2) return -1;
    const int width = data[0] * 8;      // 0 to 2040 px: from no room at all to a 4K column
    const int max_lines = data[1] % 8;  // 0 to 7 lines
    const std::string_view text = fuzz::bytes_of(data + 2, size - 2);

    // Decoding never loses a character: every code point is kept or becomes one U+FFFD per bad
    // byte, and what it makes encodes and decodes to itself.
    const std::u32string points = decode_utf8(text);
    if (decode_utf8(encode_utf8(points)) != points) __builtin_trap();

    const auto breaks = break_opportunities(text);
    std::size_t last = 0;
    for (std::size_t b : breaks) {
        if (b <= last || b > text.size()) __builtin_trap();  // increasing, inside the text
        last = b;
    }
    if (!text.empty() && (breaks.empty() || breaks.back() != text.size())) __builtin_trap();

    (void)base_direction(text);
    const testing::FakeMeasurer measure;
    (void)wrap_text(text, Weight::semibold, 40, width, max_lines, measure);
    (void)fit_line(text, Weight::regular, 24, width, measure);
    (void)squash_spaces(text);
    return 0;
}
