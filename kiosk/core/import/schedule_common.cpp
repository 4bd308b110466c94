// Turning a schedule's stated text into Sessions, for schedule.xml and schedule.json alike.
//
// Index
//   [SECTION] Lines and diagnostics
//   [SECTION] Text: UTF-8 repair, one-line fields, paragraphs
//   [SECTION] Dates, times and durations
//   [SECTION] From RawSchedule to Program
#include "kiosk/core/import/schedule_common.h"

#include <algorithm>
#include <charconv>
#include <map>

#include <date/tz.h>

#include "kiosk/core/import/text.h"
#include "kiosk/core/names.h"
#include "kiosk/core/time.h"

namespace kiosk::schedule {

using std::chrono::minutes;

// ---------------------------------------------------------------------------------------------
// [SECTION] Lines and diagnostics
// ---------------------------------------------------------------------------------------------

LineIndex::LineIndex(std::string_view text) : text_(text) {
    lines_before_.reserve(text.size() / block + 1);
    int lines = 0;
    for (std::size_t at = 0; at < text.size(); at += block) {
        lines_before_.push_back(lines);
        std::string_view part = text.substr(at, block);
        lines += static_cast<int>(std::count(part.begin(), part.end(), '\n'));
    }
}

int LineIndex::line_at(std::size_t offset) const {
    if (text_.empty()) return 1;
    offset = std::min(offset, text_.size() - 1);
    std::size_t b = offset / block;
    std::string_view part = text_.substr(b * block, offset - b * block);
    return 1 + lines_before_[b] + static_cast<int>(std::count(part.begin(), part.end(), '\n'));
}

void Sink::warn(int line, std::string message) {
    if (kept_.size() < max_kept) {
        kept_.push_back({file_, line, Severity::warning, std::move(message)});
    } else {
        ++dropped_;
    }
}

Diagnostics Sink::take() {
    if (dropped_ > 0) {
        kept_.push_back({file_, 0, Severity::warning,
                         std::to_string(dropped_) + " more messages like these were not kept"});
    }
    dropped_ = 0;
    return std::move(kept_);
}

Unexpected<Diagnostics> Sink::fail(int line, std::string message) {
    Diagnostics ds{{file_, line, Severity::error, std::move(message)}};
    Diagnostics rest = take();
    ds.insert(ds.end(), rest.begin(), rest.end());
    return kiosk::fail(std::move(ds));
}

std::string quoted(std::string_view s) {
    constexpr std::size_t max_quote = 60;
    std::string q(utf8_prefix(s, max_quote));
    if (q.size() < s.size()) q += "\xE2\x80\xA6";
    return "'" + q + "'";
}

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] Text: UTF-8 repair, one-line fields, paragraphs
// ---------------------------------------------------------------------------------------------

// pugixml passes bytes through unchecked, and JSON's \u0000 escapes decode to control bytes:
// every field goes through here. Counts the fields it had to repair, for one warning.
class Tidy {
  public:
    // One line: whitespace runs (line breaks included) become one space; trimmed.
    std::string line(std::string_view in) { return tidy_name(repaired(in)); }

    // Paragraphs: line breaks kept (as '\n'), the ends trimmed.
    std::string text(std::string_view in) { return std::string(trim(repaired(in))); }

    std::size_t repairs() const { return repairs_; }
    int first_line() const { return first_line_; }
    void at(int line) { line_ = line; }

  private:
    std::string repaired(std::string_view in) {
        bool clean = is_valid_utf8(in) && std::none_of(in.begin(), in.end(), [](char c) {
                         return static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t';
                     });
        if (clean) return std::string(in);
        // "\r\n" and a lone '\r' end a line; every other control byte and invalid sequence is
        // replaced, one line at a time (append_valid_utf8 replaces '\n' too).
        std::string out;
        out.reserve(in.size());
        std::size_t replaced = 0;
        std::size_t p = 0;
        while (p <= in.size()) {
            std::size_t e = in.find_first_of("\r\n", p);
            if (e == std::string_view::npos) e = in.size();
            replaced += append_valid_utf8(in.substr(p, e - p), out).replaced;
            if (e == in.size()) break;
            out += '\n';
            p = e + 1;
            if (in[e] == '\r' && p < in.size() && in[p] == '\n') ++p;
        }
        if (replaced > 0 && repairs_++ == 0) first_line_ = line_;
        return out;
    }

