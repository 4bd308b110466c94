// The reloader: quiet-period detection, validation, last-good fallback and one-step swaps.
#include "kiosk/app/reload.h"

#include <filesystem>

#include "kiosk/app/config_files.h"
#include "kiosk/app/program_files.h"
#include "kiosk/app/update_guard.h"
#include "kiosk/core/sha256.h"

namespace kiosk {

const char* to_string(FileOrigin o) {
    switch (o) {
        case FileOrigin::none:
            return "none";
        case FileOrigin::file:
            return "file";
        case FileOrigin::last_good:
            return "last_good";
        case FileOrigin::defaults:
            return "defaults";
    }
    return "none";
}

std::optional<std::string> Live::last_error() const {
    const LoadedFile* newest = nullptr;
    for (const LoadedFile* f : {&program_file, &corrections_file, &config_file}) {
        if (f->error && (newest == nullptr || *f->error_at > *newest->error_at)) newest = f;
    }
    if (room_error && (newest == nullptr || *room_error_at > *newest->error_at)) return room_error;
    if (newest != nullptr) return newest->error;
    if (state_error) return state_error;
    if (schedule_error) return schedule_error;
    return screen_error;
}

namespace {

// A file's bytes with what they parsed into.
template <class T>
struct Loaded {
    T value;
    std::string sha256;
    std::string bytes;
};

// One line for the log and the status file: the first diagnostic and how many more there are.
std::string summary(const Diagnostics& ds) {
    if (ds.empty()) return "unusable";
    std::string out = to_string(ds.front());
    if (ds.size() > 1) out += " (and " + std::to_string(ds.size() - 1) + " more)";
    return out;
}

// Reading is the same for every file (read_input): it must exist, be readable and not be empty.
template <class T, class Parse>
Result<Loaded<T>> read_as(const FileSystem& fs, const std::string& path, Parse parse) {
    auto bytes = read_input(fs, path);
    if (!bytes) return fail(bytes.error());
    Result<T> value = parse(bytes.value());
    if (!value) return fail(value.error());
    return Loaded<T>{std::move(value.value()), sha256_hex(bytes.value()), std::move(bytes.value())};
}

// A config file, or its last good copy, read the one way configs are read; relative paths in
// either follow the configured file's folder, where staff put the program.
Result<Loaded<Config>> read_config_as(const FileSystem& fs, const std::string& path,
                                      const std::string& configured) {
    return read_as<Config>(fs, path, [&](const std::string& text) {
        return parse_config_file(text, path, configured);
    });
}

LoadedFile from_file(const std::string& path, const std::string& sha256, Instant wall) {
    return {path, FileOrigin::file, path, sha256, wall, std::nullopt, std::nullopt};
}

LoadedFile from_copy(const std::string& path, const std::string& copy, const std::string& sha256,
                     const std::string& error, Instant wall) {
    return {path, FileOrigin::last_good, copy, sha256, wall, error, wall};
}

LoadedFile from_nothing(const std::string& path, FileOrigin origin, const std::string& error,
                        Instant wall) {
    return {path, origin, "", "", std::nullopt, error, wall};
}

}  // namespace

Reloader::Reloader(FileSystem& fs, ProgramImporter import, ReloadOptions options)
    : fs_(fs),
      import_(std::move(import)),
      options_(std::move(options)),
      state_(options_.state_dir, options_.config_path),
      live_(std::make_shared<const Live>()) {}

void Reloader::log(const std::string& line) const {
    if (options_.log) options_.log(line);
}

Config Reloader::with_overrides(Config c, Live& next) const {
    next.screen_error.reset();
    if (auto own = for_screen(c, options_.screen)) {
        c = std::move(own.value());
    } else {
        next.screen_error = own.error().front().message + "; showing [screen]'s settings";
        log(*next.screen_error);
    }
    if (options_.room) c.screen.room = *options_.room;
    if (options_.program_path) c.data.program = *options_.program_path;
    return c;
}

std::string Reloader::program_path(const Config& c) const {
    return options_.program_path ? *options_.program_path : c.data.program;
}

Reloader::Watched& Reloader::watched(Slot slot) {
    return slot == Slot::config ? config_ : slot == Slot::program ? program_ : corrections_;
}

void Reloader::publish(Live next) {
    next.generation = live_->generation + 1;
    live_ = std::make_shared<const Live>(std::move(next));
}

// The corrected program and its schedule, from whatever `next` holds now: the pipeline's last
// two steps, as every command takes them; then whether the program knows the configured room.
void Reloader::derive(Live& next, Instant wall) {
    PreparedProgram p =
        prepare_program(next.imported, next.corrections.get(), next.config.schedule);
    next.program = std::move(p.program);
    next.schedule = std::move(p.schedule);
    next.warnings = std::move(p.warnings);
    next.schedule_error = std::move(p.schedule_error);
    if (next.schedule_error) log(*next.schedule_error);
    // Said once per load, as every command says them: staff reading the journal see the
    // corrections that matched nothing the moment a program or corrections file comes in.
    std::string said = format_diagnostics(next.warnings);
    for (std::size_t b = 0, e = said.find('\n'); e != std::string::npos;
         b = e + 1, e = said.find('\n', b)) {
        log(said.substr(b, e - b));
    }
    check_room(next, wall);
}

// Where staff set the room, for the room's errors: "--room", or the config file and its line.
void Reloader::note_room_source(const std::string& config_text, const std::string& config_file) {
    if (options_.room) {
        room_source_ = "--room";
        return;
    }
    int line = config_key_line(config_text, "screen.room");
    room_source_ = config_file + (line > 0 ? ":" + std::to_string(line) : "");
}

// A room the program does not know is said, and the screen goes on with the room it showed,
// if the program knows that one: a typo pushed to a running screen must not take its boards away.
// With none to keep, the screen shows every room (screen_setup).
void Reloader::check_room(Live& next, Instant wall) const {
    std::optional<std::string> problem;
    if (next.schedule && next.config.screen.mode == ScreenMode::room) {
        problem = unknown_room(*next.schedule, next.config.screen.room, next.program_file.path);
    }
    if (!problem) {
        next.kept_room.reset();
        next.room_error.reset();
        next.room_error_at.reset();
        return;
    }
    const Live& before = *live_;
    std::string shown = before.kept_room.value_or(before.config.screen.room);
    bool keep = before.schedule != nullptr && !unknown_room(*next.schedule, shown, "");
    std::string line = room_source_ + ": " + *problem +
                       (!keep           ? "; showing every room"
                        : shown.empty() ? "; still showing the program's first room"
                                        : "; still showing '" + shown + "'");
    next.kept_room = keep ? std::optional<std::string>(shown) : std::nullopt;
    if (next.room_error == line) return;
    next.room_error = line;
    next.room_error_at = wall;
    log(line);
}

// The config at start-up: the file, else its last good copy (paths still relative to the file's
// folder, where staff put the program), else the defaults.
void Reloader::start_config(Live& next, Instant wall) {
    if (options_.config_path.empty()) {
        next.config_file.origin = FileOrigin::defaults;
    } else if (auto c = read_config_as(fs_, options_.config_path, options_.config_path)) {
        next.config = c->value;
        next.config_file = from_file(options_.config_path, c->sha256, wall);
        keep_copy(state_.config_copy(), c->bytes);
        note_room_source(c->bytes, options_.config_path);
    } else {
        std::string why = summary(c.error());
        if (auto last = read_config_as(fs_, state_.config_copy(), options_.config_path)) {
            next.config = last->value;
            note_room_source(last->bytes, options_.config_path);
            next.config_file = from_copy(
                options_.config_path, state_.config_copy(), last->sha256,
                why + "; using the last good config, saved in " + state_.config_copy(), wall);
        } else {
            // The defaults as an empty config file would have them: paths next to the config.
            next.config = parse_config_file("", options_.config_path, options_.config_path).value();
            next.config_file =
                from_nothing(options_.config_path, FileOrigin::defaults,
                             why + "; no last good config, using the built-in defaults", wall);
        }
        log(*next.config_file.error);
    }
    if (options_.room) room_source_ = "--room";
    next.config = with_overrides(std::move(next.config), next);
}

// Corrections at start-up (optional): the file, else its last good copy, else none.
void Reloader::start_corrections(Live& next, Instant wall) {
    const std::string& corrections = next.config.data.corrections;
    if (corrections.empty()) return;
    auto parse_at = [&](const std::string& path) {
        return read_as<Corrections>(
            fs_, path, [&](const std::string& text) { return parse_corrections(text, path); });
    };
    if (auto c = parse_at(corrections)) {
        next.corrections = std::make_shared<const Corrections>(std::move(c->value));
        next.corrections_file = from_file(corrections, c->sha256, wall);
        keep_copy(state_.corrections_copy(), c->bytes);
    } else if (auto last = parse_at(state_.corrections_copy())) {
        next.corrections = std::make_shared<const Corrections>(std::move(last->value));
        next.corrections_file =
            from_copy(corrections, state_.corrections_copy(), last->sha256,
                      summary(c.error()) + "; using the last good corrections, saved in " +
                          state_.corrections_copy(),
                      wall);
    } else {
        next.corrections_file = from_nothing(
            corrections, FileOrigin::none,
            summary(c.error()) + "; no last good corrections either: none applied", wall);
    }
    if (next.corrections_file.error) log(*next.corrections_file.error);
}

// The program in use from now on, with the bytes updates are compared with; a copy is kept of
// the file's own.
void Reloader::use_program(Live& next, Program program, std::string bytes, LoadedFile file) {
    if (file.origin == FileOrigin::file) {
        keep_copy(state_.program_copy(file.path), bytes);
        if (file.sha256 != good_sha256_) try_program(file.sha256);
    }
    next.imported = std::make_shared<const Program>(std::move(program));
    next.program_file = std::move(file);
    program_bytes_ = std::move(bytes);
}

// Why a new version of the program file (`path`) is held back rather than shown; none when it is
// shown: not cut short next to the program in `next`, or accepted by staff.
std::optional<std::string> Reloader::held_back(const Live& next, const std::string& path,
                                               const std::string& bytes, const Program& update,
                                               const std::string& sha256,
                                               std::string_view shown) const {
    if (!next.imported || sha256 == next.program_file.sha256 || sha256 == accepted_sha256_) {
        return std::nullopt;
    }
    auto why = looks_cut_short(program_bytes_, *next.imported, bytes, update, shown);
    if (!why || accepted_by_marker(fs_, path, sha256)) return std::nullopt;
    return path + ": held back, it looks cut short: " + *why;
}

std::string Reloader::accept_hint(const std::string& path) const {
    return "To show it anyway: \"Accept the held-back program\" on the staff overlay, or "
           "sha256sum " +
           path + " > " + accept_marker(path);
}

// The program at start-up: the file, unless it looks cut short next to its last good copy; else
// that copy; else nothing.
void Reloader::start_program(Live& next, Instant wall) {
    const std::string program = program_path(next.config);
    const std::string copy = state_.program_copy(program);
    auto import_at = [&](const std::string& path) {
        return read_as<Program>(
            fs_, path, [&](const std::string& bytes) { return import_(bytes, path, next.config); });
    };
    if (auto raw = read_input(fs_, copy)) good_sha256_ = sha256_hex(raw.value());
    if (auto marker = fs_.read(state_.trying_marker())) {
        refused_sha256_ = marker.value().substr(0, marker.value().find_first_of(" \n"));
    }
    // A version that stopped the screen last time is not even imported: the import may be what
    // stalled.
    auto stopped = refused(program);
    auto p = stopped ? Result<Loaded<Program>>(fail(Diagnostic{"", 0, Severity::error, *stopped}))
                     : import_at(program);
    // The copy is imported when it is needed: the file is broken, or it differs from the file.
    std::optional<Result<Loaded<Program>>> last;
    if (!p || (!good_sha256_.empty() && good_sha256_ != p->sha256)) last = import_at(copy);
    std::optional<std::string> why;
    if (p && last && last->has_value()) {
        // Compared with what the screen showed last, as a running screen compares an update.
        next.imported = std::make_shared<const Program>(last->value().value);
        program_bytes_ = last->value().bytes;
        next.program_file.sha256 = last->value().sha256;
        why = held_back(next, program, p->bytes, p->value, p->sha256, "the last good program");
        if (why) {
            next.held_back_sha256 = p->sha256;
            marker_seen_ = fs_.stat(accept_marker(program));
            *why +=
                "; showing the last good program, saved in " + copy + ". " + accept_hint(program);
        }
    }
    if (p && !why) {
        next.held_back_sha256.clear();
        use_program(next, std::move(p->value), std::move(p->bytes),
                    from_file(program, p->sha256, wall));
        return;
    }
    const std::string fix = stopped ? "; fix or replace the file" : "";
    if (!why) why = summary(p.error()) + "; showing the last good program, saved in " + copy + fix;
    if (last && last->has_value()) {
        Loaded<Program>& l = last->value();
        use_program(next, std::move(l.value), std::move(l.bytes),
                    from_copy(program, copy, l.sha256, *why, wall));
    } else {
        next.imported.reset();
        next.program_file = from_nothing(
            program, FileOrigin::none,
            summary(p.error()) + "; no last good program either: no program loaded" + fix, wall);
    }
    log(*next.program_file.error);
}

void Reloader::start(Millis now, Instant wall) {
    Live next;
    start_config(next, wall);
    start_corrections(next, wall);
    start_program(next, wall);
    derive(next, wall);
    const std::string& corrections = next.config.data.corrections;
    const std::string program = program_path(next.config);
    config_ = {options_.config_path, fs_.stat(options_.config_path), now, false, false};
    program_ = {program, fs_.stat(program), now, false, false};
    corrections_ = {corrections, corrections.empty() ? FileStamp{} : fs_.stat(corrections), now,
                    false, false};
    unsaved_retry_at_ = now + std::chrono::seconds{30};
    publish(std::move(next));
}

void Reloader::observe(Watched& w, Millis now) {
    if (w.path.empty()) return;
    FileStamp s = fs_.stat(w.path);
    if (s != w.seen) {
        w.seen = s;
        w.changed_at = now;  // quiet is measured from the latest change
        w.pending = true;
    }
}

bool Reloader::ready(const Watched& w, Millis now) const {
    return !w.path.empty() && (w.force || (w.pending && now - w.changed_at >= options_.quiet));
}

std::optional<Millis> Reloader::deadline() const {
    std::optional<Millis> out;
    for (const Watched* w : {&config_, &program_, &corrections_}) {
        if (w->path.empty() || !(w->pending || w->force)) continue;
        Millis at = w->force ? Millis{0} : w->changed_at + options_.quiet;
        if (!out || at < *out) out = at;
    }
    return out;
}

void Reloader::reload_all(const std::string& why) {
    if (!why.empty()) log(why);
    for (Watched* w : {&config_, &program_, &corrections_}) w->force = !w->path.empty();
}

// Points a slot at another file (the config named a new one) and has it read at once.
void Reloader::retarget(Slot slot, const std::string& path) {
    Watched& w = watched(slot);
    if (path != w.path) w = {path, path.empty() ? FileStamp{} : fs_.stat(path), Millis{0}};
    w.force = !path.empty();
}

// While a version is held back, staff may accept it by writing the marker beside the program.
void Reloader::watch_marker() {
    if (live_->held_back_sha256.empty()) return;
    FileStamp s = fs_.stat(accept_marker(program_.path));
    if (s == marker_seen_) return;
    marker_seen_ = s;
    program_.force = true;
}

bool Reloader::tick(Millis now, Instant wall) {
    for (Watched* w : {&config_, &program_, &corrections_}) observe(*w, now);
    watch_marker();
    Live next = *live_;
    bool changed = false;
    bool inputs_changed = false;
    // The config first: it may name other files, or change how they are read.
    if (ready(config_, now)) {
        Config before = next.config;
        if (load_config(next, wall)) {
            changed = true;
            if (!(next.config == before)) {
                inputs_changed = true;
                if (next.config.data.corrections != before.data.corrections) {
                    if (next.config.data.corrections.empty()) {
                        next.corrections.reset();
                        next.corrections_file = {};
                    }
                    retarget(Slot::corrections, next.config.data.corrections);
                }
                if (program_path(next.config) != program_path(before) ||
                    next.config.venue.timezone != before.venue.timezone ||
                    next.config.data.year != before.data.year) {
                    retarget(Slot::program, program_path(next.config));
                }
            }
        }
    }
    for (Slot slot : {Slot::corrections, Slot::program}) {
        Watched& w = watched(slot);
        if (!ready(w, now)) continue;
        bool forced = w.force;
        w.pending = w.force = false;
        std::string sha_before =
            slot == Slot::program ? next.program_file.sha256 : next.corrections_file.sha256;
        bool loaded =
            slot == Slot::program ? load_program(next, wall, forced) : load_corrections(next, wall);
        changed |= loaded;
        const LoadedFile& f = slot == Slot::program ? next.program_file : next.corrections_file;
        if (loaded && !f.error && (forced || f.sha256 != sha_before)) inputs_changed = true;
    }
    retry_copies(now);
    changed |= note_copies(next, wall);
    if (!changed) return false;
    if (inputs_changed) derive(next, wall);
    publish(std::move(next));
    return true;
}

bool Reloader::reject(Live& next, Slot slot, const std::string& message, Instant wall,
                      const std::string& after, bool held_back) {
    LoadedFile& f = slot == Slot::config    ? next.config_file
                    : slot == Slot::program ? next.program_file
                                            : next.corrections_file;
    bool have = slot == Slot::config    ? true
                : slot == Slot::program ? next.imported != nullptr
                                        : next.corrections != nullptr;
    std::string what = slot == Slot::config    ? "config"
                       : slot == Slot::program ? "program"
                                               : "corrections";
    std::string line = message +
                       (have                    ? "; keeping the last good " + what
                        : slot == Slot::program ? "; no program loaded"
                                                : "; no corrections applied") +
                       (after.empty() ? "" : ". " + after);
    if (f.error == line) return false;  // the same trouble again: nothing new to say
    f.path = watched(slot).path;
    f.error = line;
    f.error_at = wall;
    ++(held_back ? next.held_back : next.rejected);
    log(line);
    return true;
}

bool Reloader::load_config(Live& next, Instant wall) {
    config_.pending = config_.force = false;
    auto c = read_config_as(fs_, config_.path, options_.config_path);
    if (!c) return reject(next, Slot::config, summary(c.error()), wall);
    if (c->sha256 == next.config_file.sha256 && next.config_file.origin == FileOrigin::file &&
        !next.config_file.error) {
        return false;  // touched, or saved unchanged
    }
    next.config = with_overrides(std::move(c->value), next);
    next.config_file = from_file(config_.path, c->sha256, wall);
    keep_copy(state_.config_copy(), c->bytes);
    ++next.reloads;
    log(config_.path + ": loaded");
    return true;
}

bool Reloader::load_corrections(Live& next, Instant wall) {
    auto c = read_as<Corrections>(fs_, corrections_.path, [&](const std::string& text) {
        return parse_corrections(text, corrections_.path);
    });
    if (!c) return reject(next, Slot::corrections, summary(c.error()), wall);
    if (c->sha256 == next.corrections_file.sha256 &&
        next.corrections_file.origin == FileOrigin::file && !next.corrections_file.error) {
        return false;
    }
    next.corrections = std::make_shared<const Corrections>(std::move(c->value));
    next.corrections_file = from_file(corrections_.path, c->sha256, wall);
    keep_copy(state_.corrections_copy(), c->bytes);
    ++next.reloads;
    log(corrections_.path + ": loaded");
    return true;
}

bool Reloader::load_program(Live& next, Instant wall, bool forced) {
    if (auto stopped = refused(program_.path)) {
        return reject(next, Slot::program, *stopped + "; fix or replace the file", wall);
    }
    auto p = read_as<Program>(fs_, program_.path, [&](const std::string& bytes) {
        return import_(bytes, program_.path, next.config);
    });
    bool was_held = !next.held_back_sha256.empty();
    if (!p) {
        next.held_back_sha256.clear();
        return reject(next, Slot::program, summary(p.error()), wall) || was_held;
    }
    // Touched or saved unchanged: no news, unless it must be read again (new zone, staff asked).
    if (!forced && p->sha256 == next.program_file.sha256 &&
        next.program_file.origin == FileOrigin::file && !next.program_file.error) {
        return false;
    }
    // Only a new version of the same file is compared: a config naming another file is a choice.
    if (next.program_file.path == program_.path) {
        if (auto why = held_back(next, program_.path, p->bytes, p->value, p->sha256,
                                 "the program on screen")) {
            bool news = next.held_back_sha256 != p->sha256;
            next.held_back_sha256 = p->sha256;
            marker_seen_ = fs_.stat(accept_marker(program_.path));
            return reject(next, Slot::program, *why, wall, accept_hint(program_.path), true) ||
                   news;
        }
    }
    next.held_back_sha256.clear();
    accepted_sha256_.clear();
    use_program(next, std::move(p->value), std::move(p->bytes),
                from_file(program_.path, p->sha256, wall));
    ++next.reloads;
    log(program_.path + ": loaded, " + std::to_string(next.imported->sessions.size()) +
        " sessions");
    return true;
}

Result<Done> Reloader::accept_held_back(Millis now, Instant wall) {
    std::string held = live_->held_back_sha256;
    if (held.empty()) {
        return fail(Diagnostic{"", 0, Severity::error, "no version of the program is held back"});
    }
    accepted_sha256_ = held;
    program_.force = true;
    tick(now, wall);
    if (live_->program_file.sha256 == held && !live_->program_file.error) {
        log(program_.path + ": staff accepted the held-back version");
        return Done{};
    }
    return fail(Diagnostic{program_.path, 0, Severity::error,
                           "the file changed since it was held back: " +
                               live_->program_file.error.value_or("see the status")});
}

std::vector<std::string> Reloader::watched_paths() const {
    std::vector<std::string> out;
    for (const Watched* w : {&config_, &program_, &corrections_}) {
        if (!w->path.empty()) out.push_back(w->path);
    }
    if (!live_->held_back_sha256.empty()) out.push_back(accept_marker(program_.path));
    return out;
}

}  // namespace kiosk
