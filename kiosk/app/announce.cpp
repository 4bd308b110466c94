// Announcements as staff set them (see announce.h).
#include "kiosk/app/announce.h"

#include "kiosk/app/config_files.h"
#include "kiosk/core/announcement_edit.h"
#include "kiosk/core/time.h"

namespace kiosk {

namespace {

bool digits(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// "10:30", "9:05", "10:30:15".
bool is_time_of_day(std::string_view t) {
    auto colon = t.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2) return false;
    std::string_view rest = t.substr(colon + 1);
    if (rest.size() == 5 && rest[2] == ':')
        return digits(rest.substr(0, 2)) && digits(rest.substr(3));
    return rest.size() == 2 && digits(rest) && digits(t.substr(0, colon));
}

std::string local_text(Instant t, const date::time_zone& zone) {
    return date::format("%a %d %b %H:%M", date::make_zoned(&zone, t).get_local_time());
}

}  // namespace

std::string with_today(std::string_view text, const date::time_zone& zone, Instant now) {
    if (!is_time_of_day(text)) return std::string(text);
    auto day = date::floor<date::days>(zone.to_local(now));
    std::string t(text);
    if (t.find(':') == 1) t = "0" + t;
    return date::format("%F", day) + "T" + t;
}

std::vector<std::string> announcement_lines(const Config& config, const date::time_zone& zone,
                                            Instant now) {
    std::vector<std::string> out;
    for (const auto& a : announcements_of(config)) {
        std::string line = a.level == AnnouncementLevel::urgent ? "URGENT  " : "NOTICE  ";
        line += a.text;
        if (a.from) line += "  \xC2\xB7  from " + local_text(*a.from, zone);
        if (a.until) line += "  \xC2\xB7  until " + local_text(*a.until, zone);
        if (a.applies_at(now)) {
            line += "  \xC2\xB7  on now";
        } else if (a.from && now < *a.from) {
            line += "  \xC2\xB7  not yet";
        } else {
            line += "  \xC2\xB7  over";
        }
        out.push_back(std::move(line));
    }
    return out;
}

std::string announcements_key(const Config& config) {
    std::string out;
    for (const auto& a : announcements_of(config)) {
        auto when = [](const std::optional<Instant>& t) {
            return t ? std::to_string(t->time_since_epoch().count()) : std::string("-");
        };
        out += (a.level == AnnouncementLevel::urgent ? "urgent " : "ticker ") + when(a.from) + " " +
               when(a.until) + " " + a.text + "\n";
    }
    return out;
}

ConfigTextEdit add_announcement_edit(Announcement a, const date::time_zone* zone) {
    return [a = std::move(a), zone](std::string_view text, const std::string& path) {
        return add_announcement(text, path, a, *zone);
    };
}

ConfigTextEdit clear_announcements_edit(std::string seen) {
    return [seen = std::move(seen)](std::string_view text,
                                    const std::string& path) -> Result<std::string> {
        auto on_disk = parse_config_file(text, path, path);
        if (on_disk && announcements_key(on_disk.value()) != seen) {
            return fail(Diagnostic{path, 0, Severity::error,
                                   "the announcements were changed in the file meanwhile (a "
                                   "push, or another staff member): nothing cleared; look at "
                                   "them and choose again"});
        }
        return clear_announcements(text, path);
    };
}

}  // namespace kiosk
