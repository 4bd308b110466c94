// Assembles the deck of slides for a board, and lays out the header drawn over every slide.
//
// The slides themselves are drawn in slide_*.cpp through the Painter (painter.h), with the
// sizes of tokens.h; see deck_parts.h for what they share.
#include "kiosk/slides/deck.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kiosk/core/time.h"
#include "kiosk/slides/deck_parts.h"
#include "kiosk/slides/notice_band.h"
#include "kiosk/slides/painter.h"
#include "kiosk/slides/tokens.h"
#include "kiosk/slides/wrap.h"

namespace kiosk {

using deck_parts::Context;
using deck_parts::Lists;
using deck_parts::Painter;

int Geometry::px(double share) const { return static_cast<int>(std::lround(share * unit)); }

Geometry Geometry::for_screen(Size screen, int band_h) {
    Geometry g;
    g.screen = screen;
    g.unit = std::max(1, std::min(screen.w, screen.h));
    g.margin = g.px(tokens::screen_margin);
    g.header_h = g.px(tokens::header_height);
    g.band_h = std::max(0, band_h);
    // With a notice band the slide's foot is the band's top: footer and content move up.
    int foot = screen.h - g.band_h;
    g.footer_y = foot - g.px(tokens::footer_from_bottom);
    int top = g.header_h + g.px(tokens::content_below_header);
    g.content = {g.margin, top, std::max(1, screen.w - 2 * g.margin),
                 std::max(1, foot - top - g.px(tokens::content_above_bottom))};
    return g;
}

namespace {

// Slides are laid out by a builder and kept when it has something to say.
class DeckBuilder {
  public:
    DeckBuilder(Deck& deck, Rect area) : deck_(deck), area_(area) {}

    // Runs `build` on a fresh slide; returns whether the slide was kept.
    template <class Build>
    bool add(SlideKind kind, std::string name, Build&& build) {
        Slide s;
        s.kind = kind;
        s.name = std::move(name);
        if (!build(s)) return false;
        check_layout(s, area_);
        deck_.slides.push_back(std::move(s));
        return true;
    }

