// Drawing only what changed: a picture drawn in pieces, frame after frame, is the picture drawn
// whole; a clock's minute draws the clock; a frame like the last draws nothing; a fade blended
// by fade_blend looks like SDL's own blend.
#include <cstdlib>
#include <optional>

#include <SDL.h>
#include <gtest/gtest.h>

#include "kiosk/render/canvas.h"
#include "kiosk/render/draw.h"
#include "kiosk/render/fonts.h"
#include "kiosk/render/text_cache.h"
#include "kiosk/render/window.h"
#include "kiosk/slides/damage.h"
#include "kiosk/slides/deck.h"

#include "tests/support/sample_boards.h"
#include "tests/support/script_boards.h"

namespace kiosk {
namespace {

const FontSet& fonts() {
    static auto f = FontSet::open({std::string(KIOSK_SOURCE_DIR) + "/assets/fonts"});
    if (!f) throw std::runtime_error(f.error().front().message);
    return *f.value();
}

struct Frame {
    std::size_t slide;
    double opacity;
    std::string clock;  // the header's time, "08:50"
};

struct Screen {
    Size size;
    Theme theme;
    DeckOptions options;
    Board board;
    Deck deck;

    Screen(Size s, Board b) : size(s), board(std::move(b)) {
        DeckInput in{&board, board.room, board.at, {}};
        deck = build_deck(in, size, theme, options, fonts());
    }
    Slide chrome(const Frame& f) const {
        return layout_chrome({board.room, board.timezone, testing::at(f.clock), f.slide,
                              deck.slides.size(), "", false, deck.tickers},
                             size, theme, options, fonts());
    }
};

std::unique_ptr<Canvas> canvas(Size size) {
    auto c = Canvas::create(size, fonts());
    if (!c) throw std::runtime_error(c.error().front().message);
    return std::move(c.value());
}

// The rotation as the screen runs it: each slide settled, faded out in steps, the next faded in,
// the clock's minute turning on the way.
std::vector<Frame> rotation(std::size_t slides) {
    std::vector<Frame> frames;
    std::string clock = "08:50";
    for (std::size_t i = 0; i < slides; ++i) {
        frames.push_back({i, 1.0, clock});
        frames.push_back({i, 1.0, clock});  // nothing changed
        for (double o : {0.75, 0.5, 0.25, 0.0}) frames.push_back({i, o, clock});
        std::size_t next = (i + 1) % slides;
        if (i == 1) clock = "08:51";
        for (double o : {0.25, 0.5, 0.75}) frames.push_back({next, o, clock});
    }
    return frames;
}

std::size_t differing_pixels(const Image& a, const Image& b) {
    std::size_t n = 0;
    for (std::size_t i = 0; i + 2 < a.rgb.size() && i + 2 < b.rgb.size(); i += 3) {
        if (a.rgb[i] != b.rgb[i] || a.rgb[i + 1] != b.rgb[i + 1] || a.rgb[i + 2] != b.rgb[i + 2]) {
            ++n;
        }
    }
    return n;
}

class InPieces : public ::testing::TestWithParam<Size> {};

TEST_P(InPieces, EveryFrameIsThePictureDrawnWhole) {
    Screen s(GetParam(), testing::morning_board());
    ASSERT_GE(s.deck.slides.size(), 3u);
    auto pieces = canvas(s.size);
    auto whole = canvas(s.size);
    // The clock: the line that differs between two minutes.
    std::vector<Rect> clock;
    Slide c50 = s.chrome({0, 1.0, "08:50"});
    Slide c51 = s.chrome({0, 1.0, "08:51"});
    for (std::size_t i = 0; i < c50.texts.size(); ++i) {
        if (!(c50.texts[i] == c51.texts[i])) clock.push_back(c50.texts[i].box);
    }
    ASSERT_EQ(clock.size(), 1u);
    std::optional<Frame> last;
    for (const auto& f : rotation(s.deck.slides.size())) {
        Slide chrome = s.chrome(f);
        const Slide* slide = &s.deck.slides[f.slide];
        auto areas = pieces->draw_changes(s.theme, slide, f.opacity, chrome);
        if (last && last->slide == f.slide && last->clock == f.clock) {
            // A fade step redraws the slide, never the header's clock.
            for (const auto& a : areas) EXPECT_FALSE(overlaps(a, clock[0])) << f.opacity;
        }
        last = f;
        whole->draw(s.theme, slide, f.opacity, chrome);
        ASSERT_EQ(pieces->image().rgb.size(), whole->image().rgb.size());
        EXPECT_EQ(differing_pixels(pieces->image(), whole->image()), 0u)
            << s.deck.slides[f.slide].name << " at opacity " << f.opacity << ", " << f.clock;
    }
}

INSTANTIATE_TEST_SUITE_P(Sizes, InPieces,
                         ::testing::Values(Size{1920, 1080}, Size{1080, 1920}, Size{1280, 720}));

TEST(InPieces, TheClocksMinuteDrawsTheClockAndTheSameFrameNothing) {
    Screen s({3840, 2160}, testing::morning_board());
    auto c = canvas(s.size);
    const Slide* now = &s.deck.slides[0];
    c->draw_changes(s.theme, now, 1.0, s.chrome({0, 1.0, "08:50"}));
    EXPECT_TRUE(c->draw_changes(s.theme, now, 1.0, s.chrome({0, 1.0, "08:50"})).empty());
    auto areas = c->draw_changes(s.theme, now, 1.0, s.chrome({0, 1.0, "08:51"}));
    ASSERT_FALSE(areas.empty());
    long drawn = 0;
    for (const auto& a : areas) drawn += long{a.w} * a.h;
    EXPECT_LT(drawn, long{s.size.w} * s.size.h / 50) << "a minute redraws under 2% of 4K";
}

// The upright picture turned clockwise by `degrees`, as a screen on its side shows it.
Image turned(const Image& up, int degrees) {
    bool sideways = degrees == 90 || degrees == 270;
    Image out{sideways ? up.h : up.w, sideways ? up.w : up.h, {}};
    out.rgb.resize(up.rgb.size());
    for (int y = 0; y < up.h; ++y) {
        for (int x = 0; x < up.w; ++x) {
            int ox = x;
            int oy = y;
            if (degrees == 90) {
                ox = up.h - 1 - y;
                oy = x;
            } else if (degrees == 180) {
                ox = up.w - 1 - x;
                oy = up.h - 1 - y;
            } else if (degrees == 270) {
                ox = y;
                oy = up.w - 1 - x;
            }
            for (int c = 0; c < 3; ++c) {
                out.rgb[(std::size_t(oy) * out.w + ox) * 3 + c] =
                    up.rgb[(std::size_t(y) * up.w + x) * 3 + c];
            }
        }
    }
    return out;
}

int worst_channel(const Image& a, const Image& b) {
    int worst = 0;
    for (std::size_t i = 0; i < a.rgb.size() && i < b.rgb.size(); ++i) {
        worst = std::max(worst, std::abs(int(a.rgb[i]) - int(b.rgb[i])));
    }
    return worst;
}

// A screen on its side: each changed area is turned and sent on its own. Frame after frame, the
// window shows the picture drawn whole and turned (within 2 of 255: the window's fades go
// through SDL's blend, the canvas's through fade_blend).
class Turned : public ::testing::TestWithParam<int> {};

TEST_P(Turned, EveryFrameIsThePictureDrawnWholeAndTurned) {
    ::setenv("SDL_VIDEODRIVER", "dummy", 1);
    WindowOptions options;
    options.windowed = {640, 360};
    options.rotation = GetParam();
    auto w = Window::open(options, fonts());
    ASSERT_TRUE(w.has_value()) << w.error().front().message;
    Window& window = *w.value();
    Screen s(window.canvas(), testing::morning_board());
    auto whole = canvas(s.size);
    std::size_t pieces = 0;
    for (const auto& f : rotation(s.deck.slides.size())) {
        Slide chrome = s.chrome(f);
        const Slide* slide = &s.deck.slides[f.slide];
        auto areas = window.draw(s.theme, slide, f.opacity, chrome);
        if (!areas.empty() && !(areas[0] == Rect{0, 0, s.size.w, s.size.h})) ++pieces;
        whole->draw(s.theme, slide, f.opacity, chrome);
        Image shown = window.read_pixels();
        Image expected = turned(whole->image(), GetParam());
        ASSERT_EQ(shown.w, expected.w);
        ASSERT_EQ(shown.h, expected.h);
        EXPECT_LE(worst_channel(shown, expected), 2)
            << s.deck.slides[f.slide].name << " at opacity " << f.opacity << ", " << f.clock;
    }
    EXPECT_GT(pieces, 10u) << "most frames are sent in pieces";
}

INSTANTIATE_TEST_SUITE_P(Degrees, Turned, ::testing::Values(90, 180, 270));

// Every line's picture lies inside its ink box, so keeping it there cuts nothing and the areas
// damage.h names hold every pixel a change touches: Inter, and the Noto fallbacks for Chinese,
// Arabic and Hindi where installed.
TEST(InkBox, HoldsEveryLinesPicture) {
    std::vector<Board> boards = {testing::morning_board(), testing::midday_board()};
    for (auto make : {testing::chinese, testing::arabic, testing::hindi, testing::long_chinese}) {
        boards.push_back(testing::script_board(make()));
    }
    SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 16, 16, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    {
        TextCache cache(renderer, fonts(), 64u << 20);
        std::size_t lines = 0;
        for (const auto& b : boards) {
            for (Size size : {Size{1920, 1080}, Size{1080, 1920}}) {
                Screen s(size, b);
                for (const auto& slide : s.deck.slides) {
                    for (const auto& t : slide.texts) {
                        int w = 0, h = 0, dy = 0;
                        if (cache.get(t.text, t.style, &w, &h, &dy) == nullptr) continue;
                        ++lines;
                        Rect drawn{t.box.x, t.box.y + dy, w, h};
                        EXPECT_TRUE(contains(ink_box(t), drawn))
                            << "'" << t.text << "' draws " << drawn.w << "x" << drawn.h << " at "
                            << drawn.x << "," << drawn.y << " for a box " << t.box.w << "x"
                            << t.box.h << " at " << t.box.x << "," << t.box.y;
                    }
                }
            }
        }
        EXPECT_GT(lines, 100u);
    }
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
}

// fade_blend (what the screen and `kiosk render` use) against SDL's own blend of a texture at an
// alpha, on a mid-fade frame: within 2 of 255 in every channel of every pixel.
TEST(FadeBlend, LooksLikeSdlsBlend) {
    Screen s({1920, 1080}, testing::morning_board());
    Frame f{0, 0.5, "08:50"};
    Slide chrome = s.chrome(f);
    auto c = canvas(s.size);
    c->draw(s.theme, &s.deck.slides[0], f.opacity, chrome);
    Image ours = c->image();

    SDL_Surface* surface =
        SDL_CreateRGBSurfaceWithFormat(0, s.size.w, s.size.h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
    {
        TextCache cache(renderer, fonts(), 64u << 20);
        draw_frame(renderer, cache, s.theme, &s.deck.slides[0], f.opacity, chrome);  // SDL blends
        SDL_RenderPresent(renderer);
    }
    int worst = 0;
    std::size_t blended = 0;
    auto* px = static_cast<const std::uint32_t*>(surface->pixels);
    for (int y = 0; y < s.size.h; ++y) {
        for (int x = 0; x < s.size.w; ++x) {
            std::uint32_t p = px[y * (surface->pitch / 4) + x];
            const std::uint8_t* o = &ours.rgb[(static_cast<std::size_t>(y) * s.size.w + x) * 3];
            int d =
                std::max({std::abs(int((p >> 16) & 0xFF) - o[0]),
                          std::abs(int((p >> 8) & 0xFF) - o[1]), std::abs(int(p & 0xFF) - o[2])});
            worst = std::max(worst, d);
            if (((p >> 16) & 0xFF) != s.theme.background.r) ++blended;
        }
    }
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
    EXPECT_GT(blended, 10000u) << "the frame has faded text and fills to compare";
    EXPECT_LE(worst, 2);
}

}  // namespace
}  // namespace kiosk
