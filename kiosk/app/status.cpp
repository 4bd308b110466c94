// The status file's JSON and its rewrite policy (see status.h).
#include "kiosk/app/status.h"

#include <nlohmann/json.hpp>

#include "kiosk/core/time.h"

namespace kiosk {

namespace {

using nlohmann::json;

// A program with thousands of warnings must not make a megabyte heartbeat.
constexpr std::size_t max_warnings = 20;

std::string utc(Instant t) { return date::format("%FT%TZ", t); }

json when(const std::optional<Instant>& t) { return t ? json(utc(*t)) : json(nullptr); }

json file_json(const LoadedFile& f) {
    json out = {{"path", f.path},
                {"origin", to_string(f.origin)},
                {"sha256", f.sha256.empty() ? json(nullptr) : json(f.sha256)},
                {"loaded_at", when(f.loaded_at)},
                {"error", f.error ? json(*f.error) : json(nullptr)}};
    if (f.origin == FileOrigin::last_good) out["used_path"] = f.used_path;
    return out;
}

json content(const Live& live, const ScreenState& screen, Instant started_at) {
    json program = nullptr;
    if (live.program) {
        program = file_json(live.program_file);
        json warnings = json::array();
        for (std::size_t i = 0; i < live.warnings.size() && i < max_warnings; ++i) {
            warnings.push_back(to_string(live.warnings[i]));
        }
        program["warnings"] = warnings;
        program["warning_count"] = live.warnings.size();
    }
    std::string shown;
    if (screen.shown) {
        auto zone = find_zone(screen.timezone);
        shown = zone ? format_iso(*screen.shown, *zone.value()) : utc(*screen.shown);
    }
    auto error = screen.trouble ? screen.trouble : live.last_error();
    // Text drawn with a placeholder is a warning a fleet monitor should see: a font to install.
    json missing = json::array();
    for (std::size_t i = 0; i < screen.missing_glyphs.size() && i < max_warnings; ++i) {
        missing.push_back(screen.missing_glyphs[i]);
    }
    return {
        {"room", screen.room},
        {"program", program},
        {"now", screen.now},
        {"slide", screen.slide},
        {"last_error", error ? json(*error) : json(nullptr)},
        {"missing_glyphs", missing},
        {"missing_glyph_count", screen.missing_glyphs.size()},
        {"clock",
         {{"shown", shown.empty() ? json(nullptr) : json(shown)},
          {"simulated", screen.simulated},
          {"speed", screen.speed}}},
        {"config", file_json(live.config_file)},
        {"corrections",
         live.corrections_file.path.empty() ? json(nullptr) : file_json(live.corrections_file)},
        {"started_at", utc(started_at)},
    };
}

}  // namespace

std::string status_json(const Live& live, const ScreenState& screen, Instant started_at,
                        Instant updated_at) {
    json j = content(live, screen, started_at);
    j["updated_at"] = utc(updated_at);
    return j.dump(2) + "\n";
}

bool StatusFile::update(const Live& live, const ScreenState& screen, Instant wall) {
    // A clock with seconds is not news every second: the file follows its minute (and says the
    // second it was written at), as it does for a clock without.
    ScreenState minute = screen;
    if (minute.shown) minute.shown = date::floor<std::chrono::minutes>(*minute.shown);
    return file_.update(
        content(live, minute, started_at_).dump(),
        [&] { return status_json(live, screen, started_at_, wall); }, wall);
}

}  // namespace kiosk
