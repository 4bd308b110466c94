// Staff corrections: applying corrections.toml to a program (see corrections.h); reading it is
// corrections.cpp.
#include <algorithm>
#include <map>
#include <set>

#include "kiosk/core/corrections.h"
#include "kiosk/core/names.h"
#include "kiosk/core/time.h"

namespace kiosk {

namespace {

struct Applier {
    const Corrections& c;
    const date::time_zone& zone;
    Program& program;
    const std::vector<Session>& imported;  // as imported: what corrections are matched against
    Diagnostics warnings;

    void warn(int line, std::string message) {
        warnings.push_back({c.file, line, Severity::warning, std::move(message)});
    }

    date::local_days local_date(Instant t) const {
        return date::floor<date::days>(zone.to_local(t));
    }

    // The venue-local day of a session: of its start, else the day its program files it under.
    std::optional<date::year_month_day> day_of(const Session& s) const {
        if (s.start) return date::year_month_day{local_date(*s.start)};
        if (s.day) return date::year_month_day{*s.day};
        return std::nullopt;
    }

    std::vector<std::size_t> matching(const SessionMatch& m) const {
        std::vector<std::size_t> out;
        const std::string kind = fold_name(m.kind);
        const std::string title = fold_name(m.title);
        for (std::size_t i = 0; i < imported.size(); ++i) {
            const Session& s = imported[i];
            if (!kind.empty() && fold_name(s.kind) != kind) continue;
            if (fold_name(s.title) != title) continue;
            // A session with no known day matches any: the match's day is then the day its
            // times of day are on.
            if (m.day && day_of(s) && day_of(s) != m.day) continue;
            out.push_back(i);
        }
        return out;
    }

    // "no Oral session titled 'Outstanding Paper' (did you mean 'Outstanding Papers'?)"
    std::string no_match(const SessionMatch& m) const {
        const std::string kind = fold_name(m.kind);
        std::vector<std::string> titles;
        std::string other_kind;
        for (const auto& s : imported) {
            if (kind.empty() || fold_name(s.kind) == kind) {
                titles.push_back(s.title);
            } else if (fold_name(s.title) == fold_name(m.title)) {
                other_kind = s.kind;
            }
        }
        std::string message = "no " + (m.kind.empty() ? std::string() : m.kind + " ") +
                              "session titled '" + m.title + "'";
        if (m.day) message += " on " + date::format("%F", date::sys_days{*m.day});
        message += " in the program";
        auto suggestion = closest(m.title, titles);
        if (suggestion && fold_name(*suggestion) != fold_name(m.title)) {
            message += did_you_mean(suggestion);
        } else if (!other_kind.empty()) {
            message += " (it is there as kind '" + other_kind + "')";
        }
        return message;
    }

    // A written time as an instant: times of day on `day`. Nothing, with a warning, when it
    // cannot be one (no day to put it on, or a local time the DST change skips).
    std::optional<Instant> instant(const WrittenTime& t, std::optional<date::year_month_day> day,
                                   int line, std::string_view what) {
        std::string text = t.text;
        if (t.time_of_day) {
            if (!day) {
                warn(line, std::string(what) + " '" + t.text +
                               "' is a time of day, but the session has no day; write the date "
                               "too, such as \"2022-08-29T" +
                               t.text + "\"");
                return std::nullopt;
            }
            text = date::format("%F", date::sys_days{*day}) + "T" + t.text;
        }
        auto r = parse_instant(text, zone, what);
        if (!r) {
            warn(line, r.error().front().message);
            return std::nullopt;
        }
        return *r;
    }

    // The new start and end of a fix, on `day` for times of day; a time that cannot be one is
    // left out, with a warning.
    std::pair<std::optional<Instant>, std::optional<Instant>> times(
        const Changes& c, std::optional<date::year_month_day> day, int line) {
        std::optional<Instant> start, end;
        if (c.start) start = instant(*c.start, day, line, "start");
        if (c.end) end = instant(*c.end, day, line, "end");
        return {start, end};
    }

