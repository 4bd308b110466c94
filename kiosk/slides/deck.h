// The deck: a Board turned into the slides a room's screen rotates through, laid out for a size.
//
// Rebuilt whenever the board changes (every minute, or when a file is swapped in); cheap enough
// to do so. Slides with nothing to say are left out, so the rotation never shows an empty one.
// The header (room, date, clock) and the rotation dots are laid out apart, by layout_chrome,
// because they change on their own schedule and stay put while the slides cross-fade.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <date/tz.h>

#include "kiosk/core/announcement.h"
#include "kiosk/core/board.h"
#include "kiosk/core/overview.h"
#include "kiosk/slides/measure.h"
#include "kiosk/slides/room_full.h"
#include "kiosk/slides/slide.h"
#include "kiosk/slides/theme.h"

namespace kiosk {

// What the deck shows, with its defaults in one place (the config's [slides] and [clock] fill it).
struct DeckOptions {
    bool clock_24h = true;       // "13:05"; false gives "1:05 p.m."
    bool clock_seconds = false;  // the header clock shows seconds (it then ticks every second)
    int max_talk_slides = 3;     // talk spotlights per session, on stage first
    bool show_up_next = true;    // which slides the rotation includes ([slides] in the config)
    bool show_talks = true;
    bool show_around = true;
    bool show_later = true;

    bool operator==(const DeckOptions&) const = default;
};

// Where things go on a screen of a given size.
struct Geometry {
    Size screen;
    int unit = 0;      // the short side: every length is a share of it
    int margin = 0;    // left and right, and above the footer
    int header_h = 0;  // the band with the room name and clock
    Rect content;      // below the header, inside the margins: slides draw only here
    int footer_y = 0;  // top of the footer line (rotation dots, "Later here")
    int band_h = 0;    // the notice band at the foot of the screen; 0: none

    int px(double share) const;
    // `band_h`: the notice band's height (notice_band_height); content and footer end above it.
    static Geometry for_screen(Size screen, int band_h = 0);
};

struct Deck {
    std::vector<Slide> slides;
    std::string session_key;  // identifies the session on now; a change sends the rotation to Now
    bool room_full = false;   // the deck's room is marked full: the header says so (full_in_header)
    // The ticker announcements that apply, in order: the chrome's notice band shows them in turn.
    std::vector<std::string> tickers;
    std::vector<std::string> urgent;  // the urgent ones that apply: a slide each, first
    // When an announcement next starts or ends after the deck's instant: the deck must be built
    // again then. None: no announcement changes by itself.
    std::optional<Instant> next_change;

    bool operator==(const Deck&) const = default;
};

// Whether a rebuilt deck sends the rotation back to its first slide at once: a new session
// started here (Now), or the urgent announcements changed and there are some (they come first
// and interrupt).
bool restarts_rotation(const Deck& before, const Deck& after);

struct DeckInput {
    const Board* board = nullptr;  // none: no program loaded yet
    std::string room;              // shown when there is no board
    Instant at;  // the instant the slides describe (the board's, when there is one)
    // Every announcement, whether it applies at `at` or not: the deck shows those that do.
    std::vector<Announcement> announcements;
    // Set on an overview screen (an entrance): the deck is every room's now and next, paged, in
    // place of one room's slides; `board` is then not read.
    const Overview* overview = nullptr;
    std::vector<FullMark> full = {};  // rooms staff marked full ([full]); those whose end has come
                                      // show nothing
};

Deck build_deck(const DeckInput& input, Size screen, const Theme& theme, const DeckOptions& options,
                const TextMeasurer& measure);

// The header and the rotation indicator, drawn over every slide.
struct ChromeInput {
    std::string room;
    std::string timezone;  // IANA name; empty or unknown: UTC, said in the date line
    Instant at;
    std::size_t slide = 0;  // which dot is lit
    std::size_t slide_count = 0;
    // For staff, in the header beside the room name: something about this screen's setup is
    // wrong ("no [screens.hall-x] entry for this screen"). Empty: nothing to say.
    std::string notice;
    bool room_full = false;  // a ROOM FULL badge beside the room name (full_in_header)
    // The deck's tickers (Deck::tickers): the band at the foot shows one a minute, in turn.
    std::vector<std::string> tickers = {};
};

// Whether the header shows ROOM FULL over slide `slide` of `deck`: on every slide of a full
// room's deck but the Now slide, which carries a larger one right over the session's title.
bool full_in_header(const Deck& deck, std::size_t slide);

Slide layout_chrome(const ChromeInput& input, Size screen, const Theme& theme,
                    const DeckOptions& options, const TextMeasurer& measure);

// "09:15" or "9:15 a.m.", venue-local.
std::string format_clock(Instant t, const date::time_zone& zone, bool h24);

// "ends in about 5 min", "starts in 1 h 20 min": whole minutes, rounded up.
std::string format_relative(std::chrono::seconds delta, bool starts, bool estimated);

}  // namespace kiosk
