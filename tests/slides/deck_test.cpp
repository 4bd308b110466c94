// The deck for a board: which slides, what they say, and that everything fits and is readable.
#include "kiosk/slides/deck.h"

#include <cmath>

#include <gtest/gtest.h>

#include "kiosk/slides/deck_parts.h"

#include "tests/support/fake_measurer.h"
#include "tests/support/sample_boards.h"
#include "tests/support/slide_text.h"

namespace kiosk {
namespace {

using testing::all_text;
using testing::at;
using testing::expect_clean;
using testing::has_text;
using testing::says;
using testing::texts;

const testing::FakeMeasurer measure;
const Theme theme;
const Size landscape{1920, 1080};
const Size portrait{1080, 1920};

Deck deck_for(const Board& b, Size size = landscape, std::vector<Announcement> a = {},
              DeckOptions options = {}) {
    return build_deck({&b, b.room, b.at, std::move(a)}, size, theme, options, measure);
}

Announcement urgent(std::string text, std::optional<Instant> until = std::nullopt) {
    return {std::move(text), std::nullopt, until, AnnouncementLevel::urgent};
}

Announcement ticker(std::string text, std::optional<Instant> from = std::nullopt,
                    std::optional<Instant> until = std::nullopt) {
    return {std::move(text), from, until, AnnouncementLevel::ticker};
}

std::vector<std::string> names(const Deck& d) {
    std::vector<std::string> out;
    for (const auto& s : d.slides) out.push_back(s.name);
    return out;
}

const Slide& slide(const Deck& d, const std::string& name) {
    for (const auto& s : d.slides) {
        if (s.name == name) return s;
    }
    throw std::runtime_error("no slide " + name);
}

TEST(Geometry, ScalesFromTheShortSide) {
    auto l = Geometry::for_screen(landscape);
    auto p = Geometry::for_screen(portrait);
    EXPECT_EQ(l.unit, 1080);
    EXPECT_EQ(p.unit, 1080);
    EXPECT_EQ(l.margin, 80);
    EXPECT_EQ(l.header_h, p.header_h);
    EXPECT_EQ(Geometry::for_screen({3840, 2160}).margin, 160);
    EXPECT_EQ(l.px(theme.type.display), 96);
}

TEST(Deck, DuringASessionNowThenTalksThenTheRestOfTheDay) {
    auto d = deck_for(testing::morning_board());
    // Talk 3 has no abstract, so its spotlight is skipped; three spotlights at most.
    EXPECT_EQ(names(d), (std::vector<std::string>{"now", "talk-1", "talk-2", "talk-4", "up-next",
                                                  "around", "later"}));
    EXPECT_EQ(d.session_key, "Outstanding Papers@2022-08-29T08:45:00-07:00");
    expect_clean(d);
}

TEST(Deck, NowSaysWhatIsOnWhatIsOnStageAndWhatIsNext) {
    auto d = deck_for(testing::morning_board());
    const auto& now = slide(d, "now");
    EXPECT_TRUE(has_text(now, "NOW \u00B7 ORAL")) << ::testing::PrintToString(texts(now));
    EXPECT_TRUE(has_text(now, "Outstanding Papers"));
    EXPECT_TRUE(has_text(now, "08:45 \u2013 \u2248 10:00   \u00B7  ends in about 70 min"));
    EXPECT_TRUE(has_text(now, "ON STAGE   \u2248 08:45"));
    EXPECT_TRUE(has_text(now, "Pathways"));
    EXPECT_TRUE(has_text(now, "NEXT   \u2248 09:00"));
    EXPECT_TRUE(has_text(now, "QuadraLib"));
    EXPECT_TRUE(has_text(now, "Later here: 13:00  Distributed and Parallel Learning"));
    // The progress bar: a track and the done part, 5 of 75 minutes.
    ASSERT_GE(now.fills.size(), 2u);
}

TEST(Deck, TheLastTalkPointsToTheNextSessionHere) {
    auto d = deck_for(testing::morning_board("09:50"));
    const auto& now = slide(d, "now");
    EXPECT_TRUE(has_text(now, "GPU semiring primitives"));
    EXPECT_TRUE(has_text(now, "NEXT HERE   13:00"));
    EXPECT_TRUE(has_text(now, "Distributed and Parallel Learning"));
    // The footer would repeat the band, so it is left out.
    for (const auto& t : now.texts) EXPECT_EQ(t.text.find("Later here"), std::string::npos);
    expect_clean(d);
}

// The afternoon board at `now`: the first afternoon session on, its talks as the scheduler spread
// them (on stage by their exact, unrounded starts, as the scheduler decides).
Board afternoon_board(const std::string& now) {
    Board b = testing::morning_board(now);
    b.now = {testing::on_now(testing::distributed_learning(), now)};
    b.next.clear();
    b.later.clear();
    return b;
}

TEST(Deck, EstimatedTalkTimesAreShownToTheNearestFiveMinutes) {
    auto d = deck_for(afternoon_board("13:25"), portrait);
    const auto& now = slide(d, "now");
    EXPECT_TRUE(has_text(now, "ON STAGE   \u2248 13:20")) << ::testing::PrintToString(texts(now));
    EXPECT_TRUE(has_text(now, "SAR"));
    EXPECT_TRUE(has_text(now, "NEXT   \u2248 13:35"));
    EXPECT_TRUE(has_text(now, "Talk 3"));
    EXPECT_TRUE(has_text(now, "then \u2248 13:55 LightSecAgg"));
    // The relative time counts to the time shown, not to the scheduler's 13:54.
    auto wide = deck_for(afternoon_board("13:25"));
    EXPECT_TRUE(has_text(slide(wide, "talk-4"), "\u2248 13:55 \u00B7 starts in about 30 min"))
        << all_text(slide(wide, "talk-4"));
    expect_clean(d);
}

TEST(Deck, WhatIsOnStageFollowsTheTimesShown) {
    // At 13:19 the scheduler has SAR on stage (13:18); the sign shows it at about 13:20, so it
    // is still next, and the talk before it is on stage.
    auto b = afternoon_board("13:19");
    ASSERT_EQ(b.now.front().on_stage, 1u);
    auto d = deck_for(b, portrait);
    const auto& now = slide(d, "now");
    EXPECT_TRUE(has_text(now, "ON STAGE   \u2248 13:00")) << ::testing::PrintToString(texts(now));
    EXPECT_TRUE(has_text(now, "BNS-GCN"));
    EXPECT_TRUE(has_text(now, "NEXT   \u2248 13:20"));
    EXPECT_TRUE(has_text(now, "SAR"));
    EXPECT_EQ(names(d).at(1), "talk-1");
    auto wide = deck_for(b);
    EXPECT_TRUE(has_text(slide(wide, "talk-2"), "\u2248 13:20 \u00B7 starts in about 1 min"));
    // At 13:20 it is on.
    auto at_1320 = deck_for(afternoon_board("13:20"), portrait);
    EXPECT_TRUE(has_text(slide(at_1320, "now"), "ON STAGE   \u2248 13:20"));
}

TEST(Deck, ExactTimesAreShownAsTheyAre) {
    auto b = afternoon_board("13:19");
    auto s = testing::distributed_learning();
    for (auto& t : s.talks) t.estimated = false;
    s.end_estimated = false;
    b.now = {testing::on_now(s, "13:19")};
    auto d = deck_for(b, portrait);
    const auto& now = slide(d, "now");
    EXPECT_TRUE(has_text(now, "ON STAGE   13:18")) << ::testing::PrintToString(texts(now));
    EXPECT_TRUE(has_text(now, "NEXT   13:36"));
    EXPECT_TRUE(has_text(now, "then 13:54 LightSecAgg"));
    EXPECT_TRUE(has_text(now, "13:00 \u2013 14:15   \u00B7  ends in 56 min"));
}

TEST(Deck, EstimatedEndsAreRoundedToo) {
    auto b = afternoon_board("13:25");
    auto s = testing::distributed_learning();
    s.end = at("14:13");  // inferred by the scheduler from a next session at 14:13
    b.now = {testing::on_now(s, "13:25")};
    auto d = deck_for(b);
    const auto& now = slide(d, "now");
    EXPECT_TRUE(has_text(now, "13:00 \u2013 \u2248 14:15   \u00B7  ends in about 50 min"))
        << ::testing::PrintToString(texts(now));
}

const TextRun* find_text(const Slide& s, const std::string& text) {
    for (const auto& t : s.texts) {
        if (t.text == text) return &t;
    }
    return nullptr;
}

TEST(Deck, ATalkWithNoAbstractGetsTheRunningOrderWhereThereIsRoom) {
    // At 09:20 "Talk 3" is on stage: the program has neither its title nor its abstract.
    auto d = deck_for(testing::morning_board("09:20"), portrait);
    const auto& now = slide(d, "now");
    EXPECT_TRUE(has_text(now, "ON STAGE   \u2248 09:15")) << ::testing::PrintToString(texts(now));
    EXPECT_TRUE(has_text(now, "The program gives no abstract for this talk."));
    EXPECT_TRUE(has_text(now, "THIS SESSION"));
    // Every talk with its time, the one on stage in the kind's colour, those over dimmed.
    for (std::string time : {"08:45", "09:00", "09:15", "09:30", "09:45"}) {
        EXPECT_TRUE(has_text(now, "\u2248 " + time)) << time;
    }
    const TextRun* pathways = find_text(now, "Pathways");
    ASSERT_NE(pathways, nullptr);
    EXPECT_EQ(pathways->style.colour, theme.faint);
    const TextRun* ml_exray = nullptr;
    const TextRun* on_stage = nullptr;
    for (const auto& t : now.texts) {
        if (t.text == "ML-EXray" && t.style.colour == theme.body) ml_exray = &t;
        if (t.text == "Talk 3" && t.style.weight == Weight::semibold) on_stage = &t;
    }
    ASSERT_NE(ml_exray, nullptr);
    ASSERT_NE(on_stage, nullptr);
    EXPECT_EQ(on_stage->style.colour, theme.kind_colour("Oral"));
    EXPECT_LT(pathways->box.y, on_stage->box.y);
    EXPECT_LT(on_stage->box.y, ml_exray->box.y);
    expect_clean(d);
}

TEST(Deck, ATalkWithNoAbstractSaysSoWhereTheRunningOrderDoesNotFit) {
    for (Size size : {landscape, Size{1280, 720}, Size{3840, 2160}}) {
        SCOPED_TRACE(std::to_string(size.w) + "x" + std::to_string(size.h));
        auto d = deck_for(testing::morning_board("09:20"), size);
        const auto& now = slide(d, "now");
        EXPECT_TRUE(has_text(now, "The program gives no abstract for this talk."))
            << ::testing::PrintToString(texts(now));
        EXPECT_FALSE(has_text(now, "THIS SESSION"));  // never a running order cut short
        expect_clean(d);
    }
}

TEST(Deck, ATalkWithNoAbstractButSpeakersNamesThem) {
    auto b = testing::morning_board("09:20");
    auto papers = testing::outstanding_papers();
    papers.talks[2].speakers = {"Ada Lovelace", "Charles Babbage"};
    b.now = {testing::on_now(papers, "09:20")};
    auto d = deck_for(b, portrait);
    const auto& now = slide(d, "now");
    EXPECT_TRUE(has_text(now, "Ada Lovelace, Charles Babbage"))
        << ::testing::PrintToString(texts(now));
    EXPECT_TRUE(has_text(now, "The program gives no abstract for this talk."));
    EXPECT_TRUE(has_text(now, "THIS SESSION"));
    expect_clean(d);
}

TEST(Deck, BetweenSessionsNowFeaturesTheNextSessionHere) {
    auto d = deck_for(testing::midday_board());
    const auto& now = slide(d, "now");
    EXPECT_TRUE(has_text(now, "NEXT HERE \u00B7 ORAL"));
    EXPECT_TRUE(says(now, "Distributed and Parallel Learning")) << all_text(now);
    EXPECT_TRUE(has_text(now, "13:00 \u2013 \u2248 14:15   \u00B7  starts in 2 h"));
    EXPECT_EQ(d.session_key, "");
    expect_clean(d);
}

TEST(Deck, UntimedSessionsSayTimeToBeAnnounced) {
    auto d = deck_for(testing::morning_board());
    const auto& later = slide(d, "later");
    // Up next has every timed session: the untimed are today's, not necessarily later.
    EXPECT_TRUE(has_text(later, "ALSO TODAY"));
    EXPECT_TRUE(has_text(later, " \u00B7 room and time to be announced")) << all_text(later);
    // The time column says so too, in the short form, level with each untimed title.
    const TextRun* title = nullptr;
    const TextRun* tba = nullptr;
    for (const auto& t : later.texts) {
        if (t.text == "Systems for ML and ML for Systems: A Virtuous Cycle") title = &t;
        if (t.text == "TBA" && tba == nullptr) tba = &t;
    }
    ASSERT_NE(title, nullptr) << all_text(later);
    ASSERT_NE(tba, nullptr) << all_text(later);
    EXPECT_EQ(tba->box.x, Geometry::for_screen(landscape).content.x);
    EXPECT_LT(tba->box.right(), title->box.x);
    EXPECT_EQ(tba->box.y + measure.metrics(tba->style.weight, tba->style.px).ascent,
              title->box.y + measure.metrics(title->style.weight, title->style.px).ascent);
    EXPECT_EQ(tba->style, slide(d, "up-next").texts.at(1).style);  // as the times of Up next
    // Sessions already on Up next are not listed again.
    EXPECT_FALSE(says(later, "ML Compilers & Runtime"));
    EXPECT_TRUE(says(slide(d, "up-next"), "ML Compilers & Runtime"));
}

TEST(Deck, AroundTheVenueNamesRoomsAndVenueWideEvents) {
    auto d = deck_for(testing::morning_board());
    const auto& around = slide(d, "around");
    EXPECT_TRUE(has_text(around, "Registration Check-in Desk"));
    EXPECT_TRUE(has_text(around, " \u00B7 venue-wide \u00B7 on now until \u2248 09:00"));
    EXPECT_TRUE(has_text(around, "Mission City Ballroom \u00B7 starts in 8 h 40 min"));
}

// No line of the slide was cut short with "…".
void expect_nothing_cut(const Slide& s) {
    for (const auto& t : s.texts) EXPECT_FALSE(t.text.ends_with("\u2026")) << t.text;
}

TEST(Deck, OnAPortraitScreenListDetailsWrapRatherThanLoseTheirEnd) {
    auto b = testing::morning_board("18:00");
    auto reception = testing::session("", "Welcome Reception", "17:30", "19:30",
                                      std::string("Mission City Ballroom"));
    b.elsewhere = {board_session(reception)};
    auto d = deck_for(b, portrait);
    const auto& around = slide(d, "around");
    EXPECT_TRUE(has_text(around, "on now until \u2248 19:30")) << all_text(around);
    expect_nothing_cut(around);
    expect_clean(d);
    // A wide screen keeps it on one line.
    EXPECT_TRUE(has_text(slide(deck_for(b), "around"),
                         "Mission City Ballroom \u00B7 on now until \u2248 19:30"));
}

// The footer's lines (below the slide's content, left of the dots), read together.
std::string footer_text(const Slide& s, Size size) {
    auto g = Geometry::for_screen(size);
    std::string out;
    for (const auto& t : s.texts) {
        if (t.box.y >= g.footer_y - g.px(0.06)) out += (out.empty() ? "" : " ") + t.text;
    }
    return out;
}

TEST(Deck, OnAPortraitScreenFootersTakeASecondLineRatherThanLoseTheirEnd) {
    auto d = deck_for(testing::morning_board(), portrait);
    EXPECT_EQ(footer_text(slide(d, "now"), portrait),
              "Later here: 13:00 Distributed and Parallel Learning");
    auto afternoon = deck_for(afternoon_board("13:25"), portrait);
    EXPECT_EQ(footer_text(slide(afternoon, "talk-4"), portrait),
              "Distributed and Parallel Learning \u00B7 Oral");
    expect_clean(d);
    expect_clean(afternoon);
    // A wide screen keeps one line, as typed.
    EXPECT_EQ(footer_text(slide(deck_for(testing::morning_board()), "now"), landscape),
              "Later here: 13:00  Distributed and Parallel Learning");
}

TEST(Deck, LaterTodayWhenTimedSessionsFollowAlsoTodayForUntimedOnly) {
    auto b = testing::morning_board();
    for (int h = 17; h < 23; ++h) {
        auto s = testing::session("Oral", "Evening orals " + std::to_string(h),
                                  std::to_string(h) + ":00", std::to_string(h) + ":45",
                                  "Exhibit Hall A");
        b.later.insert(b.later.end() - 2, board_session(s));
    }
    auto d = deck_for(b);
    EXPECT_TRUE(has_text(slide(d, "later"), "LATER TODAY")) << all_text(slide(d, "later"));
    EXPECT_TRUE(has_text(slide(deck_for(testing::midday_board()), "later"), "ALSO TODAY"));
}

TEST(Deck, DoneHereForTheDaySaysWhatIsOnElsewhere) {
    auto b = testing::status_board(RoomStatus::after_last_session, "18:00");
    b.elsewhere = {board_session(testing::session("", "Welcome Reception", "17:30", "19:30",
                                                  std::string("Mission City Ballroom")))};
    auto d = deck_for(b);
    ASSERT_EQ(names(d).at(0), "status");
    EXPECT_TRUE(
        says(d.slides[0], "Welcome Reception is on in Mission City Ballroom, until \u2248 19:30."))
        << all_text(d.slides[0]);
    b.at = at("17:00");
    EXPECT_TRUE(
        says(deck_for(b).slides[0], "Welcome Reception starts at 17:30 in Mission City Ballroom."));
    b.elsewhere.clear();
    EXPECT_EQ(all_text(deck_for(b).slides[0]),
              "THAT'S ALL HERE TODAY No more sessions in this room today");
    expect_clean(d);
}

TEST(Deck, LongTitlesInListsTakeASecondLineOnWideScreensToo) {
    auto later = slide(deck_for(testing::morning_board()), "later");
    EXPECT_TRUE(says(later,
                     "Gemmini: Enabling Systematic Deep-Learning Architecture Evaluation "
                     "via Full-Stack Integration"))
        << all_text(later);
    expect_nothing_cut(later);
}

TEST(Deck, EmptySlidesAreLeftOut) {
    auto b = testing::morning_board();
    b.elsewhere.clear();
    b.later = b.next;
    auto d = deck_for(b);
    EXPECT_EQ(names(d), (std::vector<std::string>{"now", "talk-1", "talk-2", "talk-4", "up-next"}));
    DeckOptions only_now;
    only_now.show_talks = only_now.show_up_next = only_now.show_around = only_now.show_later =
        false;
    EXPECT_EQ(names(deck_for(b, landscape, {}, only_now)), std::vector<std::string>{"now"});
}

TEST(Deck, StatusSlidesWhenThereIsNothingOnHere) {
    using testing::status_board;
    auto before = deck_for(status_board(RoomStatus::before_conference, "2022-08-28T10:00"));
    ASSERT_EQ(names(before), std::vector<std::string>{"status"});
    EXPECT_TRUE(has_text(before.slides[0], "Welcome"));

    auto over = deck_for(status_board(RoomStatus::after_conference, "2022-08-30T10:00"));
    EXPECT_TRUE(has_text(over.slides[0], "The conference is over"));

    auto evening = status_board(RoomStatus::after_last_session, "20:00");
    auto tomorrow = testing::session("Oral", "Sparsity", "2022-08-30T09:00", "2022-08-30T10:30",
                                     "Exhibit Hall A");
    evening.next_day_first = board_session(tomorrow);
    auto d = deck_for(evening);
    ASSERT_EQ(names(d), std::vector<std::string>{"tomorrow"});
    EXPECT_TRUE(has_text(d.slides[0], "Tomorrow here: Sparsity"));
    EXPECT_TRUE(has_text(d.slides[0], "Tue 30 Aug \u00B7 09:00 \u2013 \u2248 10:30 \u00B7 ORAL"));
    expect_clean(d);
}

TEST(Deck, NoProgramLoadedIsAStatusSlideNamingTheRoom) {
    auto d =
        build_deck({nullptr, "Exhibit Hall A", at("09:00"), {}}, landscape, theme, {}, measure);
    ASSERT_EQ(names(d), std::vector<std::string>{"status"});
    EXPECT_TRUE(has_text(d.slides[0], "The schedule is on its way"));
    EXPECT_TRUE(says(d.slides[0], "The program for Exhibit Hall A appears here as soon as"));
}

TEST(Deck, AnAnnouncementComesFirstUntilItExpires) {
    auto b = testing::morning_board();
    Announcement a = urgent("Lunch is served in Hall B until 14:00", at("14:00"));
    auto d = deck_for(b, landscape, {a});
    ASSERT_FALSE(d.slides.empty());
    EXPECT_EQ(d.slides[0].name, "announcement");
    EXPECT_TRUE(has_text(d.slides[0], "until 14:00"));
    EXPECT_EQ(d.next_change, at("14:00"));  // the screen must wake to end it
    a.until = at("08:00");
    EXPECT_EQ(deck_for(b, landscape, {a}).slides[0].name, "now");
    EXPECT_EQ(deck_for(b, landscape, {a}).next_change, std::nullopt);
    EXPECT_EQ(deck_for(b, landscape, {urgent("   ")}).slides[0].name, "now");
}

TEST(Deck, SeveralUrgentAnnouncementsTakeTurnsAheadOfTheRotation) {
    auto b = testing::morning_board();
    auto d = deck_for(b, landscape,
                      {urgent("Keynote moved to Ballroom B"), ticker("Coffee in the foyer"),
                       urgent("Registration closes at 18:00")});
    ASSERT_GE(d.slides.size(), 3u);
    EXPECT_EQ(d.slides[0].name, "announcement-1");
    EXPECT_TRUE(says(d.slides[0], "Keynote moved to Ballroom B"));
    EXPECT_EQ(d.slides[1].name, "announcement-2");
    EXPECT_TRUE(says(d.slides[1], "Registration closes at 18:00"));
    EXPECT_EQ(d.slides[2].name, "now");
    EXPECT_EQ(d.tickers, std::vector<std::string>{"Coffee in the foyer"});
    expect_clean(d);
}

// A ticker is no slide: a band at the foot of every slide, which the slides end above.
TEST(Deck, ATickerIsABandUnderEverySlideThatNothingOverlaps) {
    for (Size size : {landscape, portrait, Size{1280, 720}}) {
        SCOPED_TRACE(std::to_string(size.w) + "x" + std::to_string(size.h));
        auto b = testing::morning_board();
        auto plain = deck_for(b, size);
        auto d = deck_for(b, size, {ticker("Coffee is served in the foyer until 10:30")});
        EXPECT_EQ(names(d), names(plain));  // no slide more
        EXPECT_EQ(d.tickers, std::vector<std::string>{"Coffee is served in the foyer until 10:30"});
        expect_clean(d);
        auto chrome =
            layout_chrome({b.room, b.timezone, b.at, 1, d.slides.size(), "", false, d.tickers},
                          size, theme, {}, measure);
        EXPECT_TRUE(chrome.problems.empty());
        ASSERT_TRUE(has_text(chrome, "NOTICE"));
        EXPECT_TRUE(says(chrome, "Coffee is served in the foyer"));
        // The band: the panel colour, the whole width, at the foot.
        int band_top = size.h;
        for (const auto& f : chrome.fills) {
            if (f.colour == theme.panel && f.box.w == size.w && f.box.bottom() == size.h) {
                band_top = f.box.y;
            }
        }
        ASSERT_LT(band_top, size.h);
        for (const auto& t : chrome.texts) {
            if (t.text == "NOTICE") {
                EXPECT_GE(t.box.y, band_top);
                EXPECT_EQ(t.style.colour, theme.on_kind);  // dark text on the notice chip
            } else if (t.box.y >= band_top) {
                EXPECT_GE(t.style.px, static_cast<int>(
                                          std::lround(theme.type.body * std::min(size.w, size.h))));
                EXPECT_EQ(t.background, theme.panel);
                EXPECT_LE(t.box.bottom(), size.h);
            } else {
                EXPECT_LE(t.box.bottom(), band_top) << t.text;  // header, rotation dots
            }
        }
        for (const auto& f : chrome.fills) {
            if (f.colour != theme.panel && f.colour != theme.notice && f.box.y < band_top) {
                EXPECT_LE(f.box.bottom(), band_top);
            }
        }
        for (const auto& s : d.slides) {
            SCOPED_TRACE(s.name);
            for (const auto& t : s.texts) EXPECT_LE(t.box.bottom(), band_top) << t.text;
            for (const auto& f : s.fills) EXPECT_LE(f.box.bottom(), band_top);
        }
    }
}

TEST(Deck, SeveralTickersTakeTurnsAMinuteEachAndALongOneIsShortened) {
    auto b = testing::morning_board();
    std::string longer;
    for (int i = 0; i < 30; ++i) longer += "The cloakroom moves to the ground floor. ";
    auto d = deck_for(b, landscape, {ticker("Coffee in the foyer"), ticker(longer)});
    ASSERT_EQ(d.tickers.size(), 2u);
    // Whatever the slide (a one-page overview has one): the minute says which.
    auto chrome = [&](int minutes, std::size_t slide = 0) {
        return layout_chrome({b.room, b.timezone, b.at + std::chrono::minutes{minutes}, slide,
                              d.slides.size(), "", false, d.tickers},
                             landscape, theme, {}, measure);
    };
    EXPECT_EQ(testing::all_text(chrome(0)), testing::all_text(chrome(0, 3)));
    // One minute the one, the next minute the other, then the one again.
    bool coffee = says(chrome(0), "Coffee in the foyer");
    EXPECT_NE(says(chrome(0), "The cloakroom moves"), coffee);
    EXPECT_NE(says(chrome(1), "Coffee in the foyer"), coffee);
    EXPECT_NE(says(chrome(1), "The cloakroom moves"), !coffee);
    EXPECT_EQ(says(chrome(2), "Coffee in the foyer"), coffee);
    // Two lines at most, the second ending in "…", and no problem reported.
    auto second = chrome(coffee ? 1 : 0);
    EXPECT_TRUE(second.problems.empty());
    int lines = 0;
    bool shortened = false;
    for (const auto& t : second.texts) {
        if (t.text.starts_with("The cloakroom") || t.text.find("cloakroom") != std::string::npos) {
            ++lines;
            shortened |= t.text.ends_with("\u2026");
        }
    }
    EXPECT_EQ(lines, 2);
    EXPECT_TRUE(shortened);
}

TEST(Deck, AnnouncementsStartAndEndOnTheClock) {
    auto b = testing::morning_board("08:50");
    // Not yet started: not shown, and the deck says when to look again.
    auto early = deck_for(
        b, landscape,
        {ticker("Coffee in the foyer", at("10:00"), at("10:30")), urgent("Fire drill at 11:00")});
    EXPECT_TRUE(early.tickers.empty());
    EXPECT_EQ(early.next_change, at("10:00"));
    auto started = deck_for(testing::morning_board("10:00"), landscape,
                            {ticker("Coffee in the foyer", at("10:00"), at("10:30"))});
    EXPECT_EQ(started.tickers, std::vector<std::string>{"Coffee in the foyer"});
    EXPECT_EQ(started.next_change, at("10:30"));
    // Over: gone, and nothing more to wait for.
    auto over = deck_for(testing::morning_board("10:30"), landscape,
                         {ticker("Coffee in the foyer", at("10:00"), at("10:30"))});
    EXPECT_TRUE(over.tickers.empty());
    EXPECT_EQ(over.next_change, std::nullopt);
    EXPECT_EQ(names(over), names(deck_for(testing::morning_board("10:30"))));
}

TEST(Deck, PortraitAndSmallScreensStayCleanAndLongTextIsShortened) {
    for (Size size : {portrait, Size{1280, 720}, Size{3840, 2160}, Size{720, 1280}}) {
        SCOPED_TRACE(std::to_string(size.w) + "x" + std::to_string(size.h));
        expect_clean(deck_for(testing::morning_board(), size));
        expect_clean(deck_for(testing::midday_board(), size));
    }
    auto b = testing::morning_board();
    auto papers = testing::outstanding_papers();
    auto& abstract = papers.talks[0].abstract;
    abstract = abstract + " " + abstract + " " + abstract;
    b.now = {testing::on_now(papers, "08:50")};
    auto d = deck_for(b, landscape);
    const auto& talk = slide(d, "talk-1");
    bool shortened = false;
    for (const auto& t : talk.texts) shortened |= t.text.ends_with("\u2026");
    EXPECT_TRUE(shortened);
}

TEST(Deck, ANewSessionOrAnAnnouncementRestartsTheRotation) {
    auto morning = deck_for(testing::morning_board("08:50"));
    auto later_same = deck_for(testing::morning_board("09:20"));
    auto midday = deck_for(testing::midday_board());
    EXPECT_FALSE(restarts_rotation(morning, later_same));  // the same session goes on
    EXPECT_FALSE(restarts_rotation(morning, midday));      // it ended: nothing new started
    EXPECT_TRUE(restarts_rotation(midday, morning));       // one started (from between sessions)
    auto b = testing::morning_board();
    auto lunch = deck_for(b, landscape, {urgent("Lunch is served in Hall B")});
    auto moved = deck_for(b, landscape, {urgent("Lunch moved to Hall C")});
    auto noticed = deck_for(b, landscape, {ticker("Coffee in the foyer")});
    EXPECT_TRUE(restarts_rotation(morning, lunch));
    EXPECT_FALSE(restarts_rotation(lunch, lunch));
    EXPECT_TRUE(restarts_rotation(lunch, moved));
    EXPECT_FALSE(restarts_rotation(lunch, morning));    // cleared: carry on
    EXPECT_FALSE(restarts_rotation(morning, noticed));  // a ticker does not interrupt
}

TEST(Chrome, RoomDateClockAndRotationDots) {
    auto c = layout_chrome({"Exhibit Hall A", "America/Los_Angeles", at("08:50"), 1, 5, ""},
                           landscape, theme, {}, measure);
    EXPECT_EQ(texts(c), (std::vector<std::string>{"08:50", "Mon 29 Aug", "Exhibit Hall A"}));
    EXPECT_TRUE(c.problems.empty());
    ASSERT_EQ(c.fills.size(), 6u);  // the band and five dots, the second lit
    EXPECT_EQ(c.fills[2].colour, theme.accent);
    EXPECT_EQ(c.fills[1].colour, theme.track);
}

TEST(Chrome, TwelveHourClockWithSecondsAndNoDotsForOneSlide) {
    DeckOptions o;
    o.clock_24h = false;
    o.clock_seconds = true;
    auto c = layout_chrome(
        {"Exhibit Hall A", "America/Los_Angeles", at("13:05") + std::chrono::seconds(7), 0, 1, ""},
        landscape, theme, o, measure);
    EXPECT_EQ(c.texts.front().text, "1:05:07 p.m.");
    EXPECT_EQ(c.fills.size(), 1u);
}

TEST(Chrome, APortraitScreenDropsTheDateBeforeTheRoomName) {
    auto c = layout_chrome(
        {"Mission City Ballroom and Foyer", "America/Los_Angeles", at("08:50"), 0, 3, ""},
        {720, 1280}, theme, {}, measure);
    EXPECT_TRUE(c.problems.empty());
    EXPECT_FALSE(has_text(c, "Mon 29 Aug"));
}

TEST(Times, RelativeTimesInWholeMinutesRoundedUp) {
    using std::chrono::seconds;
    EXPECT_EQ(format_relative(seconds(12 * 60), true, false), "starts in 12 min");
    EXPECT_EQ(format_relative(seconds(30), true, false), "starts in 1 min");
    EXPECT_EQ(format_relative(seconds(5 * 60), false, true), "ends in about 5 min");
    EXPECT_EQ(format_relative(seconds(0), false, true), "ending about now");
    EXPECT_EQ(format_relative(seconds(0), true, false), "starting now");
    EXPECT_EQ(format_relative(seconds(89 * 60), true, false), "starts in 89 min");
    EXPECT_EQ(format_relative(seconds(120 * 60), true, false), "starts in 2 h");
    EXPECT_EQ(format_relative(seconds(130 * 60), false, false), "ends in 2 h 10 min");
}

TEST(Times, ClockInTheVenueZone) {
    const auto& z = testing::venue_zone();
    EXPECT_EQ(format_clock(at("08:05"), z, true), "08:05");
    EXPECT_EQ(format_clock(at("00:30"), z, false), "12:30 a.m.");
    EXPECT_EQ(format_clock(at("12:00"), z, false), "12:00 p.m.");
    EXPECT_EQ(format_clock(at("17:30"), z, false), "5:30 p.m.");
}

// What exports carry and day pages lack: the track in its colour (made legible whatever the
// program chose), the subtitle, and a language other than the program's usual one.
TEST(Deck, TracksSubtitlesAndLanguagesAreShownAndReadable) {
    Board b = testing::morning_board();
    b.language = "en";
    auto talk = testing::session("Talk", "Über Zeitzonen", "08:30", "09:30", "Hall B");
    talk.end_estimated = false;
    talk.subtitle = "Warum Sommerzeit Terminpläne verwirrt";
    talk.track = "Talks auf Deutsch";
    talk.language = "de";
    talk.speakers = {"Jörg Schäfer"};
    for (const char* colour : {"#7BD88F", "#777777", "#1A237E", "#FFFFFF", ""}) {
        SCOPED_TRACE(colour);
        talk.colour = colour;
        b.now = {testing::on_now(talk, "08:50")};
        b.elsewhere = {board_session(talk)};
        for (Size size : {landscape, portrait}) {
            Deck d = deck_for(b, size);
            expect_clean(d);  // every text, on the chip too, at 4.5:1 or better
            const Slide& now = slide(d, "now");
            EXPECT_TRUE(has_text(now, "TALKS AUF DEUTSCH"));
            EXPECT_TRUE(says(now, "Warum Sommerzeit Terminpläne verwirrt"));
            EXPECT_TRUE(has_text(now, "Deutsch"));
            EXPECT_TRUE(has_text(slide(d, "around"), "Talks auf Deutsch"));
        }
    }
    // In the program's own language, nothing says so.
    talk.language = "en";
    b.now = {testing::on_now(talk, "08:50")};
    EXPECT_FALSE(has_text(slide(deck_for(b), "now"), "English"));
}

// `later` may repeat `next` (an equal session, not the same object): it is listed once, and
// every other session of a long day is kept, in order, even one with a title seen before.
TEST(DeckParts, ListsOfDropsSessionsListedAlready) {
    Board b;
    auto first = testing::session("Oral", "First", "10:00", "10:45", "Room 1");
    b.next = {board_session(first)};
    b.later = {board_session(first)};
    for (int i = 0; i < 300; ++i) {
        b.later.push_back(board_session(
            testing::session("Oral", "Talk " + std::to_string(i), "11:00", "11:45", "Room 1")));
    }
    b.later.push_back(board_session(testing::session("Oral", "First", "12:00", "12:45", "Room 1")));
    b.later.push_back(
        board_session(testing::session("Oral", "Talk 7", "11:00", "11:45", "Room 1")));
    auto l = deck_parts::lists_of(&b, *date::locate_zone("UTC"));
    ASSERT_EQ(l.coming.size(), 302u);
    EXPECT_EQ(l.coming.front()->title, "First");
    EXPECT_EQ(l.coming[1]->title, "Talk 0");
    EXPECT_EQ(l.coming[300]->title, "Talk 299");
    EXPECT_EQ(l.coming.back()->title, "First");  // at 12:00: another session
}

}  // namespace
}  // namespace kiosk
