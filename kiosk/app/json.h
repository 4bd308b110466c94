// JSON for scripts and later tools: programs, sessions, boards and diagnostics.
//
// The shape of a session is a contract (issue 3), shared by `kiosk check --json` and
// `kiosk agenda --json`: {kind, title, speakers[], room|null, start|null, end|null, description,
// subtitle, id, track, colour, language, talks[{label, abstract, room|null}]}, instants in
// ISO 8601 with the venue's offset at that instant ("2022-08-29T08:45:00-07:00"). Add keys freely;
// never rename or drop one.
#pragma once

#include <nlohmann/json.hpp>

#include "kiosk/core/board.h"
#include "kiosk/core/diagnostic.h"
#include "kiosk/core/program.h"

namespace date {
class time_zone;
}

namespace kiosk {

// A session as the program has it, and as a board shows it; both through the same writer.
nlohmann::ordered_json session_json(const Session& session, const date::time_zone& zone);
nlohmann::ordered_json session_json(const ScheduledSession& session, const date::time_zone& zone);

// {file, line, severity: "warning"|"error", message}
nlohmann::ordered_json diagnostic_json(const Diagnostic& d);

// {timezone, sessions[], warnings[]}: the whole imported program.
nlohmann::ordered_json program_json(const Program& program);

// {room, at, timezone, status, now[], next[], later[], elsewhere[], next_day_first|null}; the
// sessions of `now` and `elsewhere` also carry "on_stage", the index of the talk probably on
// stage, or null. Board sessions also carry "end_estimated", and their talks "start", "end",
// "estimated", "end_estimated" and "on_stage" (true for the one talk probably on stage).
nlohmann::ordered_json board_json(const Board& board, const date::time_zone& zone);

}  // namespace kiosk
