// The body of the per-importer targets: one importer's import() on any bytes, whether it
// recognises them or not (Importer promises never to throw or hang on any input), and the
// schedule and boards of whatever it returns, as the screen would make them.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>

#include "kiosk/core/import/importer.h"
#include "kiosk/core/overview.h"
#include "kiosk/core/scheduler.h"

#include "tests/fuzz/fuzz_input.h"

namespace kiosk::fuzz {

// make_schedule, then a board of up to four rooms and the overview at the first start and an
// hour later: the scheduler's input is whatever an importer made of hostile bytes.
inline void schedule_and_boards(const Program& program) {
    auto schedule = make_schedule(program, ScheduleSettings{});
    if (!schedule) return;
    std::optional<Instant> first;
    for (const auto& s : program.sessions) {
        if (s.start && (!first || *s.start < *first)) first = s.start;
    }
    if (!first) return;
    auto rooms = schedule->rooms();
    rooms.resize(std::min<std::size_t>(rooms.size(), 4));
    for (Instant at : {*first, *first + std::chrono::hours{1}}) {
        for (const auto& room : rooms) (void)make_board(*schedule, room, at);
        (void)make_overview(*schedule, at);
    }
}

inline int import_one(const Importer& importer, const std::uint8_t* data, std::size_t size,
                      const char* file_name) {
    if (too_big(size)) return -1;
    auto program = importer.import(bytes_of(data, size), import_options_for(file_name));
    if (program) schedule_and_boards(*program);
    return 0;
}

}  // namespace kiosk::fuzz
