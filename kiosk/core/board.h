// The board: what one room's screen shows at one instant. Produced by the scheduler (a pure
// function of program, room, instant and settings), consumed by `kiosk agenda` and the slides.
//
// The sessions on a board are shared, immutable values made once per program (see scheduler.h):
// the renderer may ask for a board every frame, and copying a board copies pointers, not
// abstracts. What depends on the instant (which talk is on stage) sits beside each session.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/core/program.h"

namespace date {
class time_zone;
}

namespace kiosk {

enum class RoomStatus {
    before_conference,     // the instant is before the venue-local day of the first session
    before_first_session,  // today this room has sessions, none has started yet
    in_session,            // a session of this room is on
    between_sessions,      // today, after one of this room's sessions and before another
    after_last_session,    // nothing more here today; `next_day_first` names the next one, if any
    after_conference,      // the instant is after the last day of the program
};

const char* to_string(RoomStatus s);

// An immutable value shared between boards: copies share one object, == compares the values.
// Never empty, so `*` and `->` need no check.
template <class T>
class Shared {
  public:
    explicit Shared(T value) : p_(std::make_shared<const T>(std::move(value))) {}

    const T& operator*() const { return *p_; }
    const T* operator->() const { return p_.get(); }

    friend bool operator==(const Shared& a, const Shared& b) {
        return a.p_ == b.p_ || *a.p_ == *b.p_;
    }

  private:
    std::shared_ptr<const T> p_;
};

struct ScheduledTalk {
    std::string label;           // never empty
    bool label_derived = false;  // made up by the importer from the abstract
    std::string abstract;
    std::optional<std::string> room;
    std::vector<std::string> speakers;
    std::optional<Instant> start;  // none only inside a session with no time
    std::optional<Instant> end;
    bool estimated = false;      // start spread over the session (or by the talk length): "≈"
    bool end_estimated = false;  // end is the next talk's start or the session's end

    bool operator==(const ScheduledTalk&) const = default;
};

// A session as every board shows it: the program's session with its room resolved, its end
// inferred when the program has none, and its talks given estimated times.
struct ScheduledSession {
    std::string kind;
    std::string title;
    std::string subtitle;
    std::vector<std::string> speakers;
    std::optional<std::string> room;  // canonical spelling; none: venue-wide
    bool room_inferred = false;       // read from prose, not stated
    std::optional<Instant> start;     // none: "time to be announced", never invented
    std::optional<Instant> end;       // set whenever start is
    bool end_estimated = false;       // inferred or read from prose: show as "≈"
    std::string description;
    std::vector<ScheduledTalk> talks;  // in program order, which is start order
    std::string id;
    std::string track;
    std::string colour;
    std::string language;
    bool venue_wide = false;  // no room and not mapped to one: registration, receptions
    SourceRef source;

    bool operator==(const ScheduledSession&) const = default;
};

// One session listed on a board.
struct BoardSession {
    Shared<ScheduledSession> session;
    // Index into session->talks of the talk probably on stage at the board's instant, and of the
    // one after it. Set for sessions with talks that are on at that instant (in `now`, and those
    // on now in `elsewhere`); then exactly one talk is on stage.
    std::optional<std::size_t> on_stage;
    std::optional<std::size_t> next_talk;

    const ScheduledSession& operator*() const { return *session; }
    const ScheduledSession* operator->() const { return &*session; }

    bool operator==(const BoardSession&) const = default;
};

// A session listed on a board, for boards built by hand (tests, previews): `on_stage` also names
// the talk after it.
inline BoardSession board_session(ScheduledSession s, std::optional<std::size_t> on_stage = {}) {
    std::optional<std::size_t> next_talk;
    if (on_stage && *on_stage + 1 < s.talks.size()) next_talk = *on_stage + 1;
    return {Shared<ScheduledSession>(std::move(s)), on_stage, next_talk};
}

struct Board {
    std::string room;  // canonical spelling, as in the program
    Instant at;
    std::string timezone;
    // The zone `timezone` names, resolved once by the scheduler so no consumer looks it up
    // again; never null on a board the scheduler made (boards built by hand may leave it unset,
    // and are then drawn in UTC).
    const date::time_zone* zone = nullptr;
    // The language most of the program's sessions are in ("en"), when it states languages; a
    // session in another language says which on screen.
    std::string language;
    RoomStatus status = RoomStatus::before_conference;
    std::vector<BoardSession> now;    // this room's sessions containing `at`
    std::vector<BoardSession> next;   // this room's next session today (several if they start
                                      // together)
    std::vector<BoardSession> later;  // the rest of today here, in start order; then the day's
                                      // sessions with no time ("to be announced"), in program order
    std::vector<BoardSession> elsewhere;  // on now or next today in other rooms and venue-wide, in
                                          // start order
    std::optional<BoardSession> next_day_first;  // when nothing more is on here today (or the
                                                 // conference has not begun): this room's next
                                                 // session on a later day

    bool operator==(const Board&) const = default;
};

}  // namespace kiosk
