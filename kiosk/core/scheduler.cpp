// The scheduler: from a program to what each room's screen shows (policies in scheduler.h).
//
// [SECTION] settings lookups   [SECTION] make_schedule   [SECTION] make_board
// Venue days and talk times are in schedule_parts.cpp.
#include "kiosk/core/scheduler.h"

#include <algorithm>
#include <map>

#include "kiosk/core/names.h"
#include "kiosk/core/schedule_parts.h"
#include "kiosk/core/time.h"

namespace kiosk {

using schedule_parts::add_now;
using schedule_parts::day_begin;
using schedule_parts::DayPos;
using schedule_parts::DaySpan;
using schedule_parts::listed;
using schedule_parts::local_day;
using schedule_parts::locate;
using schedule_parts::make_days;
using schedule_parts::next_group_end;
using schedule_parts::place_talks;
using schedule_parts::room_at;
using schedule_parts::RoomAt;
using schedule_parts::schedule_talk;

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

}  // namespace

// [SECTION] make_schedule ---------------------------------------------------------------------

namespace {

// A visible session with its resolved room.
struct Pending {
    const Session* session;
    ResolvedRoom room;
};

// Rooms by folded name; the first spelling met is the one every screen shows.
struct RoomIndex {
    std::map<std::string, Schedule::Room> rooms;
    std::vector<std::string> order;  // keys, as first met

