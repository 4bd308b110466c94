// The talk slide: one talk of the current session, with its time, speakers and abstract.
#include <algorithm>

#include "kiosk/slides/deck_parts.h"
#include "kiosk/slides/painter.h"
#include "kiosk/slides/tokens.h"

namespace kiosk::deck_parts {

namespace {

// The talk's time beside its chip, at chip.right(): "≈ 09:15", or for a talk to come
// "≈ 09:15 · starts in about 25 min" when that fits.
void talk_when(Painter& p, const Context& c, const ScheduledTalk& talk, bool on_stage,
               const Rect& chip) {
    const auto& g = c.g;
    auto meta_s = p.style(Weight::regular, c.theme.type.meta, c.theme.muted);
    int x = chip.right() + g.px(tokens::talk_chip_time_gap);
    std::string when = talk_time(c, talk);
    Instant start = talk.start ? c.shown(*talk.start, talk.estimated) : Instant{};
    if (!on_stage && talk.start && start > c.at) {
        std::string longer = join({when, format_relative(start - c.at, true, talk.estimated)}, dot);
        // On a narrow screen the start time alone, rather than a cut relative time.
        if (p.width(longer, meta_s) <= g.content.right() - x) when = longer;
    }
    if (!when.empty()) {
        int baseline = chip.y + (chip.h + p.metrics(meta_s).cap_height) / 2;
        p.on_baseline(x, baseline, when, meta_s, g.content.right() - x, c.theme.background);
    }
}

}  // namespace

bool talk_slide(Slide& slide, const Context& c, const ScheduledSession& s,
                const ScheduledTalk& talk, bool on_stage) {
    if (talk.abstract.empty()) return false;  // nothing to say beyond the label on Now
    const auto& t = c.theme;
    const auto& g = c.g;
    Painter p(slide, g, t, c.measure);
    Colour kc = c.kind_colour(s);
    int y = g.content.y;
    Rect chip = p.chip(g.content.x, y, on_stage ? "ON STAGE" : "COMING UP", kc);
    talk_when(p, c, talk, on_stage, chip);
    y = chip.bottom() + g.px(tokens::below_chip);
    auto title_s = p.style(Weight::bold, t.type.title, t.text);
    y = p.paragraph(g.content.x, y, talk.label, title_s, g.content.w, tokens::talk_title_lines,
                    t.background);
    if (!talk.speakers.empty()) {
        y += g.px(tokens::talk_speakers_gap);
        auto meta_s = p.style(Weight::regular, t.type.meta, t.muted);
        y = p.paragraph(g.content.x, y, join(talk.speakers, ", "), meta_s, g.content.w,
                        tokens::speaker_lines, t.background);
    }
    y += g.px(tokens::talk_abstract_gap);
    int foot = p.footer(s.kind.empty() ? s.title : s.title + dot + s.kind);
    auto body_s = p.style(Weight::regular, t.type.body, t.body);
    int lines = std::min(by_orientation(g, tokens::talk_abstract_lines),
                         p.lines_between(y, foot - g.px(tokens::text_above_footer), body_s));
    if (lines > 0) {
        p.paragraph(g.content.x, y, talk.abstract, body_s,
                    std::min(g.content.w, g.px(tokens::talk_reading_measure)), lines, t.background);
    }
    return true;
}

}  // namespace kiosk::deck_parts
