// Parsing and formatting of venue-local and absolute instants.
#include "kiosk/core/time.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>

#include "kiosk/core/names.h"

namespace kiosk {

Result<const date::time_zone*> find_zone(std::string_view name) {
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
        return fail(Diagnostic{"", 0, Severity::error,
                               "unknown time zone '" + std::string(name) +
                                   "' (expected an IANA name such as America/Los_Angeles)"});
    }
}

namespace {

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// The zone nearest to `name`, if it is as near as a typo is (names.h's `closest`: a third of the
// name, at least 2 edits).
std::optional<std::string> nearest_zone(std::string_view name) {
    const std::string typed = lower_ascii(name);
    const bool city_only = typed.find('/') == std::string::npos;
    std::size_t best_distance = std::max<std::size_t>(2, typed.size() / 3) + 1;
    std::optional<std::string> best;
    auto consider = [&](std::string_view candidate, const std::string& zone_name) {
        // The distance is at least the difference in length: most zones need no comparing.
        std::size_t longer = std::max(candidate.size(), typed.size());
        std::size_t shorter = std::min(candidate.size(), typed.size());
        if (longer - shorter >= best_distance) return;
        std::size_t d = edit_distance(typed, lower_ascii(candidate));
        if (d < best_distance) {
            best_distance = d;
            best = zone_name;
        }
    };
    try {
        for (const auto& zone : date::get_tzdb().zones) {
            const std::string zone_name(zone.name());
            consider(zone_name, zone_name);
            if (auto slash = zone_name.rfind('/'); city_only && slash != std::string::npos) {
                consider(std::string_view(zone_name).substr(slash + 1), zone_name);
            }
        }
    } catch (const std::exception&) {
        return std::nullopt;  // no tz database at all: find_zone's own error says enough
    }
    return best;
}

}  // namespace

Result<const date::time_zone*> find_typed_zone(std::string_view name) {
    auto zone = find_zone(name);
    if (zone) return zone;
    auto suggestion = nearest_zone(name);
    if (!suggestion) return zone;
    return fail(
        Diagnostic{"", 0, Severity::error,
                   "unknown time zone '" + std::string(name) + "'" + did_you_mean(suggestion)});
}

namespace {

// Reads exactly `n` digits at `pos`.
bool read_int(std::string_view s, std::size_t& pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    for (std::size_t i = 0; i < n; ++i) {
        if (s[pos + i] < '0' || s[pos + i] > '9') return false;
    }
    std::from_chars(s.data() + pos, s.data() + pos + n, out);
    pos += n;
    return true;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
    if (pos < s.size() && s[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

}  // namespace

Result<Instant> parse_instant(std::string_view text, const date::time_zone& zone,
                              std::string_view what) {
    auto bad = [&](const std::string& why) {
        return fail(Diagnostic{"", 0, Severity::error,
                               std::string(what) + ": " + why + " in '" + std::string(text) +
                                   "' (expected e.g. 2022-08-29T09:10, 2022-08-29T16:10Z or "
                                   "2022-08-29T09:10-07:00)"});
    };
    std::size_t p = 0;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    if (!read_int(text, p, 4, y) || !expect(text, p, '-') || !read_int(text, p, 2, mo) ||
        !expect(text, p, '-') || !read_int(text, p, 2, d)) {
        return bad("no date");
    }
    if (!expect(text, p, 'T') && !expect(text, p, ' ')) return bad("no time");
    if (!read_int(text, p, 2, h) || !expect(text, p, ':') || !read_int(text, p, 2, mi)) {
        return bad("no time");
    }
    if (expect(text, p, ':') && !read_int(text, p, 2, s)) return bad("bad seconds");
    auto ymd = date::year{y} / date::month{static_cast<unsigned>(mo)} /
               date::day{static_cast<unsigned>(d)};
    if (!ymd.ok()) return bad("no such date");
    if (h > 23 || mi > 59 || s > 59) return bad("no such time");
    auto local = date::local_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{mi} +
                 std::chrono::seconds{s};
    if (p == text.size()) {
        auto info = zone.get_info(local);
        switch (info.result) {
            case date::local_info::unique:
                return Instant{local.time_since_epoch() - info.first.offset};
            case date::local_info::ambiguous:
                // Policy: the first occurrence (see the header).
                return Instant{local.time_since_epoch() - info.first.offset};
            case date::local_info::nonexistent:
                return bad("that local time is skipped by a daylight-saving change in " +
                           std::string(zone.name()));
        }
    }
    if (expect(text, p, 'Z') && p == text.size()) return Instant{local.time_since_epoch()};
    if (p < text.size() && (text[p] == '+' || text[p] == '-')) {
        int sign = text[p] == '-' ? -1 : 1;
        ++p;
        int oh = 0, om = 0;
        if (!read_int(text, p, 2, oh)) return bad("bad offset");
        expect(text, p, ':');
        if (p < text.size() && !read_int(text, p, 2, om)) return bad("bad offset");
        if (p != text.size() || oh > 23 || om > 59) return bad("bad offset");
        auto off = std::chrono::hours{oh} + std::chrono::minutes{om};
        return Instant{local.time_since_epoch() - sign * off};
    }
    return bad("unexpected text after the time");
}

std::string format_iso(Instant t, const date::time_zone& zone) {
    auto info = zone.get_info(t);
    auto local = date::local_seconds{(t + info.offset).time_since_epoch()};
    auto off = std::chrono::duration_cast<std::chrono::minutes>(info.offset).count();
    char sign = off < 0 ? '-' : '+';
    if (off < 0) off = -off;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, static_cast<int>(off / 60),
                  static_cast<int>(off % 60));
    return date::format("%Y-%m-%dT%H:%M:%S", local) + buf;
}

std::string format_hhmm(Instant t, const date::time_zone& zone) {
    auto local = zone.to_local(t);
    return date::format("%H:%M", std::chrono::floor<std::chrono::minutes>(local));
}

}  // namespace kiosk
