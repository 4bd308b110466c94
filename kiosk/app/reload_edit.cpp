// Staff's edits of the config through the Reloader (see reload.h): one key at a time (the room,
// a room's full mark), or a text edit (announcements); each written in one atomic write and
// applied at once.
#include "kiosk/app/config_edit_keys.h"
#include "kiosk/app/config_files.h"
#include "kiosk/app/reload.h"

namespace kiosk {

Result<Done> Reloader::set_config(const ConfigEdits& edits, Millis now, Instant wall,
                                  const ConfigEdits& unless_changed) {
    auto edit = [&](std::string_view text, const std::string& path) -> Result<std::string> {
        std::string edited(text);
        auto on_disk = parse_config_file(edited, path, path);
        for (const auto& [key, value] : unless_changed) {
            if (on_disk && !config_string_is(on_disk.value(), key, value)) {
                return fail(Diagnostic{path, config_key_line(edited, key), Severity::error,
                                       key + " was changed in the file meanwhile (a push, or "
                                             "another staff member): nothing saved; look at it "
                                             "and choose again"});
            }
        }
        for (const auto& [key, value] : edits) {
            auto next = apply_config_edit(edited, path, key, value);
            if (!next) return fail(next.error());
            edited = std::move(next.value());
        }
        return edited;
    };
    return rewrite_config(
        edit,
        [&] {
            for (const auto& [key, value] : edits) {
                if (key == "screen.room") options_.room.reset();
                log(options_.config_path + ": staff set " + key + " to '" + value + "'");
            }
        },
        now, wall);
}

Result<Done> Reloader::edit_config(const ConfigTextEdit& edit, const std::string& what, Millis now,
                                   Instant wall) {
    return rewrite_config(
        edit, [&] { log(options_.config_path + ": staff " + what); }, now, wall);
}

Result<Done> Reloader::rewrite_config(const ConfigTextEdit& edit,
                                      const std::function<void()>& written, Millis now,
                                      Instant wall) {
    if (options_.config_path.empty()) {
        return fail(Diagnostic{"", 0, Severity::error,
                               "the kiosk runs without a config file (no --config): nothing to "
                               "change"});
    }
    // Edit what staff see on disk, not the last good copy: a broken file stays broken.
    auto text = fs_.read(options_.config_path);
    if (!text) return fail(text.error());
    auto edited = edit(text.value(), options_.config_path);
    if (!edited) return fail(edited.error());
    auto saved = fs_.write_atomic(options_.config_path, edited.value());
    if (!saved) return saved;
    written();
    config_.force = true;
    tick(now, wall);
    return Done{};
}

}  // namespace kiosk
