// Config keys whose values have a grammar of their own: window size, hotkey, PIN, announcement
// expiry, slide list, talk length (see config_keys.h).
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <set>

#include <date/date.h>

#include "kiosk/core/config_keys.h"
#include "kiosk/core/names.h"

namespace kiosk::config_detail {

namespace {

std::optional<std::pair<int, int>> parse_size(std::string_view s) {
    auto x = s.find('x');
    if (x == std::string_view::npos) return std::nullopt;
    int w = 0, h = 0;
    auto a = std::from_chars(s.data(), s.data() + x, w);
    auto b = std::from_chars(s.data() + x + 1, s.data() + s.size(), h);
    if (a.ec != std::errc{} || a.ptr != s.data() + x || b.ec != std::errc{} ||
        b.ptr != s.data() + s.size()) {
        return std::nullopt;
    }
    return std::pair{w, h};
}

std::optional<Hotkey> parse_hotkey(std::string_view s) {
    Hotkey h;
    while (true) {
        auto plus = s.find('+');
        // A lone "+" key is not offered; every part before the last is a modifier.
        if (plus == std::string_view::npos) break;
        auto mod = s.substr(0, plus);
        if (mod == "Ctrl") {
            h.ctrl = true;
        } else if (mod == "Alt") {
            h.alt = true;
        } else if (mod == "Shift") {
            h.shift = true;
        } else {
            return std::nullopt;
        }
        s.remove_prefix(plus + 1);
    }
    static const std::set<std::string_view> named = {
        "Escape", "Tab",      "Space", "Return",     "Backspace", "Insert", "Delete", "Home", "End",
        "PageUp", "PageDown", "Pause", "ScrollLock", "Up",        "Down",   "Left",   "Right"};
    bool letter_or_digit =
        s.size() == 1 && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= '0' && s[0] <= '9'));
    int f = 0;
    bool function_key =
        s.size() >= 2 && s[0] == 'F' &&
        std::from_chars(s.data() + 1, s.data() + s.size(), f).ptr == s.data() + s.size() &&
        f >= 1 && f <= 24;
    if (!letter_or_digit && !function_key && named.count(s) == 0) return std::nullopt;
    // A letter or digit alone would fire while someone types; require a modifier for those.
    if (letter_or_digit && !h.ctrl && !h.alt) return std::nullopt;
    h.key = std::string(s);
    return h;
}

std::string two(int v) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02d", v % 100);
    return buf;
}

}  // namespace

// TOML's own date-times (`until = 2022-08-29T12:00:00`) are accepted like the quoted form.
std::optional<std::string> toml_date_time_text(const toml::node& n) {
    const auto* dt = n.as_date_time();
    if (dt == nullptr) return std::nullopt;
    const auto& v = dt->get();
    std::string out = std::to_string(v.date.year) + "-" + two(v.date.month) + "-" +
                      two(v.date.day) + "T" + two(v.time.hour) + ":" + two(v.time.minute) + ":" +
                      two(v.time.second);
    if (v.offset) {
        int m = v.offset->minutes;
        if (m == 0) return out + "Z";
        out += m < 0 ? "-" : "+";
        if (m < 0) m = -m;
        out += two(m / 60) + ":" + two(m % 60);
    }
    return out;
}

KeyDef windowed_key() {
    ReadFn read = [](const toml::node& n, Config& c, Reader& r) {
        const auto* s = n.as_string();
        std::optional<std::pair<int, int>> size;
        if (s != nullptr && s->get().empty()) size = std::pair{0, 0};
        if (s != nullptr && !size) {
            size = parse_size(s->get());
            if (size && (size->first < 320 || size->second < 240 || size->first > 7680 ||
                         size->second > 7680)) {
                size.reset();
            }
        }
        if (!size) {
            r.error(line_of(n.source()),
                    "screen.windowed must be a size such as \"1280x720\" (320x240 to "
                    "7680x7680), or \"\" for full screen, not " +
                        (s != nullptr ? "'" + s->get() + "'" : describe(n)));
            return;
        }
        c.screen.windowed_width = size->first;
        c.screen.windowed_height = size->second;
    };
    ShowFn show = [](const Config& c) {
        if (c.screen.windowed_width == 0) return quote("");
        return quote(std::to_string(c.screen.windowed_width) + "x" +
                     std::to_string(c.screen.windowed_height));
    };
    return {"screen.windowed", "string", std::move(read), std::move(show)};
}

KeyDef hotkey_key() {
    ReadFn read = [](const toml::node& n, Config& c, Reader& r) {
        const auto* s = n.as_string();
        std::optional<Hotkey> h;
        if (s != nullptr) h = parse_hotkey(s->get());
        if (!h) {
            r.error(line_of(n.source()),
                    "staff.hotkey must be a key such as \"F12\" or \"Ctrl+Alt+S\" (Ctrl, Alt, "
                    "Shift; a letter or digit needs Ctrl or Alt), not " +
                        (s != nullptr ? "'" + s->get() + "'" : describe(n)));
            return;
        }
        c.staff.hotkey = *h;
    };
    ShowFn show = [](const Config& c) { return quote(to_string(c.staff.hotkey)); };
    return {"staff.hotkey", "string", std::move(read), std::move(show)};
}

