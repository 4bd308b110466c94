// Live reload with last-good fallback: which config and program the screen runs on, and when to
// swap in new ones.
//
// The Reloader is plain single-threaded logic over a FileSystem and times it is given, so tests
// drive it with a fake file system and a fake clock, without sleeping. ReloadService
// (reload_service.h) runs it on its own thread, woken by inotify (watch.h) and a periodic check.
//
// Rules, each named where it is implemented:
// - A file is loaded once it has been quiet (same size, mtime and inode) for `quiet`: a copy
//   still being written is not read half-way. A rename into place is seen at once and is quiet.
// - A file that cannot be read, is empty, or does not parse/import is rejected: the screen keeps
//   the last good one, and the error is recorded (status file, overlay) and logged.
// - A new version of the program file that looks cut short next to the program shown
//   (update_guard.h) is held back the same way, until staff accept it: "Accept the held-back
//   program" on the overlay, or its SHA-256 in the marker beside the program file (watched while
//   a version is held back). At start-up the file is compared with its last good copy. A config
//   naming another program file is not compared: staff chose another program.
// - Every good file is copied to the state dir (state.h: a folder per config) once the screen
//   has drawn a frame of it (shown()); at start-up a broken or missing file is replaced by that
//   copy, and a config with no copy by the built-in defaults. The screen is never blank.
// - A program version not shown before is on trial: its SHA-256 is written to the state dir's
//   trying marker before the screen gets it, and cleared once a frame of it is drawn. A start
//   that finds the marker naming the file's version (the last run died or hung showing it)
//   refuses that version and shows the last good copy, saying why; a changed file is tried.
// - A room the program does not know (the config's, or --room) is said in last_error with a
//   close name; the screen goes on showing the room it showed before, if the program knows that
//   one (else it says it has nothing to show).
// - A config change that touches how the program is read (its path, the zone, the year) or which
//   corrections apply reloads those with the new config in the same step; whatever one tick
//   loads is published as one Live.
// - Corrections are optional: with data.corrections unset there are none; a broken corrections
//   file is rejected like a program, and the last good corrections stay applied.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/app/state.h"
#include "kiosk/app/state_fs.h"
#include "kiosk/core/config.h"
#include "kiosk/core/corrections.h"
#include "kiosk/core/program.h"
#include "kiosk/core/scheduler.h"

namespace kiosk {

// Time on the caller's monotonic clock; only differences matter.
using Millis = std::chrono::milliseconds;

enum class FileOrigin {
    none,       // nothing usable: no program loaded
    file,       // the file itself
    last_good,  // the state dir's copy, because the file was broken or missing at start-up
    defaults,   // the built-in defaults (config only): no file, or neither it nor a copy parsed
};

const char* to_string(FileOrigin o);

// One of the files the screen runs on, as it is in use now.
struct LoadedFile {
    std::string path;  // as configured: what staff replace
    FileOrigin origin = FileOrigin::none;
    std::string used_path;  // what was read: `path`, or its copy in the state dir
    std::string sha256;     // of the bytes in use
    std::optional<Instant> loaded_at;
    std::optional<std::string> error;  // the latest rejection of `path`; cleared when it loads
    std::optional<Instant> error_at;

    bool operator==(const LoadedFile&) const = default;
};

// Everything the screen runs on. Replaced as a whole on every change and shared read-only, so
// the render loop swaps it in one step; the derived parts (corrected program, schedule) are made
// here, away from the render loop.
struct Live {
    Config config;
    LoadedFile config_file;
    std::shared_ptr<const Program> imported;  // the program file as imported; null: none
    LoadedFile program_file;
    std::shared_ptr<const Corrections> corrections;  // null: none configured or none usable
    LoadedFile corrections_file;

