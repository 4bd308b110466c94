// JSON writers (see json.h for the contract).
#include "kiosk/app/json.h"

#include <type_traits>

#include <date/tz.h>

#include "kiosk/core/time.h"

namespace kiosk {

namespace {

nlohmann::ordered_json instant_or_null(const std::optional<Instant>& t,
                                       const date::time_zone& zone) {
    return t ? nlohmann::ordered_json(format_iso(*t, zone)) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json string_or_null(const std::optional<std::string>& s) {
    return s ? nlohmann::ordered_json(*s) : nlohmann::ordered_json(nullptr);
}

// The one writer of a session, for Session and ScheduledSession alike. A scheduled session
// also says what is estimated: its end, and each talk's start and end.
template <class S>
nlohmann::ordered_json write_session(const S& s, const date::time_zone& zone) {
    constexpr bool scheduled = std::is_same_v<S, ScheduledSession>;
    nlohmann::ordered_json talks = nlohmann::ordered_json::array();
    for (const auto& t : s.talks) {
        nlohmann::ordered_json talk = {{"label", t.label},
                                       {"abstract", t.abstract},
                                       {"room", string_or_null(t.room)},
                                       {"start", instant_or_null(t.start, zone)},
                                       {"end", instant_or_null(t.end, zone)}};
        if constexpr (scheduled) {
            talk["estimated"] = t.estimated;
            talk["end_estimated"] = t.end_estimated;
        }
        talks.push_back(std::move(talk));
    }
    nlohmann::ordered_json out = {{"kind", s.kind},
                                  {"title", s.title},
                                  {"speakers", s.speakers},
                                  {"room", string_or_null(s.room)},
                                  {"start", instant_or_null(s.start, zone)},
                                  {"end", instant_or_null(s.end, zone)}};
    if constexpr (scheduled) out["end_estimated"] = s.end_estimated;
    out["description"] = s.description;
    // What exports state and day pages do not: empty strings from a day page.
    out["subtitle"] = s.subtitle;
    out["id"] = s.id;
    out["track"] = s.track;
    out["colour"] = s.colour;
    out["language"] = s.language;
    out["talks"] = std::move(talks);
    return out;
}

nlohmann::ordered_json board_sessions(const std::vector<BoardSession>& list,
                                      const date::time_zone& zone, bool with_stage) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& b : list) {
        nlohmann::ordered_json j = session_json(*b, zone);
        if (with_stage) j["on_stage"] = b.on_stage ? nlohmann::ordered_json(*b.on_stage) : nullptr;
        auto& talks = j["talks"];
        for (std::size_t i = 0; i < talks.size(); ++i) talks[i]["on_stage"] = b.on_stage == i;
        out.push_back(std::move(j));
    }
    return out;
}

}  // namespace

nlohmann::ordered_json session_json(const Session& session, const date::time_zone& zone) {
    return write_session(session, zone);
}

nlohmann::ordered_json session_json(const ScheduledSession& session, const date::time_zone& zone) {
    return write_session(session, zone);
}

nlohmann::ordered_json diagnostic_json(const Diagnostic& d) {
    return {{"file", d.file},
            {"line", d.line},
            {"severity", d.severity == Severity::warning ? "warning" : "error"},
            {"message", d.message}};
}

nlohmann::ordered_json program_json(const Program& program) {
    const date::time_zone& zone = *date::locate_zone(program.timezone);
    nlohmann::ordered_json sessions = nlohmann::ordered_json::array();
    for (const auto& s : program.sessions) sessions.push_back(session_json(s, zone));
    nlohmann::ordered_json warnings = nlohmann::ordered_json::array();
    for (const auto& d : program.warnings) warnings.push_back(diagnostic_json(d));
    return {{"timezone", program.timezone},
            {"sessions", std::move(sessions)},
            {"warnings", std::move(warnings)}};
}

nlohmann::ordered_json board_json(const Board& board, const date::time_zone& zone) {
    return {{"room", board.room},
            {"at", format_iso(board.at, zone)},
            {"timezone", board.timezone},
            {"status", to_string(board.status)},
            {"now", board_sessions(board.now, zone, true)},
            {"next", board_sessions(board.next, zone, false)},
            {"later", board_sessions(board.later, zone, false)},
            {"elsewhere", board_sessions(board.elsewhere, zone, true)},
            {"next_day_first", board.next_day_first ? session_json(**board.next_day_first, zone)
                                                    : nlohmann::ordered_json(nullptr)}};
}

}  // namespace kiosk
