// The metrics file's text and its rewrite policy (see metrics.h).
#include "kiosk/app/metrics.h"

#include <charconv>
#include <filesystem>
#include <initializer_list>
#include <utility>

#include "kiosk/core/import/text.h"

namespace kiosk {

namespace {

// A refused file's message can quote a whole line of it; a label that long helps nobody on a
// dashboard, and every new message is a new series.
constexpr std::size_t max_message_bytes = 300;

using Label = std::pair<std::string_view, std::string_view>;

// Seconds since the epoch, as Prometheus' own *_timestamp_seconds metrics give them.
std::string seconds(Instant t) { return std::to_string(t.time_since_epoch().count()); }

// The shortest text that reads back as the same double ("0.0123", "1e-05").
std::string number(double v) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc{} ? std::string(buf, end) : "NaN";
}

// The file as it is built: one family (HELP, TYPE) after another, each with its samples. Every
// sample carries the screen's label first.
class Exposition {
  public:
    explicit Exposition(std::string_view screen)
        : screen_("screen=\"" + escape_label_value(screen) + "\"") {}

    Exposition& family(std::string_view name, std::string_view type, std::string_view help) {
        text_.append("# HELP ").append(name).append(" ").append(help).append("\n");
        text_.append("# TYPE ").append(name).append(" ").append(type).append("\n");
        return *this;
    }
    Exposition& sample(std::string_view name, const std::string& value,
                       std::initializer_list<Label> labels = {}) {
        text_.append(name).append("{").append(screen_);
        for (const auto& [label, v] : labels) {
            text_.append(",").append(label).append("=\"").append(escape_label_value(v));
            text_.append("\"");
        }
        text_.append("} ").append(value).append("\n");
        return *this;
    }
    std::string take() { return std::move(text_); }

  private:
    std::string screen_;
    std::string text_;
};

// The program in use and how it came to be: the families that describe the Live.
void files(Exposition& out, const Live& live) {
    const LoadedFile& program = live.program_file;
    out.family("kiosk_program_info", "gauge",
               "The program file in use (path as configured), the SHA-256 of the bytes in use, "
               "and where they came from: file, last_good (the state folder's copy, the file "
               "being broken or missing at start-up) or none (no program loaded).")
        .sample("kiosk_program_info", "1",
                {{"path", program.path},
                 {"sha256", program.sha256},
                 {"origin", to_string(program.origin)}});
    out.family("kiosk_program_loaded_timestamp_seconds", "gauge",
               "When the program in use was loaded, in seconds since the epoch.");
    if (live.program && program.loaded_at) {
        out.sample("kiosk_program_loaded_timestamp_seconds", seconds(*program.loaded_at));
    }
    out.family("kiosk_program_warnings", "gauge",
               "Warnings about the program in use: its import, the corrections, the scheduler.")
        .sample("kiosk_program_warnings", std::to_string(live.warnings.size()));
    out.family("kiosk_last_error_info", "gauge",
               "Why the newest refused file (config, program, corrections) was refused; no "
               "series while every file is in use.");
    if (auto error = live.last_error()) {
        std::string message(utf8_prefix(*error, max_message_bytes));
        if (message.size() < error->size()) message += "…";
        out.sample("kiosk_last_error_info", "1", {{"message", message}});
    }
    out.family("kiosk_reloads_total", "counter",
               "Files (config, program, corrections) loaded while running, start-up's not "
               "counted.")
        .sample("kiosk_reloads_total", std::to_string(live.reloads));
    out.family("kiosk_rejected_updates_total", "counter",
               "New versions of the files refused while running, the screen keeping what it had: "
               "reason broken (the file does not load) or held_back (a program that looks cut "
               "short, until staff accept it).")
        .sample("kiosk_rejected_updates_total", std::to_string(live.rejected),
                {{"reason", "broken"}})
        .sample("kiosk_rejected_updates_total", std::to_string(live.held_back),
                {{"reason", "held_back"}});
}

// What is on screen: the families that describe the render loop's state.
void screen_families(Exposition& out, const ScreenState& screen) {
    out.family("kiosk_slide_info", "gauge",
               "The slide on screen when the file was written, and the room it shows.");
    if (!screen.slide.empty()) {
        out.sample("kiosk_slide_info", "1", {{"slide", screen.slide}, {"room", screen.room}});
    }
    out.family("kiosk_clock_simulated", "gauge",
               "1 while the screen shows a rehearsal clock (--now, --speed, the staff overlay) "
               "instead of the real time.")
        .sample("kiosk_clock_simulated", screen.simulated ? "1" : "0");
    out.family("kiosk_frame_seconds", "summary", "Time taken to draw and show a frame.")
        .sample("kiosk_frame_seconds_sum", number(screen.frames.seconds))
        .sample("kiosk_frame_seconds_count", std::to_string(screen.frames.count));
    // Gauges that move only when a line is rendered or evicted, not with every frame: a change
    // rewrites the file, as a new slide does.
    out.family("kiosk_text_cache_entries", "gauge",
               "Lines of text the screen keeps rendered as pictures, to draw them again without "
               "shaping them again.")
        .sample("kiosk_text_cache_entries", std::to_string(screen.text_cache.entries));
    out.family("kiosk_text_cache_bytes", "gauge",
               "Bytes of the pixels of those lines, at four bytes a pixel; held under the cache's "
               "budget beyond what the latest frame drew.")
        .sample("kiosk_text_cache_bytes", std::to_string(screen.text_cache.bytes));
}

}  // namespace