    // Derived from the above whenever one of them changes.
    std::shared_ptr<const Program> program;    // imported, corrected: what the screen shows
    std::shared_ptr<const Schedule> schedule;  // null: no program, or its zone is unknown
    Diagnostics warnings;  // the import's, the corrections' and the scheduler's, with file:line
    std::optional<std::string> schedule_error;  // why there is a program but no schedule
    // Why this screen runs on [screen]'s defaults: the config's [screens] table has no entry
    // for it. Shown to staff on the screen and in the status file.
    std::optional<std::string> screen_error;
    // While the config (or --room) names a room the program does not know: the room shown
    // instead, the last one shown that the program knows ("": its first). None otherwise.
    std::optional<std::string> kept_room;
    std::optional<std::string> room_error;  // why the configured room is not shown
    std::optional<Instant> room_error_at;
    // The SHA-256 of the program file's version held back as cut short; empty: none is.
    std::string held_back_sha256;
    // Why a last good copy could not be saved (a full or read-only state folder); the copy is
    // tried again every 30 s until it is saved. None: every copy is saved.
    std::optional<std::string> state_error;
    std::optional<Instant> state_error_at;
    std::uint64_t generation = 0;  // grows with every replacement
    // Counted while running (start-up's files are not: they are not updates), for the metrics.
    // Each new refusal counts once: the same trouble again is not said again, nor counted.
    std::uint64_t reloads = 0;    // files loaded (config, program, corrections)
    std::uint64_t rejected = 0;   // files refused as broken
    std::uint64_t held_back = 0;  // program versions held back as cut short (update_guard.h)

    // The newest of the files' errors and the room's (ties: program, then corrections, then
    // config, then the room), else why there is no schedule: one line.
    std::optional<std::string> last_error() const;
};

// String keys of the config and their new values ("announcement.text", "Lunch in Hall B").
using ConfigEdits = std::vector<std::pair<std::string, std::string>>;

// An edit of the config file's text (`path` names it in errors): the new text, or why not.
using ConfigTextEdit =
    std::function<Result<std::string>(std::string_view text, const std::string& path)>;

// The program importer, given the file's bytes, its name for diagnostics and the config it is
// read under (zone, year). The app binds the day-page importer and the clock's day to it.
using ProgramImporter =
    std::function<Result<Program>(std::string_view bytes, const std::string& name, const Config&)>;

struct ReloadOptions {
    std::string config_path;                  // empty: no config file, the defaults
    std::optional<std::string> program_path;  // `kiosk run --data`: wins over data.program
    std::optional<std::string> room;          // `kiosk run --room`: wins until staff choose one
    std::string state_dir;                    // resolved (see default_state_dir)
    Millis quiet{300};  // how long a changed file must stay unchanged before it is read
    std::function<void(const std::string&)> log;  // one line per event; may be empty
    std::string screen;  // this screen's name in the config's [screens] table (--screen, else
                         // the machine's host name)
};

class Reloader {
  public:
    Reloader(FileSystem& fs, ProgramImporter import, ReloadOptions options);

    // Loads the config and the program, falling back to the state dir's copies, then to the
    // defaults (config) or to nothing (program). Call once, before anything else.
    void start(Millis now, Instant wall);

    // Looks at the watched files (a stat each) and loads those that changed and have been quiet
    // long enough. True when live() was replaced.
    bool tick(Millis now, Instant wall);

    // When tick must run next to finish a wait for quiet; none: only when a file changes.
    std::optional<Millis> deadline() const;

    // Staff's "reload now": every file is read on the next tick, without waiting for quiet.
    // `why`, when given, is logged first ("SIGHUP: reading the config and its files again").
    void reload_all(const std::string& why = "");

    // Staff's overlay: rewrites string keys and [full] entries (config_edit_keys.h) of the
    // config file in one atomic write (comments kept) and applies them at once; nothing is
    // written when any edit is refused. Choosing a room ends a `--room` override.
    // `unless_changed`: string keys and the values staff last saw; when the file on disk holds
    // another value for one (a push landed meanwhile), nothing is written.
    Result<Done> set_config(const ConfigEdits& edits, Millis now, Instant wall,
                            const ConfigEdits& unless_changed = {});

    // Staff's announcements: `edit` rewrites the config file's text as it is on disk (it refuses
    // what staff did not see), written in one atomic write and applied at once; `what` says what
    // was done, for the log ("added an announcement").
    Result<Done> edit_config(const ConfigTextEdit& edit, const std::string& what, Millis now,
                             Instant wall);

    // Staff's "Accept the held-back program": shows the version of the program file held back
    // as cut short, if the file still holds that version.
    Result<Done> accept_held_back(Millis now, Instant wall);

    // The screen drew a frame of the Live with `generation`: the files it runs on become the last
    // good copies, and a program on trial is no longer (its marker is cleared).
    void shown(std::uint64_t generation);

