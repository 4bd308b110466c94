// Formatting of clocks, days and relative times for the slides (see format.h and deck.h).
#include "kiosk/slides/format.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "kiosk/core/time.h"
#include "kiosk/slides/deck.h"

namespace kiosk {

namespace deck_parts {

const date::time_zone* zone_or_utc(const std::string& name) {
    if (!name.empty()) {
        auto z = find_zone(name);
        if (z) return z.value();
    }
    return date::locate_zone("UTC");
}

date::local_seconds local(Instant t, const date::time_zone& zone) {
    return date::make_zoned(&zone, t).get_local_time();
}

std::string format_day(Instant t, const date::time_zone& zone) {
    auto days = date::floor<date::days>(local(t, zone));
    date::year_month_day ymd{days};
    date::weekday wd{days};
    static const char* const wdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return std::string(wdays[wd.c_encoding()]) + " " +
           std::to_string(static_cast<unsigned>(ymd.day())) + " " +
           months[static_cast<unsigned>(ymd.month()) - 1];
}

// Talks spread over a session land on odd minutes (4 talks in 75 min: 13:00, 13:18, 13:36,
// 13:54) and "≈ 13:18" claims a precision the estimate does not have; "≈ 13:20" reads as what it
// is. Exact times are shown as they are. The board keeps the scheduler's instants (`kiosk agenda`
// shows them); only what the slides show, and so what they call on stage, is rounded. Rounded
// on the local clock (for zones whose offset is not whole minutes of 5, such as historical ones),
// by moving the instant itself, so the hour a DST change skips or repeats cannot trip it.
Instant shown_instant(Instant t, bool estimated, const date::time_zone& zone) {
    if (!estimated) return t;
    using std::chrono::seconds;
    constexpr seconds step{5 * 60};
    auto lt = local(t, zone);
    seconds into_day = lt - date::floor<date::days>(lt);
    seconds rounded = (into_day + step / 2) / step * step;  // halves go up: 13:17:30 → 13:20
    return t + (rounded - into_day);
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
    std::string out;
    for (const auto& i : items) {
        if (i.empty()) continue;
        if (!out.empty()) out += sep;
        out += i;
    }
    return out;
}

std::string language_name(std::string_view tag) {
    // Endonyms: a passer-by who speaks the language finds its own name for it.
    static const std::pair<std::string_view, std::string_view> names[] = {
        {"ar", "العربية"},   {"cs", "Čeština"},    {"da", "Dansk"},      {"de", "Deutsch"},
        {"el", "Ελληνικά"},  {"en", "English"},    {"es", "Español"},    {"fa", "فارسی"},
        {"fi", "Suomi"},     {"fr", "Français"},   {"he", "עברית"},      {"hi", "हिन्दी"},
        {"hu", "Magyar"},    {"id", "Indonesia"},  {"it", "Italiano"},   {"ja", "日本語"},
        {"ko", "한국어"},    {"nl", "Nederlands"}, {"no", "Norsk"},      {"pl", "Polski"},
        {"pt", "Português"}, {"ro", "Română"},     {"ru", "Русский"},    {"sv", "Svenska"},
        {"tr", "Türkçe"},    {"uk", "Українська"}, {"vi", "Tiếng Việt"}, {"zh", "中文"},
    };
    std::string primary(tag.substr(0, tag.find_first_of("-_")));
    for (auto& ch : primary) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (const auto& [code, name] : names) {
        if (code == primary) return std::string(name);
    }
    return upper(tag);
}

}  // namespace deck_parts

std::string format_clock(Instant t, const date::time_zone& zone, bool h24) {
    auto lt = deck_parts::local(t, zone);
    auto since_midnight = lt - date::floor<date::days>(lt);
    auto h =
        static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(since_midnight).count());
    auto m = static_cast<int>(
        std::chrono::duration_cast<std::chrono::minutes>(since_midnight).count() % 60);
    char buf[16];
    if (h24) {
        std::snprintf(buf, sizeof buf, "%02d:%02d", h, m);
    } else {
        int h12 = h % 12 == 0 ? 12 : h % 12;
        std::snprintf(buf, sizeof buf, "%d:%02d %s", h12, m, h < 12 ? "a.m." : "p.m.");
    }
    return buf;
}

std::string format_relative(std::chrono::seconds delta, bool starts, bool estimated) {
    // From here on hours read better than minutes: "85 min", but "1 h 30 min".
    constexpr long long hours_from = 90;
    // Whole minutes rounded up: at 08:59:30 a 09:00 start is "in 1 min", not "in 0 min".
    long long minutes = (std::max<long long>(0, delta.count()) + 59) / 60;
    std::string about = estimated ? "about " : "";
    if (minutes == 0)
        return starts ? "starting now" : (estimated ? "ending about now" : "ending now");
    std::string amount;
    if (minutes < hours_from) {
        amount = std::to_string(minutes) + " min";
    } else if (minutes % 60 == 0) {
        amount = std::to_string(minutes / 60) + " h";
    } else {
        amount = std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) + " min";
    }
    return std::string(starts ? "starts in " : "ends in ") + about + amount;
}

}  // namespace kiosk