  private:
    Deck& deck_;
    Rect area_;
};

// The talk on stage and those after it; between sessions, the next session's first talks. At
// most max_talk_slides of them, counting only talks with something to say.
void add_talk_slides(DeckBuilder& slides, const Context& c) {
    const Lists& l = c.lists;
    const ScheduledSession* s = nullptr;
    std::size_t from = 0;
    if (!l.now.empty()) {
        s = l.now.front();
        from = l.on_stage.value_or(0);
    } else if (!l.coming.empty()) {
        s = l.coming.front();
    }
    int made = 0;
    for (std::size_t i = from; s != nullptr && i < s->talks.size(); ++i) {
        if (made >= c.options.max_talk_slides) break;
        bool on_stage = !l.now.empty() && l.on_stage == i;
        bool ok = slides.add(SlideKind::talk, "talk-" + std::to_string(i + 1), [&](Slide& sl) {
            return deck_parts::talk_slide(sl, c, *s, s->talks[i], on_stage);
        });
        if (ok) ++made;
    }
}

// The announcements that apply at `at`, split by level, and when that next changes.
void sort_announcements(Deck& deck, const std::vector<Announcement>& all, Instant at) {
    for (const auto& a : all) {
        for (const auto& edge : {a.from, a.until}) {
            if (edge && *edge > at && (!deck.next_change || *edge < *deck.next_change)) {
                deck.next_change = edge;
            }
        }
        std::string text = squash_spaces(a.text);
        if (!a.applies_at(at) || text.empty()) continue;
        (a.level == AnnouncementLevel::urgent ? deck.urgent : deck.tickers).push_back(text);
    }
}

}  // namespace

Deck build_deck(const DeckInput& input, Size screen, const Theme& theme, const DeckOptions& options,
                const TextMeasurer& measure) {
    Deck deck;
    sort_announcements(deck, input.announcements, input.at);
    Geometry g = Geometry::for_screen(
        screen, deck_parts::notice_band_height(deck.tickers, screen, theme, measure));
    // The scheduler resolved the board's zone; only a board made by hand may lack it.
    const date::time_zone* zone =
        input.board && input.board->zone != nullptr
            ? input.board->zone
            : deck_parts::zone_or_utc(input.board ? input.board->timezone : "");
    if (input.overview != nullptr) {
        zone = input.overview->zone != nullptr ? input.overview->zone
                                               : deck_parts::zone_or_utc(input.overview->timezone);
    }
    Context c{input.board, deck_parts::lists_of(input.board, *zone),
              zone,        input.at,
              g,           theme,
              options,     measure,
              input.full};
    // Nothing of a slide may reach into the notice band: the check calls that a problem.
    DeckBuilder slides(deck, {0, g.header_h, screen.w, screen.h - g.header_h - g.band_h});
    std::size_t urgent = 0;
    for (const auto& a : input.announcements) {
        if (a.level != AnnouncementLevel::urgent || !a.applies_at(input.at) ||
            squash_spaces(a.text).empty()) {
            continue;
        }
        ++urgent;
        std::string name =
            deck.urgent.size() == 1 ? "announcement" : "announcement-" + std::to_string(urgent);
        slides.add(SlideKind::announcement, name,
                   [&](Slide& s) { return deck_parts::announcement_slide(s, c, a); });
    }
    if (input.overview != nullptr) {
        for (auto& page : deck_parts::overview_slides(c, *input.overview)) {
            slides.add(SlideKind::overview, page.name, [&](Slide& s) {
                s.fills = std::move(page.fills);
                s.texts = std::move(page.texts);
                s.problems = std::move(page.problems);
                return true;
            });
        }
        return deck;
    }
    if (input.board == nullptr) {
        slides.add(SlideKind::status, "status",
                   [&](Slide& s) { return deck_parts::status_slide(s, c, input.room); });
        return deck;
    }
    const Board& b = *input.board;
    const Lists& l = c.lists;
    deck.room_full = c.room_full(b.room);
    if (!l.now.empty()) {
        const auto& s = *l.now.front();
        deck.session_key = s.title + "@" + (s.start ? format_iso(*s.start, *zone) : "");
    }
    bool has_now =
        slides.add(SlideKind::now, "now", [&](Slide& s) { return deck_parts::now_slide(s, c); });
    if (!has_now) {
        bool tomorrow = b.status == RoomStatus::after_last_session && l.next_day_first;
        slides.add(tomorrow ? SlideKind::tomorrow : SlideKind::status,
                   tomorrow ? "tomorrow" : "status",
                   [&](Slide& s) { return deck_parts::status_slide(s, c, b.room); });
    }
    if (options.show_talks) add_talk_slides(slides, c);
    // Up next lists what fits; Later today goes on from there with the rest and the untimed.
    std::size_t shown = l.now.empty() && !l.coming.empty() ? 1 : 0;
    if (options.show_up_next) {
        slides.add(SlideKind::up_next, "up-next",
                   [&](Slide& s) { return deck_parts::up_next_slide(s, c, shown); });
    }
    if (options.show_around) {
        slides.add(SlideKind::around, "around",
                   [&](Slide& s) { return deck_parts::around_slide(s, c); });
    }
    if (options.show_later) {
        slides.add(SlideKind::later, "later",
                   [&](Slide& s) { return deck_parts::later_slide(s, c, shown); });
    }
    return deck;
}

bool full_in_header(const Deck& deck, std::size_t slide) {
    return deck.room_full && slide < deck.slides.size() &&
           deck.slides[slide].kind != SlideKind::now;
}

bool restarts_rotation(const Deck& before, const Deck& after) {
    if (!after.urgent.empty() && after.urgent != before.urgent) return true;
    return !after.session_key.empty() && after.session_key != before.session_key;
}

namespace {

// "09:15", with ":07" seconds inserted before any "a.m." when the clock shows seconds.
std::string header_clock(const ChromeInput& input, const date::time_zone& zone,
                         const DeckOptions& options) {
    std::string clock = format_clock(input.at, zone, options.clock_24h);
    if (options.clock_seconds) {
        auto secs = (input.at.time_since_epoch().count() % 60 + 60) % 60;
        char buf[4];
        std::snprintf(buf, sizeof buf, ":%02d", static_cast<int>(secs));
        clock.insert(options.clock_24h ? clock.size() : clock.find(' '), buf);
    }
    return clock;
}

// The header band: the room on the left, the date and the clock on the right.
void header(Painter& p, const ChromeInput& input, const DeckOptions& options) {
    const Geometry& g = p.g();
    const Theme& theme = p.theme();
    const date::time_zone* zone = deck_parts::zone_or_utc(input.timezone);
    p.fill({0, 0, g.screen.w, g.header_h}, theme.header);

    auto clock_s = p.style(Weight::bold, theme.type.clock, theme.text);
    auto room_s = p.style(Weight::semibold, theme.type.heading, theme.text);
    auto date_s = p.style(Weight::regular, theme.type.meta, theme.muted);
    // Runs of different sizes share a baseline, centred on the band by their capitals.
    int baseline = (g.header_h + p.metrics(clock_s).cap_height) / 2;
    std::string clock = header_clock(input, *zone, options);
    // The clock's box is sized for its widest value, so it does not jiggle as digits change.
    int clock_w = std::max(p.width(clock, clock_s),
                           p.width(options.clock_seconds ? "00:00:00" : "00:00", clock_s));
    int right = g.screen.w - g.margin;
    int clock_x = right - clock_w;
    int gap = g.px(tokens::header_run_gap);
    p.on_baseline(clock_x, baseline, clock, clock_s, clock_w + g.px(tokens::clock_slack),
                  theme.header);
    std::string day = deck_parts::format_day(input.at, *zone);
    int day_w = p.width(day, date_s);
    int day_x = clock_x - gap - day_w;
    // ROOM FULL goes right after the room name and before anything else gives way.
    int badge_w = input.room_full ? deck_parts::full_badge_size(p, theme.type.meta).w + gap : 0;
    int room_max = day_x - gap - g.margin - badge_w;
    // On a narrow screen the date gives way to the room name.
    if (room_max < p.width(input.room, room_s) && room_max < g.px(tokens::room_min_width)) {
        room_max = clock_x - gap - g.margin - badge_w;
        day.clear();
    }
    if (!day.empty()) p.on_baseline(day_x, baseline, day, date_s, day_w, theme.header);
    // The room is where a passer-by learns to look for it, at the margin, in any script.
    Rect room = p.on_baseline(g.margin, baseline, input.room, room_s, std::max(1, room_max),
                              theme.header, deck_parts::Align::start);
    if (input.room_full) {
        Rect size = deck_parts::full_badge_size(p, theme.type.meta);
        room = deck_parts::full_badge(p, room.right() + gap, (g.header_h - size.h) / 2,
                                      theme.type.meta);
    }
    if (!input.notice.empty()) {
        auto notice_s = p.style(Weight::medium, theme.type.body, theme.notice);
        int x = room.right() + gap;
        int limit = (day.empty() ? clock_x : day_x) - gap;
        if (limit - x > p.width("…", notice_s)) {
            p.on_baseline(x, baseline, input.notice, notice_s, limit - x, theme.header,
                          deck_parts::Align::start);
        }
    }
}

// The rotation dots, right-aligned on the footer line and centred on its capitals.
void rotation_dots(Painter& p, const ChromeInput& input) {
    if (input.slide_count <= 1) return;
    const Geometry& g = p.g();
    const Theme& theme = p.theme();
    int d = std::max(tokens::dot_min_px, g.px(tokens::dot_size));
    int gap = d;
    int n = static_cast<int>(input.slide_count);
    int total = n * d + (n - 1) * gap;
    int x = g.screen.w - g.margin - total;
    auto footer_s = p.style(Weight::regular, theme.type.body, theme.faint);
    int y = g.footer_y + (p.metrics(footer_s).ascent - p.metrics(footer_s).cap_height / 2) - d / 2;
    for (int i = 0; i < n; ++i) {
        bool lit = static_cast<std::size_t>(i) == input.slide;
        p.fill({x + i * (d + gap), y, d, d}, lit ? theme.accent : theme.track, d / 2);
    }
}

}  // namespace

Slide layout_chrome(const ChromeInput& input, Size screen, const Theme& theme,
                    const DeckOptions& options, const TextMeasurer& measure) {
    Geometry g = Geometry::for_screen(
        screen, deck_parts::notice_band_height(input.tickers, screen, theme, measure));
    Slide slide;
    slide.kind = SlideKind::chrome;
    slide.name = "chrome";
    Painter p(slide, g, theme, measure);
    header(p, input, options);
    rotation_dots(p, input);
    // Several tickers take turns, a minute each, changing with the clock: never scrolled (a
    // marquee would wake the screen many times a second and cannot be read in passing), and not
    // tied to the slides, so a one-page overview shows every ticker too.
    if (!input.tickers.empty()) {
        auto minute = date::floor<std::chrono::minutes>(input.at).time_since_epoch().count();
        auto n = static_cast<long long>(input.tickers.size());
        deck_parts::notice_band(p, input.tickers[static_cast<std::size_t>((minute % n + n) % n)]);
    }
    check_layout(slide, {0, 0, screen.w, screen.h});
    return slide;
}

}  // namespace kiosk
