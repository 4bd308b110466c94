// Rooms marked full (see room_full.h) and the badge that says so.
#include "kiosk/slides/room_full.h"

#include <algorithm>

#include "kiosk/core/names.h"
#include "kiosk/slides/deck_parts.h"
#include "kiosk/slides/painter.h"

namespace kiosk {

bool is_full(const std::vector<FullMark>& marks, std::string_view room, Instant at) {
    if (room.empty()) return false;
    const std::string key = fold_name(room);
    return std::any_of(marks.begin(), marks.end(),
                       [&](const FullMark& m) { return at < m.until && fold_name(m.room) == key; });
}

std::optional<Instant> next_full_end(const std::vector<FullMark>& marks, Instant at) {
    std::optional<Instant> out;
    for (const auto& m : marks) {
        if (m.until > at && (!out || m.until < *out)) out = m.until;
    }
    return out;
}

namespace deck_parts {

Rect full_badge_size(const Painter& p, double share) {
    TextStyle s = p.style(Weight::bold, share, p.theme().on_kind);
    int pad_x = s.px / 2;
    int pad_y = s.px / 5;
    return {0, 0, p.width(full_badge_text, s) + 2 * pad_x, p.metrics(s).height + 2 * pad_y};
}

Rect full_badge(Painter& p, int x, int y, double share) {
    const Theme& t = p.theme();
    // Dark text on the default red (6.8:1); a theme's own colour gets whichever text reads.
    ChipColours colours = chip_colours(t.full, t.on_kind, t.text);
    TextStyle s = p.style(Weight::bold, share, colours.text);
    Rect box = full_badge_size(p, share);
    box.x = x;
    box.y = y;
    p.fill(box, colours.fill, std::max(tokens::chip_min_radius_px, s.px / 5));
    p.line(x + s.px / 2, y + s.px / 5, full_badge_text, s, box.w, colours.fill, Align::start);
    return box;
}

}  // namespace deck_parts

}  // namespace kiosk
