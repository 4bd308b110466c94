// Reading kiosk.toml: walks the document through the key table (config_keys.cpp), reports errors
// with file:line, up to 16 of them, and says what the config means for the importers.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "kiosk/core/colour.h"
#include "kiosk/core/config.h"
#include "kiosk/core/config_keys.h"
#include "kiosk/core/names.h"
#include "kiosk/core/time.h"

namespace kiosk {

namespace {

using config_detail::describe;
using config_detail::find_key;
using config_detail::key_table;
using config_detail::KeyDef;
using config_detail::line_of;
using config_detail::Reader;

// mpv stops after 16: enough to fix a file in one go, few enough to read.
constexpr std::size_t max_errors = 16;

std::vector<std::string> section_names() {
    std::vector<std::string> out;
    for (const auto& k : key_table()) {
        auto s = std::string(k.name.substr(0, k.name.find('.')));
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    }
    return out;
}

std::vector<std::string> keys_of_section(std::string_view section) {
    std::vector<std::string> out;
    for (const auto& k : key_table()) {
        auto dot = k.name.find('.');
        if (k.name.substr(0, dot) == section) out.emplace_back(k.name.substr(dot + 1));
    }
    return out;
}

//-----------------------------------------------------------------------------------------------
// [SECTION] Walking the document
//-----------------------------------------------------------------------------------------------

// [screens.NAME] tables: each key is a screen.* key, read over a copy of [screen] once the whole
// document (and so [screen], wherever it stands) has been read.
void read_screens(const toml::node& node, const toml::key& where, Config& c, Reader& r) {
    const auto* screens = node.as_table();
    if (screens == nullptr) {
        r.error(line_of(where.source()),
                "'screens' must be a table of screens ([screens.hall-a]), not " + describe(node));
        return;
    }
    for (auto&& [name, entry_node] : *screens) {
        const auto* entry = entry_node.as_table();
        if (entry == nullptr) {
            r.error(line_of(name.source()),
                    "screens." + std::string(name.str()) + " must be a table ([screens." +
                        std::string(name.str()) + "] with room = …), not " + describe(entry_node));
            continue;
        }
        Config own;
        own.screen = c.screen;
        config_detail::read_entry(*entry, "screen", "a screen", own, r);
        c.screens[std::string(name.str())] = own.screen;
    }
}

void read_document(const toml::table& root, Config& c, Reader& r) {
    auto sections = section_names();
    std::vector<std::string> all_keys;
    for (const auto& k : key_table()) all_keys.emplace_back(k.name);
    const toml::node* screens = nullptr;
    const toml::key* screens_key = nullptr;
    for (auto&& [sk, section_node] : root) {
        std::string section(sk.str());
        if (section == "screens") {
            screens = &section_node;
            screens_key = &sk;
            continue;
        }
        if (section == "announcements") {
            config_detail::read_announcements(section_node, sk, c, r);
            continue;
        }
        bool known = std::find(sections.begin(), sections.end(), section) != sections.end();
        const auto* table = section_node.as_table();
        if (!known) {
            if (table != nullptr) {
                r.error(line_of(sk.source()), "unknown section '" + section + "'" +
                                                  did_you_mean(closest(section, sections)));
            } else {
                // `room = …` above every section: suggest the full key it probably meant.
                std::optional<std::string> guess;
                for (const auto& k : all_keys) {
                    if (k.substr(k.find('.') + 1) == section) guess = k;
                }
                r.error(line_of(sk.source()),
                        "unknown key '" + section + "'" +
                            (guess ? " (did you mean '" + *guess + "' in [" +
                                         guess->substr(0, guess->find('.')) + "]?)"
                                   : " (every key belongs to a section such as [screen])"));
            }
            continue;
        }
        if (table == nullptr) {
            r.error(line_of(sk.source()), "'" + section + "' must be a section ([" + section +
                                              "]), not " + describe(section_node));
            continue;
        }
        if (const KeyDef* whole = find_key(section)) {
            whole->read(section_node, c, r);  // a section of free keys: [full]
            continue;
        }
        auto keys = keys_of_section(section);
        for (auto&& [k, v] : *table) {
            std::string name = section + "." + std::string(k.str());
            const KeyDef* def = find_key(name);
            if (def == nullptr) {
                r.error(line_of(k.source()),
                        "unknown key '" + name + "'" + did_you_mean(closest(k.str(), keys)));
                continue;
            }
            def->read(v, c, r);
        }
    }
    if (screens != nullptr) read_screens(*screens, *screens_key, c, r);
    auto zone = find_zone(c.venue.timezone);
    if (zone) config_detail::resolve_full(c, r, *zone.value());
    config_detail::resolve_announcements(c, r);
    if (r.until_text) {
        if (zone) {
            auto t = parse_instant(r.until_text->first, *zone.value(), "announcement.until");
            if (t) {
                c.announcement.until = *t;
            } else {
                r.error(r.until_text->second, t.error().front().message);
            }
        }
    }
}

}  // namespace

void config_detail::read_entry(const toml::table& entry, std::string_view section,
                               std::string_view what, Config& c, Reader& r) {
    auto keys = keys_of_section(section);
    for (auto&& [k, v] : entry) {
        const KeyDef* def = find_key(std::string(section) + "." + std::string(k.str()));
        if (def == nullptr) {
            r.error(line_of(k.source()), "unknown key '" + std::string(k.str()) + "' for " +
                                             std::string(what) +
                                             did_you_mean(closest(k.str(), keys)));
            continue;
        }
        def->read(v, c, r);
    }
}

namespace {

// Relative paths, written or default, mean "next to the config file".
void resolve_paths(Config& c, const std::string& base_dir) {
    if (base_dir.empty()) return;
    for (std::string* p : {&c.data.program, &c.data.corrections, &c.state.dir, &c.state.status_file,
                           &c.state.metrics_dir}) {
        if (!p->empty() && std::filesystem::path(*p).is_relative()) {
            *p = (std::filesystem::path(base_dir) / *p).lexically_normal().string();
        }
    }
}

// Text the theme would make hard to read is refused like any bad value, on the line of the
// colour that was set (the text's when both were): white titles on a white screen are a blank
// screen to a passer-by. Chips in the program's own colours adjust themselves (chip_colours).
void check_contrast(const Config& c, const toml::table& root, Reader& r) {
    const ThemeConfig& t = c.theme;
    struct Pair {
        const char* text_key;
        const std::string& text;
        const char* surface_key;
        const std::string& surface;
    };
    const Pair pairs[] = {
        {"text", t.text, "background", t.background},
        {"body", t.body, "background", t.background},
        {"muted", t.muted, "background", t.background},
        {"faint", t.faint, "background", t.background},
        {"text", t.text, "header", t.header},
        {"muted", t.muted, "header", t.header},
        {"text", t.text, "panel", t.panel},
        {"body", t.body, "panel", t.panel},
        {"muted", t.muted, "panel", t.panel},
        {"on_kind", t.on_kind, "notice", t.notice},
        {"on_kind", t.on_kind, "kind_fallback", t.kind_fallback},
    };
    const auto* theme = root["theme"].as_table();
    auto line = [&](const char* key) {
        const auto* n = theme != nullptr ? theme->get(key) : nullptr;
        return n != nullptr ? line_of(n->source()) : 0;
    };
    for (const Pair& p : pairs) {
        auto fg = parse_colour(p.text);
        auto bg = parse_colour(p.surface);
        if (!fg || !bg) continue;  // already an error of its own
        double ratio = contrast_ratio(*fg, *bg);
        if (ratio >= min_text_contrast) continue;
        int at = line(p.text_key) != 0 ? line(p.text_key) : line(p.surface_key);
        char shown[16];
        std::snprintf(shown, sizeof shown, "%.1f", ratio);
        r.error(at, "theme." + std::string(p.text_key) + " " + p.text + " on theme." +
                        p.surface_key + " " + p.surface + " has a contrast of " + shown +
                        ":1; text needs at least 4.5:1 to be read from a distance");
    }
}

}  // namespace

Result<Config> parse_config(std::string_view text, std::string_view file,
                            const std::string& base_dir) {
    Reader r{std::string(file), {}, std::nullopt, {}, {}};
    toml::table root;
    try {
        root = toml::parse(text, std::string_view(file));
    } catch (const toml::parse_error& e) {
        // TOML syntax stops the parser at the first error; there is nothing after it to check.
        r.error(line_of(e.source()), "not valid TOML: " + std::string(e.description()) +
                                         " (column " + std::to_string(e.source().begin.column) +
                                         ")");
        return fail(std::move(r.errors));
    }
    Config c;
    read_document(root, c, r);
    if (r.errors.empty()) check_contrast(c, root, r);
    if (r.errors.empty()) {
        resolve_paths(c, base_dir);
        return c;
    }
    std::stable_sort(r.errors.begin(), r.errors.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    if (r.errors.size() > max_errors) {
        r.errors.resize(max_errors);
        r.error(0, "too many errors, stopped after " + std::to_string(max_errors));
    }
    return fail(std::move(r.errors));
}

Diagnostics config_warnings(const Config& config, std::string_view file) {
    Diagnostics out;
    if (config.screen.room.empty()) {
        out.push_back({std::string(file), 0, Severity::warning,
                       "screen.room is not set: the screen shows the program's first room"});
    }
    if (!config.announcement.text.empty()) {
        out.push_back({std::string(file), 0, Severity::warning,
                       "[announcement] is the older form of one urgent announcement; it still "
                       "works, but [[announcements]] entries (text, from, until, level) can be "
                       "scheduled and set by `kiosk announce`"});
    }
    if (config.data.year == 0) {
        out.push_back({std::string(file), 0, Severity::warning,
                       "data.year is not set: day pages carry no year, so each date gets the "
                       "nearest year in which it falls on its weekday"});
    }
    return out;
}

Result<Config> for_screen(Config config, std::string_view name) {
    if (config.screens.empty()) return config;
    auto it = config.screens.find(std::string(name));
    if (it == config.screens.end()) {
        std::string names;
        for (const auto& [n, s] : config.screens) names += (names.empty() ? "" : ", ") + n;
        std::vector<std::string> all;
        for (const auto& [n, s] : config.screens) all.push_back(n);
        return fail(Diagnostic{"", 0, Severity::error,
                               "no [screens." + std::string(name) + "] entry for this screen" +
                                   did_you_mean(closest(name, all)) +
                                   "; the config has: " + names});
    }
    config.screen = it->second;
    return config;
}

ImportOptions import_options(const Config& config, std::string file_name,
                             date::local_days reference_day) {
    ImportOptions o;
    o.file_name = std::move(file_name);
    o.fallback_timezone = config.venue.timezone;
    o.reference_day = reference_day;
    if (config.data.year != 0) o.year = config.data.year;
    return o;
}

}  // namespace kiosk
