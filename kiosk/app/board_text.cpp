// A board as text (see board_text.h).
#include "kiosk/app/board_text.h"

#include <ostream>

#include <date/tz.h>

#include "kiosk/core/time.h"

namespace kiosk {

namespace {

const date::time_zone& zone_of(const Board& b) {
    return b.zone != nullptr ? *b.zone : *date::locate_zone("UTC");
}

// "at 13:00", "at ≈ 10:00", or "(time to be announced)" for a session with no time.
std::string when(const std::optional<Instant>& t, bool estimated, const date::time_zone& zone,
                 std::string_view word) {
    if (!t) return "(time to be announced)";
    return std::string(word) + (estimated ? " ≈ " : " ") + format_hhmm(*t, zone);
}

// "Tue 30 Aug 09:00": for a session on another day than the board's.
std::string day_and_time(const std::optional<Instant>& t, const date::time_zone& zone) {
    if (!t) return "time to be announced";
    return date::format("%a %d %b %H:%M", date::make_zoned(&zone, *t));
}

// The first title, and how many more start together ("Oral A + 1 more").
std::string titles(const std::vector<BoardSession>& sessions) {
    std::string out = sessions.front()->title;
    if (sessions.size() > 1) out += " + " + std::to_string(sessions.size() - 1) + " more";
    return out;
}

std::string session_line(const ScheduledSession& s, const date::time_zone& zone) {
    std::string times = "time to be announced";
    if (s.start) {
        times = format_hhmm(*s.start, zone);
        if (s.end) {
            times += "\xE2\x80\x93" + std::string(s.end_estimated ? "\xE2\x89\x88" : "") +
                     format_hhmm(*s.end, zone);
        }
    }
    std::string what = s.kind.empty() ? s.title : s.kind + ": " + s.title;
    std::string where =
        s.room ? "  [" + *s.room + (s.room_inferred ? ", from the text" : "") + "]" : "";
    return "  " + times + "  " + what + where + "\n";
}

void print_sessions(std::ostream& out, const char* heading, const std::vector<BoardSession>& list,
                    const date::time_zone& zone, bool talks) {
    if (list.empty()) return;
    out << heading << ":\n";
    for (const auto& b : list) {
        out << session_line(*b, zone);
        if (!talks) continue;
        for (std::size_t i = 0; i < b->talks.size(); ++i) {
            const ScheduledTalk& t = b->talks[i];
            std::string at = t.start ? std::string(t.estimated ? "\xE2\x89\x88" : "") +
                                           format_hhmm(*t.start, zone)
                                     : "";
            out << "    " << (b.on_stage == i ? "> " : "  ") << at << "  " << t.label
                << (b.on_stage == i ? "  (on stage)" : "") << "\n";
        }
    }
}

}  // namespace

void print_board(const Board& b, std::ostream& out) {
    const date::time_zone& zone = zone_of(b);
    out << b.room << " at "
        << date::format("%a %d %b %Y %H:%M", date::floor<std::chrono::minutes>(zone.to_local(b.at)))
        << " (" << b.timezone << "): " << to_string(b.status) << "\n";
    print_sessions(out, "now", b.now, zone, true);
    print_sessions(out, "next", b.next, zone, true);
    print_sessions(out, "later today", b.later, zone, false);
    print_sessions(out, "elsewhere", b.elsewhere, zone, false);
    if (b.next_day_first) print_sessions(out, "next day", {*b.next_day_first}, zone, false);
}

std::string status_line(const Board& board) {
    const date::time_zone& zone = zone_of(board);
    std::string line = board.room + ": ";
    switch (board.status) {
        case RoomStatus::in_session: {
            if (board.now.empty()) return line + "in session";
            const BoardSession& on = board.now.front();
            line += "now " + titles(board.now);
            if (on->end) line += " " + when(on->end, on->end_estimated, zone, "until");
            if (on.on_stage) line += ", on stage " + on->talks[*on.on_stage].label;
            return line;
        }
        case RoomStatus::before_first_session:
        case RoomStatus::between_sessions:
            if (board.next.empty()) return line + "between sessions";
            return line + "next " + titles(board.next) + " " +
                   when(board.next.front()->start, false, zone, "at");
        case RoomStatus::after_last_session:
            line += "nothing more today";
            break;
        case RoomStatus::before_conference:
            line += "before the conference";
            break;
        case RoomStatus::after_conference:
            return line + "the conference is over";
    }
    if (board.next_day_first) {
        const BoardSession& first = *board.next_day_first;
        line += ", next " + first->title + " (" + day_and_time(first->start, zone) + ")";
    }
    return line;
}

}  // namespace kiosk
