// Metrics for Prometheus, as a file for node_exporter's textfile collector: what the status file
// says, in the text exposition format, so a fleet's screens can be graphed and alerted on.
//
//   # HELP kiosk_up 1 while the screen runs; 0 once it has stopped cleanly.
//   # TYPE kiosk_up gauge
//   kiosk_up{screen="hall-a"} 1
//   kiosk_program_info{screen="hall-a",path="…",sha256="…",origin="file"} 1
//   kiosk_last_error_info{screen="hall-a",message="…"} 1     (only while there is one)
//   …
//
// Every series carries `screen`: the screen's name (`--screen NAME`, as kiosk@NAME passes it, else
// the machine's name), the key of its entry in a fleet config's [screens], so the screens of one
// box, and of a fleet scraped through many node_exporters, are told apart. Facts that are text
// (the program's file and hash, the error, the slide) are `_info` series whose value is always 1
// and whose labels say the fact, the way Prometheus' own `*_info` metrics do; a fact that does
// not hold has no series at all, so `kiosk_last_error_info` is there exactly while a file is
// refused, and alerts need no `absent()`.
//
// The file is rewritten atomically (node_exporter reads `*.prom`; the temporary file is a dot
// file it skips) on every change and at least once a minute, never on every frame.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "kiosk/app/heartbeat_file.h"
#include "kiosk/app/reload.h"
#include "kiosk/app/state_fs.h"
#include "kiosk/app/status.h"

namespace kiosk {

// A label value as the exposition format writes it between quotes: backslash, double quote and
// newline escaped (\\, \", \n). Bytes that are not UTF-8 become U+FFFD, since Prometheus refuses
// a file with one (a refused file's error can quote its bytes).
std::string escape_label_value(std::string_view value);

// What the metrics say besides the Live and the screen.
struct MetricsSource {
    std::string screen;  // the `screen` label: the screen's name (--screen, else the host name)
    Instant started_at;  // when the screen started
};

// The whole file. `up` false: the screen has stopped (its last word, kiosk_up 0).
std::string metrics_text(const Live& live, const ScreenState& screen, const MetricsSource& source,
                         Instant updated_at, bool up = true);

// Where the screen named `screen` writes its metrics in `metrics_dir`: kiosk-NAME.prom, NAME the
// screen's name with anything but letters, digits, '-', '_' and '.' made '_' (kiosk@hall-a:
// kiosk-hall-a.prom), since one node_exporter reads one folder for all the screens of a box.
std::string metrics_file_path(const std::string& metrics_dir, const std::string& screen);

class MetricsFile {
  public:
    using Write = HeartbeatFile::Write;

    // Writes `path` atomically, without fsync (as the status file, for the same reasons).
    MetricsFile(std::string path, MetricsSource source)
        : file_(std::move(path)), source_(std::move(source)) {}
    // For tests: where the bytes go.
    MetricsFile(Write write, MetricsSource source)
        : file_(std::move(write)), source_(std::move(source)) {}

    // Rewrites the file if what it says changed (not counting the frame times, which change with
    // every frame), or a minute has passed since the last write. True when written.
    bool update(const Live& live, const ScreenState& screen, Instant wall);
    // The screen is stopping: kiosk_up 0, whatever was written last.
    bool stopped(const Live& live, const ScreenState& screen, Instant wall);

    // When update must run next at the latest, to keep the minute's heartbeat.
    Instant due() const { return file_.due(); }
    const std::optional<std::string>& error() const { return file_.error(); }

  private:
    bool write(const Live& live, const ScreenState& screen, Instant wall, bool up);

    HeartbeatFile file_;
    MetricsSource source_;
};

}  // namespace kiosk
