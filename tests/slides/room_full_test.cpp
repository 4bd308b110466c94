// ROOM FULL: where the badge shows (beside the title on Now, in the header elsewhere, on the
// overview's row), that it reads, and that a mark whose end has come shows nothing.
#include "kiosk/slides/room_full.h"

#include <gtest/gtest.h>

#include "kiosk/slides/deck.h"

#include "tests/support/fake_measurer.h"
#include "tests/support/overview_program.h"
#include "tests/support/sample_boards.h"
#include "tests/support/slide_text.h"

namespace kiosk {
namespace {

using testing::at;
using testing::has_text;

const testing::FakeMeasurer measure;
const Theme theme;
const Size landscape{1920, 1080};
const Size portrait{1080, 1920};

const std::string badge(full_badge_text);

Deck deck_with(const Board& b, std::vector<FullMark> full, Size size = landscape) {
    DeckInput in{&b, b.room, b.at, {}};
    in.full = std::move(full);
    return build_deck(in, size, theme, {}, measure);
}

const Slide& slide(const Deck& d, SlideKind kind) {
    for (const auto& s : d.slides) {
        if (s.kind == kind) return s;
    }
    throw std::runtime_error("no such slide");
}

const TextRun* find(const Slide& s, const std::string& text) {
    for (const auto& t : s.texts) {
        if (t.text == text) return &t;
    }
    return nullptr;
}

TEST(RoomFull, MarksApplyToTheirRoomUntilTheirEnd) {
    std::vector<FullMark> marks = {{"exhibit  hall a", at("10:00")}, {"Room 203", at("11:00")}};
    EXPECT_TRUE(is_full(marks, "Exhibit Hall A", at("09:59")));
    EXPECT_FALSE(is_full(marks, "Exhibit Hall A", at("10:00")));  // ends at its end
    EXPECT_FALSE(is_full(marks, "Ballroom", at("09:00")));
    EXPECT_FALSE(is_full(marks, "", at("09:00")));  // venue-wide is no room
    EXPECT_EQ(next_full_end(marks, at("09:00")), at("10:00"));
    EXPECT_EQ(next_full_end(marks, at("10:00")), at("11:00"));
    EXPECT_EQ(next_full_end(marks, at("11:00")), std::nullopt);
}

TEST(RoomFull, TheNowSlideShowsItLargeOverTheTitleAndTheHeaderOnOtherSlides) {
    Board b = testing::morning_board();
    for (Size size : {landscape, portrait}) {
        Deck d = deck_with(b, {{"Exhibit Hall A", at("10:30")}}, size);
        EXPECT_TRUE(d.room_full);
        const Slide& now = slide(d, SlideKind::now);
        const TextRun* big = find(now, badge);
        const TextRun* chip = find(now, "NOW \u00B7 ORAL");
        const TextRun* title = find(now, size == landscape ? "Outstanding Papers" : "Outstanding");
        ASSERT_NE(big, nullptr);
        ASSERT_NE(chip, nullptr);
        ASSERT_NE(title, nullptr);
        EXPECT_GT(big->box.y, chip->box.bottom());   // under the kind's chip...
        EXPECT_LT(big->box.bottom(), title->box.y);  // ...right over the title
        EXPECT_LT(title->box.y - big->box.bottom(), 60);
        EXPECT_LT(big->box.x - title->box.x, 50);  // at the margin
        EXPECT_EQ(big->style.px, 50);              // the room name's size: 4.6% of 1080
        EXPECT_EQ(big->style.weight, Weight::bold);
        EXPECT_EQ(big->style.colour, theme.on_kind);  // dark text...
        EXPECT_EQ(big->background, theme.full);       // ...on the badge's red
        EXPECT_GE(contrast_ratio(big->style.colour, big->background), 6.5);
        testing::expect_clean(d);
        // The header carries it on every slide but Now, which has its own.
        for (std::size_t i = 0; i < d.slides.size(); ++i) {
            EXPECT_EQ(full_in_header(d, i), d.slides[i].kind != SlideKind::now) << d.slides[i].name;
            Slide chrome = layout_chrome(
                {b.room, b.timezone, b.at, i, d.slides.size(), "", full_in_header(d, i)}, size,
                theme, {}, measure);
            EXPECT_EQ(has_text(chrome, badge), d.slides[i].kind != SlideKind::now);
            for (const auto& p : chrome.problems) ADD_FAILURE() << p.what;
        }
    }
}

TEST(RoomFull, AMarkWhoseEndHasComeOrForAnotherRoomShowsNothing) {
    Board b = testing::morning_board();  // 08:50
    for (const auto& marks : {std::vector<FullMark>{{"Exhibit Hall A", at("08:50")}},
                              std::vector<FullMark>{{"Mission City Ballroom", at("12:00")}}}) {
        Deck d = deck_with(b, marks);
        EXPECT_FALSE(d.room_full);
        for (const auto& s : d.slides) EXPECT_FALSE(has_text(s, badge)) << s.name;
        EXPECT_EQ(d, deck_with(b, {}));
    }
}

TEST(RoomFull, TheOverviewShowsItOnTheRoomsRowOnly) {
    Overview o = testing::overview_at(testing::overview_program(), "09:10");
    for (Size size : {landscape, portrait}) {
        DeckInput in{nullptr, "Santa Clara Convention Center", o.at, {}, &o};
        in.full = {{"Exhibit Hall A", at("10:00")}};
        Deck d = build_deck(in, size, theme, {}, measure);
        ASSERT_FALSE(d.slides.empty());
        const Slide& page = d.slides.front();
        const TextRun* mark = find(page, badge);
        const TextRun* room = find(page, "Exhibit Hall A");
        ASSERT_NE(mark, nullptr);
        ASSERT_NE(room, nullptr);
        EXPECT_GE(mark->box.x, room->box.x);  // under the room's name, in its column
        EXPECT_LT(mark->box.x, room->box.x + 40);
        EXPECT_GT(mark->box.y, room->box.bottom() - 1);
        EXPECT_LT(mark->box.y,
                  find(page, "Ballroom B") != nullptr ? find(page, "Ballroom B")->box.y : size.h);
        int badges = 0;
        for (const auto& s : d.slides) {
            for (const auto& t : s.texts) badges += t.text == badge;
        }
        EXPECT_EQ(badges, 1);
        testing::expect_clean(d);
        in.full = {{"Exhibit Hall A", at("09:10")}};  // ended
        EXPECT_EQ(build_deck(in, size, theme, {}, measure),
                  build_deck({nullptr, "Santa Clara Convention Center", o.at, {}, &o}, size, theme,
                             {}, measure));
    }
}

}  // namespace
}  // namespace kiosk
