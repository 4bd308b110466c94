// Reads c3voc/pretalx schedule.json with nlohmann::json into the shared RawSchedule
// (schedule_common.h).
//
// Lines: nlohmann::json keeps no positions for parsed values, so an event's line is found in the
// text afterwards: the first occurrence of its guid in quotes after the previous event's
// position (events are read in file order), else of `"id": <its id>`, else the previous event's
// line. pretalx writes its schedule.json on one line, where every line is 1; indented files
// (c3voc's tools, frab) get the line of the event's guid.
#include "kiosk/core/import/schedule_json.h"

#include <cstddef>
#include <exception>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kiosk/core/import/schedule_common.h"
#include "kiosk/core/import/text.h"

namespace kiosk {
namespace {

// Object keys in file order: the rooms of a day are listed in the exporter's order, and sessions
// stay in source order.
using Json = nlohmann::ordered_json;

// How far `recognises` reads: pretalx puts "$schema" and "generator" before "schedule", frab
// "version" and "base_url" before "conference"; all of them are short.
constexpr std::size_t recognise_window = 64 * 1024;

// Reads the start of the text as JSON events and stops as soon as it has seen
// {"schedule": {… "conference": …}} at the top, or anything else at the top.
class Probe {
  public:
    bool found() const { return found_; }

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(Json::number_integer_t) { return true; }
    bool number_unsigned(Json::number_unsigned_t) { return true; }
    bool number_float(Json::number_float_t, const Json::string_t&) { return true; }
    bool string(Json::string_t&) { return true; }
    bool binary(Json::binary_t&) { return true; }
    bool start_object(std::size_t) {
        if (depth_ == 0) top_is_object_ = true;
        ++depth_;
        if (depth_ == 2 && key1_ == "schedule") in_schedule_ = true;
        return true;
    }
    bool key(Json::string_t& k) {
        if (depth_ == 1) key1_ = k;
        if (depth_ == 2 && in_schedule_ && k == "conference") {
            found_ = true;
            return false;  // seen enough
        }
        return true;
    }
    bool end_object() {
        if (depth_ == 2) in_schedule_ = false;
        --depth_;
        return depth_ > 0;
    }
    bool start_array(std::size_t) {
        ++depth_;
        return top_is_object_;  // a top-level array is not a schedule
    }
    bool end_array() {
        --depth_;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
        return false;
    }

  private:
    int depth_ = 0;
    bool top_is_object_ = false;
    bool in_schedule_ = false;
    bool found_ = false;
    std::string key1_;
};

bool is_schedule_json(std::string_view b) {
    std::string_view window = b.substr(0, recognise_window);
    std::string_view start = window;
    if (start.starts_with("\xEF\xBB\xBF")) start.remove_prefix(3);
    start = trim(start);
    if (!start.starts_with("{")) return false;
    Probe probe;
    Json::sax_parse(window.data(), window.data() + window.size(), &probe,
                    nlohmann::detail::input_format_t::json, /*strict=*/false);
    return probe.found();
}

// Finds the lines of values in the text (see the top of the file).
class Locator {
  public:
    explicit Locator(std::string_view text) : text_(text), lines_(text) {}

    // The line of the first occurrence of `needle` (or 0 when there is none).
    int line_of(std::string_view needle) const {
        std::size_t at = text_.find(needle);
        return at == std::string_view::npos ? 0 : lines_.line_at(at);
    }

    int event(const std::string& guid, const std::string& id) {
        std::size_t at = std::string_view::npos;
        if (!guid.empty()) at = find('"' + guid + '"');
        if (at == std::string_view::npos && !id.empty()) at = find_id(id);
        if (at != std::string_view::npos) cursor_ = at + 1;
        return lines_.line_at(cursor_ == 0 ? 0 : cursor_ - 1);
    }

    // The line the reading has come to: the previous event's.
    int here() const { return lines_.line_at(cursor_ == 0 ? 0 : cursor_ - 1); }

  private:
    // Searches run from the cursor, which only moves forward, so finding every event costs one
    // pass over the text. A search that fails reads to the end: a file of many events whose
    // guids are written differently (escaped) would cost the square of its size, so failed
    // searches share a budget of a few passes; once it is spent, events get the previous line.
    bool affordable() const { return spent_ <= 4 * text_.size(); }

    std::size_t find(const std::string& needle) {
        if (!affordable()) return std::string_view::npos;
        std::size_t at = text_.find(needle, cursor_);
        spent_ += (at == std::string_view::npos ? text_.size() : at) - cursor_;
        return at;
    }

    // `"id": 1001` or `"id": "1001"` after the cursor.
    std::size_t find_id(const std::string& id) {
        if (!affordable()) return std::string_view::npos;
        std::size_t at = search_id(id);
        spent_ += (at == std::string_view::npos ? text_.size() : at) - cursor_;
        return at;
    }

