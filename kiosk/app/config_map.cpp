// Config values into slides-layer options (see config_map.h).
#include "kiosk/app/config_map.h"

#include <algorithm>

#include "kiosk/core/names.h"

namespace kiosk {

namespace {

// The parser accepted only #RRGGBB, so this cannot fail for a parsed config; a default-built one
// holds the design's colours, which parse too.
Colour colour(const std::string& text, Colour fallback) {
    return parse_colour(text).value_or(fallback);
}

bool shows(const Config& c, std::string_view slide) {
    return std::find(c.slides.show.begin(), c.slides.show.end(), slide) != c.slides.show.end();
}

}  // namespace

Theme theme_from(const Config& config) {
    const ThemeConfig& t = config.theme;
    Theme out;
    const std::pair<std::string ThemeConfig::*, Colour Theme::*> roles[] = {
        {&ThemeConfig::background, &Theme::background},
        {&ThemeConfig::header, &Theme::header},
        {&ThemeConfig::panel, &Theme::panel},
        {&ThemeConfig::track, &Theme::track},
        {&ThemeConfig::text, &Theme::text},
        {&ThemeConfig::body, &Theme::body},
        {&ThemeConfig::muted, &Theme::muted},
        {&ThemeConfig::faint, &Theme::faint},
        {&ThemeConfig::on_kind, &Theme::on_kind},
        {&ThemeConfig::accent, &Theme::accent},
        {&ThemeConfig::notice, &Theme::notice},
        {&ThemeConfig::kind_fallback, &Theme::kind_fallback},
    };
    for (auto [from, to] : roles) out.*to = colour(t.*from, out.*to);
    // The config's words are checked first, so "poster" = … wins over any design word in it.
    std::vector<KindColour> kinds;
    for (const auto& [word, text] : t.kinds) {
        kinds.push_back({fold_name(word), colour(text, out.kind_fallback)});
    }
    kinds.insert(kinds.end(), out.kinds.begin(), out.kinds.end());
    out.kinds = std::move(kinds);
    return out;
}

DeckOptions deck_options_from(const Config& config) {
    DeckOptions out;
    out.clock_24h = config.clock.format == ClockFormat::h24;
    out.clock_seconds = config.clock.seconds;
    out.max_talk_slides = config.slides.talks;
    out.show_up_next = shows(config, "up_next");
    out.show_talks = shows(config, "talk") && config.slides.talks > 0;
    out.show_around = shows(config, "around");
    out.show_later = shows(config, "later");
    return out;
}

RotationOptions rotation_options_from(const Config& config) {
    RotationOptions out;
    out.dwell = std::chrono::seconds{config.slides.dwell_seconds};
    return out;
}

std::optional<Announcement> announcement_from(const Config& config, Instant now) {
    const AnnouncementConfig& a = config.announcement;
    if (a.text.empty() || (a.until && now >= *a.until)) return std::nullopt;
    return Announcement{a.text, a.until};
}

}  // namespace kiosk
