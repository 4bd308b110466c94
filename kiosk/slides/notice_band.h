// The notice band: ticker announcements in a band at the foot of every slide, a "NOTICE" chip
// and the text (design: `#1C222B` band, chip in the notice colour with dark text).
//
// Internal to kiosk/slides. The deck and the chrome agree on its height through
// notice_band_height, so the slides end above the band that the chrome draws.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kiosk/slides/painter.h"

namespace kiosk::deck_parts {

// The band's height on a screen of `screen` for the longest of `tickers` (one or two lines);
// 0 when there are none.
int notice_band_height(const std::vector<std::string>& tickers, Size screen, const Theme& theme,
                       const TextMeasurer& measure);

// Draws the band (Painter::g().band_h high, at the foot of the screen) with `text` in it.
void notice_band(Painter& p, std::string_view text);

}  // namespace kiosk::deck_parts