    std::size_t search_id(const std::string& id) const {
        for (std::size_t k = text_.find("\"id\"", cursor_); k != std::string_view::npos;
             k = text_.find("\"id\"", k + 1)) {
            std::size_t p = k + 4;
            while (p < text_.size() && is_ascii_space(text_[p])) ++p;
            if (p >= text_.size() || text_[p] != ':') continue;
            ++p;
            while (p < text_.size() && is_ascii_space(text_[p])) ++p;
            bool quote = p < text_.size() && text_[p] == '"';
            if (quote) ++p;
            if (text_.substr(p, id.size()) != id) continue;
            p += id.size();
            if (p < text_.size() && (quote ? text_[p] == '"' : !is_ascii_digit(text_[p]))) {
                return k;
            }
        }
        return std::string_view::npos;
    }

    std::string_view text_;
    schedule::LineIndex lines_;
    std::size_t cursor_ = 0;
    std::size_t spent_ = 0;  // bytes read by searches
};

const char* type_of(const Json& v) {
    switch (v.type()) {
        case Json::value_t::object:
            return "an object";
        case Json::value_t::array:
            return "a list";
        case Json::value_t::boolean:
            return "true or false";
        default:
            return "not text";
    }
}

// Reads the fields of one file's objects, warning about values of the wrong type.
class Fields {
  public:
    explicit Fields(schedule::Sink& sink) : sink_(sink) {}

    // Text as it stands, a number as written (frab's "id": 1001); "" for null or missing.
    std::string text(const Json& object, const char* key, int line, std::string_view owner) {
        auto it = object.find(key);
        if (it == object.end() || it->is_null()) return {};
        if (it->is_string()) return it->get_ref<const std::string&>();
        if (it->is_number()) return it->dump();
        sink_.warn(line, std::string(owner) + ": \"" + key + "\" is " + type_of(*it) +
                             ", expected text; ignored");
        return {};
    }

