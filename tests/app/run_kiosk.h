// Runs the whole command line in-process, capturing exit code, stdout and stderr.
#pragma once

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/app/cli.h"

namespace kiosk {

struct Run {
    int rc;
    std::string out;
    std::string err;
};

inline Run run(std::vector<std::string_view> args) {
    std::ostringstream out, err;
    int rc = kiosk_main(args, {out, err});
    return {rc, out.str(), err.str()};
}

}  // namespace kiosk
