// The scheduler: from a program to what each room's screen shows (policies in scheduler.h).
//
// [SECTION] settings lookups   [SECTION] venue days   [SECTION] talks
// [SECTION] make_schedule      [SECTION] make_board
#include "kiosk/core/scheduler.h"

#include <algorithm>
#include <map>

#include "kiosk/core/names.h"
#include "kiosk/core/time.h"

namespace kiosk {

std::vector<std::string> Schedule::rooms() const {
    std::vector<std::string> out;
    out.reserve(rooms_.size());
    for (const auto& r : rooms_) out.push_back(r.name);
    return out;
}

namespace {

using std::chrono::minutes;
using std::chrono::seconds;

// [SECTION] settings lookups ----------------------------------------------------------------

// The default length of a session of this kind: the entry naming the kind exactly, else an entry
// whose name the kind contains as words ("Welcome Reception" → Reception); a session with no kind
// is looked up by its title. Later entries win, so a config's own come first.
minutes default_length(const ScheduleSettings& settings, const Session& s) {
    const std::string kind = fold_name(s.kind);
    const auto& ds = settings.durations;
    if (!kind.empty()) {
        for (auto it = ds.rbegin(); it != ds.rend(); ++it) {
            if (fold_name(it->kind) == kind) return it->length;
        }
    }
    const std::string text = kind.empty() ? fold_name(s.title) : kind;
    for (auto it = ds.rbegin(); it != ds.rend(); ++it) {
        if (contains_words(text, fold_name(it->kind))) return it->length;
    }
    return settings.fallback_duration;
}

// The room a session with no room is mapped to by the settings, or nullptr. Later entries win.
const RoomMapping* mapping_for(const ScheduleSettings& settings, const Session& s) {
    const std::string kind = fold_name(s.kind);
    const auto& ms = settings.unassigned_rooms;
    for (auto it = ms.rbegin(); it != ms.rend(); ++it) {
        const std::string key = fold_name(it->kind);
        if (key == "*" || (!kind.empty() && key == kind)) return &*it;
    }
    return nullptr;
}

struct ResolvedRoom {
    std::string name;  // empty: venue-wide
    bool inferred = false;
};

// The session's room; when it names none, the room its talks agree on (day pages put a room
// marker before each talk); when neither, the settings' mapping for its kind; else venue-wide.
ResolvedRoom resolve_room(const Session& s, const ScheduleSettings& settings) {
    if (s.room && !fold_name(*s.room).empty()) {
        return {*s.room, s.room_origin == Origin::from_prose};
    }
    const std::string* common = nullptr;
    for (const auto& t : s.talks) {
        if (!t.room || fold_name(*t.room).empty()) continue;
        if (common != nullptr && fold_name(*common) != fold_name(*t.room)) {
            common = nullptr;
            break;
        }
        common = &*t.room;
    }
    if (common != nullptr) return {*common, false};
    if (const RoomMapping* m = mapping_for(settings, s);
        m != nullptr && !fold_name(m->room).empty()) {
        return {m->room, false};
    }
    return {};
}

// [SECTION] venue days ----------------------------------------------------------------------

date::local_days local_day(const date::time_zone& zone, Instant t) {
    return date::floor<date::days>(zone.to_local(t));
}

// The instant a venue-local day begins. DST policy: where a change skips midnight (clocks jump
// from 24:00 to 01:00, as in America/Santiago) the day begins at the jump; where midnight happens
// twice, at the first one (date::time_zone::to_sys with choose::earliest).
Instant day_begin(const date::time_zone& zone, date::local_days day) {
    return zone.to_sys(date::local_seconds{day.time_since_epoch()}, date::choose::earliest);
}

// How late a session may run past midnight and still belong to the evening it started: a
// reception until 01:00 does, a multi-day exhibition does not move the day boundary.
constexpr std::chrono::hours late_night_limit{12};

// Program days: the venue-local days on which timed sessions start, and those the program files
// untimed sessions under. A day ends at the next midnight, or at the end of a session of that day
// that runs past it (within the limit above); the next day then begins there.
std::vector<Schedule::Day> make_days(const date::time_zone& zone,
                                     const std::vector<std::pair<Instant, Instant>>& spans,
                                     const std::vector<date::local_days>& untimed_days) {
    std::map<date::local_days, Instant> late_end;  // day → latest end of its sessions
    for (auto day : untimed_days) late_end.try_emplace(day, Instant::min());
    for (const auto& [start, end] : spans) {
        auto day = local_day(zone, start);
        auto [it, added] = late_end.try_emplace(day, end);
        if (!added) it->second = std::max(it->second, end);
    }
    std::vector<Schedule::Day> days;
    days.reserve(late_end.size());
    for (const auto& [day, latest] : late_end) {
        Instant begin = day_begin(zone, day);
        Instant end = day_begin(zone, day + date::days{1});
        if (latest > end && latest < end + late_night_limit) end = latest;
        if (!days.empty()) begin = std::max(begin, days.back().end);
        days.push_back({day, begin, end});
    }
    return days;
}

// The day containing `t` (or the last one before it), and whether `t` is inside it.
struct DayPos {
    int day = -1;  // -1: before the first day
    bool inside = false;
};

DayPos locate(const std::vector<Schedule::Day>& days, Instant t) {
    auto it = std::upper_bound(days.begin(), days.end(), t,
                               [](Instant x, const Schedule::Day& d) { return x < d.begin; });
    if (it == days.begin()) return {};
    --it;
    return {static_cast<int>(it - days.begin()), t < it->end};
}

// [SECTION] talks -----------------------------------------------------------------------------

// Gives every talk of a timed session a start and an end. Talks with stated times keep them;
// each run of talks without times shares the span from the talk before it (its stated end, or
// its stated start when it has no end, sharing the span with the run) to the next stated start
// or the session's end, in whole minutes where the span allows. With a talk length set, a run
// follows at that length when it fits in its span.
void place_talks(std::vector<ScheduledTalk>& talks, Instant start, Instant end,
                 const std::optional<minutes>& talk_length) {
    const std::size_t n = talks.size();
    std::size_t i = 0;
    while (i < n) {
        Instant from = start;
        std::size_t first = i;  // first talk placed by this run
        bool head_shares = false;
        if (talks[i].start) {
            from = *talks[i].start;
            if (talks[i].end) {
                from = *talks[i].end;
            } else {
                head_shares = true;  // the stated talk takes the first slot, keeping its start
            }
            ++first;
        }
        std::size_t j = first;
        while (j < n && !talks[j].start) ++j;
        const Instant to = j < n ? *talks[j].start : end;
        const std::size_t slots = (j - first) + (head_shares ? 1 : 0);
        if (slots > 0) {
            const seconds span = std::max(seconds{0}, to - from);
            const auto count = static_cast<seconds::rep>(slots);
            const bool by_length = talk_length && *talk_length * count <= span;
            seconds step = span / count;
            if (by_length) {
                step = *talk_length;
            } else if (step >= minutes{1}) {
                step = std::chrono::floor<minutes>(step);
            }
            for (std::size_t k = 0; k < slots; ++k) {
                auto& t = talks[(head_shares ? i : first) + k];
                const Instant slot = from + step * static_cast<seconds::rep>(k);
                if (!t.start) {
                    t.start = slot;
                    t.estimated = true;
                }
                if (!t.end) {
                    // Spread talks fill the span, the last one taking what rounding left over.
                    t.end = k + 1 == slots && !by_length ? to : slot + step;
                    t.end_estimated = true;
                }
            }
        }
        i = j;
    }
}

ScheduledTalk schedule_talk(const Talk& t) {
    return {t.label, t.label_derived, t.abstract, t.room, t.speakers, t.start, t.end, false, false};
}

}  // namespace

// [SECTION] make_schedule ---------------------------------------------------------------------

Result<Schedule> make_schedule(const Program& program, const ScheduleSettings& settings) {
    auto zone = find_zone(program.timezone);
    if (!zone) return fail(zone.error());
    const date::time_zone& tz = **zone;

    Schedule out;
    out.timezone_ = program.timezone;
    out.zone_ = &tz;

    // Rooms by folded name; the first spelling met is the one every screen shows.
    std::map<std::string, Schedule::Room> rooms;
    auto room_named = [&](const std::string& name) -> Schedule::Room& {
        auto key = fold_name(name);
        auto [it, added] = rooms.try_emplace(key);
        if (added) {
            it->second.name = tidy_name(name);
            it->second.key = key;
        }
        return it->second;
    };

    // Visible sessions with their room; hidden ones still make their room known, so a screen
    // whose only session staff hid shows an empty board rather than an error.
    struct Pending {
        const Session* session;
        ResolvedRoom room;
    };
    std::vector<Pending> visible;
    visible.reserve(program.sessions.size());
    for (const auto& s : program.sessions) {
        ResolvedRoom room = resolve_room(s, settings);
        if (!room.name.empty()) room.name = room_named(room.name).name;
        if (!s.hidden) visible.push_back({&s, std::move(room)});
    }
    for (const auto& m : settings.unassigned_rooms) {
        if (!fold_name(m.room).empty()) room_named(m.room);
    }

    // Ends. Timed sessions of each room in start order, to find the next one after each.
    const std::size_t n = visible.size();
    std::vector<Instant> ends(n);
    std::vector<bool> end_estimated(n, false);
    std::map<std::string, std::vector<std::size_t>> timed_by_room;  // "" : venue-wide
    for (std::size_t i = 0; i < n; ++i) {
        if (visible[i].session->start) timed_by_room[fold_name(visible[i].room.name)].push_back(i);
    }
    auto by_start = [&](std::size_t a, std::size_t b) {
        return std::pair{*visible[a].session->start, a} < std::pair{*visible[b].session->start, b};
    };
    for (auto& [key, list] : timed_by_room) {
        std::sort(list.begin(), list.end(), by_start);
        std::optional<Instant> later_start;  // the next strictly later start in this room
        for (std::size_t k = list.size(); k-- > 0;) {
            const Session& s = *visible[list[k]].session;
            const Instant start = *s.start;
            if (s.end && *s.end > start) {
                ends[list[k]] = *s.end;
                // Policy: an end read from prose ("closing at 6 pm") is the best guess there is,
                // but the importer found it in free text that may be loose or about something
                // else, so the screen shows it as approximate, like an inferred one.
                end_estimated[list[k]] = s.end_origin == Origin::from_prose;
            } else {
                if (s.end) {
                    out.warnings_.push_back(
                        {s.source.file, s.source.line, Severity::warning,
                         "'" + s.title + "' ends before it starts; its end is estimated instead"});
                }
                // Policy: the next session in the same room, capped by the kind's length (or
                // talks × talk length) and by midnight: an estimate never carries a session into
                // the next day. Venue-wide sessions are not cut by each other: the registration
                // desk stays open during a reception elsewhere.
                Instant end =
                    start + (settings.talk_length && !s.talks.empty()
                                 ? *settings.talk_length * static_cast<minutes::rep>(s.talks.size())
                                 : default_length(settings, s));
                if (!key.empty() && later_start) end = std::min(end, *later_start);
                end = std::min(end, day_begin(tz, local_day(tz, start) + date::days{1}));
                ends[list[k]] = end;
                end_estimated[list[k]] = true;
            }
            if (k == 0 || *visible[list[k - 1]].session->start != start) later_start = start;
        }
    }

    // Days, and the day of each session.
    std::vector<std::pair<Instant, Instant>> spans;
    std::vector<date::local_days> untimed_days;
    for (std::size_t i = 0; i < n; ++i) {
        const Session& s = *visible[i].session;
        if (s.start) {
            spans.emplace_back(*s.start, ends[i]);
        } else if (s.day) {
            untimed_days.push_back(*s.day);
        }
    }
    out.days_ = make_days(tz, spans, untimed_days);
    out.day_of_.assign(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        const Session& s = *visible[i].session;
        if (s.start) {
            out.day_of_[i] = locate(out.days_, *s.start).day;
        } else if (s.day) {
            auto it = std::lower_bound(
                out.days_.begin(), out.days_.end(), *s.day,
                [](const Schedule::Day& d, date::local_days x) { return d.date < x; });
            out.day_of_[i] = static_cast<int>(it - out.days_.begin());
        }
    }
    // Policy: a session with no time and no day belongs to the day of the nearest session before
    // it in the program, else after it (day pages list one day's sessions together).
    std::vector<bool> known(n);
    for (std::size_t i = 0; i < n; ++i) known[i] = out.day_of_[i] >= 0;
    int day = -1;
    for (std::size_t i = 0; i < n; ++i) {
        if (known[i]) {
            day = out.day_of_[i];
        } else {
            out.day_of_[i] = day;
        }
    }
    day = -1;
    for (std::size_t i = n; i-- > 0;) {
        if (known[i]) {
            day = out.day_of_[i];
        } else if (out.day_of_[i] < 0) {
            out.day_of_[i] = day;
        }
    }

    // The sessions as boards show them.
    out.sessions_.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Session& s = *visible[i].session;
        ScheduledSession ss;
        ss.kind = s.kind;
        ss.title = s.title;
        ss.subtitle = s.subtitle;
        ss.speakers = s.speakers;
        if (!visible[i].room.name.empty()) ss.room = visible[i].room.name;
        ss.room_inferred = visible[i].room.inferred;
        ss.venue_wide = visible[i].room.name.empty();
        ss.start = s.start;
        ss.description = s.description;
        ss.talks.reserve(s.talks.size());
        for (const auto& t : s.talks) ss.talks.push_back(schedule_talk(t));
        if (s.start) {
            ss.end = ends[i];
            ss.end_estimated = end_estimated[i];
            place_talks(ss.talks, *s.start, ends[i], settings.talk_length);
        }
        ss.id = s.id;
        ss.track = s.track;
        ss.colour = s.colour;
        ss.language = s.language;
        ss.source = s.source;
        out.sessions_.emplace_back(std::move(ss));
    }