    std::size_t repairs_ = 0;
    int first_line_ = 0;
    int line_ = 0;
};

// Reads exactly `n` digits at `p`.
bool digits(std::string_view s, std::size_t& p, std::size_t n, int& out) {
    if (p + n > s.size()) return false;
    for (std::size_t i = 0; i < n; ++i) {
        if (!is_ascii_digit(s[p + i])) return false;
    }
    std::from_chars(s.data() + p, s.data() + p + n, out);
    p += n;
    return true;
}

// Reads 1 to `max` digits at `p`.
bool some_digits(std::string_view s, std::size_t& p, std::size_t max, int& out) {
    std::size_t e = p;
    while (e < s.size() && e - p < max && is_ascii_digit(s[e])) ++e;
    if (e == p || (e < s.size() && is_ascii_digit(s[e]))) return false;
    std::from_chars(s.data() + p, s.data() + e, out);
    p = e;
    return true;
}

bool skip(std::string_view s, std::size_t& p, char c) {
    if (p < s.size() && s[p] == c) {
        ++p;
        return true;
    }
    return false;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Dates, times and durations
// ---------------------------------------------------------------------------------------------

// "2023-10-28" at `p`.
std::optional<date::local_days> read_date(std::string_view s, std::size_t& p) {
    int y = 0, m = 0, d = 0;
    if (!digits(s, p, 4, y) || !skip(s, p, '-') || !digits(s, p, 2, m) || !skip(s, p, '-') ||
        !digits(s, p, 2, d)) {
        return std::nullopt;
    }
    auto ymd =
        date::year{y} / date::month{static_cast<unsigned>(m)} / date::day{static_cast<unsigned>(d)};
    if (!ymd.ok()) return std::nullopt;
    return date::local_days{ymd};
}

std::optional<date::local_days> parse_date(std::string_view s) {
    std::size_t p = 0;
    auto d = read_date(s, p);
    return d && p == s.size() ? d : std::nullopt;
}

// "23:30" or "23:30:00" at `p`, as seconds into the day.
std::optional<std::chrono::seconds> read_time(std::string_view s, std::size_t& p) {
    int h = 0, m = 0, sec = 0;
    if (!digits(s, p, 2, h) || !skip(s, p, ':') || !digits(s, p, 2, m)) return std::nullopt;
    if (skip(s, p, ':') && !digits(s, p, 2, sec)) return std::nullopt;
    if (h > 23 || m > 59 || sec > 59) return std::nullopt;
    return std::chrono::hours{h} + minutes{m} + std::chrono::seconds{sec};
}

// "23:30" (frab and pretalx pad the hour; "9:30" is read too), minutes into the day.
std::optional<minutes> parse_hhmm(std::string_view s) {
    std::size_t p = 0;
    int h = 0, m = 0, sec = 0;
    if (!some_digits(s, p, 2, h) || !skip(s, p, ':') || !digits(s, p, 2, m)) return std::nullopt;
    if (skip(s, p, ':') && !digits(s, p, 2, sec)) return std::nullopt;
    if (p != s.size() || h > 23 || m > 59 || sec > 59) return std::nullopt;
    return std::chrono::hours{h} + minutes{m};
}

// A wall-clock time and the offset the file gives with it, if any.
struct Stamp {
    date::local_seconds wall;
    std::optional<minutes> offset;  // none: the file gave a local time only
};

// "2023-10-28T23:30:00+02:00" as Django's "c" and Python's isoformat() write it; also without
// seconds, with a fraction, 'Z', "+0200", a space for 'T', or no offset at all.
std::optional<Stamp> parse_stamp(std::string_view s) {
    std::size_t p = 0;
    auto day = read_date(s, p);
    if (!day || !(skip(s, p, 'T') || skip(s, p, ' '))) return std::nullopt;
    auto time = read_time(s, p);
    if (!time) return std::nullopt;
    if (skip(s, p, '.')) {
        std::size_t e = p;
        while (e < s.size() && is_ascii_digit(s[e])) ++e;
        if (e == p) return std::nullopt;
        p = e;  // sub-second precision: no schedule has it that matters
    }
    Stamp out{*day + *time, std::nullopt};
    if (p == s.size()) return out;
    if (skip(s, p, 'Z')) {
        out.offset = minutes{0};
    } else if (s[p] == '+' || s[p] == '-') {
        int sign = s[p] == '-' ? -1 : 1;
        ++p;
        int h = 0, m = 0;
        if (!digits(s, p, 2, h)) return std::nullopt;
        skip(s, p, ':');
        if (!digits(s, p, 2, m) || h > 23 || m > 59) return std::nullopt;
        out.offset = sign * (std::chrono::hours{h} + minutes{m});
    }
    if (p != s.size()) return std::nullopt;
    return out;
}

}  // namespace