KeyDef pin_key() {
    ReadFn read = [](const toml::node& n, Config& c, Reader& r) {
        if (n.is_integer()) {
            // An unquoted PIN would lose its leading zeros; say how to write it.
            r.error(line_of(n.source()),
                    "staff.pin must be written in quotes (pin = \"0420\"), not as a number");
            return;
        }
        const auto* s = n.as_string();
        bool digits = s != nullptr && std::all_of(s->get().begin(), s->get().end(),
                                                  [](char ch) { return ch >= '0' && ch <= '9'; });
        if (s == nullptr || !digits || (!s->get().empty() && s->get().size() < 4) ||
            s->get().size() > 12) {
            r.error(line_of(n.source()),
                    "staff.pin must be 4 to 12 digits in quotes, or \"\" for no PIN, not " +
                        (s != nullptr ? "'" + s->get() + "'" : describe(n)));
            return;
        }
        c.staff.pin = s->get();
    };
    ShowFn show = [](const Config& c) { return quote(c.staff.pin); };
    return {"staff.pin", "string", std::move(read), std::move(show)};
}

KeyDef until_key() {
    ReadFn read = [](const toml::node& n, Config&, Reader& r) {
        std::optional<std::string> text = toml_date_time_text(n);
        if (!text && n.is_string()) text = n.as_string()->get();
        if (!text) {
            r.error(line_of(n.source()),
                    "announcement.until must be a date and time such as 2022-08-29T12:00, not " +
                        describe(n));
            return;
        }
        if (text->empty()) return;  // "" says "until removed", like leaving the key out
        r.until_text = std::pair{*text, line_of(n.source())};
    };
    ShowFn show = [](const Config& c) {
        return c.announcement.until ? quote(date::format("%FT%TZ", *c.announcement.until))
                                    : quote("");
    };
    return {"announcement.until", "date-time", std::move(read), std::move(show)};
}

KeyDef entry_time_key(std::string_view name, bool from) {
    ReadFn read = [name, from](const toml::node& n, Config& c, Reader& r) {
        std::optional<std::string> text = toml_date_time_text(n);
        if (!text && n.is_string()) text = n.as_string()->get();
        if (!text) {
            r.error(line_of(n.source()), std::string(name) +
                                             " must be a date and time such as "
                                             "2022-08-29T12:00, not " +
                                             describe(n));
            return;
        }
        if (text->empty()) return;  // "" says "none", like leaving the key out
        r.entry_times.push_back({c.announcements.size() - 1, from, *text, line_of(n.source())});
    };
    auto one = [from](const Announcement& a) {
        const auto& t = from ? a.from : a.until;
        return t ? quote(date::format("%FT%TZ", *t)) : quote("");
    };
    ShowFn show = [one](const Config& c) {
        std::string out = "[";
        for (std::size_t i = 0; i < c.announcements.size(); ++i) {
            out += (i > 0 ? ", " : "") + one(c.announcements[i]);
        }
        return out + "]";
    };
    ShowFn entry_default = [one](const Config&) { return one(Announcement{}); };
    return {name, "date-time", std::move(read), std::move(show), std::move(entry_default)};
}

KeyDef show_slides_key() {
    ReadFn read = [](const toml::node& n, Config& c, Reader& r) {
        const auto* a = n.as_array();
        std::string names;
        for (auto s : rotating_slide_names()) names += (names.empty() ? "" : ", ") + std::string(s);
        if (a == nullptr) {
            r.error(line_of(n.source()), "slides.show must be an array of slide names such as [" +
                                             names + "], not " + describe(n));
            return;
        }
        std::vector<std::string> shown;
        bool ok = true;
        for (const auto& item : *a) {
            const auto* s = item.as_string();
            std::vector<std::string> known(rotating_slide_names().begin(),
                                           rotating_slide_names().end());
            if (s == nullptr || std::find(known.begin(), known.end(), s->get()) == known.end()) {
                std::string what = s != nullptr ? "'" + s->get() + "'" : describe(item);
                r.error(line_of(item.source()),
                        "slides.show: unknown slide " + what +
                            (s != nullptr ? did_you_mean(closest(s->get(), known)) : "") +
                            "; the slides are " + names);
                ok = false;
            } else if (std::find(shown.begin(), shown.end(), s->get()) != shown.end()) {
                r.error(line_of(item.source()), "slides.show lists '" + s->get() + "' twice");
                ok = false;
            } else {
                shown.push_back(s->get());
            }
        }
        if (ok) c.slides.show = std::move(shown);
    };
    ShowFn show = [](const Config& c) {
        std::string out = "[";
        for (std::size_t i = 0; i < c.slides.show.size(); ++i) {
            out += (i > 0 ? ", " : "") + quote(c.slides.show[i]);
        }
        return out + "]";
    };
    return {"slides.show", "array of strings", std::move(read), std::move(show)};
}

KeyDef talk_length_key() {
    ReadFn read = [](const toml::node& n, Config& c, Reader& r) {
        const auto* i = n.as_integer();
        if (i == nullptr || i->get() < 0 || i->get() > 240) {
            r.error(line_of(n.source()),
                    "durations.talk must be minutes from 1 to 240, or 0 to spread talks over "
                    "the session, not " +
                        (i != nullptr ? std::to_string(i->get()) : describe(n)));
            return;
        }
        if (i->get() == 0) {
            c.schedule.talk_length.reset();
        } else {
            c.schedule.talk_length = std::chrono::minutes{i->get()};
        }
    };
    ShowFn show = [](const Config& c) {
        return std::to_string(c.schedule.talk_length ? c.schedule.talk_length->count() : 0);
    };
    return {"durations.talk", "integer", std::move(read), std::move(show)};
}

}  // namespace kiosk::config_detail