    static std::optional<std::string> room_value(const std::string& room) {
        if (fold_name(room).empty()) return std::nullopt;
        return tidy_name(room);
    }

    // Which line last changed what, per session (by its index in the imported program) or talk
    // (session index, talk position): a later line that contradicts it is a warning naming both.
    struct Edits {
        int hidden_by = 0;
        std::map<std::string, std::pair<int, std::string>> set;  // field -> (line, value)
    };
    std::map<std::pair<std::size_t, std::size_t>, Edits> edits;
    static constexpr std::size_t whole_session = static_cast<std::size_t>(-1);

    // Whether line `line`'s changes to one session or talk contradict an earlier line's: a
    // hide and an edit, or one field given two values. Warns once per contradiction.
    void note_edits(std::pair<std::size_t, std::size_t> who, const std::string& what,
                    const Changes& c, int line) {
        Edits& e = edits[who];
        std::vector<std::pair<std::string, std::string>> fields;
        if (c.start) fields.emplace_back("start", c.start->text);
        if (c.end) fields.emplace_back("end", c.end->text);
        if (c.room) fields.emplace_back("room", *c.room);
        if (c.name) fields.emplace_back("name", *c.name);
        if (c.hide && e.hidden_by == 0) {
            int edited = 0;
            for (const auto& [field, at] : e.set) edited = std::max(edited, at.first);
            if (edited != 0) {
                warn(line, "hides " + what + ", which line " + std::to_string(edited) +
                               " changes; it is hidden, so that change is not shown");
            }
            e.hidden_by = line;
        } else if (!c.hide && e.hidden_by != 0 && !fields.empty()) {
            warn(line, "changes " + what + ", which line " + std::to_string(e.hidden_by) +
                           " hides; it stays hidden");
        }
        for (const auto& [field, value] : fields) {
            auto it = e.set.find(field);
            if (it != e.set.end() && it->second.second != value) {
                warn(line, "sets the " + field + " of " + what + " to '" + value + "', but line " +
                               std::to_string(it->second.first) + " sets it to '" +
                               it->second.second + "'; the later line wins");
            }
            e.set[field] = {line, value};
        }
    }

    // An end that is not after the start (as the session or talk then stands) is a mistake,
    // not a time to show: the line's times are left out, with a warning.
    bool ordered(std::optional<Instant> start, std::optional<Instant> end, int line,
                 const std::string& what,
                 std::string_view outcome = "this line's times are not applied") {
        if (!start || !end || *end > *start) return true;
        warn(line, "would make " + what + " end at " + date::format("%F %R", zone.to_local(*end)) +
                       ", not after its start at " + date::format("%F %R", zone.to_local(*start)) +
                       "; " + std::string(outcome));
        return false;
    }

    void session_fix(const SessionFix& f) {
        const auto matches = matching(f.match);
        if (matches.empty()) return warn(f.line, no_match(f.match));
        const Changes& c = f.set;
        const bool dated = (c.start && !c.start->time_of_day) || (c.end && !c.end->time_of_day);
        if (dated && matches.size() > 1) {
            return warn(f.line, "'" + f.match.title + "' matches " +
                                    std::to_string(matches.size()) +
                                    " sessions, and a full date fits only one; add day = "
                                    "\"YYYY-MM-DD\" to the match");
        }
        for (std::size_t i : matches) {
            Session& s = program.sessions[i];
            note_edits({i, whole_session}, "'" + imported[i].title + "'", c, f.line);
            auto [start, end] = times(c, f.match.day ? f.match.day : day_of(imported[i]), f.line);
            if (!ordered(start ? start : s.start, end ? end : s.end, f.line,
                         "'" + imported[i].title + "'")) {
                start.reset();
                end.reset();
            }
            if (start) {
                s.start = start;
                s.start_origin = Origin::corrected;
                s.day = local_date(*start);
            }
            if (end) {
                s.end = end;
                s.end_origin = Origin::corrected;
            }
            if (c.room) {
                s.room = room_value(*c.room);
                s.room_origin = Origin::corrected;
            }
            if (c.name) {
                s.title = tidy_name(*c.name);
                s.title_origin = Origin::corrected;
            }
            if (c.hide) s.hidden = true;
        }
    }

