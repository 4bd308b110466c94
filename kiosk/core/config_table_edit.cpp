// Setting or removing one entry of a table of free keys in kiosk.toml ([full], theme.kinds, …),
// comments and layout kept, the way set_config_string edits a single key (see config.h).
//
// The edit is made on the text: a value replaced where it stands, an entry's line taken out, a
// new line after the table's last entry. Then the result is parsed and compared with what the
// edit should give; anything else, and nothing comes back but an error.
#include <algorithm>
#include <optional>
#include <vector>

#include <toml++/toml.h>

#include "kiosk/core/config.h"
#include "kiosk/core/config_keys.h"
#include "kiosk/core/names.h"

namespace kiosk {

namespace {

using config_detail::find_key;
using config_detail::key_table;
using config_detail::KeyDef;
using config_detail::quote;

// Byte offset of the start of a 1-based line; the text's end for a line past it.
std::size_t line_start(std::string_view text, std::size_t line) {
    std::size_t pos = 0;
    for (std::size_t l = 1; l < line; ++l) {
        pos = text.find('\n', pos);
        if (pos == std::string_view::npos) return text.size();
        ++pos;
    }
    return pos;
}

// Byte offset of a 1-based line and codepoint column (toml++ counts columns in codepoints).
std::size_t offset_of(std::string_view text, const toml::source_position& at) {
    std::size_t pos = line_start(text, at.line);
    for (std::size_t col = 1; col < at.column && pos < text.size() && text[pos] != '\n'; ++col) {
        ++pos;
        while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    }
    return pos;
}

std::string_view slice(std::string_view text, const toml::source_region& r) {
    std::size_t b = offset_of(text, r.begin);
    std::size_t e = offset_of(text, r.end);
    return e > b ? text.substr(b, e - b) : std::string_view{};
}

struct Splice {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string with;
};

// `entry` none: every entry goes.
Result<std::string> edit_table(std::string_view text, std::string_view file,
                               std::string_view table_key, std::optional<std::string_view> entry,
                               std::optional<std::string_view> value) {
    auto cannot = [&](const std::string& why) {
        return fail(Diagnostic{std::string(file), 0, Severity::error,
                               "cannot change " + std::string(table_key) + ": " + why});
    };
    const KeyDef* def = find_key(table_key);
    if (def == nullptr || !def->type.starts_with("table")) return cannot("not a table of entries");
    auto before = parse_config(text, file, "");
    if (!before) return fail(before.error());
    std::string literal = value ? quote(*value) : "";
    if (entry && value) {
        // The entry on its own first, in the file's zone, so a bad value gets the parser's message.
        std::string alone = "[" + std::string(table_key) + "]\n" + quote(*entry) + " = " + literal +
                            "\n[venue]\ntimezone = " + quote(before->venue.timezone) + "\n";
        if (auto checked = parse_config(alone, file, ""); !checked) {
            Diagnostics ds = checked.error();
            for (auto& d : ds) d.line = 0;
            return fail(std::move(ds));
        }
    }
    const toml::table root = toml::parse(text, std::string_view(file));  // parsed fine above
    const toml::table* table = root.at_path(table_key).as_table();
    std::string folded = entry ? fold_name(*entry) : "";
    auto matches = [&](std::string_view k) { return !entry || fold_name(k) == folded; };

    // What the table must hold afterwards; a replaced value keeps its entry's own spelling.
    toml::table expected = table != nullptr ? *table : toml::table{};
    std::string kept_name = entry ? std::string(*entry) : "";
    bool found = false;
    for (auto it = expected.begin(); it != expected.end();) {
        if (!matches(it->first.str())) {
            ++it;
            continue;
        }
        if (!found) kept_name = std::string(it->first.str());
        found = true;
        it = expected.erase(it);
    }
    if (entry && value) expected.insert(kept_name, std::string(*value));

    std::vector<Splice> splices;
    std::string line = entry && value ? quote(*entry) + " = " + literal + "\n" : "";
    if (table != nullptr && table->is_inline()) {
        // No comment can stand inside an inline table: write it again from its entries' text.
        std::string inline_text = "{ ";
        bool first = true;
        for (auto&& [k, v] : *table) {
            if (matches(k.str())) continue;
            inline_text += std::string(first ? "" : ", ") + std::string(slice(text, k.source())) +
                           " = " + std::string(slice(text, v.source()));
            first = false;
        }
        if (entry && value) inline_text += (first ? "" : ", ") + line.substr(0, line.size() - 1);
        if (first && !(entry && value)) inline_text = "{";  // nothing left: {}
        inline_text += first && !(entry && value) ? "}" : " }";
        splices.push_back({offset_of(text, table->source().begin),
                           offset_of(text, table->source().end), inline_text});
    } else if (table != nullptr) {
        bool replaced = false;
        std::size_t last_line = table->source().begin.line;  // the [full] header
        for (auto&& [k, v] : *table) {
            last_line = std::max<std::size_t>(last_line, v.source().end.line);
            if (!matches(k.str())) continue;
            if (entry && value && !replaced) {
                replaced = true;
                splices.push_back(
                    {offset_of(text, v.source().begin), offset_of(text, v.source().end), literal});
            } else {
                // TOML allows nothing else on an entry's lines outside an inline table.
                splices.push_back({line_start(text, k.source().begin.line),
                                   line_start(text, v.source().end.line + 1), ""});
            }
        }
        if (entry && value && !replaced) {
            std::size_t at = line_start(text, last_line + 1);
            bool ends_line = at == 0 || text[at - 1] == '\n';
            splices.push_back({at, at, (ends_line ? "" : "\n") + line});
        }
    } else if (entry && value) {
        bool ends_line = text.empty() || text.back() == '\n';
        splices.push_back(
            {text.size(), text.size(),
             std::string(ends_line ? "" : "\n") + "\n[" + std::string(table_key) + "]\n" + line});
    }
    std::sort(splices.begin(), splices.end(),
              [](const Splice& a, const Splice& b) { return a.begin > b.begin; });
    std::string out(text);
    for (const auto& s : splices) out.replace(s.begin, s.end - s.begin, s.with);

    // Check the edit did what it says: the table holds what it should, every other key as it was.
    auto after = parse_config(out, file, "");
    bool same = after.has_value();
    for (const auto& k : key_table()) {
        if (same && k.name != table_key) same = k.show(after.value()) == k.show(before.value());
    }
    if (same) {
        const toml::table written = toml::parse(out, std::string_view(file));
        const toml::table* now = written.at_path(table_key).as_table();
        same = now != nullptr ? *now == expected : expected.empty();
    }
    if (!same) return cannot("the file's layout does not allow a safe edit; edit it by hand");
    return out;
}

}  // namespace

Result<std::string> set_config_entry(std::string_view text, std::string_view file,
                                     std::string_view table, std::string_view entry,
                                     std::optional<std::string_view> value) {
    return edit_table(text, file, table, entry, value);
}

Result<std::string> clear_config_table(std::string_view text, std::string_view file,
                                       std::string_view table) {
    return edit_table(text, file, table, std::nullopt, std::nullopt);
}

}  // namespace kiosk