std::string escape_label_value(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    std::size_t plain = 0;  // where the run of bytes that need no escape started
    for (std::size_t i = 0; i <= value.size(); ++i) {
        char c = i < value.size() ? value[i] : '\0';
        if (i < value.size() && c != '\\' && c != '"' && c != '\n') continue;
        // The three are ASCII, so a run ends between code points or inside a sequence that was
        // broken anyway.
        append_valid_utf8(value.substr(plain, i - plain), out);
        if (i < value.size()) out += c == '\n' ? "\\n" : c == '"' ? "\\\"" : "\\\\";
        plain = i + 1;
    }
    return out;
}

std::string metrics_text(const Live& live, const ScreenState& screen, const MetricsSource& source,
                         Instant updated_at, bool up) {
    Exposition out(source.screen);
    out.family("kiosk_up", "gauge",
               "1 while the screen runs; 0 once it has stopped cleanly (after a crash the file "
               "keeps 1 and kiosk_status_updated_timestamp_seconds stops moving).")
        .sample("kiosk_up", up ? "1" : "0");
    out.family("kiosk_start_time_seconds", "gauge",
               "When the screen started, in seconds since the epoch.")
        .sample("kiosk_start_time_seconds", seconds(source.started_at));
    out.family("kiosk_status_updated_timestamp_seconds", "gauge",
               "When the screen last wrote this file, in seconds since the epoch: on every "
               "change and at least once a minute while it runs.")
        .sample("kiosk_status_updated_timestamp_seconds", seconds(updated_at));
    files(out, live);
    screen_families(out, screen);
    return out.take();
}

std::string metrics_file_path(const std::string& metrics_dir, const std::string& screen) {
    std::string name = screen.empty() || screen == "." || screen == ".." ? "screen" : screen;
    // A name node_exporter and a shell take as it is.
    for (char& c : name) {
        bool plain = is_ascii_alpha(c) || is_ascii_digit(c) || c == '-' || c == '_' || c == '.';
        if (!plain) c = '_';
    }
    return (std::filesystem::path(metrics_dir) / ("kiosk-" + name + ".prom")).string();
}

bool MetricsFile::update(const Live& live, const ScreenState& screen, Instant wall) {
    return write(live, screen, wall, true);
}

bool MetricsFile::stopped(const Live& live, const ScreenState& screen, Instant wall) {
    return write(live, screen, wall, false);
}

bool MetricsFile::write(const Live& live, const ScreenState& screen, Instant wall, bool up) {
    ScreenState without_times = screen;
    without_times.frames = {};
    return file_.update(
        metrics_text(live, without_times, source_, Instant{}, up),
        [&] { return metrics_text(live, screen, source_, wall, up); }, wall, !up);
}

}  // namespace kiosk
