// The offscreen canvas, the text cache behind it, and PNG files.
#include "kiosk/render/canvas.h"

#include <filesystem>

#include <SDL.h>
#include <gtest/gtest.h>

#include "kiosk/render/fonts.h"
#include "kiosk/render/png.h"
#include "kiosk/render/text_cache.h"

namespace kiosk {
namespace {

const FontSet& fonts() {
    static auto f = FontSet::open({std::string(KIOSK_SOURCE_DIR) + "/assets/fonts"});
    return *f.value();
}

struct SoftwareRenderer {
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    ~SoftwareRenderer() {
        SDL_DestroyRenderer(renderer);
        SDL_FreeSurface(surface);
    }
};

TEST(TextCache, RendersALineOnceAndAgainOnlyWhenItsStyleChanges) {
    SoftwareRenderer sw;
    TextCache cache(sw.renderer, fonts(), 1u << 20);
    TextStyle s{Weight::bold, 40, {255, 255, 255}};
    int w = 0, h = 0;
    ASSERT_NE(cache.get("08:50", s, &w, &h), nullptr);
    EXPECT_GT(w, 0);
    cache.get("08:50", s, &w, &h);
    EXPECT_EQ(cache.stats().renders, 1u);
    EXPECT_EQ(cache.stats().hits, 1u);
    s.colour = {200, 200, 200};
    cache.get("08:50", s, &w, &h);
    EXPECT_EQ(cache.stats().renders, 2u);
    EXPECT_EQ(cache.get("", s, &w, &h), nullptr);
}

TEST(TextCache, EvictsLinesNotDrawnInTheLastFrameWhenOverBudget) {
    SoftwareRenderer sw;
    TextCache cache(sw.renderer, fonts(), 1);  // every byte is over budget
    TextStyle s{Weight::regular, 30, {255, 255, 255}};
    int w = 0, h = 0;
    cache.get("Pathways", s, &w, &h);
    cache.get("QuadraLib", s, &w, &h);
    cache.begin_frame();  // both were drawn in the frame that ended: kept
    EXPECT_EQ(cache.stats().entries, 2u);
    cache.get("QuadraLib", s, &w, &h);
    cache.begin_frame();  // Pathways was not drawn: evicted
    EXPECT_EQ(cache.stats().entries, 1u);
    cache.get("QuadraLib", s, &w, &h);
    EXPECT_EQ(cache.stats().renders, 2u);
}

TEST(Canvas, DrawsAndRoundTripsThroughAPng) {
    auto canvas = Canvas::create({320, 180}, fonts());
    ASSERT_TRUE(canvas.has_value());
    Theme theme;
    Slide chrome;
    chrome.fills.push_back({{10, 10, 100, 40}, theme.accent, 8});
    chrome.texts.push_back(
        {{20, 60, 0, 0}, "08:50", {Weight::bold, 40, theme.text}, theme.background});
    canvas.value()->draw(theme, nullptr, 1.0, chrome);
    Image img = canvas.value()->image();
    ASSERT_EQ(img.rgb.size(), 320u * 180u * 3u);
    EXPECT_EQ(img.rgb[0], theme.background.r);  // a corner: background
    std::size_t mid = (30u * 320u + 60u) * 3u;  // inside the fill
    EXPECT_EQ(img.rgb[mid], theme.accent.r);
    EXPECT_EQ(img.rgb[mid + 2], theme.accent.b);
    // Its rounded corner's very tip stays background.
    EXPECT_EQ(img.rgb[(10u * 320u + 10u) * 3u], theme.background.r);
    auto path = (std::filesystem::path(KIOSK_BINARY_DIR) / "canvas_test.png").string();
    ASSERT_TRUE(write_png(path, img).has_value());
    auto back = read_png(path);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, img);
}

TEST(Canvas, BadSizesAndFilesAreErrorsThatSaySo) {
    auto c = Canvas::create({0, 100}, fonts());
    ASSERT_FALSE(c.has_value());
    EXPECT_EQ(c.error().front().message, "cannot draw a picture of 0x100 pixels");
    auto r = read_png("/nonexistent/golden.png");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().front().file, "/nonexistent/golden.png");
    EXPECT_EQ(r.error().front().message, "cannot read the PNG file: can't fopen");
}

}  // namespace
}  // namespace kiosk
