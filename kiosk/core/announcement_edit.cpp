// Adding and clearing announcements in a config's text (see announcement_edit.h).
#include "kiosk/core/announcement_edit.h"

#include <algorithm>
#include <vector>

#include <toml++/toml.h>

#include "kiosk/core/config_keys.h"
#include "kiosk/core/time.h"

namespace kiosk {

namespace {

using config_detail::key_table;
using config_detail::quote;

Result<std::string> refuse(std::string_view file, int line, const std::string& why) {
    return fail(Diagnostic{std::string(file), line, Severity::error, why});
}

// Every key but the announcements' shows the same in both.
bool same_elsewhere(const Config& a, const Config& b) {
    return std::all_of(key_table().begin(), key_table().end(), [&](const auto& k) {
        return k.name.starts_with("announcement") || k.show(a) == k.show(b);
    });
}

// The 1-based lines a table written with its own header spans: the header to its last value.
std::pair<std::size_t, std::size_t> lines_of(const toml::table& t) {
    std::size_t first = t.source().begin.line;
    std::size_t last = first;
    for (auto&& [k, v] : t) {
        first = std::min<std::size_t>(first, k.source().begin.line);
        last = std::max<std::size_t>(last, v.source().end.line);
    }
    return {first, last};
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        auto nl = text.find('\n');
        std::size_t n = nl == std::string_view::npos ? text.size() : nl + 1;
        lines.push_back(text.substr(0, n));
        text.remove_prefix(n);
    }
    return lines;
}

bool blank(std::string_view line) { return line.find_first_not_of(" \t\r\n") == line.npos; }

}  // namespace

Result<std::string> add_announcement(std::string_view text, std::string_view file,
                                     const Announcement& a, const date::time_zone& zone) {
    auto before = parse_config(text, file, "");
    if (!before) return fail(before.error());
    if (blank(a.text)) return refuse(file, 0, "the announcement's text is empty");
    if (a.text.size() > 500) {
        return refuse(file, 0,
                      "the announcement is longer than 500 bytes; a hallway screen cannot show "
                      "that much");
    }
    if (a.from && a.until && *a.from >= *a.until) {
        return refuse(file, 0,
                      "the announcement would end (" + format_iso(*a.until, zone) +
                          ") before it starts (" + format_iso(*a.from, zone) + ")");
    }
    std::string out(text);
    if (!out.empty() && out.back() != '\n') out += '\n';
    if (!out.empty() && !out.ends_with("\n\n")) out += '\n';
    out += "[[announcements]]\ntext = " + quote(a.text) + "\n";
    if (a.from) out += "from = " + quote(format_iso(*a.from, zone)) + "\n";
    if (a.until) out += "until = " + quote(format_iso(*a.until, zone)) + "\n";
    out += std::string("level = ") +
           (a.level == AnnouncementLevel::urgent ? "\"urgent\"" : "\"ticker\"") + "\n";
    auto after = parse_config(out, file, "");
    auto expected = before->announcements;
    expected.push_back(a);
    if (!after || after->announcements != expected || after->announcement != before->announcement ||
        !same_elsewhere(*before, *after)) {
        return refuse(file, 0,
                      "the file's layout does not allow a safe edit of its announcements; edit "
                      "it by hand");
    }
    return out;
}

Result<std::string> clear_announcements(std::string_view text, std::string_view file) {
    auto before = parse_config(text, file, "");
    if (!before) return fail(before.error());
    auto root = toml::parse(text, std::string_view(file));  // parsed fine just above
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    if (const auto* entries = root["announcements"].as_array()) {
        for (const auto& e : *entries) {
            const auto* t = e.as_table();
            if (t == nullptr || t->is_inline()) {
                return refuse(file, static_cast<int>(e.source().begin.line),
                              "announcements written inline cannot be cleared safely; edit "
                              "them by hand");
            }
            spans.push_back(lines_of(*t));
        }
    }
    if (const auto* old = root["announcement"].as_table()) {
        if (old->is_inline()) {
            return refuse(file, static_cast<int>(old->source().begin.line),
                          "an inline announcement cannot be cleared safely; edit it by hand");
        }
        spans.push_back(lines_of(*old));
    }
    auto lines = split_lines(text);
    std::vector<bool> drop(lines.size() + 1, false);
    for (auto [first, last] : spans) {
        for (std::size_t l = first; l <= last && l <= lines.size(); ++l) drop[l - 1] = true;
        // The blank lines that set the entry apart go with it when one is left before it.
        bool blank_before = first >= 2 && blank(lines[first - 2]);
        for (std::size_t l = last + 1; blank_before && l <= lines.size() && blank(lines[l - 1]);
             ++l) {
            drop[l - 1] = true;
        }
    }
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!drop[i]) out += lines[i];
    }
    // No blank lines left at the end, where entries are added.
    while (out.ends_with("\n\n")) out.pop_back();
    auto after = parse_config(out, file, "");
    if (!after || !after->announcements.empty() || !after->announcement.text.empty() ||
        !same_elsewhere(*before, *after)) {
        return refuse(file, 0,
                      "the file's layout does not allow a safe edit of its announcements; edit "
                      "it by hand");
    }
    return out;
}

}  // namespace kiosk