  private:
    schedule::Sink& sink_;
};

// A person: {"public_name": …} (frab, older pretalx) or {"name": …} (pretalx), or plain text.
std::string person_name(const Json& p) {
    if (p.is_string()) return p.get<std::string>();
    if (!p.is_object()) return {};
    for (const char* key : {"public_name", "name"}) {
        auto it = p.find(key);
        if (it != p.end() && it->is_string() && !trim(it->get_ref<const std::string&>()).empty()) {
            return it->get<std::string>();
        }
    }
    return {};
}

schedule::RawEvent read_event(const Json& e, const std::string& room_name, Locator& locate,
                              Fields& fields) {
    schedule::RawEvent ev;
    // The guid and id first: they find the event's line for every other message.
    auto plain = [&](const char* key) {
        auto it = e.find(key);
        if (it == e.end()) return std::string();
        if (it->is_string()) return it->get<std::string>();
        return it->is_number() ? it->dump() : std::string();
    };
    ev.line = locate.event(plain("guid"), plain("id"));
    std::string owner = "event";
    if (auto t = e.find("title"); t != e.end() && t->is_string()) {
        owner = "event " + schedule::quoted(t->get_ref<const std::string&>());
    }
    ev.guid = fields.text(e, "guid", ev.line, owner);
    ev.id = fields.text(e, "id", ev.line, owner);
    ev.title = fields.text(e, "title", ev.line, owner);
    ev.subtitle = fields.text(e, "subtitle", ev.line, owner);
    ev.type = fields.text(e, "type", ev.line, owner);
    ev.track = fields.text(e, "track", ev.line, owner);
    ev.language = fields.text(e, "language", ev.line, owner);
    ev.abstract = fields.text(e, "abstract", ev.line, owner);
    ev.description = fields.text(e, "description", ev.line, owner);
    ev.room = fields.text(e, "room", ev.line, owner);
    if (trim(ev.room).empty()) ev.room = room_name;
    ev.date = fields.text(e, "date", ev.line, owner);
    ev.start = fields.text(e, "start", ev.line, owner);
    ev.duration = fields.text(e, "duration", ev.line, owner);
    ev.end = fields.text(e, "end", ev.line, owner);
    if (auto persons = e.find("persons"); persons != e.end() && persons->is_array()) {
        for (const auto& p : *persons) ev.persons.push_back(person_name(p));
    }
    return ev;
}

Result<Program> import_json(std::string_view bytes, const ImportOptions& options) {
    schedule::Sink sink(options.file_name);
    if (trim(bytes).empty()) return sink.fail(0, "the file is empty; expected a schedule.json");
    if (bytes.size() > schedule::max_file_bytes) {
        return sink.fail(0, "the file is " + std::to_string(bytes.size() >> 20) +
                                " MB; a schedule.json of more than " +
                                std::to_string(schedule::max_file_bytes >> 20) + " MB is not read");
    }
    Locator locate(bytes);
    schedule::LineIndex lines(bytes);
    Json doc;
    try {
        doc = Json::parse(bytes.begin(), bytes.end());
    } catch (const Json::parse_error& e) {
        // e.what(): "[json.exception.parse_error.101] parse error at line 3, column 5: syntax
        // error while parsing object - unexpected end of input; expected '}'". The file and line
        // are said by the diagnostic; the column and the reason are kept.
        std::string what = e.what();
        std::string reason = what;
        if (auto at = what.find("parse error at line "); at != std::string::npos) {
            if (auto colon = what.find(": ", at); colon != std::string::npos) {
                reason = what.substr(colon + 2);
                if (auto col = what.find(", column ", at);
                    col != std::string::npos && col < colon) {
                    reason = what.substr(col + 2, colon - col - 2) + ": " + reason;
                }
            }
        }
        std::size_t at = e.byte == 0 ? 0 : e.byte - 1;  // `byte` counts from 1
        std::string message = "not valid JSON (" + reason + ")";
        // A file cut short fails at (or just past) its last byte, whatever it was cut inside.
        std::size_t last = bytes.find_last_not_of(" \t\r\n");
        if (last == std::string_view::npos || at + 1 >= last) {
            message += ": the file ends before its JSON does; was it cut short?";
        }
        return sink.fail(lines.line_at(at), message);
    }

    if (!doc.is_object()) {
        return sink.fail(1, std::string("not a schedule.json: the top level is ") + type_of(doc) +
                                ", expected an object with \"schedule\"");
    }
    auto sch = doc.find("schedule");
    if (sch == doc.end() || !sch->is_object()) {
        return sink.fail(locate.line_of("\"schedule\""),
                         "not a schedule.json: no \"schedule\" object at the top level");
    }
    auto conf = sch->find("conference");
    if (conf == sch->end() || !conf->is_object()) {
        return sink.fail(locate.line_of("\"conference\""),
                         "not a schedule.json: no \"conference\" object in \"schedule\"");
    }

    schedule::RawSchedule raw;
    if (auto zone = conf->find("time_zone_name"); zone != conf->end() && !zone->is_null()) {
        raw.time_zone_line = locate.line_of("\"time_zone_name\"");
        if (!zone->is_string()) {
            return sink.fail(raw.time_zone_line, std::string("time_zone_name is ") +
                                                     type_of(*zone) +
                                                     ", expected a name such as Europe/Berlin");
        }
        raw.time_zone_name = zone->get<std::string>();
    }
    Fields fields(sink);
    if (auto tracks = conf->find("tracks"); tracks != conf->end() && tracks->is_array()) {
        int line = locate.line_of("\"tracks\"");
        for (const auto& t : *tracks) {
            if (!t.is_object()) continue;
            raw.tracks.push_back({line, fields.text(t, "name", line, "a track"),
                                  fields.text(t, "color", line, "a track")});
        }
    }

    auto days = conf->find("days");
    bool any_rooms = false;
    if (days != conf->end() && days->is_array()) {
        for (const auto& d : *days) {
            if (!d.is_object()) continue;
            schedule::RawDay day;
            day.line = locate.here();
            day.date = fields.text(d, "date", day.line, "a day");
            day.start = fields.text(d, "day_start", day.line, "a day");
            auto rooms = d.find("rooms");
            if (rooms == d.end() || !rooms->is_object()) continue;
            any_rooms = true;
            for (const auto& [room_name, events] : rooms->items()) {
                if (!events.is_array()) continue;
                for (const auto& e : events) {
                    if (e.is_object()) {
                        day.events.push_back(read_event(e, room_name, locate, fields));
                    }
                }
            }
            raw.days.push_back(std::move(day));
        }
    }
    if (!any_rooms) {
        if (auto events = sch->find("events"); events != sch->end() && events->is_array()) {
            return sink.fail(locate.line_of("\"events\""),
                             "this schedule.json lists its events in schedule.events (the c3voc "
                             "schema 2 layout), which kiosk does not read yet; export the "
                             "frab-compatible schedule.json (days with rooms)");
        }
    }
    return schedule::to_program(std::move(raw), options, sink, "schedule.json");
}

class ScheduleJsonImporter final : public Importer {
  public:
    std::string_view name() const override { return "c3voc/pretalx schedule.json"; }

    bool recognises(std::string_view bytes) const override { return is_schedule_json(bytes); }

    Result<Program> import(std::string_view bytes, const ImportOptions& options) const override {
        try {
            return import_json(bytes, options);
        } catch (const std::exception& e) {
            // Only memory can run out here; the interface promises a value, never a throw.
            return fail(Diagnostic{options.file_name, 0, Severity::error,
                                   std::string("could not read the file: ") + e.what()});
        }
    }
};

}  // namespace

const Importer& schedule_json_importer() {
    static const ScheduleJsonImporter instance;
    return instance;
}

}  // namespace kiosk
