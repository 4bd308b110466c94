// libFuzzer target: measuring and drawing a line of arbitrary UTF-8 through the screen's own
// FontSet: Inter from assets/fonts, fallback fonts found by fontconfig, runs split by font,
// script and bidi level and shaped by HarfBuzz through SDL_ttf. No window is needed: TTF_Init
// needs no video subsystem. The first byte chooses the weight and size.
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string>

#include <sanitizer/lsan_interface.h>

#include "kiosk/render/fonts.h"
#include "kiosk/render/shaping.h"
#include "kiosk/slides/wrap.h"

#include "tests/fuzz/fuzz_input.h"

namespace {

kiosk::FontSet& fonts() {
    static std::unique_ptr<kiosk::FontSet> set = [] {
        auto f = kiosk::FontSet::open({KIOSK_SOURCE_DIR "/assets/fonts"});
        if (!f) throw std::runtime_error(f.error().front().message);
        // fontconfig loses 288 bytes while reading its configuration (FcInitLoadConfigAndFonts,
        // fontconfig 2.14, once per process): it reads it here, before the first input, with
        // the leak check looking away, so what the check reports is ours.
        __lsan_disable();
        (void)f.value()->fallback(0x5F20, kiosk::Weight::regular, 32, "zh-cn");  // 张
        __lsan_enable();
        return std::move(f.value());
    }();
    return *set;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)fonts();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace kiosk;
    if (fuzz::too_big(size) || size < 1) return -1;
    const auto weight = static_cast<Weight>(data[0] % 4);
    // One of eight sizes from 12 to 96 px. A screen uses a dozen sizes, and FontSet keeps each
    // size it opens (Inter's and every fallback face's) until the screen changes size; with a
    // size per byte value, a 10-minute run held 1.4 GB of open faces.
    constexpr int sizes[] = {12, 16, 20, 24, 32, 48, 64, 96};
    const int px = sizes[(data[0] >> 2) % 8];
    const std::string text(fuzz::bytes_of(data + 1, size - 1));

    FontSet& f = fonts();
    const int w = f.width(text, weight, px);
    if (w < 0) __builtin_trap();
    TextStyle style;
    style.weight = weight;
    style.px = px;
    (void)f.render(text, style);
    (void)wrap_text(text, weight, px, 40 * px, 3, f);
    // The width cache is bounded by bytes, whatever it is fed.
    if (f.width_cache_bytes() > FontSet::width_cache_budget) __builtin_trap();
    return 0;
}
