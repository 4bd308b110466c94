// Editing one string key of kiosk.toml in place, comments and layout kept: the staff overlay's
// room and announcement (see set_config_string in config.h).
#include <optional>

#include <toml++/toml.h>

#include "kiosk/core/config.h"
#include "kiosk/core/config_keys.h"

namespace kiosk {

namespace {

using config_detail::find_key;
using config_detail::key_table;
using config_detail::KeyDef;
using config_detail::line_of;
using config_detail::quote;

// Byte offset of a 1-based line and codepoint column (toml++ counts columns in codepoints).
std::optional<std::size_t> offset_of(std::string_view text, std::size_t line, std::size_t column) {
    std::size_t pos = 0;
    for (std::size_t l = 1; l < line; ++l) {
        pos = text.find('\n', pos);
        if (pos == std::string_view::npos) return std::nullopt;
        ++pos;
    }
    for (std::size_t col = 1; col < column; ++col) {
        if (pos >= text.size() || text[pos] == '\n') return std::nullopt;
        ++pos;
        while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    }
    return pos;
}

}  // namespace

Result<std::string> set_config_string(std::string_view text, std::string_view file,
                                      std::string_view key, std::string_view value) {
    auto cannot = [&](int line, const std::string& why) {
        return fail(Diagnostic{std::string(file), line, Severity::error,
                               "cannot set " + std::string(key) + ": " + why});
    };
    const KeyDef* def = find_key(key);
    if (def == nullptr || def->entry_default || def->type.starts_with("table") ||
        def->type.starts_with("array")) {
        return cannot(0, "not a key with a single string value");
    }
    auto before = parse_config(text, file, "");
    if (!before) return fail(before.error());
    std::string section(key.substr(0, key.find('.')));
    std::string name(key.substr(key.find('.') + 1));
    std::string literal = quote(value);
    // The value on its own first, in the file's zone, so a bad one gets the parser's message.
    std::string alone = "[" + section + "]\n" + name + " = " + literal + "\n";
    if (section != "venue") alone += "[venue]\ntimezone = " + quote(before->venue.timezone) + "\n";
    if (auto checked = parse_config(alone, file, ""); !checked) {
        Diagnostics ds = checked.error();
        for (auto& d : ds) d.line = 0;
        return fail(std::move(ds));
    }
    auto root = toml::parse(text, std::string_view(file));  // parsed fine just above
    std::string out(text);
    auto ends_line = [](const std::string& s) { return s.empty() || s.back() == '\n'; };
    if (const auto* node = root[section][name].node()) {
        const auto& src = node->source();
        auto b = offset_of(text, src.begin.line, src.begin.column);
        auto e = offset_of(text, src.end.line, src.end.column);
        if (!b || !e || *e < *b) return cannot(line_of(src), "cannot find its value");
        out.replace(*b, *e - *b, literal);
    } else if (const auto* table = root[section].as_table();
               table != nullptr && !table->is_inline()) {
        // Right under the section's header, keeping the rest of the section in place.
        auto line = static_cast<std::size_t>(table->source().begin.line);
        std::string insert = name + " = " + literal + "\n";
        if (auto at = offset_of(text, line + 1, 1)) {
            out.insert(*at, insert);
        } else {
            out += (ends_line(out) ? "" : "\n") + insert;
        }
    } else {
        out += std::string(ends_line(out) ? "" : "\n") + "\n[" + section + "]\n" + name + " = " +
               literal + "\n";
    }
    // Check the edit did what it says: the key holds the value and every other key is as it was.
    auto after = parse_config(out, file, "");
    toml::table written_doc;  // kept alive: `written` points into it
    if (after) written_doc = toml::parse(out, std::string_view(file));
    const auto* written = written_doc[section][name].as_string();
    bool same_elsewhere = after.has_value();
    for (const auto& k : key_table()) {
        if (same_elsewhere && k.name != key) {
            same_elsewhere = k.show(after.value()) == k.show(before.value());
        }
    }
    if (written == nullptr || written->get() != value || !same_elsewhere) {
        return cannot(0, "the file's layout does not allow a safe edit; edit it by hand");
    }
    return out;
}

int config_key_line(std::string_view text, std::string_view key) {
    auto dot = key.find('.');
    if (dot == std::string_view::npos) return 0;
    toml::table root;
    try {
        root = toml::parse(text);
    } catch (const toml::parse_error&) {
        return 0;
    }
    const auto* node = root[key.substr(0, dot)][key.substr(dot + 1)].node();
    return node == nullptr ? 0 : line_of(node->source());
}

bool config_string_is(const Config& config, std::string_view key, std::string_view value) {
    const KeyDef* def = find_key(key);
    return def != nullptr && def->type == "string" && def->show(config) == quote(value);
}

Result<std::string> set_screen_room(std::string_view text, std::string_view file,
                                    std::string_view room) {
    return set_config_string(text, file, "screen.room", room);
}

}  // namespace kiosk
