// The config's [theme], [slides], [clock] and [announcement], as the slides layer's own options.
//
// Core cannot see the slides layer, so the config keeps plain values with the design's defaults;
// these functions are the one place they cross over, and tests check that a default config
// gives exactly the slides layer's defaults, so the two cannot drift apart.
#pragma once

#include <optional>

#include "kiosk/core/config.h"
#include "kiosk/slides/deck.h"
#include "kiosk/slides/rotation.h"
#include "kiosk/slides/theme.h"

namespace kiosk {

Theme theme_from(const Config& config);
DeckOptions deck_options_from(const Config& config);
RotationOptions rotation_options_from(const Config& config);

// The config's announcement while it applies at `now`; none when there is no text or it has
// expired.
std::optional<Announcement> announcement_from(const Config& config, Instant now);

}  // namespace kiosk
