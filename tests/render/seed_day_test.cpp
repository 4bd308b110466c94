// The seed program through the whole pipeline (importer, scheduler, slides, real fonts): every
// slide at every 10 minutes of its day (every 30 at 720p and 4K) lays out without overflow or
// overlap, readable contrast.
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "kiosk/core/config.h"
#include "kiosk/core/import/daypage.h"
#include "kiosk/core/scheduler.h"
#include "kiosk/core/time.h"
#include "kiosk/render/fonts.h"
#include "kiosk/slides/deck.h"

namespace kiosk {
namespace {

Program seed() {
    std::ifstream in(std::string(KIOSK_SOURCE_DIR) + "/data/program.txt", std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    Config config;
    config.venue.timezone = "America/Los_Angeles";
    auto day = date::local_days{date::year{2022} / 8 / 29};
    auto program = import_day_page(bytes.str(), import_options(config, "program.txt", day));
    if (!program) throw std::runtime_error(format_diagnostics(program.error()));
    return program.value();
}

// The minutes of every estimated time on a line ("≈ 13:20" → 20).
std::vector<int> estimated_minutes(const std::string& text) {
    std::vector<int> out;
    const std::string approx = "\u2248 ";
    for (auto at = text.find(approx); at != std::string::npos; at = text.find(approx, at + 1)) {
        auto colon = text.find(':', at);
        if (colon != std::string::npos && colon + 2 < text.size()) {
            out.push_back(std::stoi(text.substr(colon + 1, 2)));
        }
    }
    return out;
}

TEST(SeedDay, EverySlideEveryTenMinutesFitsAndReads) {
    auto fonts = FontSet::open({std::string(KIOSK_SOURCE_DIR) + "/assets/fonts"});
    ASSERT_TRUE(fonts.has_value());
    auto schedule = make_schedule(seed(), {});
    ASSERT_TRUE(schedule.has_value());
    const auto& zone = schedule->zone();
    Theme theme;
    DeckOptions options;
    std::size_t slides = 0;
    std::set<std::string> kinds;
    // Every 10 minutes at the two golden sizes; every 30 at the smallest and largest screens.
    for (auto [size, step] : {std::pair{Size{1920, 1080}, 10}, std::pair{Size{1080, 1920}, 10},
                              std::pair{Size{1280, 720}, 30}, std::pair{Size{3840, 2160}, 30}}) {
        auto t = date::make_zoned(
                     &zone, date::local_days{date::year{2022} / 8 / 29} + std::chrono::hours{6})
                     .get_sys_time();
        auto end = t + std::chrono::hours{18};
        for (; t < end; t += std::chrono::minutes{step}) {
            Instant at = date::floor<std::chrono::seconds>(t);
            auto board = make_board(*schedule, "Exhibit Hall A", at);
            ASSERT_TRUE(board.has_value());
            Deck deck = build_deck({&board.value(), "Exhibit Hall A", at, {}}, size, theme, options,
                                   *fonts.value());
            ASSERT_FALSE(deck.slides.empty());  // never a blank screen
            for (std::size_t i = 0; i < deck.slides.size(); ++i) {
                const Slide& s = deck.slides[i];
                SCOPED_TRACE(format_iso(at, zone) + " " + s.name + " " + std::to_string(size.w) +
                             "x" + std::to_string(size.h));
                for (const auto& p : s.problems) ADD_FAILURE() << p.what;
                for (const auto& text : s.texts) {
                    EXPECT_GE(contrast_ratio(text.style.colour, text.background), 4.5) << text.text;
                    // Estimates are shown to the nearest 5 minutes; the seed's afternoon talks
                    // are spread to 13:18, 13:36, 13:54.
                    for (int m : estimated_minutes(text.text)) EXPECT_EQ(m % 5, 0) << text.text;
                }
                Slide chrome =
                    layout_chrome({board->room, board->timezone, at, i, deck.slides.size(), ""},
                                  size, theme, options, *fonts.value());
                for (const auto& p : chrome.problems) ADD_FAILURE() << "chrome: " << p.what;
                ++slides;
                kinds.insert(to_string(s.kind));
            }
        }
    }
    // The day shows every kind of slide a one-day program can: before, during, between and after
    // sessions (no "tomorrow": the seed has no second day).
    EXPECT_EQ(kinds, (std::set<std::string>{"now", "talk", "up-next", "around", "later", "status"}))
        << ::testing::PrintToString(kinds);
    EXPECT_GT(slides, 500u);
}

}  // namespace
}  // namespace kiosk
