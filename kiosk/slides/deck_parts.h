// What the slide builders share: the board's lists as slides read them, the context every
// builder gets, the wording of session times, and the builders themselves.
//
// Internal to kiosk/slides; deck.cpp assembles the deck from these. A builder draws its slide
// and returns false when it has nothing to say, so the rotation leaves it out.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <date/tz.h>

#include "kiosk/core/board.h"
#include "kiosk/slides/deck.h"
#include "kiosk/slides/format.h"
#include "kiosk/slides/room_full.h"

namespace kiosk::deck_parts {

class Painter;

// The board's lists as the slides read them; the one place that knows the board's shape.
struct Lists {
    std::vector<const ScheduledSession*> now;
    std::optional<std::size_t> on_stage;          // of now.front()'s talks
    std::vector<const ScheduledSession*> coming;  // timed, here, still to come today, in order
    std::vector<const ScheduledSession*> tba;     // today's sessions with no time
    std::vector<const ScheduledSession*> elsewhere;
    const ScheduledSession* next_day_first = nullptr;
};

// No board (no program loaded yet): empty lists.
Lists lists_of(const Board* b, const date::time_zone& zone);

// What every slide builder gets.
struct Context {
    const Board* board;
    Lists lists;
    const date::time_zone* zone;
    Instant at;
    const Geometry& g;
    const Theme& theme;
    const DeckOptions& options;
    const TextMeasurer& measure;
    const std::vector<FullMark>& full;  // rooms marked full

    // Whether `room` is marked full at the slides' instant.
    bool room_full(std::string_view room) const { return is_full(full, room, at); }
    std::string clock(Instant t) const { return format_clock(t, *zone, options.clock_24h); }
    // An instant as the slides show it: estimates to the nearest 5 minutes (shown_instant).
    Instant shown(Instant t, bool estimated) const { return shown_instant(t, estimated, *zone); }
    std::string clock(Instant t, bool estimated) const {
        return (estimated ? approx : "") + clock(shown(t, estimated));
    }
    std::string day(Instant t) const { return format_day(t, *zone); }
    Colour kind_colour(const ScheduledSession& s) const {
        return theme.kind_colour(s.kind, s.title);
    }
    // The session's track colour as the program states it, if it does.
    std::optional<Colour> track_colour(const ScheduledSession& s) const {
        if (s.track.empty()) return std::nullopt;
        return parse_colour(s.colour);
    }
    // The session's language when it differs from the program's usual one ("Deutsch"); empty
    // otherwise, so a screen of English talks does not say "English" on every line.
    std::string other_language(const ScheduledSession& s) const {
        if (s.language.empty() || board == nullptr || s.language == board->language) return "";
        return language_name(s.language);
    }
    bool same_day(Instant a, Instant b) const {
        return date::floor<date::days>(local(a, *zone)) == date::floor<date::days>(local(b, *zone));
    }
};

// "08:45 – ≈ 10:00", "≈ 09:15", or "time to be announced".
std::string session_times(const Context& c, const ScheduledSession& s);

// "≈ 09:15", or empty for a talk with no time.
std::string talk_time(const Context& c, const ScheduledTalk& t);

// "ends in about 70 min" for a session on now, "starts in 12 min" for one to come.
std::string session_relative(const Context& c, const ScheduledSession& s);

// "ORAL", or "EVENT" for a session of no stated kind.
std::string kind_label(const ScheduledSession& s);

// The ROOM FULL badge with its top left at (x, y), its text `share` of the screen's short side
// (room_full.cpp); returns its box. full_badge_size: the box it would take, at (0, 0).
Rect full_badge(Painter& p, int x, int y, double share);
Rect full_badge_size(const Painter& p, double share);

// ---- the slides (slide_now.cpp, slide_talk.cpp, slide_lists.cpp, slide_status.cpp,
// slide_overview.cpp) ---------------------------------------------------------------------------

// "Now in ‹room›": the session on now (or, between sessions, the next one here), the talk
// probably on stage, and what follows.
bool now_slide(Slide& slide, const Context& c);

// One talk of the current session: what it is about, in full (as far as it fits).
bool talk_slide(Slide& slide, const Context& c, const ScheduledSession& s,
                const ScheduledTalk& talk, bool on_stage);

// The timed sessions still to come here today; between sessions the Now slide features the
// first, so the list starts after it. Returns how many rows fitted in `shown`.
bool up_next_slide(Slide& slide, const Context& c, std::size_t& shown);

// On now and next in the other rooms, and venue-wide events.
bool around_slide(Slide& slide, const Context& c);

// Where Up next ran out of room, and the day's sessions whose time is to be announced.
bool later_slide(Slide& slide, const Context& c, std::size_t skip);

// Before and after the conference, after the day's last session, and no program at all.
bool status_slide(Slide& slide, const Context& c, const std::string& room);

// A staff message, until its end; false when it is blank or over.
bool announcement_slide(Slide& slide, const Context& c, const Announcement& a);

// The overview (slide_overview.cpp): one row per room, as many pages as the rows need, named
// "overview-1", "overview-2", ….
std::vector<Slide> overview_slides(const Context& c, const Overview& o);

}  // namespace kiosk::deck_parts
