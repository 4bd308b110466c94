// Holding a program's text to what a screen can show (see limits.h).
#include "kiosk/core/import/limits.h"

#include <string>

#include "kiosk/core/import/text.h"

namespace kiosk {

namespace {

constexpr std::string_view ellipsis = "\u2026";

struct Bounder {
    const TextLimits& limits;
    Diagnostics& warnings;

    void warn(const SourceRef& at, std::string message) {
        warnings.push_back({at.file, at.line, Severity::warning, std::move(message)});
    }

    // "12,345,678"
    static std::string count(std::size_t n) {
        std::string digits = std::to_string(n);
        for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
            digits.insert(static_cast<std::size_t>(i), ",");
        }
        return digits;
    }

    void text(std::string& s, std::size_t max, const SourceRef& at, std::string_view what) {
        if (s.size() <= max) return;
        warn(at, std::string(what) + " is " + count(s.size()) +
                     " bytes; it is shown shortened to " + count(max));
        std::string cut(utf8_prefix(s, max - ellipsis.size()));
        cut += ellipsis;
        s = std::move(cut);  // the long string's memory goes with it
    }

    void text(std::optional<std::string>& s, std::size_t max, const SourceRef& at,
              std::string_view what) {
        if (s) text(*s, max, at, what);
    }

    void names(std::vector<std::string>& list, const SourceRef& at, std::string_view whose) {
        if (list.size() > limits.speakers) {
            warn(at, std::string(whose) + " lists " + count(list.size()) + " speakers; the first " +
                         count(limits.speakers) + " are kept");
            list.resize(limits.speakers);
            list.shrink_to_fit();
        }
        for (auto& n : list) text(n, limits.name, at, std::string(whose) + "'s speaker name");
    }

    void talk(Talk& t) {
        text(t.label, limits.title, t.source, "the talk's label");
        text(t.abstract, limits.prose, t.source, "the talk's abstract");
        text(t.room, limits.name, t.source, "the talk's room");
        names(t.speakers, t.source, "the talk");
    }

    void session(Session& s) {
        text(s.title, limits.title, s.source, "the session's title");
        text(s.subtitle, limits.title, s.source, "the session's subtitle");
        text(s.kind, limits.name, s.source, "the session's kind");
        text(s.room, limits.name, s.source, "the session's room");
        text(s.track, limits.name, s.source, "the session's track");
        text(s.id, limits.name, s.source, "the session's id");
        text(s.language, limits.name, s.source, "the session's language");
        text(s.colour, limits.name, s.source, "the session's colour");
        text(s.description, limits.prose, s.source, "the session's description");
        names(s.speakers, s.source, "the session");
        if (s.talks.size() > limits.talks) {
            warn(s.source, "the session has " + count(s.talks.size()) + " talks; the first " +
                               count(limits.talks) + " are kept");
            s.talks.resize(limits.talks);
            s.talks.shrink_to_fit();
        }
        for (auto& t : s.talks) talk(t);
    }
};

}  // namespace

void bound_program(Program& program, const TextLimits& limits) {
    Bounder b{limits, program.warnings};
    for (auto& s : program.sessions) b.session(s);
}

}  // namespace kiosk
