// Golden images: every slide type drawn offscreen at fixed instants, 1920x1080 and 1080x1920,
// compared with the reviewed pictures in tests/data/golden/ within a per-pixel tolerance. The
// script-* pictures are Now slides in Chinese, Arabic, Hindi, Greek and Cyrillic, a long Chinese
// title and a character no font has, drawn with the Noto fonts fontconfig finds (skipped, with
// a message, where they are not installed).
//
// On a mismatch the picture drawn and a diff (changed pixels in red) are written to
// <build>/golden/. After reviewing a deliberate change by eye, re-bless with
//   KIOSK_BLESS=1 build/tests/kiosk_render_tests --gtest_filter='Golden*'
#include <cstdlib>
#include <filesystem>
#include <functional>

#include <gtest/gtest.h>

#include "kiosk/render/canvas.h"
#include "kiosk/render/fonts.h"
#include "kiosk/render/png.h"
#include "kiosk/slides/deck.h"

#include "tests/support/overview_program.h"
#include "tests/support/sample_boards.h"
#include "tests/support/script_boards.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using testing::at;

const FontSet& fonts() {
    static auto f = FontSet::open({std::string(KIOSK_SOURCE_DIR) + "/assets/fonts"});
    if (!f) throw std::runtime_error(f.error().front().message);
    return *f.value();
}

struct Case {
    std::string name;   // the golden's file name
    std::string slide;  // which slide of the deck
    std::function<DeckInput()> input;
    bool fallback = false;  // needs fonts beyond Inter (Noto: fonts-noto-core, fonts-noto-cjk)
};

// The fallback fonts these pictures were reviewed with are installed: Noto Sans CJK and Arabic.
bool have_fallback_fonts() {
    return fonts().fallback(0x5F20, Weight::regular, 32, "zh-cn") != nullptr &&  // 张
           fonts().fallback(0x0645, Weight::regular, 32, "") != nullptr;         // م
}

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

}  // namespace

void PrintTo(const Size& s, std::ostream* os) { *os << s.w << "x" << s.h; }

