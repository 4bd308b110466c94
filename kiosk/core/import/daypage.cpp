// The day-page importer's entry point (grammar in daypage.h): bytes checked and cut into valid
// UTF-8 lines, read (daypage_reader.cpp), then placed in the page's zone.
//
// The importer's other files:
//   daypage_grammar.h       what one line or phrase says, shared by the files below
//   daypage_dates.cpp       "Mon 29 Aug 08:45 a.m.", clock times in prose, misspelled dates,
//                           year resolution
//   daypage_lines.cpp       noise, room markers, speakers, headers, kinds; rooms and ends in prose
//   daypage_reader.h/.cpp   one pass over the lines, building sessions
#include "kiosk/core/import/daypage.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>

#include <date/tz.h>

#include "kiosk/core/import/daypage_reader.h"
#include "kiosk/core/names.h"
#include "kiosk/core/time.h"

namespace kiosk {

namespace {

using daypage_detail::quoted;
using daypage_detail::Reader;
using daypage_detail::SessionDraft;
using daypage_detail::Sink;

// Why the bytes cannot be a day page at all, before any line is read: nothing, UTF-16, binary.
std::optional<Diagnostic> unreadable(std::string_view bytes, const std::string& file) {
    if (bytes.empty()) {
        return Diagnostic{file, 0, Severity::error,
                          "the file is empty; expected the text of a day page"};
    }
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        return Diagnostic{file, 0, Severity::error,
                          "the file is UTF-16 text; save it as UTF-8 and try again"};
    }
    if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size())) {
        auto at = static_cast<std::size_t>(static_cast<const char*>(nul) - bytes.data());
        int line = 1 + static_cast<int>(std::count(
                           bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
        return Diagnostic{file, line, Severity::error,
                          "binary data (a NUL byte); the file was rejected: expected the text of a "
                          "day page"};
    }
    return std::nullopt;
}

// Feeds the reader every line, trimmed, with invalid UTF-8 and control bytes repaired (said once,
// at the first such line, with how many there were). Lines end at "\n", "\r\n" or a lone "\r".
void read_lines(std::string_view bytes, Reader& reader, Sink& sink) {
    std::string repaired;
    std::size_t bad_lines = 0;
    int first_bad_line = 0;
    unsigned char first_bad_byte = 0;
    int number = 0;
    std::size_t p = 0;
    while (p < bytes.size()) {
        ++number;
        std::size_t e = p;
        bool needs_repair = false;
        while (e < bytes.size() && bytes[e] != '\n' && bytes[e] != '\r') {
            auto c = static_cast<unsigned char>(bytes[e]);
            needs_repair |= c < 0x20 || c >= 0x7F;
            ++e;
        }
        std::string_view raw = bytes.substr(p, e - p);
        bool cut = e >= bytes.size();  // the last line has no line break
        p = e;
        if (p < bytes.size() && bytes[p] == '\r') ++p;
        if (e < bytes.size() && bytes[e] == '\r' && p < bytes.size() && bytes[p] == '\n')
            ++p;
        else if (e < bytes.size() && bytes[e] == '\n')
            ++p;
        if (needs_repair) {
            repaired.clear();
            Utf8Repair r = append_valid_utf8(raw, repaired);
            if (r.replaced > 0) {
                if (bad_lines++ == 0) {
                    first_bad_line = number;
                    first_bad_byte = r.first_bad_byte;
                }
            }
            raw = repaired;
        }
        reader.line(trim(raw), number, cut && !raw.empty());
    }
    if (bad_lines > 0) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", first_bad_byte);
        sink.warn(first_bad_line, std::string("invalid UTF-8 or control bytes (first ") + hex +
                                      ") replaced with U+FFFD on " + std::to_string(bad_lines) +
                                      (bad_lines == 1 ? " line" : " lines") +
                                      ", the first of them this one");
    }
}

// The zone: the page's Timezone line wins, else the venue's. None, with `why` filled, when
// neither names a zone the database knows. `unnamed`: the page has no Timezone line at all, so
// the venue's zone was taken without a word from the page.
const date::time_zone* page_zone(const Reader& reader, const ImportOptions& options, Sink& sink,
                                 std::string& why, bool& unnamed) {
    unnamed = !reader.timezone_line();
    if (const auto& z = reader.timezone_line()) {
        auto found = find_zone(z->first);
        if (found) return *found;
        sink.warn(z->second,
                  "unknown time zone " + quoted(z->first) +
                      (options.fallback_timezone.empty()
                           ? std::string()
                           : "; using " + options.fallback_timezone + " (venue.timezone)"));
    }
    if (options.fallback_timezone.empty()) {
        why =
            "no time zone: the page has no 'Timezone:' line and no venue time zone was given "
            "(venue.timezone in the config, or --timezone)";
        return nullptr;
    }
    auto found = find_zone(options.fallback_timezone);
    if (!found) {
        why = found.error().front().message + " (venue.timezone)";
        return nullptr;
    }
    return *found;
}

