// Formatting of diagnostics for terminals, logs and the status file.
#include "kiosk/core/diagnostic.h"

namespace kiosk {

std::string to_string(const Diagnostic& d) {
    std::string out;
    if (!d.file.empty()) {
        out += d.file;
        out += ':';
        if (d.line > 0) {
            out += std::to_string(d.line);
            out += ':';
        }
        out += ' ';
    }
    if (d.severity == Severity::warning) out += "warning: ";
    out += d.message;
    return out;
}

std::string format_diagnostics(const Diagnostics& ds, std::size_t limit) {
    std::string out;
    std::size_t shown = 0;
    for (const auto& d : ds) {
        if (shown == limit) break;
        out += to_string(d);
        out += '\n';
        ++shown;
    }
    if (ds.size() > shown) {
        out += "... and " + std::to_string(ds.size() - shown) + " more\n";
    }
    return out;
}

}  // namespace kiosk