namespace {

Board morning = testing::morning_board();
Board midday = testing::midday_board();
Board no_abstract = testing::morning_board("09:20");  // "Talk 3" on stage
Board before = [] {
    auto b = testing::status_board(RoomStatus::before_conference, "2022-08-28T16:00");
    b.next_day_first = board_session(testing::outstanding_papers());
    return b;
}();
Board after = testing::status_board(RoomStatus::after_conference, "2022-08-30T09:00");
Board evening = [] {
    auto b = testing::status_board(RoomStatus::after_last_session, "19:40");
    b.next_day_first =
        board_session(testing::session("Oral", "Sparsity and Pruning at Scale", "2022-08-30T09:00",
                                       "2022-08-30T10:30", "Exhibit Hall A"));
    b.elsewhere = {board_session(testing::session("", "Welcome Reception", "17:30", "20:30",
                                                  std::string("Mission City Ballroom")))};
    return b;
}();

DeckInput input_for(const Board& b) { return {&b, b.room, b.at, {}}; }

// The entrance screen of the mockup's venue, as the header names it.
Overview overview = testing::overview_at(testing::overview_program(), "09:10");
DeckInput overview_input() {
    return {nullptr, "Santa Clara Convention Center", overview.at, {}, &overview};
}

// Exhibit Hall A marked full until 10:30.
DeckInput full(DeckInput in) {
    in.full = {{"Exhibit Hall A", at("10:30")}};
    return in;
}

// A ticker announcement, on from before the boards' instants until 10:30.
Announcement coffee() {
    return {"Coffee is served in the foyer until 10:30", at("08:00"), at("10:30"),
            AnnouncementLevel::ticker};
}

// Now slides of sessions in other scripts.
Board chinese = testing::script_board(testing::chinese());
Board arabic = testing::script_board(testing::arabic());
Board hindi = testing::script_board(testing::hindi());
Board greek = testing::script_board(testing::greek());
Board cyrillic = testing::script_board(testing::cyrillic());
Board long_chinese = testing::script_board(testing::long_chinese());
Board missing_glyph = testing::script_board(testing::missing_glyph());

const std::vector<Case>& cases() {
    static const std::vector<Case> all = {
        {"now", "now", [] { return input_for(morning); }},
        {"now-between", "now", [] { return input_for(midday); }},
        {"now-no-abstract", "now", [] { return input_for(no_abstract); }},
        {"talk", "talk-2", [] { return input_for(morning); }},
        {"up-next", "up-next", [] { return input_for(morning); }},
        {"around", "around", [] { return input_for(morning); }},
        {"later", "later", [] { return input_for(morning); }},
        {"tomorrow", "tomorrow", [] { return input_for(evening); }},
        {"before", "status", [] { return input_for(before); }},
        {"after", "status", [] { return input_for(after); }},
        {"no-program", "status",
         [] {
             return DeckInput{nullptr, "Exhibit Hall A", at("09:00"), {}};
         }},
        {"announcement", "announcement",
         [] {
             auto in = input_for(morning);
             in.announcements = {testing::lunch_announcement()};
             return in;
         }},
        {"ticker-now", "now",
         [] {
             auto in = input_for(morning);
             in.announcements = {coffee()};
             return in;
         }},
        {"overview", "overview-1", [] { return overview_input(); }},
        // Staff marked the room full: large beside the title, in the header elsewhere, and on
        // the room's row of the overview.
        {"now-full", "now", [] { return full(input_for(morning)); }},
        {"up-next-full", "up-next", [] { return full(input_for(morning)); }},
        {"overview-full", "overview-1", [] { return full(overview_input()); }},
        {"ticker-overview", "overview-1",
         [] {
             auto in = overview_input();
             in.announcements = {coffee()};
             return in;
         }},
        {"script-chinese", "now", [] { return input_for(chinese); }, true},
        {"script-arabic", "now", [] { return input_for(arabic); }, true},
        {"script-hindi", "now", [] { return input_for(hindi); }, true},
        {"script-greek", "now", [] { return input_for(greek); }, true},
        {"script-cyrillic", "now", [] { return input_for(cyrillic); }, true},
        {"script-long-chinese", "now", [] { return input_for(long_chinese); }, true},
        {"script-missing-glyph", "now", [] { return input_for(missing_glyph); }, true},
    };
    return all;
}

// Draws one case; the deck and chrome must lay out without problems.
Image draw(const Case& c, Size size) {
    Theme theme;
    DeckOptions options;
    DeckInput in = c.input();
    Deck deck = build_deck(in, size, theme, options, fonts());
    const Slide* slide = nullptr;
    std::size_t index = 0;
    for (std::size_t i = 0; i < deck.slides.size(); ++i) {
        if (deck.slides[i].name == c.slide) {
            slide = &deck.slides[i];
            index = i;
        }
    }
    if (slide == nullptr) {
        ADD_FAILURE() << "no slide " << c.slide;
        return {};
    }
    for (const auto& p : slide->problems) ADD_FAILURE() << c.name << ": " << p.what;
    std::string room = in.board ? in.board->room : in.room;
    std::string tz = in.board ? in.board->timezone : "America/Los_Angeles";
    Slide chrome = layout_chrome(
        {room, tz, in.at, index, deck.slides.size(), "", full_in_header(deck, index), deck.tickers},
        size, theme, options, fonts());
    for (const auto& p : chrome.problems) ADD_FAILURE() << c.name << " chrome: " << p.what;
    auto canvas = Canvas::create(size, fonts());
    if (!canvas) throw std::runtime_error(canvas.error().front().message);
    canvas.value()->draw(theme, slide, 1.0, chrome);
    return canvas.value()->image();
}

class Golden : public ::testing::TestWithParam<std::tuple<Case, Size>> {};

TEST_P(Golden, MatchesTheReviewedPicture) {
    const auto& [c, size] = GetParam();
    if (c.fallback && !have_fallback_fonts()) {
        GTEST_SKIP() << "Noto is not installed (apt-get install fonts-noto-core fonts-noto-cjk)";
    }
    std::string dims = std::to_string(size.w) + "x" + std::to_string(size.h);
    fs::path golden = fs::path(KIOSK_TEST_DATA_DIR) / "golden" / dims / (c.name + ".png");
    fs::path out_dir = fs::path(KIOSK_BINARY_DIR) / "golden" / dims;
    Image img = draw(c, size);
    ASSERT_EQ(img.w, size.w);
    const char* bless = std::getenv("KIOSK_BLESS");
    if (bless != nullptr && std::string(bless) == "1") {
        fs::create_directories(golden.parent_path());
        ASSERT_TRUE(write_png(golden.string(), img).has_value());
        GTEST_SKIP() << "blessed " << golden;
    }
    auto expected = read_png(golden.string());
    ASSERT_TRUE(expected.has_value())
        << expected.error().front().file << ": " << expected.error().front().message
        << " (bless with KIOSK_BLESS=1 after reviewing the picture)";
    ASSERT_EQ(expected->w, img.w);
    ASSERT_EQ(expected->h, img.h);
    // A pixel differs when a channel is off by more than 24 of 255 (anti-aliasing and rounding
    // stay below that); a picture differs when more than 0.05% of its pixels do.
    Image diff = img;
    std::size_t differing = 0;
    for (std::size_t i = 0; i < img.rgb.size(); i += 3) {
        bool off = false;
        for (std::size_t k = 0; k < 3; ++k) {
            off |= std::abs(int(img.rgb[i + k]) - int(expected->rgb[i + k])) > 24;
        }
        if (off) {
            ++differing;
            diff.rgb[i] = 255;
            diff.rgb[i + 1] = diff.rgb[i + 2] = 0;
        } else {
            for (std::size_t k = 0; k < 3; ++k) diff.rgb[i + k] /= 3;  // dimmed context
        }
    }
    std::size_t allowed = img.rgb.size() / 3 / 2000;
    if (differing > allowed) {
        fs::create_directories(out_dir);
        (void)write_png((out_dir / (c.name + ".png")).string(), img);
        (void)write_png((out_dir / (c.name + "-diff.png")).string(), diff);
        ADD_FAILURE() << differing << " pixels differ from " << golden << "; see " << out_dir << "/"
                      << c.name << "{,-diff}.png";
    }
}

std::string case_name(const ::testing::TestParamInfo<Golden::ParamType>& info) {
    const auto& [c, size] = info.param;
    std::string n = c.name + "_" + std::to_string(size.w) + "x" + std::to_string(size.h);
    for (auto& ch : n) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
    }
    return n;
}

