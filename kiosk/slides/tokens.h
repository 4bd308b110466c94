// The design tokens: every size, gap and line count the slides are laid out with, named once.
//
// Lengths are shares of the screen's short side (Geometry::unit), so a slide looks the same from
// 720p to 4K and in portrait; Geometry::px turns them into pixels. The names follow the roles of
// shared/design/README.md. Where the values differ from the mockup's table they are the ones the
// reviewed golden images (tests/data/golden) were drawn with; each such entry says so.
#pragma once

namespace kiosk::tokens {

// A line count that depends on the screen's orientation: a tall screen has room for more lines.
struct ByOrientation {
    int landscape = 1;
    int portrait = 1;
};

// ---- type sizes (Theme::type's defaults) ----------------------------------------------------

inline constexpr double session_title = 0.089;  // the session on now, status headlines
// Talk labels, the announcement, the talk slide's title. The mockup says 7.0%.
inline constexpr double talk_label = 0.068;
inline constexpr double clock = 0.057;      // the header clock
inline constexpr double room_name = 0.046;  // the header's room; titles in lists and the Next band
// Times and relative times ("08:45 – ≈ 10:00 · ends in about 70 min"), the sentence under a
// status headline. The mockup says 3.7%.
inline constexpr double times = 0.038;
// Abstracts, section labels ("UP NEXT HERE", "ON STAGE") and footers. The mockup has body at 3.3%,
// section labels at 3.1% and the footer at 2.6%; 3.5% gives Inter a cap height of 2.5% of the
// short side, the floor for reading from five metres, so labels and footers are drawn at it too.
inline constexpr double body = 0.035;
// A chip's text ("NOW · ORAL", "ANNOUNCEMENT") as a share of body: 3.2% of the short side, close
// to the mockup's section labels (3.1%); the one text drawn smaller than body.
inline constexpr double chip_text_of_body = 0.92;
// The distance between a paragraph's lines, in ems: a little air over the font's own box.
inline constexpr double line_spacing = 1.3;

// ---- the screen: margins, header band, footer line (Geometry) ------------------------------

inline constexpr double screen_margin = 0.074;  // left and right of everything, header included
inline constexpr double header_height = 0.11;   // the band with room, date and clock
inline constexpr double content_below_header = 0.05;   // air between the band and a slide's top
inline constexpr double content_above_bottom = 0.035;  // a slide's content ends this far up
inline constexpr double footer_from_bottom = 0.072;    // the footer line's top, from the bottom

// ---- the header's runs and the rotation dots (layout_chrome) -------------------------------

inline constexpr double header_run_gap = 0.04;  // between room, date and clock
// Slack on the clock's box beyond its widest value: the clock is never cut with "…".
inline constexpr double clock_slack = 0.2;
// Below this width left for the room name, the date gives way to it (a narrow screen).
inline constexpr double room_min_width = 0.5;
inline constexpr double dot_size = 0.011;  // a rotation dot's diameter, and the gap between dots
inline constexpr int dot_min_px = 4;       // so the dots stay visible on a small window

// ---- the footer line, left of the rotation dots (Painter::footer) ----------------------------

inline constexpr double footer_dots_room = 0.2;  // kept free on the right for the rotation dots
inline constexpr int footer_max_lines = 2;       // a long footer takes a second line, not "…"
// Body text ends this far above the footer (talk, status and announcement slides).
inline constexpr double text_above_footer = 0.04;

// ---- chips (Painter::chip), as a fraction 1/n of the chip's text size, whole pixels -----------

inline constexpr int chip_pad_x_div = 2;      // left and right padding: half the text size
inline constexpr int chip_pad_y_div = 5;      // top and bottom padding and corner radius: a fifth
inline constexpr int chip_min_radius_px = 2;  // still rounded when the text is tiny
inline constexpr double chip_gap = 0.012;     // between chips on one line (kind, then track)

// ---- shared by the Now and talk slides ------------------------------------------------------

inline constexpr double below_chip = 0.022;  // between the chip and the title under it
inline constexpr int speaker_lines = 1;  // the speakers, under a title: one line, cut with "…"

// ---- reading measures: paragraphs no wider than this, however wide the screen ----------------

inline constexpr double reading_measure = 1.3;           // Now's abstract or description
inline constexpr double talk_reading_measure = 1.45;     // the talk slide, whose abstract is longer
inline constexpr double headline_reading_measure = 1.4;  // the sentence under a status headline

// ---- lists: Up next here, Around the venue, Later today ----------------------------------------

inline constexpr double list_heading_gap = 0.03;  // below a list's heading ("UP NEXT HERE")
inline constexpr double list_time_gap = 0.035;    // between the time column and the titles
inline constexpr int list_title_lines = 2;  // a long title wraps once rather than ending in "…"
inline constexpr double list_detail_gap = 0.006;   // between a title and its detail line
inline constexpr double list_row_gap = 0.032;      // between rows
inline constexpr double list_above_footer = 0.02;  // rows end this far above the footer

// ---- the Now slide, top down ----------------------------------------------------------------

inline constexpr ByOrientation now_title_lines{2, 3};     // the session's title
inline constexpr double now_subtitle_gap = 0.006;         // between the title and its subtitle
inline constexpr ByOrientation now_subtitle_lines{1, 2};  // a subtitle, cut with "…" beyond
inline constexpr double now_times_gap = 0.012;            // between the title and its times
inline constexpr double now_speakers_gap = 0.008;         // between the times and the speakers
inline constexpr double progress_gap = 0.022;             // above the progress bar
inline constexpr double progress_height = 0.009;
inline constexpr int progress_min_px = 2;     // still a visible bar on a small window
inline constexpr double now_talk_gap = 0.05;  // above the talk on stage: the slide's middle
// Between the "ON STAGE ≈ 09:15" label, the talk's label and its abstract.
inline constexpr double now_talk_label_gap = 0.012;
inline constexpr ByOrientation now_abstract_lines{2, 10};    // the talk on stage's abstract
inline constexpr ByOrientation now_description_lines{3, 6};  // a session without talks
// The middle ends this far above the Next band (or the footer, when there is no band).
inline constexpr double now_middle_above_band = 0.035;
// Above the running order, below the "no abstract" note.
inline constexpr double order_above = 0.05;
inline constexpr double order_heading_gap = 0.016;  // below "THIS SESSION"
inline constexpr double order_row_gap = 0.008;      // added to a line's advance between talks
inline constexpr double order_time_gap = 0.03;      // between the time column and the labels

// ---- the Next band at the foot of the Now slide ------------------------------------------------

inline constexpr double next_pad_x = 0.028;  // inside the band, left and right
inline constexpr double next_pad_y = 0.016;  // inside the band, top and bottom
inline constexpr double next_radius = 0.012;
inline constexpr double next_label_gap = 0.035;  // between "NEXT ≈ 09:00" and the title
// "NEXT ≈ 09:00" takes at most 1/n of the band's inner width; the title gets the rest.
inline constexpr int next_label_max_div = 2;
inline constexpr double next_then_gap = 0.004;         // between the title and the "then …" lines
inline constexpr ByOrientation next_then_lines{1, 3};  // the talks after the next one
inline constexpr double next_above_footer = 0.03;      // between the band and the footer line

// ---- the talk slide ------------------------------------------------------------------------

inline constexpr double talk_chip_time_gap = 0.025;  // between the chip and the talk's time
inline constexpr int talk_title_lines = 2;
inline constexpr double talk_speakers_gap = 0.012;  // between the label and the speakers
inline constexpr double talk_abstract_gap = 0.035;  // above the abstract
// A passer-by reads a few lines, not a page: the abstract is shortened well before the foot.
inline constexpr ByOrientation talk_abstract_lines{7, 12};

// ---- status slides and the announcement ---------------------------------------------------

inline constexpr double headline_below_chip = 0.03;  // below "WELCOME", "THAT'S ALL HERE TODAY"
inline constexpr int headline_title_lines = 3;
inline constexpr double headline_body_gap = 0.035;  // between the headline and its sentence
inline constexpr int headline_body_lines = 4;
inline constexpr double announcement_below_chip = 0.035;  // below the "ANNOUNCEMENT" chip

// ---- the notice band: ticker announcements at the foot of every slide (notice_band.h) --------

inline constexpr double notice_pad_y = 0.022;     // above and below the text, inside the band
inline constexpr double notice_chip_gap = 0.022;  // between the "NOTICE" chip and the text
inline constexpr int notice_lines = 2;            // a longer notice ends in "…"

// ---- the overview: one row per room, on an entrance screen -------------------------------------

// Three columns (room, now, next) when the content is at least this wide; a narrower (portrait)
// screen stacks them in each row.
inline constexpr double overview_columns_min_width = 1.3;
inline constexpr double overview_room_column = 0.22;  // of the content's width, as in the mockup
inline constexpr double overview_next_column = 0.34;  // of the content's width
inline constexpr double overview_column_gap = 0.03;   // between the columns
inline constexpr double overview_row_pad = 0.016;     // above and below the rule between rows
inline constexpr double overview_rule = 0.0015;       // the rule's thickness
inline constexpr int overview_rule_min_px = 1;
inline constexpr double overview_line_gap = 0.006;  // between a title and the line under it
inline constexpr double overview_stack_gap = 0.01;  // between the stacked parts (portrait)
inline constexpr int overview_room_lines = 2;       // "Mission City / Ballroom"
inline constexpr int overview_title_lines = 2;      // what is on, the chip on its first line
inline constexpr int overview_next_lines = 2;       // the next title

}  // namespace kiosk::tokens