std::optional<minutes> parse_duration(std::string_view s) {
    std::vector<int> parts;
    std::vector<std::size_t> widths;
    std::size_t p = 0;
    while (true) {
        std::size_t from = p;
        int v = 0;
        // Hours may run to "100:00"; more than 5 digits is not a duration.
        if (!some_digits(s, p, 5, v)) return std::nullopt;
        parts.push_back(v);
        widths.push_back(p - from);
        if (p == s.size()) break;
        if (!skip(s, p, ':') || parts.size() == 3) return std::nullopt;
    }
    if (parts.size() == 2) {
        if (widths[1] != 2 || parts[1] > 59) return std::nullopt;
        return std::chrono::hours{parts[0]} + minutes{parts[1]};
    }
    if (parts.size() != 3 || widths[1] != 2 || widths[2] != 2) return std::nullopt;
    if (s.front() == '0') {
        // HH:MM:SS ("00:45:00"): pretalx never writes a day count of 0 or with a leading zero.
        if (parts[1] > 59 || parts[2] > 59) return std::nullopt;
        return std::chrono::hours{parts[0]} + minutes{parts[1]};
    }
    if (parts[1] > 23 || parts[2] > 59) return std::nullopt;
    return date::days{parts[0]} + std::chrono::hours{parts[1]} + minutes{parts[2]};
}

std::optional<std::string> normalise_colour(std::string_view s) {
    if (s.empty() || s.front() != '#') return std::nullopt;
    s.remove_prefix(1);
    if (s.size() != 3 && s.size() != 6) return std::nullopt;
    std::string out = "#";
    for (char c : s) {
        char u = is_ascii_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
        if (!is_ascii_digit(u) && !(u >= 'A' && u <= 'F')) return std::nullopt;
        out += u;
        if (s.size() == 3) out += u;  // "#5AF" is "#55AAFF"
    }
    return out;
}

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] From RawSchedule to Program
// ---------------------------------------------------------------------------------------------

// Abstract and description as one text: pretalx's abstract is the short pitch and its
// description the long form; some exporters repeat the abstract at the start of the description.
std::string combine(std::string abstract, std::string description) {
    if (abstract.empty()) return description;
    if (description.empty() || abstract.starts_with(description)) return abstract;
    if (description.starts_with(abstract)) return description;
    return abstract + "\n\n" + description;
}

// Reads the events of one file into Sessions; holds what every event needs.
class Builder {
  public:
    Builder(const date::time_zone& zone, Sink& sink, Tidy& tidy, std::string file)
        : zone_(zone), sink_(sink), tidy_(tidy), file_(std::move(file)) {}

    void tracks(const std::vector<RawTrack>& tracks) {
        for (const auto& t : tracks) {
            tidy_.at(t.line);
            std::string name = tidy_.line(t.name);
            std::string colour = tidy_.line(t.colour);
            if (name.empty()) continue;
            std::string normal;
            if (!colour.empty()) {
                if (auto c = normalise_colour(colour)) {
                    normal = *c;
                } else {
                    sink_.warn(t.line, "track " + quoted(name) + ": colour " + quoted(colour) +
                                           " is not a hex colour such as #5AA9FF; ignored");
                }
            }
            colours_.emplace(std::move(name), std::move(normal));  // the first of a name wins
        }
    }