    // Talks to hide, by session, as positions in the imported program (erased at the end).
    std::map<std::size_t, std::set<std::size_t>> hidden_talks;

    void talk_fix(const TalkFix& f) {
        const auto matches = matching(f.session);
        if (matches.empty()) return warn(f.line, no_match(f.session));
        const Changes& c = f.set;
        for (std::size_t i : matches) {
            const auto n = imported[i].talks.size();
            if (static_cast<std::size_t>(f.position) > n) {
                warn(f.line, "'" + imported[i].title + "' has " + std::to_string(n) +
                                 (n == 1 ? " talk" : " talks") + ", so there is no talk " +
                                 std::to_string(f.position));
                continue;
            }
            const auto k = static_cast<std::size_t>(f.position - 1);
            Talk& t = program.sessions[i].talks[k];
            const std::string what =
                "talk " + std::to_string(f.position) + " of '" + imported[i].title + "'";
            note_edits({i, k}, what, c, f.line);
            auto [start, end] =
                times(c, f.session.day ? f.session.day : day_of(imported[i]), f.line);
            if (!ordered(start ? start : t.start, end ? end : t.end, f.line, what)) {
                start.reset();
                end.reset();
            }
            if (start) t.start = start;
            if (end) t.end = end;
            if (start || end) t.time_origin = Origin::corrected;
            if (c.room) {
                t.room = room_value(*c.room);
                t.room_origin = Origin::corrected;
            }
            if (c.name) {
                t.label = tidy_name(*c.name);
                t.label_derived = false;
                t.label_origin = Origin::corrected;
            }
            if (c.hide) hidden_talks[i].insert(k);
        }
    }

    void hide_talks() {
        for (const auto& [i, positions] : hidden_talks) {
            auto& talks = program.sessions[i].talks;
            for (auto it = positions.rbegin(); it != positions.rend(); ++it) {
                talks.erase(talks.begin() + static_cast<std::ptrdiff_t>(*it));
            }
        }
    }

    void add(const AddedSession& a) {
        Session s;
        s.kind = tidy_name(a.kind);
        s.title = a.title;
        s.title_origin = Origin::corrected;
        if (a.room) s.room = room_value(*a.room);
        s.room_origin = Origin::corrected;
        s.speakers = a.speakers;
        s.description = a.description;
        s.source = {c.file, a.line};
        if (a.day) s.day = date::local_days{*a.day};
        if (a.start) {
            s.start = instant(*a.start, a.day, a.line, "start");
            s.start_origin = Origin::corrected;
            if (!s.start) return;  // warned; a session at a guessed time would mislead
            s.day = local_date(*s.start);
        }
        if (a.end) {
            s.end = instant(*a.end, a.day, a.line, "end");
            s.end_origin = Origin::corrected;
            if (!ordered(s.start, s.end, a.line, "'" + a.title + "'", "it is not added")) return;
        }
        program.sessions.push_back(std::move(s));
    }
};

}  // namespace

CorrectedProgram apply_corrections(Program program, const Corrections& corrections) {
    auto zone = find_zone(program.timezone);
    if (!zone) {
        Diagnostics ws{
            {corrections.file, 0, Severity::warning,
             "not applied: the program's time zone is unknown ('" + program.timezone + "')"}};
        return {std::move(program), std::move(ws)};
    }
    const std::vector<Session> imported = program.sessions;
    Applier a{corrections, **zone, program, imported, {}, {}, {}};
    for (const auto& f : corrections.sessions) a.session_fix(f);
    for (const auto& f : corrections.talks) a.talk_fix(f);
    a.hide_talks();
    for (const auto& s : corrections.added) a.add(s);
    std::stable_sort(a.warnings.begin(), a.warnings.end(),
                     [](const Diagnostic& x, const Diagnostic& y) { return x.line < y.line; });
    return {std::move(program), std::move(a.warnings)};
}

}  // namespace kiosk
