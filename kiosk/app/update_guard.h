// Updates of the program that look cut short: an upload stopped part-way, an export that lost
// most of its sessions. The screen holds such a version back and keeps the program it shows
// (reload.h), `kiosk check` refuses it, and so kiosk-fetch does not install it, until staff accept
// it on purpose: on the staff overlay, or by naming its SHA-256 in a file beside the program.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kiosk/app/state_fs.h"
#include "kiosk/core/program.h"

namespace kiosk {

// Why `update` looks like a cut-short copy of `current`, in words for staff; none when it does not.
// `current_name` names the version compared with ("the program on screen"). Two signs:
// - its bytes are a strict prefix of the current ones, and more than white space is missing (an
//   upload stopped part-way). Deleting the last lines of a file in an editor looks the same;
//   staff accept that one;
// - it has fewer than half of the sessions the current program has on the days it covers (the
//   venue-local days of its sessions). Days it does not cover are not counted: a program may
//   drop days that are over, and sessions with no day are in no day.
std::optional<std::string> looks_cut_short(std::string_view current_bytes, const Program& current,
                                           std::string_view update_bytes, const Program& update,
                                           std::string_view current_name);

// The file naming the one version of `program_path` staff accept although it looks cut short:
// <program_path>.accept, whose first word is the version's SHA-256 in hex, as `sha256sum` writes
// it (`sha256sum program.txt > program.txt.accept`).
std::string accept_marker(const std::string& program_path);

// Whether the marker beside `program_path` names `sha256`; a missing or unreadable one does not.
bool accepted_by_marker(const FileSystem& fs, const std::string& program_path,
                        const std::string& sha256);

// Names `sha256` in the marker beside `program_path`, replacing what it named.
Result<Done> write_accept_marker(FileSystem& fs, const std::string& program_path,
                                 const std::string& sha256);

}  // namespace kiosk
