// Cut-short updates and the marker that accepts one (see update_guard.h).
#include "kiosk/app/update_guard.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace kiosk {

namespace {

bool blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
}

std::string day_text(date::local_days day) {
    return date::format("%F", date::sys_days{day.time_since_epoch()});
}

// "on 2022-08-29", "on 2022-08-29 to 2022-08-31": the days an update covers, first to last.
std::string days_text(const std::set<date::local_days>& days) {
    std::string out = "on " + day_text(*days.begin());
    if (days.size() > 1) out += " to " + day_text(*days.rbegin());
    return out;
}

}  // namespace

std::optional<std::string> looks_cut_short(std::string_view current_bytes, const Program& current,
                                           std::string_view update_bytes, const Program& update,
                                           std::string_view current_name) {
    if (update_bytes.size() < current_bytes.size() && current_bytes.starts_with(update_bytes) &&
        !blank(current_bytes.substr(update_bytes.size()))) {
        return "it is only the first " + std::to_string(update_bytes.size()) + " of the " +
               std::to_string(current_bytes.size()) + " bytes of " + std::string(current_name) +
               ", as if an upload stopped part-way";
    }
    std::set<date::local_days> days;
    for (const auto& s : update.sessions) {
        if (s.day) days.insert(*s.day);
    }
    if (days.empty()) return std::nullopt;
    auto on_those_days = [&](const Program& p) {
        return static_cast<std::size_t>(
            std::count_if(p.sessions.begin(), p.sessions.end(),
                          [&](const Session& s) { return s.day && days.count(*s.day) != 0; }));
    };
    std::size_t before = on_those_days(current);
    std::size_t after = on_those_days(update);
    // More than half lost: 4 of 10 is, 5 of 10 is not.
    if (2 * after >= before) return std::nullopt;
    return "it has " + std::to_string(after) + " of the " + std::to_string(before) + " sessions " +
           std::string(current_name) + " has " + days_text(days) +
           ", as if most of it were lost on the way";
}

std::string accept_marker(const std::string& program_path) { return program_path + ".accept"; }

bool accepted_by_marker(const FileSystem& fs, const std::string& program_path,
                        const std::string& sha256) {
    if (!fs.stat(accept_marker(program_path)).exists) return false;
    auto text = fs.read(accept_marker(program_path));
    if (!text) return false;
    const std::string& t = text.value();
    auto begin = std::find_if(t.begin(), t.end(), [](char c) {
        return std::isspace(static_cast<unsigned char>(c)) == 0;
    });
    auto end = std::find_if(
        begin, t.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; });
    std::string word(begin, end);
    std::transform(word.begin(), word.end(), word.begin(), [](char c) {
        return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    });
    return !word.empty() && word == sha256;
}

Result<Done> write_accept_marker(FileSystem& fs, const std::string& program_path,
                                 const std::string& sha256) {
    return fs.write_atomic(accept_marker(program_path), sha256 + "\n");
}

}  // namespace kiosk