    // The index.
    for (std::size_t i = 0; i < n; ++i) {
        if (!visible[i].session->start) {
            const auto& name = visible[i].room.name;
            (name.empty() ? out.venue_wide_ : room_named(name)).untimed.push_back(i);
        }
    }
    auto fill = [&](Schedule::Room& r, const std::vector<std::size_t>& list) {
        r.timed = list;
        Instant latest = Instant::min();
        for (std::size_t i : list) {
            r.starts.push_back(*visible[i].session->start);
            latest = std::max(latest, ends[i]);
            r.latest_end.push_back(latest);
        }
    };
    for (const auto& [key, list] : timed_by_room) {
        fill(key.empty() ? out.venue_wide_ : rooms.at(key), list);
    }
    out.rooms_.reserve(rooms.size());
    for (auto& [key, r] : rooms) out.rooms_.push_back(std::move(r));
    return out;
}

// [SECTION] make_board ------------------------------------------------------------------------

namespace {

// A session on at `at`, with the talk probably on stage: the last one to have started (the first
// before any has), so exactly one is on stage while a session with talks is on.
BoardSession on_at(const Shared<ScheduledSession>& s, Instant at) {
    BoardSession b{s, std::nullopt, std::nullopt};
    const auto& talks = s->talks;
    if (talks.empty()) return b;
    std::size_t k = 0;
    for (std::size_t t = 0; t < talks.size(); ++t) {
        if (talks[t].start && *talks[t].start <= at) k = t;
    }
    b.on_stage = k;
    if (k + 1 < talks.size()) b.next_talk = k + 1;
    return b;
}

BoardSession listed(const Shared<ScheduledSession>& s) { return {s, std::nullopt, std::nullopt}; }

// Where one room stands at `at`: what is on, and the range of its timed sessions still to come
// on day `day` ([upcoming, end_of_day) in Room::timed).
struct RoomAt {
    std::size_t upcoming = 0;
    std::size_t end_of_day = 0;
};

RoomAt room_at(const Schedule::Room& r, const std::vector<int>& day_of, DayPos pos, Instant at) {
    RoomAt ra;
    ra.upcoming = static_cast<std::size_t>(std::upper_bound(r.starts.begin(), r.starts.end(), at) -
                                           r.starts.begin());
    ra.end_of_day = ra.upcoming;
    if (pos.inside) {
        while (ra.end_of_day < r.timed.size() && day_of[r.timed[ra.end_of_day]] == pos.day) {
            ++ra.end_of_day;
        }
    }
    return ra;
}

// This room's sessions containing `at`, in start order. The running maximum of ends stops the
// walk back at the first point where nothing earlier can still be on.
void add_now(const Schedule::Room& r, const std::vector<Shared<ScheduledSession>>& sessions,
             std::size_t upcoming, Instant at, std::vector<BoardSession>& out) {
    const std::size_t first = out.size();
    for (std::size_t j = upcoming; j-- > 0;) {
        if (r.latest_end[j] <= at) break;
        const auto& s = sessions[r.timed[j]];
        if (*s->end > at) out.push_back(on_at(s, at));
    }
    std::reverse(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
}

// The sessions of [from, to) in Room::timed that start together with the first.
std::size_t next_group_end(const Schedule::Room& r, std::size_t from, std::size_t to) {
    std::size_t k = from;
    while (k < to && r.starts[k] == r.starts[from]) ++k;
    return k;
}

std::string room_list(const Schedule& schedule) {
    std::string out;
    for (const auto& name : schedule.rooms()) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

}  // namespace

Result<Board> make_board(const Schedule& schedule, std::string_view room, Instant at) {
    const std::string key = fold_name(room);
    auto it =
        std::lower_bound(schedule.rooms_.begin(), schedule.rooms_.end(), key,
                         [](const Schedule::Room& r, const std::string& k) { return r.key < k; });
    if (it == schedule.rooms_.end() || it->key != key) {
        std::string message = key.empty() ? "no room given" : "no room '" + std::string(room) + "'";
        message += schedule.rooms_.empty() ? "; the program names no rooms"
                                           : "; the program's rooms are: " + room_list(schedule);
        return fail(Diagnostic{"", 0, Severity::error, std::move(message)});
    }
    const Schedule::Room& here = *it;
    const auto& sessions = schedule.sessions_;
    const auto& day_of = schedule.day_of_;

    Board b;
    b.room = here.name;
    b.at = at;
    b.timezone = schedule.timezone_;
    b.zone = schedule.zone_;
    const DayPos pos = locate(schedule.days_, at);

    // This room.
    const RoomAt ra = room_at(here, day_of, pos, at);
    add_now(here, sessions, ra.upcoming, at, b.now);
    const std::size_t group_end = next_group_end(here, ra.upcoming, ra.end_of_day);
    for (std::size_t k = ra.upcoming; k < ra.end_of_day; ++k) {
        (k < group_end ? b.next : b.later).push_back(listed(sessions[here.timed[k]]));
    }
    const bool started_today =
        ra.upcoming > 0 && pos.inside && day_of[here.timed[ra.upcoming - 1]] == pos.day;
    // The day's sessions with no time: this room's, then venue-wide ones (every screen lists
    // them, since nobody knows where they will be either). A program with no timed session at
    // all has no days; its untimed sessions are listed whenever asked.
    const bool no_days = schedule.days_.empty();
    for (const auto* list : {&here.untimed, &schedule.venue_wide_.untimed}) {
        for (std::size_t i : *list) {
            if (no_days || (pos.inside && day_of[i] == pos.day))
                b.later.push_back(listed(sessions[i]));
        }
    }

    if (!b.now.empty()) {
        b.status = RoomStatus::in_session;
    } else if (pos.day < 0 || no_days) {
        b.status = RoomStatus::before_conference;
    } else if (!pos.inside && static_cast<std::size_t>(pos.day) + 1 == schedule.days_.size()) {
        b.status = RoomStatus::after_conference;
    } else if (!b.next.empty()) {
        b.status = started_today ? RoomStatus::between_sessions : RoomStatus::before_first_session;
    } else {
        b.status = RoomStatus::after_last_session;
    }
    if (b.status == RoomStatus::before_conference || b.status == RoomStatus::after_last_session) {
        // This room's first session on a later day: the first starting after this day ends.
        std::size_t k = 0;
        if (pos.day >= 0) {
            const auto next_day = static_cast<std::size_t>(pos.day) + 1;
            k = next_day < schedule.days_.size()
                    ? static_cast<std::size_t>(std::lower_bound(here.starts.begin(),
                                                                here.starts.end(),
                                                                schedule.days_[next_day].begin) -
                                               here.starts.begin())
                    : here.timed.size();
        }
        if (k < here.timed.size()) b.next_day_first = listed(sessions[here.timed[k]]);
    }

    // Elsewhere: what is on now and next today in every other room and venue-wide.
    auto add_elsewhere = [&](const Schedule::Room& r) {
        const RoomAt other = room_at(r, day_of, pos, at);
        add_now(r, sessions, other.upcoming, at, b.elsewhere);
        const std::size_t end = next_group_end(r, other.upcoming, other.end_of_day);
        for (std::size_t k = other.upcoming; k < end; ++k) {
            b.elsewhere.push_back(listed(sessions[r.timed[k]]));
        }
    };
    add_elsewhere(schedule.venue_wide_);
    for (const auto& r : schedule.rooms_) {
        if (&r != &here) add_elsewhere(r);
    }
    std::stable_sort(
        b.elsewhere.begin(), b.elsewhere.end(),
        [](const BoardSession& x, const BoardSession& y) { return *x->start < *y->start; });
    return b;
}

Result<Board> make_board(const Program& program, std::string_view room, Instant at,
                         const ScheduleSettings& settings) {
    auto schedule = make_schedule(program, settings);
    if (!schedule) return fail(schedule.error());
    return make_board(*schedule, room, at);
}

}  // namespace kiosk
