// The day-page reader: one pass over a page's lines, building sessions; shared by
// daypage_reader.cpp and the entry point in daypage.cpp, not for use elsewhere.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <date/date.h>

#include "kiosk/core/diagnostic.h"
#include "kiosk/core/import/daypage_grammar.h"
#include "kiosk/core/import/importer.h"
#include "kiosk/core/program.h"

namespace kiosk::daypage_detail {

// Keeps file:line messages, bounded so a 50 MB file of garbage cannot grow them past a few
// hundred.
class Sink {
  public:
    static constexpr std::size_t max_kept = 500;

    explicit Sink(std::string file) : file_(std::move(file)) {}

    void add(int line, Severity severity, std::string message) {
        if (kept_.size() < max_kept) {
            kept_.push_back({file_, line, severity, std::move(message)});
        } else {
            ++dropped_;
        }
    }
    void warn(int line, std::string message) { add(line, Severity::warning, std::move(message)); }
    void error(int line, std::string message) { add(line, Severity::error, std::move(message)); }

    Diagnostics take() {
        if (dropped_ > 0) {
            kept_.push_back({file_, 0, Severity::warning,
                             std::to_string(dropped_) + " more messages like these were not kept"});
        }
        dropped_ = 0;
        return std::move(kept_);
    }
    const std::string& file() const { return file_; }

  private:
    std::string file_;
    Diagnostics kept_;
    std::size_t dropped_ = 0;
};

// Text accumulated for a description or an abstract: a line continues the one before when that
// one did not end a sentence (pages break paragraphs at odd places), else it starts a paragraph.
struct TextBlock {
    std::string text;
    bool open = false;  // the last line did not end a sentence

    void add(std::string_view line, bool after_blank) {
        if (text.empty()) {
            text = line;
        } else if (!after_blank && (open || is_ascii_lower(line.front()))) {
            text += ' ';
            text += line;
        } else {
            text += '\n';
            text += line;
        }
        open = !ends_sentence(line);
    }
};

struct TalkDraft {
    std::string room;
    std::vector<std::string> speakers;
    TextBlock abstract;
    int line = 0;
};

// A session as read, before its times become instants (that needs the zone, which a page may
// name anywhere).
struct SessionDraft {
    Session session;
    std::optional<date::local_days> day;
    std::optional<int> start_minutes;  // venue-local, after midnight of `day`
    std::optional<int> end_minutes;    // may pass 24 h: "10 p.m. – 1 a.m."
    TextBlock description;
    std::vector<TalkDraft> talks;
    std::string untimed_name;  // the name an untimed header gave, until the title line decides
};

enum class Expect {
    title,     // after "Invited Talk: Kunle Olukotun": the next line is the title
    speakers,  // right after a header, a title line or a room marker
    text,      // anything else: the next line is description or abstract
};

class Reader {
  public:
    Reader(const ImportOptions& options, Sink& sink) : options_(options), sink_(sink) {}

    // One line, trimmed and valid UTF-8; `last_line_cut`: the file ends inside it.
    void line(std::string_view s, int number, bool last_line_cut);
    std::vector<SessionDraft> finish() {
        close_orphans();
        close_session();
        return std::move(done_);
    }
    // The page's "Timezone:" line: the zone's name and the line number.
    const std::optional<std::pair<std::string, int>>& timezone_line() const { return zone_; }
    // The years that dates the pinned year (data.year) does not fit do fit, each once, in the
    // order met: what to suggest when no date could be read.
    const std::vector<int>& year_misfits() const { return year_misfits_; }

  private:
    // Each takes the line when it is of its kind and says whether it did.
    bool zone_line(std::string_view s, int number);
    bool dated_line(std::string_view s, int number, bool last_line_cut);
    void marker_line(std::string_view room, int number);
    void body_line(std::string_view s, bool after_blank);

    void header(const HeaderText& h, const When& w, std::string_view when_text, int number);
    void untimed(const HeaderText& h, int number);
    void text(std::string_view s, bool after_blank);
    void orphan(int number);
    void close_orphans();
    void close_session();
    void attach_leftover(std::string_view leftover, int number);
    std::optional<date::local_days> resolve(const When& w, std::string_view date_text, int number,
                                            std::string_view consequence);

    const ImportOptions& options_;
    Sink& sink_;
    std::optional<SessionDraft> current_;
    bool skipping_ = false;  // after a header that could not be read: its lines go with it
    Expect expect_ = Expect::text;
    bool blank_before_ = false;
    std::optional<date::local_days> day_;  // the day of the last header or day heading
    std::optional<std::pair<std::string, int>> zone_;
    std::vector<int> year_misfits_;
    int orphan_first_ = 0;
    int orphan_count_ = 0;
    std::vector<SessionDraft> done_;
};

}  // namespace kiosk::daypage_detail
