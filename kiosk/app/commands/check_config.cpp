// `kiosk check-config FILE`: validates a screen's config the way `kiosk check` validates a
// program, reading it the one way the screen reads it.
#include <filesystem>
#include <ostream>

#include "kiosk/app/commands/commands.h"
#include "kiosk/app/config_files.h"

namespace kiosk {

int run_check_config(const Invocation& inv, CommandIo io) {
    const std::string& path = inv.positionals.at(0);
    auto config = load_config_file(path);
    if (!config) {
        io.err << format_diagnostics(config.error(), 16 + 1);
        return exit_failure;
    }
    if (auto name = inv.get("--screen")) {
        auto own = for_screen(config.value(), *name);
        if (!own) {
            io.err << path << ": " << own.error().front().message << "\n";
            return exit_failure;
        }
        config = std::move(own);
    }
    const Config& c = config.value();
    Diagnostics warnings = config_warnings(c, path);
    // The files it names are read by the running kiosk; say now if they are not there.
    auto missing = [&](const std::string& key, const std::string& file) {
        if (!file.empty() && !std::filesystem::exists(file)) {
            warnings.push_back({path, 0, Severity::warning,
                                key + " names '" + file + "', which does not exist (yet)"});
        }
    };
    missing("data.program", c.data.program);
    missing("data.corrections", c.data.corrections);
    io.err << format_diagnostics(warnings);
    io.out << path << ": ok: room '" << c.screen.room << "', program " << c.data.program
           << ", zone " << c.venue.timezone << "\n";
    return exit_ok;
}

}  // namespace kiosk