    void day(const RawDay& raw, std::vector<Session>& out) {
        // The day events are filed under. pretalx's days run 04:00 to 03:59, so a talk at 00:30
        // is filed under the day before its calendar date; the screen lists it there too.
        std::optional<date::local_days> day;
        std::string date_text = tidy_.line(raw.date);
        if (!date_text.empty()) {
            day = parse_date(date_text);
            if (!day) {
                sink_.warn(raw.line, "day " + quoted(date_text) +
                                         ": unreadable date (expected e.g. 2023-10-28)");
            }
        }
        // When the day begins, for events that give a start but no date.
        std::optional<minutes> begins;
        if (auto s = parse_stamp(tidy_.line(raw.start))) {
            auto midnight = date::floor<date::days>(s->wall);
            if (!day) day = midnight;
            begins = date::floor<minutes>(s->wall - midnight);
        }
        for (const auto& e : raw.events) {
            if (auto s = event(e, day, begins)) out.push_back(std::move(*s));
        }
    }

  private:
    // A local time without an offset, in the zone. DST policy: in a repeated hour, the first
    // (date::choose::earliest, as kiosk reads typed times); a skipped hour gives no instant.
    std::optional<Instant> in_zone(date::local_seconds wall, int line, const std::string& name,
                                   std::string_view what) {
        auto info = zone_.get_info(wall);
        std::string when = date::format("%Y-%m-%d %H:%M", date::floor<minutes>(wall));
        switch (info.result) {
            case date::local_info::unique:
                return Instant{wall.time_since_epoch() - info.first.offset};
            case date::local_info::ambiguous:
                sink_.warn(line, name + ": its " + std::string(what) + " " + when +
                                     " happens twice in " + std::string(zone_.name()) +
                                     " (clocks go back) and the file gives no offset; taking "
                                     "the first");
                return Instant{wall.time_since_epoch() - info.first.offset};
            case date::local_info::nonexistent:
                sink_.warn(line, name + ": its " + std::string(what) + " " + when +
                                     " does not exist in " + std::string(zone_.name()) +
                                     " (clocks go forward)");
                return std::nullopt;
        }
        return std::nullopt;
    }

    std::optional<Instant> instant(std::string_view text, int line, const std::string& name,
                                   std::string_view what) {
        auto s = parse_stamp(text);
        if (!s) {
            sink_.warn(line, name + ": unreadable " + std::string(what) + " " + quoted(text) +
                                 " (expected e.g. 2023-10-28T10:00:00+02:00)");
            return std::nullopt;
        }
        if (s->offset) return Instant{s->wall.time_since_epoch() - *s->offset};
        return in_zone(s->wall, line, name, what);
    }

