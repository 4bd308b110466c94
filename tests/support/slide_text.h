// What a laid-out slide says and whether it reads, for the slides tests: its lines as a reader
// reads them, and the check that nothing overflows and every text keeps 4.5:1 on its surface.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "kiosk/slides/deck.h"

namespace kiosk::testing {

inline std::vector<std::string> texts(const Slide& s) {
    std::vector<std::string> out;
    for (const auto& t : s.texts) out.push_back(t.text);
    return out;
}

inline bool has_text(const Slide& s, const std::string& text) {
    for (const auto& t : s.texts) {
        if (t.text == text) return true;
    }
    return false;
}

// All the slide's lines, joined by spaces as a reader would read them.
inline std::string all_text(const Slide& s) {
    std::string out;
    for (const auto& t : s.texts) out += (out.empty() ? "" : " ") + t.text;
    return out;
}

inline bool says(const Slide& s, const std::string& text) {
    return all_text(s).find(text) != std::string::npos;
}

// No slide reports a layout problem, and every text reads at 4.5:1 or better on its surface.
inline void expect_clean(const Deck& d) {
    for (const auto& s : d.slides) {
        SCOPED_TRACE(s.name);
        for (const auto& p : s.problems) ADD_FAILURE() << p.what;
        for (const auto& t : s.texts) {
            EXPECT_GE(contrast_ratio(t.style.colour, t.background), 4.5) << t.text;
        }
    }
}

}  // namespace kiosk::testing
