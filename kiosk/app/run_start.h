// What `kiosk run` must know before the reload thread reads anything: where the state folder and
// the status file are, and the venue's zone for reading --now.
#pragma once

#include <string>

#include "kiosk/app/cli.h"
#include "kiosk/app/state.h"

namespace kiosk {

struct RunStart {
    std::string state_dir;
    std::string status_file;
    std::string metrics_file;  // empty: no metrics (no --metrics-dir, no state.metrics_dir)
    std::string timezone;      // the config's venue.timezone (a program's own zone wins later)
};

// From the command line, else from the config file when it parses, else from its last good copy
// in the state folder (a broken config cannot say where that folder is, but its copy can say
// the zone), else the defaults.
RunStart run_start(const Invocation& inv, const EnvFn& env);

}  // namespace kiosk
