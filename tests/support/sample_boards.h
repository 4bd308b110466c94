// Boards built by hand after the seed program (MLSys 2022, Monday 29 Aug, Exhibit Hall A), for
// slide and render tests that must not depend on the importer or the scheduler.
#pragma once

#include <string>

#include "kiosk/core/announcement.h"
#include "kiosk/core/board.h"
#include "kiosk/core/time.h"

namespace kiosk::testing {

inline const date::time_zone& venue_zone() { return *find_zone("America/Los_Angeles").value(); }

// "08:45" on the seed's day, venue-local; "2022-08-30T08:45" for other days.
inline Instant at(const std::string& hhmm) {
    std::string text = hhmm.size() == 5 ? "2022-08-29T" + hhmm : hhmm;
    return parse_instant(text, venue_zone(), "test").value();
}

inline ScheduledTalk talk(std::string label, std::string abstract, const std::string& start,
                          const std::string& end) {
    ScheduledTalk t;
    t.label = std::move(label);
    t.abstract = std::move(abstract);
    t.room = "Exhibit Hall A";
    t.start = at(start);
    t.end = at(end);
    t.estimated = true;
    return t;
}

inline ScheduledSession session(std::string kind, std::string title, const std::string& start,
                                const std::string& end, std::optional<std::string> room) {
    ScheduledSession s;
    s.kind = std::move(kind);
    s.title = std::move(title);
    if (!start.empty()) s.start = at(start);
    if (!end.empty()) s.end = at(end);
    s.end_estimated = true;
    s.room = std::move(room);
    s.venue_wide = !s.room.has_value();
    return s;
}

inline ScheduledSession outstanding_papers() {
    auto s = session("Oral", "Outstanding Papers", "08:45", "10:00", "Exhibit Hall A");
    s.talks = {
        talk("Pathways",
             "We present the design of a new large scale orchestration layer for accelerators. "
             "Our system, Pathways, is explicitly designed to enable exploration of new systems "
             "and ML research ideas, while retaining state of the art performance for current "
             "models. Pathways uses a sharded dataflow graph of asynchronous operators that "
             "consume and produce futures, and efficiently gang-schedules heterogeneous parallel "
             "computations on thousands of accelerators while coordinating data transfers over "
             "their dedicated interconnects.",
             "08:45", "09:00"),
        talk("QuadraLib",
             "The significant success of Deep Neural Networks (DNNs) is highly promoted by the "
             "multiple sophisticated DNN libraries. On the contrary, although some work have "
             "proved that Quadratic Deep Neuron Networks (QDNNs) show better non-linearity and "
             "learning capability than the traditional first-order DNNs, their neuron design "
             "suffers certain drawbacks from theoretical performance to practical deployment.",
             "09:00", "09:15"),
        talk("Talk 3", "", "09:15", "09:30"),
        talk("ML-EXray",
             "Benefited from expanding cloud infrastructure, today's neural networks have "
             "increasingly high performance trained on the cloud. ML-EXray provides visibility "
             "into layer-level details of the ML execution, helps developers analyze and debug "
             "cloud-to-edge deployment issues.",
             "09:30", "09:45"),
        talk("GPU semiring primitives",
             "High-performance primitives for mathematical operations on sparse vectors must "
             "deal with the challenges of skewed degree distributions and limits on memory "
             "consumption that are typically not issues in dense operations.",
             "09:45", "10:00"),
    };
    return s;
}

// A session as `now` lists it at `now`: the talk whose span holds the instant is on stage.
inline BoardSession on_now(ScheduledSession s, const std::string& now) {
    std::optional<std::size_t> stage;
    for (std::size_t i = 0; i < s.talks.size(); ++i) {
        if (*s.talks[i].start <= at(now) && at(now) < *s.talks[i].end) stage = i;
    }
    return board_session(std::move(s), stage);
}

// The afternoon's first session as the scheduler spreads its four talks over 13:00-14:15 (75 min
// / 4, floored to whole minutes): 13:00, 13:18, 13:36, 13:54, all estimated.
inline ScheduledSession distributed_learning() {
    auto s =
        session("Oral", "Distributed and Parallel Learning", "13:00", "14:15", "Exhibit Hall A");
    s.talks = {
        talk("BNS-GCN",
             "Graph Convolutional Networks (GCNs) have emerged as the state-of-the-art method for "
             "graph-based learning tasks. However, training GCNs at scale is still challenging.",
             "13:00", "13:18"),
        talk("SAR",
             "We present the Sequential Aggregation and Rematerialization (SAR) scheme for "
             "distributed full-batch training of Graph Neural Networks (GNNs) on large graphs.",
             "13:18", "13:36"),
        talk("Talk 3", "", "13:36", "13:54"),
        talk("LightSecAgg",
             "Secure model aggregation is a key component of federated learning (FL) that aims at "
             "protecting the privacy of each user's individual model.",
             "13:54", "14:15"),
    };
    s.talks[2].label_derived = true;
    return s;
}

inline std::vector<ScheduledSession> afternoon() {
    return {
        session("Oral", "Distributed and Parallel Learning", "13:00", "14:15", "Exhibit Hall A"),
        session("Oral", "ML Compilers & Runtime", "14:15", "16:00", "Exhibit Hall A"),
        session("Oral", "Systems for ML 1", "16:00", "17:30", "Exhibit Hall A"),
    };
}

inline std::vector<ScheduledSession> untimed() {
    auto invited = session("Invited Talk", "Systems for ML and ML for Systems: A Virtuous Cycle",
                           "", "", std::nullopt);
    invited.speakers = {"Kunle Olukotun"};
    auto gemmini = session("Tutorial",
                           "Gemmini: Enabling Systematic Deep-Learning Architecture Evaluation "
                           "via Full-Stack Integration",
                           "", "", std::nullopt);
    gemmini.speakers = {"Hasan Genc"};
    return {invited, gemmini};
}

// The board at `now` during the morning's oral session (08:45 to about 10:00).
inline Board morning_board(const std::string& now = "08:50") {
    Board b;
    b.room = "Exhibit Hall A";
    b.at = at(now);
    b.timezone = "America/Los_Angeles";
    b.zone = date::locate_zone(b.timezone);
    b.status = RoomStatus::in_session;
    b.now = {on_now(outstanding_papers(), now)};
    // As the scheduler fills them: `next` the next session here, `later` the rest of the day
    // here, then the day's sessions with no time.
    auto rest = afternoon();
    b.next = {board_session(rest.front())};
    for (auto it = rest.begin() + 1; it != rest.end(); ++it) b.later.push_back(board_session(*it));
    for (auto& s : untimed()) b.later.push_back(board_session(s));
    auto desk =
        session("Registration Desk", "Registration Check-in Desk", "07:00", "09:00", std::nullopt);
    auto panel = session("Panel", "The Future of MLSys: Industry and Academia", "11:30", "12:30",
                         std::nullopt);
    auto reception =
        session("", "Welcome Reception", "17:30", "19:30", std::string("Mission City Ballroom"));
    reception.room_inferred = true;
    b.elsewhere = {board_session(desk), board_session(panel), board_session(reception)};
    return b;
}

// Between the morning and the afternoon: nothing on here, the afternoon's first session next.
inline Board midday_board() {
    Board b = morning_board("11:00");
    b.at = at("11:00");
    b.status = RoomStatus::between_sessions;
    b.now.clear();
    b.elsewhere.erase(b.elsewhere.begin());  // the desk closed
    return b;
}

inline Board status_board(RoomStatus status, const std::string& now) {
    Board b;
    b.room = "Exhibit Hall A";
    b.at = at(now);
    b.timezone = "America/Los_Angeles";
    b.zone = date::locate_zone(b.timezone);
    b.status = status;
    return b;
}

// The urgent announcement of the golden pictures: lunch, until the afternoon starts.
inline Announcement lunch_announcement() {
    return {
        "Lunch is served in the Mission City Ballroom. The afternoon orals start at 13:00 in "
        "this room.",
        std::nullopt, at("13:00"), AnnouncementLevel::urgent};
}

}  // namespace kiosk::testing