    Schedule::Room& named(const std::string& name) {
        auto key = fold_name(name);
        auto [it, added] = rooms.try_emplace(key);
        if (added) {
            it->second.name = tidy_name(name);
            it->second.key = key;
            order.push_back(key);
        }
        return it->second;
    }
};

// Visible sessions with their room; hidden ones still make their room known, so a screen whose
// only session staff hid shows an empty board rather than an error.
std::vector<Pending> visible_sessions(const Program& program, const ScheduleSettings& settings,
                                      RoomIndex& rooms) {
    std::vector<Pending> visible;
    visible.reserve(program.sessions.size());
    for (const auto& s : program.sessions) {
        ResolvedRoom room = resolve_room(s, settings);
        if (!room.name.empty()) room.name = rooms.named(room.name).name;
        if (!s.hidden) visible.push_back({&s, std::move(room)});
    }
    for (const auto& m : settings.unassigned_rooms) {
        if (!fold_name(m.room).empty()) rooms.named(m.room);
    }
    return visible;
}

// Each session's end, and whether it is estimated.
struct Ends {
    std::vector<Instant> at;
    std::vector<bool> estimated;
};

// The end of a session whose program gives none (or one before its start). Policy: the next
// session in the same room, capped by the kind's length (or talks × talk length) and by
// midnight: an estimate never carries a session into the next day. Venue-wide sessions are not
// cut by each other: the registration desk stays open during a reception elsewhere.
Instant estimated_end(const Session& s, const ScheduleSettings& settings, bool venue_wide,
                      std::optional<Instant> later_start, const date::time_zone& tz) {
    const Instant start = *s.start;
    Instant end = start + (settings.talk_length && !s.talks.empty()
                               ? *settings.talk_length * static_cast<minutes::rep>(s.talks.size())
                               : default_length(settings, s));
    if (!venue_wide && later_start) end = std::min(end, *later_start);
    return std::min(end, day_begin(tz, local_day(tz, start) + date::days{1}));
}

// Ends of the timed sessions of one room, given in start order.
void room_ends(const std::vector<Pending>& visible, const std::vector<std::size_t>& list,
               bool venue_wide, const ScheduleSettings& settings, const date::time_zone& tz,
               Ends& ends, Diagnostics& warnings) {
    std::optional<Instant> later_start;  // the next strictly later start in this room
    for (std::size_t k = list.size(); k-- > 0;) {
        const Session& s = *visible[list[k]].session;
        const Instant start = *s.start;
        if (s.end && *s.end > start) {
            ends.at[list[k]] = *s.end;
            // Policy: an end read from prose ("closing at 6 pm") is the best guess there is, but
            // the importer found it in free text that may be loose or about something else, so
            // the screen shows it as approximate, like an inferred one.
            ends.estimated[list[k]] = s.end_origin == Origin::from_prose;
        } else {
            if (s.end) {
                warnings.push_back(
                    {s.source.file, s.source.line, Severity::warning,
                     "'" + s.title + "' ends before it starts; its end is estimated instead"});
            }
            ends.at[list[k]] = estimated_end(s, settings, venue_wide, later_start, tz);
            ends.estimated[list[k]] = true;
        }
        if (k == 0 || *visible[list[k - 1]].session->start != start) later_start = start;
    }
}

// The day each session belongs to: the day its program files it under (pretalx files a talk at
// 02:30 under the evening before, whose day runs to 04:00), else the local date of its start.
date::local_days day_of_timed(const Session& s, const date::time_zone& tz) {
    return s.day.value_or(local_day(tz, *s.start));
}

// Program days, and the index of each session's day (-1: none known yet).
std::vector<int> assign_days(const std::vector<Pending>& visible, const Ends& ends,
                             const date::time_zone& tz, std::vector<Schedule::Day>& days) {
    const std::size_t n = visible.size();
    std::vector<DaySpan> spans;
    std::vector<date::local_days> untimed_days;
    for (std::size_t i = 0; i < n; ++i) {
        const Session& s = *visible[i].session;
        if (s.start) {
            spans.push_back({day_of_timed(s, tz), *s.start, ends.at[i]});
        } else if (s.day) {
            untimed_days.push_back(*s.day);
        }
    }
    days = make_days(tz, spans, untimed_days);
    std::vector<int> day_of(n, -1);
    for (std::size_t i = 0; i < n; ++i) {
        const Session& s = *visible[i].session;
        std::optional<date::local_days> day;
        if (s.start) {
            day = day_of_timed(s, tz);
        } else {
            day = s.day;
        }
        if (!day) continue;
        auto it =
            std::lower_bound(days.begin(), days.end(), *day,
                             [](const Schedule::Day& d, date::local_days x) { return d.date < x; });
        day_of[i] = static_cast<int>(it - days.begin());
    }
    // Policy: a session with no time and no day belongs to the day of the nearest session before
    // it in the program, else after it (day pages list one day's sessions together).
    std::vector<bool> known(n);
    for (std::size_t i = 0; i < n; ++i) known[i] = day_of[i] >= 0;
    int day = -1;
    for (std::size_t i = 0; i < n; ++i) {
        if (known[i]) {
            day = day_of[i];
        } else {
            day_of[i] = day;
        }
    }
    day = -1;
    for (std::size_t i = n; i-- > 0;) {
        if (known[i]) {
            day = day_of[i];
        } else if (day_of[i] < 0) {
            day_of[i] = day;
        }
    }
    return day_of;
}

// The session as boards show it.
ScheduledSession scheduled(const Pending& p, std::size_t i, const Ends& ends,
                           const ScheduleSettings& settings) {
    const Session& s = *p.session;
    ScheduledSession ss;
    ss.kind = s.kind;
    ss.title = s.title;
    ss.subtitle = s.subtitle;
    ss.speakers = s.speakers;
    if (!p.room.name.empty()) ss.room = p.room.name;
    ss.room_inferred = p.room.inferred;
    ss.venue_wide = p.room.name.empty();
    ss.start = s.start;
    ss.description = s.description;
    ss.talks.reserve(s.talks.size());
    for (const auto& t : s.talks) ss.talks.push_back(schedule_talk(t));
    if (s.start) {
        ss.end = ends.at[i];
        ss.end_estimated = ends.estimated[i];
        place_talks(ss.talks, *s.start, ends.at[i], settings.talk_length);
    }
    ss.id = s.id;
    ss.track = s.track;
    ss.colour = s.colour;
    ss.language = s.language;
    ss.source = s.source;
    return ss;
}

// The language most sessions state (the first met among equals); empty when none does.
std::string main_language(const std::vector<Pending>& visible) {
    std::map<std::string, std::size_t> count;
    std::string best;
    for (const auto& p : visible) {
        const std::string& lang = p.session->language;
        if (lang.empty()) continue;
        if (++count[lang] > count[best] || best.empty()) best = lang;
    }
    return best;
}

// A room's timed sessions in start order, with the running maximum of their ends.
void fill_timed(Schedule::Room& r, const std::vector<std::size_t>& list,
                const std::vector<Pending>& visible, const Ends& ends) {
    r.timed = list;
    Instant latest = Instant::min();
    for (std::size_t i : list) {
        r.starts.push_back(*visible[i].session->start);
        latest = std::max(latest, ends.at[i]);
        r.latest_end.push_back(latest);
    }
}

}  // namespace

