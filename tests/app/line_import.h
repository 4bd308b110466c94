// A program importer for reload tests: "PROGRAM" on the first line, then one session per line,
// titled by the line; enough to tell versions of a program apart.
#pragma once

#include <sstream>
#include <string>
#include <string_view>

#include "kiosk/core/config.h"
#include "kiosk/core/diagnostic.h"
#include "kiosk/core/program.h"
#include "kiosk/core/result.h"

namespace kiosk::testing {

inline Result<Program> line_import(std::string_view bytes, const std::string& name,
                                   const Config& c) {
    std::istringstream in{std::string(bytes)};
    std::string line;
    if (!std::getline(in, line) || line != "PROGRAM") {
        return fail(Diagnostic{name, 1, Severity::error, "not a program"});
    }
    Program p;
    p.timezone = c.venue.timezone;
    while (std::getline(in, line)) {
        Session s;
        s.title = line;
        s.room = "Exhibit Hall A";
        p.sessions.push_back(s);
    }
    return p;
}

}  // namespace kiosk::testing
