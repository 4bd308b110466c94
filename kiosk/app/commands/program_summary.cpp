// Rooms and the summary of a program (see program_summary.h).
#include "kiosk/app/commands/program_summary.h"

#include <algorithm>
#include <map>
#include <ostream>
#include <set>

#include "kiosk/core/names.h"

namespace kiosk {

std::vector<std::string> rooms_of(const Program& p) {
    std::vector<std::string> rooms;
    std::set<std::string> seen;
    auto add = [&](const std::optional<std::string>& room) {
        if (room && seen.insert(fold_name(*room)).second) rooms.push_back(*room);
    };
    for (const auto& s : p.sessions) {
        add(s.room);
        for (const auto& t : s.talks) add(t.room);
    }
    return rooms;
}

namespace {

void print_days(const Program& p, std::ostream& out) {
    std::map<date::local_days, std::size_t> days;
    for (const auto& s : p.sessions) {
        if (s.day) ++days[*s.day];
    }
    out << "  days       ";
    std::size_t shown = 0;
    for (const auto& [day, n] : days) {
        if (shown == 7) {
            out << ", and " << days.size() - shown << " more";
            break;
        }
        out << (shown++ == 0 ? "" : ", ") << date::format("%a %d %b %Y", day) << " (" << n << ")";
    }
    out << "\n";
}

void print_rooms(const Program& p, std::ostream& out) {
    out << "  rooms      ";
    auto rooms = rooms_of(p);
    for (std::size_t i = 0; i < rooms.size() && i < 8; ++i) out << (i ? ", " : "") << rooms[i];
    if (rooms.size() > 8) out << ", and " << rooms.size() - 8 << " more";
    if (rooms.empty()) out << "none named";
    out << "\n";
}

}  // namespace

void print_summary(const std::string& path, const Program& p, const std::string& zone_origin,
                   std::ostream& out) {
    std::size_t untimed = 0, talks = 0, missing = 0;
    for (const auto& s : p.sessions) {
        if (!s.start) ++untimed;
        talks += s.talks.size();
        missing += static_cast<std::size_t>(std::count_if(
            s.talks.begin(), s.talks.end(), [](const Talk& t) { return t.abstract.empty(); }));
    }
    out << path << ": usable\n";
    out << "  time zone  " << p.timezone << " (" << zone_origin << ")\n";
    print_days(p, out);
    print_rooms(p, out);
    out << "  sessions   " << p.sessions.size();
    if (untimed > 0) out << ", " << untimed << " without a time (to be announced)";
    out << "\n  talks      " << talks;
    if (missing > 0) out << ", " << missing << " without an abstract";
    out << "\n  warnings   " << (p.warnings.empty() ? "none" : std::to_string(p.warnings.size()))
        << "\n";
}

}  // namespace kiosk
