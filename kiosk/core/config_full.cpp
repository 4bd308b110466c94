// The [full] section: rooms staff marked full, each with when the mark ends. A section of free
// keys (room names), read whole, its date-times resolved once the venue's zone is known.
#include <date/date.h>

#include "kiosk/core/config_keys.h"
#include "kiosk/core/time.h"

namespace kiosk::config_detail {

namespace {

std::string full_entry(const std::string& room) { return "full." + quote(room); }

}  // namespace

KeyDef full_key() {
    ReadFn read = [](const toml::node& n, Config&, Reader& r) {
        const auto* t = n.as_table();
        if (t == nullptr) {
            r.error(line_of(n.source()), "'full' must be a section ([full] with \"Room\" = \"" +
                                             std::string("2022-08-29T11:00\"), not ") +
                                             describe(n));
            return;
        }
        for (auto&& [k, v] : *t) {
            std::string room(k.str());
            if (room.find_first_not_of(" \t") == std::string::npos) {
                r.error(line_of(k.source()), "full has an empty room name");
                continue;
            }
            std::optional<std::string> text = toml_date_time_text(v);
            if (!text && v.is_string()) text = v.as_string()->get();
            if (!text || text->empty()) {
                r.error(line_of(v.source()),
                        full_entry(room) +
                            " must be when the mark ends, a date and time such as "
                            "\"2022-08-29T11:00\", not " +
                            (text ? std::string("an empty string") : describe(v)));
                continue;
            }
            r.full_text.push_back({room, *text, line_of(v.source())});
        }
    };
    ShowFn show = [](const Config& c) {
        if (c.full.empty()) return std::string("{}");
        std::string out = "{ ";
        bool first = true;
        for (const auto& [room, until] : c.full) {
            out += (first ? "" : ", ") + quote(room) + " = " + quote(date::format("%FT%TZ", until));
            first = false;
        }
        return out + " }";
    };
    return {"full", "table of date-times", std::move(read), std::move(show)};
}

void resolve_full(Config& c, Reader& r, const date::time_zone& zone) {
    for (const auto& f : r.full_text) {
        auto t = parse_instant(f.until, zone, full_entry(f.room));
        if (t) {
            c.full[f.room] = *t;
        } else {
            r.error(f.line, t.error().front().message);
        }
    }
}

}  // namespace kiosk::config_detail
