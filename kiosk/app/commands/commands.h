// The subcommands, one file each; the table in cli.cpp says which options each one takes.
#pragma once

#include "kiosk/app/cli.h"

namespace kiosk {

int run_version(const Invocation& inv, CommandIo io);
int run_help(const Invocation& inv, CommandIo io);
int run_check_config(const Invocation& inv, CommandIo io);
int run_run(const Invocation& inv, CommandIo io);
int run_render(const Invocation& inv, CommandIo io);
int run_check(const Invocation& inv, CommandIo io);
int run_rooms(const Invocation& inv, CommandIo io);
int run_agenda(const Invocation& inv, CommandIo io);
int run_announce(const Invocation& inv, CommandIo io);
int run_full(const Invocation& inv, CommandIo io);

}  // namespace kiosk