    // The screen stops on purpose (SIGTERM, a window that would not open, an unknown --room)
    // before drawing the program on trial: that version did not stop the screen, so its marker
    // is cleared. A crash or a hang never gets here, and leaves the marker for the next start.
    void stopping();

    std::shared_ptr<const Live> live() const { return live_; }

    // The files to watch; changes when the config names another program.
    std::vector<std::string> watched_paths() const;

  private:
    // Reads the config file as it is on disk, `edit`s it, writes it atomically, calls `written`
    // and applies it at once; nothing is written when the edit is refused.
    Result<Done> rewrite_config(const ConfigTextEdit& edit, const std::function<void()>& written,
                                Millis now, Instant wall);
    struct Watched {
        std::string path;  // empty: nothing to watch (no config file, no corrections)
        FileStamp seen;    // the latest stamp tick saw
        Millis changed_at{0};
        bool pending = false;  // changed since last read
        bool force = false;    // read on the next tick, quiet or not
    };
    enum class Slot { config, program, corrections };

    void start_config(Live& next, Instant wall);
    void start_corrections(Live& next, Instant wall);
    void start_program(Live& next, Instant wall);
    // Saves `bytes` as `copy` once the next Live is shown (shown()), not before.
    void keep_copy(const std::string& copy, const std::string& bytes);
    // Copies that could not be saved yet (path -> bytes, why not), tried again by tick
    // (retry_copies); the first one's why, for last_error.
    std::map<std::string, std::pair<std::string, std::string>> unsaved_;
    std::optional<std::string> unsaved_error_;
    Millis unsaved_retry_at_{0};
    void retry_copies(Millis now);
    // The copies' state into `next`: the error while any is unsaved, with when it began; true
    // when that changed `next`.
    bool note_copies(Live& next, Instant wall) const;
    void save_copy(const std::string& copy, const std::string& bytes);
    void try_program(const std::string& sha256);
    void end_trial();  // clears the marker
    // Why the program file's version at `path` is refused (it stopped the screen last time it
    // was shown); none when it is not.
    std::optional<std::string> refused(const std::string& path);
    void observe(Watched& w, Millis now);
    bool ready(const Watched& w, Millis now) const;
    Watched& watched(Slot slot);
    // Each reads its file into `next`; true when `next` changed.
    bool load_config(Live& next, Instant wall);
    bool load_program(Live& next, Instant wall, bool forced);
    bool load_corrections(Live& next, Instant wall);
    // `held_back`: a version held back as cut short, not a broken file (counted apart).
    bool reject(Live& next, Slot slot, const std::string& message, Instant wall,
                const std::string& after = "", bool held_back = false);
    std::optional<std::string> held_back(const Live& next, const std::string& path,
                                         const std::string& bytes, const Program& update,
                                         const std::string& sha256, std::string_view shown) const;
    std::string accept_hint(const std::string& path) const;
    void use_program(Live& next, Program program, std::string bytes, LoadedFile file);
    void retarget(Slot slot, const std::string& path);
    void watch_marker();
    void derive(Live& next, Instant wall);
    void check_room(Live& next, Instant wall) const;
    void note_room_source(const std::string& config_text, const std::string& config_file);
    void publish(Live next);
    void log(const std::string& line) const;
    Config with_overrides(Config c, Live& next) const;
    std::string program_path(const Config& c) const;

    FileSystem& fs_;
    ProgramImporter import_;
    ReloadOptions options_;
    StateDir state_;
    std::shared_ptr<const Live> live_;
    Watched config_;
    Watched program_;
    Watched corrections_;
    std::string program_bytes_;    // the bytes of the program in use, to compare updates with
    std::string accepted_sha256_;  // the version staff accepted on the overlay
    FileStamp marker_seen_;        // the accept marker beside the program, as last seen
    std::string room_source_;      // where the room is set: "--room", or "kiosk.toml:4"
    struct UnshownCopy {
        std::uint64_t generation = 0;  // saved once a Live this new is shown
        std::string copy;
        std::string bytes;
    };
    std::vector<UnshownCopy> unshown_;
    std::string good_sha256_;    // the program's last good copy, as saved
    std::string trying_sha256_;  // the program version on trial; empty: none
    std::uint64_t trying_generation_ = 0;
    std::string refused_sha256_;  // the version that stopped the screen at the last run
};

}  // namespace kiosk
