// The overview slides: one row per room, paged, readable, and nothing out of its box.
#include <gtest/gtest.h>

#include "kiosk/slides/deck.h"

#include "tests/support/fake_measurer.h"
#include "tests/support/overview_program.h"
#include "tests/support/slide_text.h"

namespace kiosk {
namespace {

using testing::all_text;
using testing::says;

const testing::FakeMeasurer measure;
const Theme theme;
const Size landscape{1920, 1080};
const Size portrait{1080, 1920};

Deck overview_deck(const Overview& o, Size size, std::vector<Announcement> a = {}) {
    DeckInput in{nullptr, "Santa Clara Convention Center", o.at, std::move(a), &o};
    return build_deck(in, size, theme, {}, measure);
}

std::string all_text(const Deck& d) {
    std::string out;
    for (const auto& s : d.slides) out += all_text(s) + " ";
    return out;
}

// Clean as every deck must be, and never drawn below body size to fit, except a chip's text
// (as on every slide).
void expect_clean(const Deck& d) {
    testing::expect_clean(d);
    for (const auto& s : d.slides) {
        for (const auto& t : s.texts) {
            EXPECT_GE(t.style.px, static_cast<int>(1080 * theme.type.body * 0.92))
                << s.name << ": " << t.text;
        }
    }
}

TEST(Overview, OneSlideWithEveryRoomsNowAndNext) {
    auto o = testing::overview_at(testing::overview_program(), "09:10");
    for (Size size : {landscape, portrait}) {
        auto d = overview_deck(o, size);
        expect_clean(d);
        ASSERT_FALSE(d.slides.empty());
        EXPECT_EQ(d.slides[0].name, "overview-1");
        EXPECT_EQ(d.slides[0].kind, SlideKind::overview);
        EXPECT_TRUE(says(d.slides[0], "NOW IN EVERY ROOM"));
        // Four rooms and the venue-wide row: one page on a portrait screen, at most two on a
        // landscape one.
        EXPECT_LE(d.slides.size(), size.h > size.w ? 1u : 2u);
        Slide s;
        for (const auto& page : d.slides)
            s.texts.insert(s.texts.end(), page.texts.begin(), page.texts.end());
        EXPECT_TRUE(says(s, "Exhibit Hall A"));
        EXPECT_TRUE(says(s, "ORAL"));
        EXPECT_TRUE(says(s, "Outstanding Papers"));
        EXPECT_TRUE(says(s, "until \u2248 10:00 \u00B7 on stage"));
        EXPECT_TRUE(says(s, "next 13:00"));
        EXPECT_TRUE(says(s, "Distributed and Parallel"));
        EXPECT_TRUE(says(s, "until 12:00"));
        EXPECT_TRUE(says(s, "free until 11:30"));
        EXPECT_TRUE(says(s, "opens 17:30"));
        EXPECT_TRUE(says(s, "Welcome Reception"));
        EXPECT_TRUE(says(s, "Venue-wide"));
        EXPECT_TRUE(says(s, "Registration Check-in Desk")) << all_text(s);
    }
}

TEST(Overview, NothingNowIsMutedAndRowsFollowTheProgram) {
    auto o = testing::overview_at(testing::overview_program(), "09:10");
    auto d = overview_deck(o, landscape);
    const Slide& s = d.slides[0];
    std::vector<int> ys;
    for (const auto& t : s.texts) {
        if (t.text == "Nothing now") {
            EXPECT_EQ(t.style.colour, theme.muted);
        }
        for (const char* room : {"Exhibit Hall A", "Ballroom B", "Room 203"}) {
            if (t.text == room) ys.push_back(t.box.y);
        }
    }
    ASSERT_EQ(ys.size(), 3u);
    EXPECT_LT(ys[0], ys[1]);
    EXPECT_LT(ys[1], ys[2]);
}

TEST(Overview, MoreRoomsThanFitArePagedNotShrunk) {
    auto o = testing::overview_at(testing::overview_program(12), "10:30");
    for (Size size : {landscape, portrait}) {
        auto d = overview_deck(o, size);
        expect_clean(d);
        ASSERT_GT(d.slides.size(), 1u);
        std::size_t pages = d.slides.size();
        EXPECT_TRUE(says(d.slides[0], "1 OF " + std::to_string(pages)));
        EXPECT_EQ(d.slides.back().name, "overview-" + std::to_string(pages));
        // Every room once, across the pages.
        std::string text = all_text(d);
        for (int i = 0; i < 12; ++i) {
            std::string room = "Room " + std::to_string(301 + i);
            auto at = text.find(room + " ");
            EXPECT_NE(at, std::string::npos) << room;
            EXPECT_EQ(text.find(room + " ", at + 1), std::string::npos) << room;
        }
    }
}

TEST(Overview, LateInTheDayRoomsSayNothingMoreToday) {
    auto o = testing::overview_at(testing::overview_program(), "18:00");
    auto d = overview_deck(o, landscape);
    expect_clean(d);
    EXPECT_TRUE(says(d.slides[0], "nothing more today"));
    EXPECT_TRUE(says(d.slides[0], "SOCIAL"));
}

TEST(Overview, AnAnnouncementStillComesFirst) {
    auto o = testing::overview_at(testing::overview_program(), "09:10");
    auto d = overview_deck(
        o, landscape,
        {{"Coffee in the foyer", std::nullopt, std::nullopt, AnnouncementLevel::urgent}});
    ASSERT_GE(d.slides.size(), 2u);
    EXPECT_EQ(d.slides[0].name, "announcement");
    EXPECT_EQ(d.slides[1].name, "overview-1");
}

// A ticker: the rows end above the notice band, and still never drawn below body size.
TEST(Overview, ATickerLeavesTheRowsAboveTheBand) {
    auto o = testing::overview_at(testing::overview_program(), "09:10");
    for (Size size : {landscape, portrait}) {
        auto plain = overview_deck(o, size);
        SCOPED_TRACE(std::to_string(size.w) + "x" + std::to_string(size.h));
        auto d = overview_deck(o, size,
                               {{"Coffee is served in the foyer until 10:30", std::nullopt,
                                 std::nullopt, AnnouncementLevel::ticker}});
        expect_clean(d);
        EXPECT_EQ(d.tickers.size(), 1u);
        EXPECT_GE(d.slides.size(), plain.slides.size());
    }
}

}  // namespace
}  // namespace kiosk
