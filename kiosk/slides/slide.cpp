// Geometry checks and names of slide kinds (see slide.h).
#include "kiosk/slides/slide.h"

namespace kiosk {

bool overlaps(const Rect& a, const Rect& b) {
    return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

bool contains(const Rect& outer, const Rect& inner) {
    return inner.x >= outer.x && inner.y >= outer.y && inner.right() <= outer.right() &&
           inner.bottom() <= outer.bottom();
}

const char* to_string(SlideKind k) {
    switch (k) {
        case SlideKind::now:
            return "now";
        case SlideKind::up_next:
            return "up-next";
        case SlideKind::talk:
            return "talk";
        case SlideKind::around:
            return "around";
        case SlideKind::later:
            return "later";
        case SlideKind::tomorrow:
            return "tomorrow";
        case SlideKind::status:
            return "status";
        case SlideKind::announcement:
            return "announcement";
        case SlideKind::overview:
            return "overview";
        case SlideKind::chrome:
            return "chrome";
    }
    return "unknown";
}

namespace {

std::string describe(const TextRun& t) {
    std::string s = t.text.size() > 40 ? t.text.substr(0, 40) + "…" : t.text;
    return "text '" + s + "' at " + std::to_string(t.box.x) + "," + std::to_string(t.box.y) +
           " size " + std::to_string(t.box.w) + "x" + std::to_string(t.box.h);
}

}  // namespace

void check_layout(Slide& slide, const Rect& area) {
    for (const auto& t : slide.texts) {
        if (!contains(area, t.box)) {
            slide.problems.push_back({describe(t) + " leaves the area " + std::to_string(area.w) +
                                      "x" + std::to_string(area.h)});
        }
    }
    for (const auto& f : slide.fills) {
        if (!contains(area, f.box)) {
            slide.problems.push_back({"a fill at " + std::to_string(f.box.x) + "," +
                                      std::to_string(f.box.y) + " leaves the area"});
        }
    }
    for (std::size_t i = 0; i < slide.texts.size(); ++i) {
        for (std::size_t j = i + 1; j < slide.texts.size(); ++j) {
            if (overlaps(slide.texts[i].box, slide.texts[j].box)) {
                slide.problems.push_back(
                    {describe(slide.texts[i]) + " overlaps " + describe(slide.texts[j])});
            }
        }
    }
}

}  // namespace kiosk
