// The program pipeline (see program_files.h).
#include "kiosk/app/program_files.h"

#include <algorithm>

#include "kiosk/core/import/importer.h"
#include "kiosk/core/names.h"
#include "kiosk/core/time.h"

namespace kiosk {

Result<Program> import_program_file(std::string_view bytes, const std::string& name,
                                    const Config& config, date::local_days reference_day) {
    return import_program(bytes, import_options(config, name, reference_day));
}

PreparedProgram prepare_program(std::shared_ptr<const Program> imported,
                                const Corrections* corrections, const ScheduleSettings& settings) {
    PreparedProgram out;
    if (!imported) return out;
    out.warnings = imported->warnings;
    if (corrections != nullptr) {
        auto corrected = apply_corrections(*imported, *corrections);
        out.warnings.insert(out.warnings.end(), corrected.warnings.begin(),
                            corrected.warnings.end());
        out.correction_warnings = corrected.warnings.size();
        out.program = std::make_shared<const Program>(std::move(corrected.program));
    } else {
        out.program = std::move(imported);
    }
    auto schedule = make_schedule(*out.program, settings);
    if (!schedule) {
        out.schedule_error = to_string(schedule.error().front());
        return out;
    }
    out.warnings.insert(out.warnings.end(), schedule->warnings().begin(),
                        schedule->warnings().end());
    out.schedule = std::make_shared<const Schedule>(std::move(schedule.value()));
    return out;
}

std::string ProgramLoad::report() const {
    Diagnostics all = errors;
    if (prepared.schedule_error) {
        all.push_back({program_path, 0, Severity::error, *prepared.schedule_error});
    }
    all.insert(all.end(), prepared.warnings.begin(), prepared.warnings.end());
    return format_diagnostics(all);
}

ProgramLoad load_program_files(const FileSystem& fs, const Config& config,
                               date::local_days reference_day) {
    ProgramLoad load;
    load.program_path = config.data.program;
    load.corrections_path = config.data.corrections;
    load.timezone = config.venue.timezone;
    auto bytes = read_input(fs, load.program_path);
    auto imported =
        bytes ? import_program_file(bytes.value(), load.program_path, config, reference_day)
              : Result<Program>(fail(bytes.error()));
    if (imported) {
        load.timezone = imported->timezone;
        load.imported = std::make_shared<const Program>(std::move(imported.value()));
    } else {
        load.errors.insert(load.errors.end(), imported.error().begin(), imported.error().end());
    }
    if (!load.corrections_path.empty()) {
        auto text = read_input(fs, load.corrections_path);
        auto parsed = text ? parse_corrections(text.value(), load.corrections_path)
                           : Result<Corrections>(fail(text.error()));
        if (parsed) {
            load.corrections = std::make_shared<const Corrections>(std::move(parsed.value()));
        } else {
            load.errors.insert(load.errors.end(), parsed.error().begin(), parsed.error().end());
        }
    }
    load.prepared = prepare_program(load.imported, load.corrections.get(), config.schedule);
    return load;
}

std::optional<std::string> unknown_room(const Schedule& schedule, std::string_view room,
                                        std::string_view program_name) {
    std::vector<std::string> rooms = schedule.rooms();
    if (room.empty() || rooms.empty()) return std::nullopt;
    std::vector<std::string> folded;
    for (const auto& r : rooms) folded.push_back(fold_name(r));
    const std::string key = fold_name(room);
    if (std::find(folded.begin(), folded.end(), key) != folded.end()) return std::nullopt;
    std::string out = "no room '" + std::string(room) + "' in " + std::string(program_name);
    if (auto near = closest(key, folded)) {
        auto at = std::find(folded.begin(), folded.end(), *near) - folded.begin();
        return out + "; did you mean '" + rooms[static_cast<std::size_t>(at)] + "'?";
    }
    out += "; its rooms are: ";
    for (std::size_t i = 0; i < rooms.size(); ++i) out += (i == 0 ? "" : ", ") + rooms[i];
    return out;
}

Result<Instant> venue_time(std::string_view text, std::string_view what,
                           const std::string& config_zone,
                           const std::function<std::string(date::local_days)>& load) {
    auto zone = find_zone(config_zone);
    if (!zone) return fail(zone.error());
    auto first = parse_instant(text, *zone.value(), what);
    if (!first) return first;
    auto day = date::floor<date::days>(zone.value()->to_local(first.value()));
    std::string resolved = load(day);
    if (resolved == config_zone) return first;
    auto program_zone = find_zone(resolved);
    if (!program_zone) return fail(program_zone.error());
    return parse_instant(text, *program_zone.value(), what);
}

}  // namespace kiosk
