// The reloader: quiet-period detection, validation, last-good fallback and one-step swaps.
#include "kiosk/app/reload.h"

#include <filesystem>

#include "kiosk/core/sha256.h"
#include "kiosk/core/time.h"

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
    if (config_file.error &&
        (!program_file.error || *config_file.error_at > *program_file.error_at)) {
        return config_file.error;
    }
    return program_file.error;
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

// Reading is the same for every file: it must exist, be readable and not be empty. An empty file
// is refused even though an empty config is valid TOML: an empty file is far more often a copy
// cut short than a wish for every default (which a comment line expresses).
Result<std::string> read_nonempty(const FileSystem& fs, const std::string& path) {
    auto bytes = fs.read(path);
    if (!bytes) return bytes;
    if (bytes->empty()) return fail(Diagnostic{path, 0, Severity::error, "the file is empty"});
    return bytes;
}

Result<Loaded<Config>> read_config(const FileSystem& fs, const std::string& path,
                                   const std::string& base_dir) {
    auto bytes = read_nonempty(fs, path);
    if (!bytes) return fail(bytes.error());
    auto config = parse_config(bytes.value(), path, base_dir);
    if (!config) return fail(config.error());
    return Loaded<Config>{std::move(config.value()), sha256_hex(bytes.value()),
                          std::move(bytes.value())};
}

Result<Loaded<Program>> read_program(const FileSystem& fs, const ProgramImporter& import,
                                     const std::string& path, const Config& config) {
    auto bytes = read_nonempty(fs, path);
    if (!bytes) return fail(bytes.error());
    auto program = import(bytes.value(), path, config);
    if (!program) return fail(program.error());
    return Loaded<Program>{std::move(program.value()), sha256_hex(bytes.value()),
                           std::move(bytes.value())};
}

// What of a config decides how the program is read: a change to any of it re-reads the program.
bool program_reading_differs(const Config& a, const Config& b) {
    return a.data.program != b.data.program || a.venue.timezone != b.venue.timezone ||
           a.data.year != b.data.year;
}

}  // namespace

Reloader::Reloader(FileSystem& fs, ProgramImporter import, ReloadOptions options)
    : fs_(fs),
      import_(std::move(import)),
      options_(std::move(options)),
      state_(options_.state_dir),
      live_(std::make_shared<const Live>()) {}

void Reloader::log(const std::string& line) const {
    if (options_.log) options_.log(line);
}

Config Reloader::with_overrides(Config c) const {
    if (options_.room) c.screen.room = *options_.room;
    if (options_.program_path) c.data.program = *options_.program_path;
    return c;
}

std::string Reloader::config_base_dir() const {
    auto parent = std::filesystem::path(options_.config_path).parent_path().string();
    return parent.empty() ? "." : parent;
}

std::string Reloader::program_path(const Config& c) const {
    return options_.program_path ? *options_.program_path : c.data.program;
}

void Reloader::publish(Live next) {
    next.generation = live_->generation + 1;
    live_ = std::make_shared<const Live>(std::move(next));
}

void Reloader::start(Millis now, Instant wall) {
    Live next;
    // The config: the file, else its last good copy (paths still relative to the file's
    // folder, where staff put the program), else the defaults.
    next.config_file.path = options_.config_path;
    Config config;
    if (options_.config_path.empty()) {
        next.config_file.origin = FileOrigin::defaults;
    } else if (auto c = read_config(fs_, options_.config_path, config_base_dir())) {
        config = c->value;
        next.config_file = {
            options_.config_path, FileOrigin::file, options_.config_path, c->sha256, wall,
            std::nullopt,         std::nullopt};
        if (auto saved = state_.save_config(fs_, c->bytes); !saved) {
            log("cannot keep a last-good copy: " + summary(saved.error()));
        }
    } else {
        std::string why = summary(c.error());
        std::string copy = state_.config_copy();
        if (auto last = read_config(fs_, copy, config_base_dir())) {
            config = last->value;
            next.config_file = {options_.config_path,
                                FileOrigin::last_good,
                                copy,
                                last->sha256,
                                wall,
                                why + "; using the last good config, saved in " + copy,
                                wall};
        } else {
            // The defaults as a config file with nothing in it would have them: a program
            // named relative to the config's folder.
            config = parse_config("", options_.config_path, config_base_dir()).value();
            next.config_file = {options_.config_path,
                                FileOrigin::defaults,
                                "",
                                "",
                                wall,
                                why + "; no last good config, using the built-in defaults",
                                wall};
        }
        log(*next.config_file.error);
    }
    next.config = with_overrides(std::move(config));

    // The program: the file, else its last good copy, else nothing ("no program loaded").
    std::string path = program_path(next.config);
    if (auto p = read_program(fs_, import_, path, next.config)) {
        next.program = std::make_shared<const Program>(std::move(p->value));
        next.program_file = {path, FileOrigin::file, path,        p->sha256,
                             wall, std::nullopt,     std::nullopt};
        if (auto saved = state_.save_program(fs_, path, p->bytes); !saved) {
            log("cannot keep a last-good copy: " + summary(saved.error()));
        }
    } else {
        std::string why = summary(p.error());
        std::string copy = state_.program_copy(path);
        if (auto last = read_program(fs_, import_, copy, next.config)) {
            next.program = std::make_shared<const Program>(std::move(last->value));
            next.program_file = {path, FileOrigin::last_good,
                                 copy, last->sha256,
                                 wall, why + "; showing the last good program, saved in " + copy,
                                 wall};
        } else {
            next.program_file = {
                path, FileOrigin::none, "",
                "",   std::nullopt,     why + "; no last good program either: no program loaded",
                wall};
        }
        log(*next.program_file.error);
    }

    config_ = {options_.config_path, fs_.stat(options_.config_path), now, false, false};
    program_ = {path, fs_.stat(path), now, false, false};
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
    for (const Watched* w : {&config_, &program_}) {
        if (w->path.empty() || !(w->pending || w->force)) continue;
        Millis at = w->force ? Millis{0} : w->changed_at + options_.quiet;
        if (!out || at < *out) out = at;
    }
    return out;
}