    std::optional<Session> event(const RawEvent& e, std::optional<date::local_days> day,
                                 std::optional<minutes> begins) {
        const int line = e.line;
        tidy_.at(line);
        Session s;
        s.title = tidy_.line(e.title);
        s.id = tidy_.line(e.guid);
        if (s.id.empty()) s.id = tidy_.line(e.id);
        if (s.title.empty()) {
            sink_.warn(line, "an event without a title" +
                                 (s.id.empty() ? std::string() : " (" + s.id + ")") +
                                 " was skipped");
            return std::nullopt;
        }
        const std::string name = "event " + quoted(s.title);
        s.kind = tidy_.line(e.type);
        s.subtitle = tidy_.line(e.subtitle);
        s.track = tidy_.line(e.track);
        s.language = tidy_.line(e.language);
        if (auto room = tidy_.line(e.room); !room.empty()) s.room = std::move(room);
        for (const auto& p : e.persons) {
            if (auto person = tidy_.line(p); !person.empty()) s.speakers.push_back(person);
        }
        if (auto it = colours_.find(s.track); it != colours_.end()) s.colour = it->second;
        s.description = combine(tidy_.text(e.abstract), tidy_.text(e.description));
        s.source = {file_, line};
        s.day = day;

        // The start: `date` is exact (its offset settles the repeated hour); `start` is the
        // venue-local time of day, checked against it, and used with the day when `date` is
        // missing (older exports, FOSDEM's among them, have none).
        std::string date_text = tidy_.line(e.date);
        std::string start_text = tidy_.line(e.start);
        std::optional<minutes> hhmm;
        if (!start_text.empty()) {
            hhmm = parse_hhmm(start_text);
            if (!hhmm) {
                sink_.warn(line,
                           name + ": unreadable start " + quoted(start_text) + " (expected HH:MM)");
            }
        }
        if (!date_text.empty()) s.start = instant(date_text, line, name, "date");
        if (s.start && hhmm) {
            auto local = zone_.to_local(*s.start);
            auto time_of_day = date::floor<minutes>(local - date::floor<date::days>(local));
            if (time_of_day != *hhmm) {
                sink_.warn(line, name + ": its date " + date_text + " is " +
                                     format_hhmm(*s.start, zone_) + " in " +
                                     std::string(zone_.name()) + ", but its start says " +
                                     start_text + "; using the date");
            }
        } else if (!s.start && hhmm && day) {
            date::local_days on = *day;
            if (begins && *hhmm < *begins) on += date::days{1};  // after midnight, same day
            s.start = in_zone(date::local_seconds{on} + *hhmm, line, name, "start");
        }
        if (!s.start) {
            sink_.warn(line, name + ": no usable date or start; shown as time to be announced");
        }
        if (!s.day && s.start) s.day = date::floor<date::days>(zone_.to_local(*s.start));

        // The end: newer pretalx states it; else the start plus the duration.
        if (s.start) {
            std::optional<minutes> duration;
            std::string duration_text = tidy_.line(e.duration);
            if (!duration_text.empty()) {
                duration = parse_duration(duration_text);
                if (!duration) {
                    sink_.warn(line, name + ": unreadable duration " + quoted(duration_text) +
                                         " (expected H:MM)");
                }
            }
            std::optional<Instant> end;
            std::string end_text = tidy_.line(e.end);
            if (!end_text.empty()) end = instant(end_text, line, name, "end");
            if (end && *end < *s.start) {
                sink_.warn(line, name + ": its end " + end_text + " is before its start; ignored");
                end.reset();
            }
            if (end && duration && *end != *s.start + *duration) {
                sink_.warn(line, name + ": its end " + end_text + " and its duration " +
                                     duration_text + " disagree; using the end");
            }
            if (!end && duration) end = *s.start + *duration;
            if (end) {
                s.end = end;
                s.end_origin = Origin::stated;
            } else {
                sink_.warn(line, name + ": no usable duration or end; its end will be estimated");
            }
        }

        if (!s.id.empty()) {
            auto [it, fresh] = ids_.emplace(s.id, line);
            if (!fresh) {
                sink_.warn(line, name + ": its id " + s.id +
                                     " was already given to the event at "
                                     "line " +
                                     std::to_string(it->second));
            }
        }
        return s;
    }

    const date::time_zone& zone_;
    Sink& sink_;
    Tidy& tidy_;
    std::string file_;
    std::map<std::string, std::string> colours_;  // track name -> "#RRGGBB" or ""
    std::map<std::string, int> ids_;              // id -> line of its first event
};

}  // namespace

Result<Program> to_program(RawSchedule raw, const ImportOptions& options, Sink& sink,
                           std::string_view format) {
    Tidy tidy;
    tidy.at(raw.time_zone_line);

    // The file's zone wins; without one, the venue's, said in a warning.
    const date::time_zone* zone = nullptr;
    std::string zone_name = tidy.line(raw.time_zone_name);
    if (!zone_name.empty()) {
        auto found = find_zone(zone_name);
        if (!found) return sink.fail(raw.time_zone_line, found.error().front().message);
        zone = *found;
    } else {
        if (options.fallback_timezone.empty()) {
            return sink.fail(0,
                             "no time zone: the file has no time_zone_name and no venue time zone "
                             "was given (venue.timezone in the config)");
        }
        auto found = find_zone(options.fallback_timezone);
        if (!found) return sink.fail(0, found.error().front().message + " (venue.timezone)");
        zone = *found;
        sink.warn(0, "the file names no time zone (time_zone_name); reading its times in " +
                         std::string(zone->name()) + ", the venue's (venue.timezone)");
    }

    Program program;
    program.timezone = std::string(zone->name());
    Builder builder(*zone, sink, tidy, options.file_name);
    builder.tracks(raw.tracks);
    for (const auto& day : raw.days) builder.day(day, program.sessions);

    if (tidy.repairs() > 0) {
        sink.warn(tidy.first_line(),
                  "invalid UTF-8 or control characters replaced with U+FFFD in " +
                      std::to_string(tidy.repairs()) +
                      (tidy.repairs() == 1 ? " field" : " fields") + ", the first of them here");
    }
    if (program.sessions.empty()) {
        return sink.fail(0, "no events: the " + std::string(format) +
                                " lists no event with a title under any day; nothing to show");
    }
    program.warnings = sink.take();
    return program;
}

}  // namespace kiosk::schedule
