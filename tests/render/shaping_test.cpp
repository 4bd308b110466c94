// Text in every script: runs in fallback fonts that follow the weight, shaped by HarfBuzz,
// ordered by the bidi algorithm, on Inter's baseline, measured as drawn; a character no font has
// is a placeholder, said once. Needs Noto (fonts-noto-core, fonts-noto-cjk); skipped without.
#include "kiosk/render/shaping.h"

#include <memory>

#include <SDL.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kiosk/render/fonts.h"

namespace kiosk {
namespace {

const std::string font_dir = std::string(KIOSK_SOURCE_DIR) + "/assets/fonts";

std::unique_ptr<FontSet> fresh_fonts() {
    auto f = FontSet::open({font_dir});
    if (!f) throw std::runtime_error(f.error().front().message);
    return std::move(f.value());
}

bool have_noto(const FontSet& fonts) {
    return fonts.fallback(0x5F20, Weight::regular, 32, "zh-cn") != nullptr &&  // 张
           fonts.fallback(0x0645, Weight::regular, 32, "") != nullptr &&       // م
           fonts.fallback(0x0915, Weight::regular, 32, "") != nullptr;         // क
}

#define SKIP_WITHOUT_NOTO(fonts) \
    if (!have_noto(fonts))       \
    GTEST_SKIP() << "Noto is not installed (apt-get install fonts-noto-core fonts-noto-cjk)"

std::vector<std::string> texts(const ShapedLine& line) {
    std::vector<std::string> out;
    for (const auto& r : line.runs) out.push_back(r.text);
    return out;
}

// The alpha of every pixel of a rendered line, rows top to bottom.
struct Ink {
    int w = 0;
    int h = 0;
    std::vector<std::uint8_t> alpha;
    long total() const {
        long sum = 0;
        for (auto a : alpha) sum += a;
        return sum;
    }
    // Stretches of columns without ink between the first and the last column with some.
    int gaps() const {
        std::vector<bool> inked(static_cast<std::size_t>(w), false);
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                if (alpha[static_cast<std::size_t>(y * w + x)] > 64) inked[x] = true;
            }
        }
        int first = 0;
        int last = w - 1;
        while (first < w && !inked[first]) ++first;
        while (last >= 0 && !inked[last]) --last;
        int count = 0;
        for (int x = first + 1; x <= last; ++x) count += inked[x - 1] && !inked[x];
        return count;
    }
    // The lowest row with ink between columns x0 and x1; -1 when there is none.
    int bottom(int x0, int x1) const {
        for (int y = h - 1; y >= 0; --y) {
            for (int x = x0; x < x1 && x < w; ++x) {
                if (alpha[static_cast<std::size_t>(y * w + x)] > 128) return y;
            }
        }
        return -1;
    }
};

Ink ink_of(const RenderedLine& line) {
    Ink ink;
    SDL_Surface* s = line.surface.get();
    if (s == nullptr) return ink;
    ink.w = s->w;
    ink.h = s->h;
    SDL_LockSurface(s);
    for (int y = 0; y < s->h; ++y) {
        const auto* row = reinterpret_cast<const Uint32*>(static_cast<const Uint8*>(s->pixels) +
                                                          std::ptrdiff_t{y} * s->pitch);
        for (int x = 0; x < s->w; ++x) ink.alpha.push_back(static_cast<std::uint8_t>(row[x] >> 24));
    }
    SDL_UnlockSurface(s);
    return ink;
}

TEST(Shaping, InterAloneIsOneCallAsBefore) {
    auto fonts = fresh_fonts();
    auto line =
        shape_line("Outstanding Papers · ≈ 09:00 – Всё о Γειά σου", Weight::regular, 40, *fonts);
    EXPECT_TRUE(line.plain);
    EXPECT_TRUE(line.runs.empty());
}

