// The iCalendar importer's outline (see ical_detail.h): unfolded lines, BEGIN/END pairs, lines.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/core/import/ical_detail.h"
#include "kiosk/core/import/text.h"

namespace kiosk::ical_detail {
namespace {

// Deep enough for VCALENDAR > VEVENT > VALARM and VCALENDAR > VTIMEZONE > STANDARD; libical
// frees components recursively, so thousands of nested BEGINs would exhaust the stack.
constexpr std::size_t max_depth = 8;

class OutlineScanner {
  public:
    OutlineScanner(const std::string& file, Diagnostics& warnings)
        : file_(file), warnings_(warnings) {}

    Result<Outline> scan(std::string_view text) {
        std::size_t pos = 0;
        int n = 0;
        std::string logical;  // the content line being unfolded
        int logical_line = 0;
        bool have = false;
        while (pos < text.size() && !stop_) {
            const std::size_t nl = text.find('\n', pos);
            const std::size_t stop = nl == std::string_view::npos ? text.size() : nl;
            std::string_view physical = text.substr(pos, stop - pos);
            if (!physical.empty() && physical.back() == '\r') physical.remove_suffix(1);
            ++n;
            // RFC 5545 §3.1: a line starting with a space or tab continues the one before it.
            // Unfolding is on bytes, so a fold inside a UTF-8 sequence (which some writers make)
            // is joined back whole.
            if (have && !physical.empty() && (physical[0] == ' ' || physical[0] == '\t')) {
                logical.append(physical.substr(1));
            } else {
                if (have) process(logical, logical_line, pos);
                logical.assign(physical);
                logical_line = n;
                have = true;
            }
            // libical reads the text up to its first NUL: a NUL in the calendar would cut it short
            // without a word.
            if (!closed_ && !stop_ && physical.find('\0') != std::string_view::npos) {
                error(n, "binary data (a NUL byte): expected the text of an iCalendar file");
            }
            pos = nl == std::string_view::npos ? text.size() : nl + 1;
        }
        // A last line without its line break is where a download stopped, unless it is the END
        // that closes what is open: "END:VCALE" is not a mismatched END but a file cut short.
        if (have && !stop_ && (closed_ || text.back() == '\n' || closes(logical))) {
            process(logical, logical_line, text.size());
        }
        if (error_) return fail(*error_);
        if (out_.begin_lines.empty()) {
            return fail(Diagnostic{file_, 0, Severity::error,
                                   "no BEGIN:VCALENDAR: this is not an iCalendar file"});
        }
        if (!closed_) {
            const Open& o = open_.back();
            return fail(Diagnostic{file_, n, Severity::error,
                                   "the file ends inside " + o.name + " (BEGIN:" + o.name +
                                       " at line " + std::to_string(o.line) + ", no END:" + o.name +
                                       "): is it cut short?"});
        }
        return out_;
    }

  private:
    struct Open {
        std::string name;
        int line = 0;
    };

    void error(int line, std::string message) {
        if (!error_) error_ = Diagnostic{file_, line, Severity::error, std::move(message)};
        stop_ = true;
    }

    bool closes(std::string_view l) const {
        const std::size_t colon = l.find(':');
        return !open_.empty() && colon != std::string_view::npos &&
               iequals(l.substr(0, colon), "END") &&
               iequals(trim(l.substr(colon + 1)), open_.back().name);
    }

    // One unfolded content line, which began at `line` and ends before byte `end`.
    void process(std::string_view l, int line, std::size_t end) {
        if (trim(l).empty()) return;  // libical skips blank lines too
        if (closed_) {
            warnings_.push_back({file_, line, Severity::warning,
                                 istarts_with(l, "BEGIN:VCALENDAR")
                                     ? "a second calendar begins here; only the first one is read"
                                     : "text after END:VCALENDAR is ignored"});
            stop_ = true;
            return;
        }
        // The name ends at the first ';' (parameters) or ':' (value), as libical reads it.
        const std::size_t colon = l.find(':');
        const std::string_view name = l.substr(0, std::min(l.find(';'), colon));
        const std::string_view value =
            colon == std::string_view::npos ? std::string_view{} : trim(l.substr(colon + 1));
        if (iequals(name, "BEGIN")) {
            if (open_.empty() && !iequals(value, "VCALENDAR")) {
                return error(line, "expected BEGIN:VCALENDAR, found " + quoted(l));
            }
            if (open_.size() == max_depth) {
                return error(line, "components nested more than " + std::to_string(max_depth) +
                                       " deep: this is not a calendar kiosk can read");
            }
            open_.push_back({std::string(value), line});
            out_.begin_lines.push_back(line);
        } else if (iequals(name, "END")) {
            if (open_.empty()) return error(line, "expected BEGIN:VCALENDAR, found " + quoted(l));
            if (!iequals(value, open_.back().name)) {
                return error(line, "END:" + std::string(value) +
                                       " does not close BEGIN:" + open_.back().name + " (line " +
                                       std::to_string(open_.back().line) + ")");
            }
            open_.pop_back();
            if (open_.empty()) {
                closed_ = true;
                out_.calendar_end = end;
            }
        } else if (open_.empty()) {
            error(line, "expected BEGIN:VCALENDAR, found " + quoted(l));
        }
    }

    const std::string& file_;
    Diagnostics& warnings_;
    Outline out_;
    std::vector<Open> open_;
    bool closed_ = false;  // the first calendar has ended
    bool stop_ = false;
    std::optional<Diagnostic> error_;
};

}  // namespace

Result<Outline> scan_outline(std::string_view text, const std::string& file,
                             Diagnostics& warnings) {
    return OutlineScanner(file, warnings).scan(text);
}

}  // namespace kiosk::ical_detail