void Reloader::reload_all() {
    config_.force = !config_.path.empty();
    program_.force = true;
}

bool Reloader::tick(Millis now, Instant wall) {
    observe(config_, now);
    observe(program_, now);
    bool swapped = false;
    // The config first: it may name another program, or change how this one is read.
    if (ready(config_, now)) swapped |= load_config(wall);
    if (ready(program_, now)) swapped |= load_program(wall);
    return swapped;
}

bool Reloader::reject(bool config, const std::string& message, Instant wall) {
    Live next = *live_;
    LoadedFile& f = config ? next.config_file : next.program_file;
    std::string keeping = config         ? "; keeping the last good config"
                          : next.program ? "; keeping the last good program"
                                         : "; no program loaded";
    if (f.error == message + keeping) return false;  // the same trouble again: nothing new
    f.error = message + keeping;
    f.error_at = wall;
    log(*f.error);
    publish(std::move(next));
    return true;
}

bool Reloader::load_config(Instant wall) {
    config_.pending = config_.force = false;
    auto c = read_config(fs_, config_.path, config_base_dir());
    if (!c) return reject(true, summary(c.error()), wall);
    auto current = live_;  // kept alive past publish()
    const Live& now = *current;
    if (c->sha256 == now.config_file.sha256 && now.config_file.origin == FileOrigin::file &&
        !now.config_file.error) {
        return false;  // touched, or saved unchanged
    }
    Live next = now;
    next.config = with_overrides(std::move(c->value));
    next.config_file = {config_.path, FileOrigin::file, config_.path, c->sha256,
                        wall,         std::nullopt,     std::nullopt};
    if (auto saved = state_.save_config(fs_, c->bytes); !saved) {
        log("cannot keep a last-good copy: " + summary(saved.error()));
    }
    log(config_.path + ": loaded");
    if (program_reading_differs(now.config, next.config)) {
        std::string path = program_path(next.config);
        if (path != program_.path) program_ = {path, fs_.stat(path), Millis{0}, false, false};
        program_.force = true;
    }
    publish(std::move(next));
    return true;
}

bool Reloader::load_program(Instant wall) {
    bool forced = program_.force;
    program_.pending = program_.force = false;
    auto current = live_;  // kept alive past publish()
    const Live& now = *current;
    auto p = read_program(fs_, import_, program_.path, now.config);
    if (!p) return reject(false, summary(p.error()), wall);
    if (!forced && p->sha256 == now.program_file.sha256 &&
        now.program_file.origin == FileOrigin::file && !now.program_file.error) {
        return false;
    }
    Live next = now;
    next.program = std::make_shared<const Program>(std::move(p->value));
    next.program_file = {program_.path, FileOrigin::file, program_.path, p->sha256,
                         wall,          std::nullopt,     std::nullopt};
    if (auto saved = state_.save_program(fs_, program_.path, p->bytes); !saved) {
        log("cannot keep a last-good copy: " + summary(saved.error()));
    }
    log(program_.path + ": loaded, " + std::to_string(next.program->sessions.size()) + " sessions");
    publish(std::move(next));
    return true;
}

Result<Done> Reloader::set_config(std::string_view key, std::string_view value, Millis now,
                                  Instant wall) {
    if (options_.config_path.empty()) {
        return fail(Diagnostic{"", 0, Severity::error,
                               "the kiosk runs without a config file (no --config): nothing to "
                               "change"});
    }
    // Edit what staff see on disk, not the last good copy: a broken file stays broken.
    auto text = fs_.read(options_.config_path);
    if (!text) return fail(text.error());
    auto edited = set_config_string(text.value(), options_.config_path, key, value);
    if (!edited) return fail(edited.error());
    auto written = fs_.write_atomic(options_.config_path, edited.value());
    if (!written) return written;
    if (key == "screen.room") options_.room.reset();
    log(options_.config_path + ": staff set " + std::string(key) + " to '" + std::string(value) +
        "'");
    config_.force = true;
    tick(now, wall);
    return Done{};
}

std::vector<std::string> Reloader::watched_paths() const {
    std::vector<std::string> out;
    if (!config_.path.empty()) out.push_back(config_.path);
    if (!program_.path.empty()) out.push_back(program_.path);
    return out;
}

}  // namespace kiosk