Result<Schedule> make_schedule(const Program& program, const ScheduleSettings& settings) {
    auto zone = find_zone(program.timezone);
    if (!zone) return fail(zone.error());
    const date::time_zone& tz = **zone;

    Schedule out;
    out.timezone_ = program.timezone;
    out.zone_ = &tz;
    RoomIndex rooms;
    const std::vector<Pending> visible = visible_sessions(program, settings, rooms);
    const std::size_t n = visible.size();

    // Ends. Timed sessions of each room in start order, to find the next one after each.
    Ends ends{std::vector<Instant>(n), std::vector<bool>(n, false)};
    std::map<std::string, std::vector<std::size_t>> timed_by_room;  // "" : venue-wide
    for (std::size_t i = 0; i < n; ++i) {
        if (visible[i].session->start) timed_by_room[fold_name(visible[i].room.name)].push_back(i);
    }
    auto by_start = [&](std::size_t a, std::size_t b) {
        return std::pair{*visible[a].session->start, a} < std::pair{*visible[b].session->start, b};
    };
    for (auto& [key, list] : timed_by_room) {
        std::sort(list.begin(), list.end(), by_start);
        room_ends(visible, list, key.empty(), settings, tz, ends, out.warnings_);
    }

    out.day_of_ = assign_days(visible, ends, tz, out.days_);
    out.language_ = main_language(visible);
    out.sessions_.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        out.sessions_.emplace_back(scheduled(visible[i], i, ends, settings));
    }

    // The index.
    for (std::size_t i = 0; i < n; ++i) {
        if (!visible[i].session->start) {
            const auto& name = visible[i].room.name;
            (name.empty() ? out.venue_wide_ : rooms.named(name)).untimed.push_back(i);
        }
    }
    for (const auto& [key, list] : timed_by_room) {
        fill_timed(key.empty() ? out.venue_wide_ : rooms.rooms.at(key), list, visible, ends);
    }
    out.rooms_.reserve(rooms.rooms.size());
    for (auto& [key, r] : rooms.rooms) out.rooms_.push_back(std::move(r));
    for (const auto& key : rooms.order) {
        auto at =
            static_cast<std::size_t>(std::distance(rooms.rooms.begin(), rooms.rooms.find(key)));
        out.room_order_.push_back(at);
    }
    return out;
}

// [SECTION] make_board ------------------------------------------------------------------------