TEST(Shaping, ALatinScreenNeverOpensAFallbackFont) {
    auto fonts = fresh_fonts();
    for (const char* text : {"Outstanding Papers", "≈ 09:00 – 10:00", "Zoë Müller", "Всё"}) {
        EXPECT_GT(fonts->width(text, Weight::bold, 80), 0);
        EXPECT_NE(fonts->render(text, {Weight::bold, 80, {255, 255, 255}}).surface, nullptr);
    }
    EXPECT_TRUE(fonts->fallback_faces().empty());
    EXPECT_TRUE(fonts->missing().empty());
}

TEST(Shaping, CharactersInterLacksAreARunInAFontThatHasThem) {
    auto fonts = fresh_fonts();
    SKIP_WITHOUT_NOTO(*fonts);
    auto line = shape_line("Hall 東", Weight::bold, 60, *fonts);
    ASSERT_FALSE(line.plain);
    EXPECT_EQ(texts(line), (std::vector<std::string>{"Hall ", "東"}));
    EXPECT_EQ(line.runs[0].font, fonts->font(Weight::bold, 60));
    EXPECT_NE(line.runs[1].font, fonts->font(Weight::bold, 60));
    EXPECT_STREQ(line.runs[0].script.data(), "Latn");
    EXPECT_STREQ(line.runs[1].script.data(), "Hani");
    EXPECT_EQ(fonts->width("Hall 東", Weight::bold, 60), line.width);
    EXPECT_THAT(fonts->fallback_faces(), ::testing::Contains(::testing::HasSubstr("NotoSansCJK")));
}

TEST(Shaping, TheFallbackFollowsTheWeight) {
    auto fonts = fresh_fonts();
    SKIP_WITHOUT_NOTO(*fonts);
    EXPECT_NE(fonts->fallback(0x5F20, Weight::bold, 60, "zh-cn"),
              fonts->fallback(0x5F20, Weight::regular, 60, "zh-cn"));
    Ink bold = ink_of(fonts->render("张伟", {Weight::bold, 60, {255, 255, 255}}));
    Ink regular = ink_of(fonts->render("张伟", {Weight::regular, 60, {255, 255, 255}}));
    EXPECT_GT(bold.total(), regular.total() * 5 / 4);  // a bold title stays bold
}

TEST(Shaping, HanFormsFollowTheLanguageOfTheLine) {
    auto fonts = fresh_fonts();
    SKIP_WITHOUT_NOTO(*fonts);
    // A line with kana is Japanese: 東 from Noto Sans CJK JP, not SC.
    EXPECT_NE(fonts->fallback(0x6771, Weight::regular, 40, "ja"),
              fonts->fallback(0x6771, Weight::regular, 40, "zh-cn"));
}

TEST(Shaping, ArabicRunsRightToLeftAndJoins) {
    auto fonts = fresh_fonts();
    SKIP_WITHOUT_NOTO(*fonts);
    auto line = shape_line("محمد علي", Weight::regular, 48, *fonts);
    ASSERT_FALSE(line.runs.empty());
    for (const auto& r : line.runs) EXPECT_TRUE(r.rtl) << r.text;
    EXPECT_STREQ(line.runs.front().script.data(), "Arab");
    // Joined, the four letters of محمد are one unbroken stroke; kept apart by zero-width
    // non-joiners, as they would be without shaping, there is air between them.
    TextStyle style{Weight::regular, 48, {255, 255, 255}};
    EXPECT_EQ(ink_of(fonts->render("محمد", style)).gaps(), 0);
    EXPECT_GE(ink_of(fonts->render("م\u200Cح\u200Cم\u200Cد", style)).gaps(), 3);
}

