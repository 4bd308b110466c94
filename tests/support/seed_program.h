// The seed program (data/program.txt: MLSys 2022, Monday 29 Aug, Santa Clara) built by hand as
// the importer reads it, for scheduler and corrections tests that must not depend on the importer.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/program.h"
#include "kiosk/core/time.h"

namespace kiosk::testing {

// "2022-08-29T09:10" in `tz` (venue time unless it carries Z or an offset).
inline Instant venue_time(std::string_view text, const char* tz = "America/Los_Angeles") {
    return parse_instant(text, *find_zone(tz).value(), "test").value();
}

inline Session session(std::string kind, std::string title, std::optional<std::string> room,
                       std::optional<Instant> start, std::vector<std::string> talks = {}) {
    Session s;
    s.kind = std::move(kind);
    s.title = std::move(title);
    s.room = std::move(room);
    s.start = start;
    for (auto& label : talks) {
        Talk t;
        t.label = std::move(label);
        t.room = s.room;
        s.talks.push_back(std::move(t));
    }
    return s;
}

inline const std::string gemmini =
    "Gemmini: Enabling Systematic Deep-Learning Architecture Evaluation via Full-Stack "
    "Integration";
inline const std::string time_series = "Time Series Anomaly Detection : Tools, Techniques & Tricks";

inline Program seed_program() {
    auto at = [](std::string_view hhmm) { return venue_time("2022-08-29T" + std::string(hhmm)); };
    Program p;
    p.timezone = "America/Los_Angeles";
    auto& s = p.sessions;
    s.push_back(
        session("Registration Desk", "Registration Check-in Desk", std::nullopt, at("07:00")));
    s.push_back(
        session("Oral", "Outstanding Papers", "Exhibit Hall A", at("08:45"),
                {"Pathways", "QuadraLib", "Talk 3", "ML-EXray", "GPU semiring primitives"}));
    s.push_back(session("Invited Talk", "Systems for ML and ML for Systems: A Virtuous Cycle",
                        std::nullopt, std::nullopt));
    s.back().speakers = {"Kunle Olukotun"};
    s.push_back(
        session("Panel", "The Future of MLSys: Industry and Academia", std::nullopt, at("11:30")));
    s.push_back(session("Tutorial", gemmini, std::nullopt, std::nullopt));
    s.back().speakers = {"Hasan Genc"};
    s.push_back(session("Tutorial", time_series, std::nullopt, std::nullopt));
    s.back().speakers = {"Patel Dhaval"};
    s.push_back(session("Oral", "Distributed and Parallel Learning", "Exhibit Hall A", at("13:00"),
                        {"BNS-GCN", "SAR", "Talk 3", "LightSecAgg"}));
    s.push_back(session("Oral", "ML Compilers & Runtime", "Exhibit Hall A", at("14:15"),
                        {"CoRa", "Apollo", "DietCode", "Bit-serial weight pools"}));
    s.push_back(session("Oral", "Systems for ML 1", "Exhibit Hall A", at("16:00"),
                        {"MLPerf Mobile", "TorchSparse", "Hydrozoa", "Plumber", "Graphiler"}));
    s.push_back(session("", "Welcome Reception", "Mission City Ballroom", at("17:30")));
    s.back().room_origin = Origin::from_prose;
    // The page is Monday's: every session is filed under it, timed or not.
    for (auto& x : s) x.day = date::local_days{date::year{2022} / 8 / 29};
    return p;
}

}  // namespace kiosk::testing
