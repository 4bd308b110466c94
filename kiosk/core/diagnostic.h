// Diagnostics about user data (program files, corrections, config): `file:line: message`.
#pragma once

#include <string>
#include <vector>

namespace kiosk {

enum class Severity {
    warning,  // the data was used, with this part skipped or guessed
    error,    // this part (or the whole file) could not be used
};

struct Diagnostic {
    std::string file;  // as the user named it, e.g. "program.txt"; empty when not from a file
    int line = 0;      // 1-based; 0 when the message is about the whole file
    Severity severity = Severity::error;
    std::string message;  // says what was found: "no such date 'Mon 31 Feb'"

    bool operator==(const Diagnostic&) const = default;
};

using Diagnostics = std::vector<Diagnostic>;

// "program.txt:12: no such date 'Mon 31 Feb'" (mpv / compiler style, one line).
std::string to_string(const Diagnostic& d);

// Prints at most `limit` diagnostics, one a line, then "… and N more" — so a 50 MB file of
// garbage cannot flood a terminal or the journal.
std::string format_diagnostics(const Diagnostics& ds, std::size_t limit = 20);

}  // namespace kiosk