// DST policy for times printed on a page: a repeated hour means its first occurrence (as for
// `--at`); a skipped hour means the moment the clocks jump, with a warning.
Instant to_instant(date::local_days day, int minutes_after_midnight, const date::time_zone& zone,
                   Sink& sink, int line) {
    auto local = date::local_seconds{day} + std::chrono::minutes{minutes_after_midnight};
    auto info = zone.get_info(local);
    if (info.result == date::local_info::nonexistent) {
        Instant jump = info.second.begin;
        sink.warn(line, date::format("%a %d %b %H:%M", local) + " does not exist in " +
                            std::string(zone.name()) + " (the clocks jump forward); read as " +
                            date::format("%H:%M", zone.to_local(jump)));
        return jump;
    }
    return Instant{local.time_since_epoch() - info.first.offset};
}

// The sessions as the screen sees them: instants in the page's zone, prose rooms spelled as the
// room markers spell them.
Program place_sessions(std::vector<SessionDraft> drafts, const date::time_zone& zone, Sink& sink) {
    Program program;
    program.timezone = std::string(zone.name());
    // Prose rooms take the spelling of a marker room they match ("mission city ballroom").
    std::map<std::string, std::string> rooms;  // fold_name -> as written
    for (const auto& d : drafts) {
        for (const auto& t : d.session.talks) {
            if (t.room) rooms.emplace(fold_name(*t.room), *t.room);
        }
    }
    for (auto& d : drafts) {
        Session& s = d.session;
        if (s.room && s.room_origin == Origin::from_prose) {
            if (auto it = rooms.find(fold_name(*s.room)); it != rooms.end()) s.room = it->second;
        }
        s.day = d.day;
        if (d.day && d.start_minutes) {
            s.start = to_instant(*d.day, *d.start_minutes, zone, sink, s.source.line);
            if (d.end_minutes) {
                s.end = to_instant(*d.day, *d.end_minutes, zone, sink, s.source.line);
            }
        }
        program.sessions.push_back(std::move(s));
    }
    return program;
}

}  // namespace

Result<Program> import_day_page(std::string_view bytes, const ImportOptions& options) {
    if (auto why = unreadable(bytes, options.file_name)) return fail(std::move(*why));
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);  // UTF-8 byte order mark

    Sink sink(options.file_name);
    Reader reader(options, sink);
    read_lines(bytes, reader, sink);
    std::vector<SessionDraft> drafts = reader.finish();

    // The reason first, then what was said on the way (an unknown zone, skipped lines).
    auto fail_with = [&](std::string message) {
        Diagnostics ds{{options.file_name, 0, Severity::error, std::move(message)}};
        Diagnostics rest = sink.take();
        ds.insert(ds.end(), rest.begin(), rest.end());
        return fail(std::move(ds));
    };
    std::string why;
    bool unnamed_zone = false;
    const date::time_zone* zone = page_zone(reader, options, sink, why, unnamed_zone);
    if (zone == nullptr) return fail_with(std::move(why));

    // Untimed entries alone ("Invited Talk: Kunle Olukotun") cannot make a screen: at least one
    // session must have a day and a time.
    if (std::none_of(drafts.begin(), drafts.end(),
                     [](const SessionDraft& d) { return d.start_minutes.has_value(); })) {
        if (!reader.year_misfits().empty() && options.year) {
            // Every header was there, but in another year than data.year: say which one.
            std::string fits;
            for (int y : reader.year_misfits()) {
                fits += (fits.empty() ? "" : " and ") + std::to_string(y);
            }
            return fail_with(
                "no sessions found: none of the page's dates falls on its weekday in " +
                std::to_string(*options.year) + " (data.year); they do in " + fits +
                ": set data.year to " + std::to_string(reader.year_misfits().front()) +
                ", or remove it so that each date takes its nearest year");
        }
        return fail_with(
            "no sessions found: expected headers such as 'Oral: Outstanding Papers Mon 29 Aug "
            "08:45 a.m.'; nothing to show");
    }
    if (unnamed_zone) {
        // Said only when times were read in it; where the page names an unknown zone, the
        // message about that zone already says which one was used instead.
        sink.warn(0, "the page names no time zone (no 'Timezone:' line); read in " +
                         std::string(zone->name()) + ", the config's venue.timezone");
    }

    Program program = place_sessions(std::move(drafts), *zone, sink);
    program.warnings = sink.take();
    return program;
}

// Binary is told from text as git and diff tell it: a NUL byte in the first 8000 bytes. UTF-16
// text is full of NULs but is let through, so the importer can say how to save it as UTF-8; a
// NUL further on is the importer's to report, with its line.
bool DayPageImporter::recognises(std::string_view bytes) const {
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return true;
    constexpr std::size_t sniff_bytes = 8000;
    return bytes.substr(0, sniff_bytes).find('\0') == std::string_view::npos;
}

}  // namespace kiosk