// An announcement not started yet, and one over, draw nothing: the picture is the plain one.
TEST(GoldenAnnouncements, NotYetStartedOrOverDrawsThePlainSlide) {
    Case plain{"now", "now", [] { return input_for(morning); }};
    Case waiting{
        "now", "now", [] {
            auto in = input_for(morning);
            in.announcements = {
                {"Coffee in the foyer", at("10:00"), at("10:30"), AnnouncementLevel::ticker},
                {"Fire drill", at("11:00"), std::nullopt, AnnouncementLevel::urgent},
                {"Registration opens", std::nullopt, at("08:00"), AnnouncementLevel::ticker},
                {"Doors open", std::nullopt, at("08:30"), AnnouncementLevel::urgent}};
            return in;
        }};
    for (Size size : {Size{1920, 1080}, Size{1080, 1920}}) {
        EXPECT_TRUE(draw(waiting, size).rgb == draw(plain, size).rgb);
        EXPECT_FALSE(draw(Case{"ticker-now", "now",
                               [] {
                                   auto in = input_for(morning);
                                   in.announcements = {coffee()};
                                   return in;
                               }},
                          size)
                         .rgb == draw(plain, size).rgb);
    }
}

INSTANTIATE_TEST_SUITE_P(Slides, Golden,
                         ::testing::Combine(::testing::ValuesIn(cases()),
                                            ::testing::Values(Size{1920, 1080}, Size{1080, 1920})),
                         case_name);

}  // namespace
}  // namespace kiosk