namespace {

std::string room_list(const Schedule& schedule) {
    std::string out;
    for (const auto& name : schedule.rooms()) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

}  // namespace

namespace {

// The room a board is for. A program that names no rooms at all (many day pages) has only
// venue-wide sessions: every screen shows them as its own, under the name it was given.
Result<const Schedule::Room*> find_room(const std::vector<Schedule::Room>& rooms,
                                        const Schedule::Room& venue_wide, std::string_view room,
                                        const std::string& known) {
    if (rooms.empty()) return &venue_wide;
    const std::string key = fold_name(room);
    auto it =
        std::lower_bound(rooms.begin(), rooms.end(), key,
                         [](const Schedule::Room& r, const std::string& k) { return r.key < k; });
    if (it != rooms.end() && it->key == key) return &*it;
    std::string message = key.empty() ? "no room given" : "no room '" + std::string(room) + "'";
    return fail(Diagnostic{"", 0, Severity::error,
                           std::move(message) + "; the program's rooms are: " + known});
}

RoomStatus status_of(const Board& b, DayPos pos, std::size_t days, bool started_today) {
    if (!b.now.empty()) return RoomStatus::in_session;
    if (pos.day < 0 || days == 0) return RoomStatus::before_conference;
    if (!pos.inside && static_cast<std::size_t>(pos.day) + 1 == days) {
        return RoomStatus::after_conference;
    }
    if (!b.next.empty()) {
        return started_today ? RoomStatus::between_sessions : RoomStatus::before_first_session;
    }
    return RoomStatus::after_last_session;
}

// This room's first session on a later day: the first starting after day `pos.day` ends.
std::optional<std::size_t> first_on_a_later_day(const Schedule::Room& here,
                                                const std::vector<Schedule::Day>& days,
                                                DayPos pos) {
    std::size_t k = 0;
    if (pos.day >= 0) {
        const auto next_day = static_cast<std::size_t>(pos.day) + 1;
        k = next_day < days.size()
                ? static_cast<std::size_t>(std::lower_bound(here.starts.begin(), here.starts.end(),
                                                            days[next_day].begin) -
                                           here.starts.begin())
                : here.timed.size();
    }
    if (k < here.timed.size()) return here.timed[k];
    return std::nullopt;
}

// What is on now and next today in `r`, for another room's board.
void add_elsewhere(const Schedule::Room& r, const std::vector<Shared<ScheduledSession>>& sessions,
                   const std::vector<int>& day_of, DayPos pos, Instant at,
                   std::vector<BoardSession>& out) {
    const RoomAt other = room_at(r, day_of, pos, at);
    add_now(r, sessions, other.upcoming, at, out);
    const std::size_t end = next_group_end(r, other.upcoming, other.end_of_day);
    for (std::size_t k = other.upcoming; k < end; ++k) out.push_back(listed(sessions[r.timed[k]]));
}

}  // namespace

Result<Board> make_board(const Schedule& schedule, std::string_view room, Instant at) {
    auto found = find_room(schedule.rooms_, schedule.venue_wide_, room, room_list(schedule));
    if (!found) return fail(found.error());
    const Schedule::Room& here = *found.value();
    const auto& sessions = schedule.sessions_;
    const auto& day_of = schedule.day_of_;

    Board b;
    b.room = schedule.rooms_.empty() ? tidy_name(room) : here.name;
    b.at = at;
    b.timezone = schedule.timezone_;
    b.zone = schedule.zone_;
    b.language = schedule.language_;
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
        if (list == &schedule.venue_wide_.untimed && &here == &schedule.venue_wide_) break;
        for (std::size_t i : *list) {
            if (no_days || (pos.inside && day_of[i] == pos.day)) {
                b.later.push_back(listed(sessions[i]));
            }
        }
    }
    b.status = status_of(b, pos, schedule.days_.size(), started_today);
    if (b.status == RoomStatus::before_conference || b.status == RoomStatus::after_last_session) {
        if (auto k = first_on_a_later_day(here, schedule.days_, pos)) {
            b.next_day_first = listed(sessions[*k]);
        }
    }

    // Elsewhere: what is on now and next today in every other room and venue-wide.
    if (&here != &schedule.venue_wide_) {
        add_elsewhere(schedule.venue_wide_, sessions, day_of, pos, at, b.elsewhere);
    }
    for (const auto& r : schedule.rooms_) {
        if (&r != &here) add_elsewhere(r, sessions, day_of, pos, at, b.elsewhere);
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
