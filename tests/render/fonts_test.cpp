// The Inter fonts through SDL_ttf: found, read once, measured, and big enough to read from five
// metres; and still measured and drawn after a package upgrade takes the files away.
#include "kiosk/render/fonts.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kiosk/render/canvas.h"
#include "kiosk/slides/deck.h"

#include "../app/temp_dir.h"

namespace kiosk {
namespace {

const std::string font_dir = std::string(KIOSK_SOURCE_DIR) + "/assets/fonts";
constexpr Weight all_weights[] = {Weight::regular, Weight::medium, Weight::semibold, Weight::bold};

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The four fonts copied into a test's own folder, which the test may then take away.
std::string copy_fonts(const TempDir& tmp) {
    for (Weight w : all_weights) {
        std::filesystem::copy_file(font_dir + "/" + font_file(w), tmp.path(font_file(w)));
    }
    return tmp.path();
}

// One line of text at `style`, drawn offscreen with `fonts`.
Image drawn(const FontSet& fonts, const std::string& text, TextStyle style) {
    auto canvas = Canvas::create({480, 120}, fonts);
    EXPECT_TRUE(canvas.has_value());
    if (!canvas) return {};
    Slide slide;
    auto m = fonts.metrics(style.weight, style.px);
    slide.texts.push_back(TextRun{{8, 8, fonts.width(text, style.weight, style.px), m.height},
                                  text,
                                  style,
                                  Theme{}.background});
    canvas.value()->draw(Theme{}, &slide, 1.0, Slide{});
    return canvas.value()->image();
}

TEST(Fonts, MissingFontsNameEveryFolderTried) {
    auto f = FontSet::open({"/nonexistent/a", "/nonexistent/b"});
    ASSERT_FALSE(f.has_value());
    EXPECT_EQ(f.error().front().message,
              "cannot find the Inter fonts (Inter-Regular.otf, Inter-Medium.otf, "
              "Inter-SemiBold.otf, Inter-Bold.otf); looked in:\n  /nonexistent/a\n  "
              "/nonexistent/b");
}

TEST(Fonts, TheFirstFolderWithAllFourWins) {
    auto f = FontSet::open({"/nonexistent", font_dir});
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f.value()->dir(), font_dir);
}

TEST(Fonts, MeasuresLikeInter) {
    auto f = FontSet::open({font_dir});
    ASSERT_TRUE(f.has_value());
    const FontSet& fonts = *f.value();
    EXPECT_EQ(fonts.width("", Weight::regular, 38), 0);
    int regular = fonts.width("Outstanding Papers", Weight::regular, 96);
    int bold = fonts.width("Outstanding Papers", Weight::bold, 96);
    EXPECT_GT(bold, regular);
    EXPECT_GT(regular, 700);
    EXPECT_LT(bold, 1100);
    auto m = fonts.metrics(Weight::regular, 100);
    EXPECT_NEAR(m.cap_height, 73, 2);  // Inter's capitals are 0.727 em
    EXPECT_GT(m.height, m.ascent);
}

// The floor: body text's capitals at least 2.5% of the screen's short side.
TEST(Fonts, BodyCapHeightIsAtLeastTwoAndAHalfPercentOfTheShortSide) {
    auto f = FontSet::open({font_dir});
    ASSERT_TRUE(f.has_value());
    Theme theme;
    for (int short_side : {720, 1080, 2160}) {
        auto g = Geometry::for_screen({short_side * 16 / 9, short_side});
        int px = g.px(theme.type.body);
        double cap = f.value()->metrics(Weight::regular, px).cap_height;
        EXPECT_GE(cap / short_side, 0.025) << short_side;
    }
}

TEST(Fonts, BytesAreTheFilesAsRead) {
    auto f = FontSet::open({font_dir});
    ASSERT_TRUE(f.has_value());
    for (Weight w : all_weights) {
        std::string on_disk = file_bytes(font_dir + "/" + font_file(w));
        ASSERT_FALSE(on_disk.empty()) << font_file(w);
        EXPECT_EQ(f.value()->bytes(w), on_disk) << font_file(w);
    }
}

// A package upgrade removes the fonts under a screen that runs for days: sizes it has never used
// still open, from the bytes read at start-up, and measure and draw exactly as before.
TEST(Fonts, NewSizesStillMeasureAndDrawAfterTheFilesAreDeleted) {
    auto reference = FontSet::open({font_dir});
    ASSERT_TRUE(reference.has_value());
    TempDir tmp;
    auto f = FontSet::open({copy_fonts(tmp)});
    ASSERT_TRUE(f.has_value());
    const FontSet& fonts = *f.value();
    const std::string text = "Outstanding Papers";
    int before = fonts.width(text, Weight::semibold, 40);
    FontMetrics metrics_before = fonts.metrics(Weight::semibold, 40);
    ASSERT_GT(before, 0);

    std::filesystem::remove_all(tmp.path());
    ASSERT_FALSE(std::filesystem::exists(tmp.path()));
    fonts.close_sizes();  // as after a resize: every size opens again

    EXPECT_EQ(fonts.width(text, Weight::semibold, 40), before);
    EXPECT_EQ(fonts.metrics(Weight::semibold, 40), metrics_before);
    for (Weight w : all_weights) {
        for (int px : {23, 57, 131}) {  // none of them opened before the files went
            int width = fonts.width(text, w, px);
            EXPECT_GT(width, 0) << font_file(w) << " " << px;
            EXPECT_EQ(width, reference.value()->width(text, w, px)) << font_file(w) << " " << px;
            EXPECT_EQ(fonts.metrics(w, px), reference.value()->metrics(w, px));
        }
    }
    TextStyle style{Weight::bold, 61, {255, 255, 255}};
    Image image = drawn(fonts, "Hall B 09:10", style);
    EXPECT_EQ(image, drawn(*reference.value(), "Hall B 09:10", style));
    EXPECT_NE(image, drawn(fonts, "", style));  // the text is there
}

// The upgrade may instead leave something else under the same names halfway through.
TEST(Fonts, NewSizesStillMeasureAndDrawAfterTheFilesTurnToGarbage) {
    auto reference = FontSet::open({font_dir});
    ASSERT_TRUE(reference.has_value());
    TempDir tmp;
    auto f = FontSet::open({copy_fonts(tmp)});
    ASSERT_TRUE(f.has_value());
    const FontSet& fonts = *f.value();
    int before = fonts.width("Keynote", Weight::medium, 44);
    ASSERT_GT(before, 0);

    for (Weight w : all_weights) tmp.write(font_file(w), std::string(4096, '\x5a'));
    fonts.close_sizes();

    EXPECT_EQ(fonts.width("Keynote", Weight::medium, 44), before);
    for (Weight w : all_weights) {
        int width = fonts.width("Keynote", w, 77);
        EXPECT_GT(width, 0) << font_file(w);
        EXPECT_EQ(width, reference.value()->width("Keynote", w, 77)) << font_file(w);
    }
    TextStyle style{Weight::regular, 39, {255, 255, 255}};
    EXPECT_EQ(drawn(fonts, "Lunch", style), drawn(*reference.value(), "Lunch", style));
}

// Should a size fail to open from memory, the loop must not stop: the nearest open size of the
// weight stands in, for measuring and drawing alike. FreeType refuses 65536 px and over, which
// makes a failing size to test with.
TEST(Fonts, ASizeThatCannotOpenBorrowsTheNearestOpenOne) {
    auto f = FontSet::open({font_dir});
    ASSERT_TRUE(f.has_value());
    const FontSet& fonts = *f.value();
    constexpr int too_big = 100000;
    int at_200 = fonts.width("Hall B", Weight::bold, 200);
    fonts.width("Hall B", Weight::bold, 90);
    ASSERT_GT(at_200, fonts.width("Hall B", Weight::bold, 90));

    EXPECT_EQ(fonts.width("Hall B", Weight::bold, too_big), at_200);
    EXPECT_EQ(fonts.metrics(Weight::bold, too_big), fonts.metrics(Weight::bold, 200));
    EXPECT_EQ(fonts.font(Weight::bold, too_big), fonts.font(Weight::bold, 200));

    // With every size closed, the one each weight opened at start-up is still there.
    fonts.close_sizes();
    for (Weight w : all_weights) {
        ASSERT_NE(fonts.font(w, too_big), nullptr) << font_file(w);
        EXPECT_GT(fonts.width("Hall B", w, too_big), 0) << font_file(w);
    }
}

// Broken files are found at start-up, not when the loop first needs a size: a folder whose
// fonts do not open is passed over, and the error says why.
TEST(Fonts, AFolderWhoseFontsDoNotOpenIsPassedOver) {
    TempDir tmp;
    copy_fonts(tmp);
    tmp.write("Inter-Medium.otf", "not a font");
    auto f = FontSet::open({tmp.path(), font_dir});
    ASSERT_TRUE(f.has_value());
    EXPECT_EQ(f.value()->dir(), font_dir);

    auto broken = FontSet::open({tmp.path()});
    ASSERT_FALSE(broken.has_value());
    EXPECT_THAT(broken.error().front().message,
                ::testing::StartsWith("cannot find the Inter fonts (Inter-Regular.otf, "
                                      "Inter-Medium.otf, Inter-SemiBold.otf, Inter-Bold.otf); "
                                      "looked in:\n  " +
                                      tmp.path() + " (Inter-Medium.otf does not open as a font ("));
}

// The widths kept for lines beyond ASCII are bounded in bytes, not only in lines: a program of
// long titles leaves at most width_cache_budget of text behind.
TEST(Fonts, TheWidthCacheIsBoundedInBytes) {
    auto f = FontSet::open({font_dir});
    ASSERT_TRUE(f.has_value());
    const FontSet& fonts = *f.value();
    std::string long_line;
    while (long_line.size() < 4000) long_line += "Caf\u00e9 ";
    for (int i = 0; i < 600; ++i) {  // 2.4 MB of distinct lines
        EXPECT_GT(fonts.width(std::to_string(i) + long_line, Weight::regular, 20), 0);
        ASSERT_LE(fonts.width_cache_bytes(), FontSet::width_cache_budget);
    }
    EXPECT_GT(fonts.width_cache_bytes(), 0u);
}

}  // namespace
}  // namespace kiosk
