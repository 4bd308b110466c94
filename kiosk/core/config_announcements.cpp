// Reading [[announcements]]: each entry's keys through the key table, then its times in the
// venue's zone and the checks that need the whole entry (text set, from before until).
#include "kiosk/core/config.h"
#include "kiosk/core/config_keys.h"
#include "kiosk/core/time.h"

namespace kiosk {

namespace config_detail {

void read_announcements(const toml::node& node, const toml::key& where, Config& c, Reader& r) {
    const auto* entries = node.as_array();
    if (entries == nullptr || !entries->is_array_of_tables()) {
        r.error(line_of(where.source()),
                "announcements must be entries, each under its own [[announcements]] line "
                "with text = …, not " +
                    describe(node));
        return;
    }
    for (const auto& entry_node : *entries) {
        const auto& entry = *entry_node.as_table();
        c.announcements.emplace_back();
        read_entry(entry, "announcements", "an announcement", c, r);
        if (!entry.contains("text")) {
            r.error(line_of(entry.source()),
                    "an [[announcements]] entry needs its text (text = \"…\")");
        }
    }
}

void resolve_announcements(Config& c, Reader& r) {
    auto zone = find_zone(c.venue.timezone);
    if (!zone) return;  // venue.timezone has its own error
    std::vector<int> from_line(c.announcements.size(), 0);
    for (const auto& t : r.entry_times) {
        const char* name = t.from ? "announcements.from" : "announcements.until";
        auto at = parse_instant(t.text, *zone.value(), name);
        if (!at) {
            r.error(t.line, at.error().front().message);
            continue;
        }
        auto& a = c.announcements[t.entry];
        (t.from ? a.from : a.until) = at.value();
        if (t.from) from_line[t.entry] = t.line;
    }
    for (std::size_t i = 0; i < c.announcements.size(); ++i) {
        const auto& a = c.announcements[i];
        if (a.from && a.until && *a.from >= *a.until) {
            r.error(from_line[i], "announcements.from " + format_iso(*a.from, *zone.value()) +
                                      " is not before its until " +
                                      format_iso(*a.until, *zone.value()));
        }
    }
}

}  // namespace config_detail

std::vector<Announcement> announcements_of(const Config& config) {
    std::vector<Announcement> out;
    if (!config.announcement.text.empty()) {
        out.push_back({config.announcement.text, std::nullopt, config.announcement.until,
                       AnnouncementLevel::urgent});
    }
    out.insert(out.end(), config.announcements.begin(), config.announcements.end());
    return out;
}

}  // namespace kiosk