TEST(Shaping, AMixedLineIsOrderedByTheBidiAlgorithm) {
    auto fonts = fresh_fonts();
    SKIP_WITHOUT_NOTO(*fonts);
    // Mostly Arabic: read from the right, so the first words are drawn rightmost and the Latin
    // name, left to right inside, sits between (the spaces are Inter's, like every space).
    auto rtl = shape_line("تحسين أداء PyTorch على", Weight::bold, 48, *fonts);
    EXPECT_EQ(texts(rtl),
              (std::vector<std::string>{"على", " ", "PyTorch", " ", "أداء", " ", "تحسين"}));
    EXPECT_FALSE(rtl.runs[2].rtl);
    EXPECT_TRUE(rtl.runs[6].rtl);
    // Mostly English: an Arabic name inside reads right to left, word by word.
    auto ltr = shape_line("Keynote by محمد علي", Weight::bold, 48, *fonts);
    EXPECT_EQ(texts(ltr), (std::vector<std::string>{"Keynote by ", "علي", " ", "محمد"}));
}

TEST(Shaping, DevanagariFormsConjuncts) {
    auto fonts = fresh_fonts();
    SKIP_WITHOUT_NOTO(*fonts);
    auto w = [&](const char* text) { return fonts->width(text, Weight::regular, 60); };
    EXPECT_LT(w("क्ष"), w("क") + w("ष"));  // क + virama + ष is one conjunct
    EXPECT_LT(w("प्र"), w("प") + w("र"));
    auto line = shape_line("प्रिया शर्मा", Weight::regular, 60, *fonts);
    ASSERT_EQ(line.runs.size(), 3u);  // the space between is Inter's
    EXPECT_STREQ(line.runs[0].script.data(), "Deva");
}

TEST(Shaping, LatinKerningStaysInAMixedLine) {
    auto fonts = fresh_fonts();
    SKIP_WITHOUT_NOTO(*fonts);
    auto line = shape_line("AVA 東", Weight::bold, 80, *fonts);
    ASSERT_EQ(texts(line), (std::vector<std::string>{"AVA ", "東"}));
    EXPECT_LT(line.runs[0].width, fonts->width("A", Weight::bold, 80) * 2 +
                                      fonts->width("V", Weight::bold, 80) +
                                      fonts->width(" ", Weight::bold, 80));
}

TEST(Shaping, RunsShareInterBaselineAndTheLineBox) {
    auto fonts = fresh_fonts();
    SKIP_WITHOUT_NOTO(*fonts);
    TextStyle style{Weight::bold, 80, {255, 255, 255}};
    RenderedLine line = fonts->render("Hall 東", style);
    ASSERT_NE(line.surface, nullptr);
    EXPECT_LE(line.dy, 0);
    EXPECT_EQ(line.surface->w, fonts->width("Hall 東", Weight::bold, 80));
    Ink ink = ink_of(line);
    // "Hall" stands on Inter's baseline, as it would alone: its ascent below the line box's top.
    int baseline = fonts->metrics(Weight::bold, 80).ascent - line.dy;
    EXPECT_NEAR(ink.bottom(0, fonts->width("Hall", Weight::bold, 80)), baseline - 1, 1);
    // 東 sits on the same baseline (an ideograph's foot reaches a little below it).
    int han = ink.bottom(fonts->width("Hall ", Weight::bold, 80), ink.w);
    EXPECT_GE(han, baseline - 2);
    EXPECT_LE(han, baseline + 80 / 6);
}

TEST(Shaping, ACharacterNoFontHasIsAPlaceholderSaidOnce) {
    auto fonts = fresh_fonts();
    const std::string text = "a\U000F0000b";
    EXPECT_GT(fonts->width(text, Weight::regular, 40), fonts->width("ab", Weight::regular, 40));
    fonts->width(text, Weight::bold, 40);
    EXPECT_NE(fonts->render(text, {Weight::regular, 40, {255, 255, 255}}).surface, nullptr);
    EXPECT_EQ(fonts->missing(), (std::vector<char32_t>{0xF0000}));
    EXPECT_EQ(code_point_name(0xF0000), "U+F0000");
    EXPECT_EQ(missing_glyph_warning(0xF0000),
              "no installed font has U+F0000; it is drawn as a placeholder (\uFFFD). Install "
              "fonts-noto-core and fonts-noto-cjk, or a font that has it");
}

}  // namespace
}  // namespace kiosk
