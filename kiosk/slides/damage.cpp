// Where one frame differs from the next (see damage.h).
#include "kiosk/slides/damage.h"

#include <algorithm>
#include <cstdint>

namespace kiosk {

namespace {

// Merged areas never overlap, so drawing them costs no more pixels than the whole screen; beyond
// this share the few pixels saved are not worth a call per area.
constexpr double whole_share = 0.85;

bool empty(const Rect& r) { return r.w <= 0 || r.h <= 0; }

Rect clipped(const Rect& r, Size size) {
    int x0 = std::max(r.x, 0);
    int y0 = std::max(r.y, 0);
    int x1 = std::min(r.right(), size.w);
    int y1 = std::min(r.bottom(), size.h);
    return {x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

// Touching counts: two areas side by side are drawn as one.
bool touches(const Rect& a, const Rect& b) {
    return a.x <= b.right() && b.x <= a.right() && a.y <= b.bottom() && b.y <= a.bottom();
}

const std::vector<Fill>& fills_of(const FrameView& f, bool chrome) {
    static const std::vector<Fill> none;
    const Slide* s = chrome ? f.chrome : f.slide;
    if (s == nullptr || (!chrome && f.opacity <= 0.0)) return none;
    return s->fills;
}

const std::vector<TextRun>& texts_of(const FrameView& f, bool chrome) {
    static const std::vector<TextRun> none;
    const Slide* s = chrome ? f.chrome : f.slide;
    if (s == nullptr || (!chrome && f.opacity <= 0.0)) return none;
    return s->texts;
}

Rect extent(const Fill& f) { return f.box; }
Rect extent(const TextRun& t) { return ink_box(t); }

// The elements of `a` and `b` that are not in the other (as multisets), as areas. Elements in
// both must also keep their order: one drawn over the other before and under it after changes
// the picture where they meet, so then every element counts as changed.
template <typename T>
void differences(const std::vector<T>& a, const std::vector<T>& b, std::vector<Rect>& out) {
    if (a == b) return;
    std::vector<bool> b_used(b.size(), false);
    std::vector<std::size_t> kept_a;  // index in b of each element of a found there, in a's order
    for (const auto& e : a) {
        bool found = false;
        for (std::size_t j = 0; j < b.size(); ++j) {
            if (!b_used[j] && b[j] == e) {
                b_used[j] = true;
                kept_a.push_back(j);
                found = true;
                break;
            }
        }
        if (!found) out.push_back(extent(e));
    }
    for (std::size_t j = 0; j < b.size(); ++j) {
        if (!b_used[j]) out.push_back(extent(b[j]));
    }
    if (!std::is_sorted(kept_a.begin(), kept_a.end())) {
        for (const auto& e : a) out.push_back(extent(e));
        for (const auto& e : b) out.push_back(extent(e));
    }
}

template <typename T>
void all_of(const std::vector<T>& v, std::vector<Rect>& out) {
    for (const auto& e : v) out.push_back(extent(e));
}

}  // namespace

Rect bounding(const Rect& a, const Rect& b) {
    if (empty(a)) return b;
    if (empty(b)) return a;
    int x0 = std::min(a.x, b.x);
    int y0 = std::min(a.y, b.y);
    int x1 = std::max(a.right(), b.right());
    int y1 = std::max(a.bottom(), b.bottom());
    return {x0, y0, x1 - x0, y1 - y0};
}

Rect ink_box(const TextRun& text) {
    // Half the line height above and below holds the taller fallback fonts (Noto Naskh Arabic
    // draws a picture 1.75 line heights tall for an Inter line box, a third of it above); a
    // quarter at each end holds overhang.
    int pad_x = std::max(2, text.box.h / 4);
    int pad_y = std::max(2, text.box.h / 2);
    return {text.box.x - pad_x, text.box.y - pad_y, text.box.w + 2 * pad_x, text.box.h + 2 * pad_y};
}

std::vector<Rect> changed_areas(const FrameView& before, const FrameView& after, Size size) {
    std::vector<Rect> raw;
    // The slide: at another opacity every element it draws changes; otherwise what differs.
    bool same_opacity =
        before.opacity == after.opacity || (before.slide == nullptr && after.slide == nullptr);
    if (same_opacity) {
        differences(fills_of(before, false), fills_of(after, false), raw);
        differences(texts_of(before, false), texts_of(after, false), raw);
    } else {
        all_of(fills_of(before, false), raw);
        all_of(texts_of(before, false), raw);
        all_of(fills_of(after, false), raw);
        all_of(texts_of(after, false), raw);
    }
    differences(fills_of(before, true), fills_of(after, true), raw);
    differences(texts_of(before, true), texts_of(after, true), raw);

    std::vector<Rect> areas;
    for (const auto& r : raw) {
        Rect c = clipped(r, size);
        if (!empty(c)) areas.push_back(c);
    }
    // Merge until no two areas touch: each is then drawn once, and a line that lost one glyph
    // and gained another is one area, not two.
    bool merged = true;
    while (merged) {
        merged = false;
        for (std::size_t i = 0; i < areas.size(); ++i) {
            for (std::size_t j = i + 1; j < areas.size();) {
                if (!touches(areas[i], areas[j])) {
                    ++j;
                    continue;
                }
                areas[i] = bounding(areas[i], areas[j]);
                areas[j] = areas.back();
                areas.pop_back();
                merged = true;
                j = i + 1;  // areas[i] grew: it may touch one it missed
            }
        }
    }
    std::int64_t covered = 0;
    for (const auto& a : areas) covered += std::int64_t{a.w} * a.h;
    if (covered > static_cast<std::int64_t>(whole_share * double(size.w) * double(size.h))) {
        return {Rect{0, 0, size.w, size.h}};
    }
    return areas;
}

}  // namespace kiosk
