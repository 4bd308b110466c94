// Reads frab/pretalx schedule.xml with pugixml into the shared RawSchedule (schedule_common.h).
#include "kiosk/core/import/frab_xml.h"

#include <algorithm>
#include <cstddef>
#include <exception>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "kiosk/core/import/schedule_common.h"
#include "kiosk/core/import/text.h"

namespace kiosk {
namespace {

// How far `recognises` looks: an XML declaration, pretalx's "Made with love" comment and a
// DOCTYPE fit many times over.
constexpr std::size_t recognise_window = 64 * 1024;

// True when the first element of `b` is <schedule>, after an optional byte order mark, XML
// declaration, comments and DOCTYPE.
bool root_is_schedule(std::string_view b) {
    b = b.substr(0, recognise_window);
    if (b.starts_with("\xEF\xBB\xBF")) b.remove_prefix(3);
    std::size_t p = 0;
    while (true) {
        while (p < b.size() && is_ascii_space(b[p])) ++p;
        std::string_view rest = b.substr(p);
        std::size_t e = std::string_view::npos;
        if (rest.starts_with("<?")) {
            e = b.find("?>", p);
            if (e != std::string_view::npos) e += 2;
        } else if (rest.starts_with("<!--")) {
            e = b.find("-->", p);
            if (e != std::string_view::npos) e += 3;
        } else if (rest.starts_with("<!")) {
            // <!DOCTYPE schedule> or with an internal subset: <!DOCTYPE schedule [ … ]>
            e = b.find_first_of("[>", p);
            if (e != std::string_view::npos && b[e] == '[') e = b.find(']', e);
            if (e != std::string_view::npos) e = b.find('>', e);
            if (e != std::string_view::npos) e += 1;
        } else if (rest.starts_with("<")) {
            rest.remove_prefix(1);
            constexpr std::string_view name = "schedule";
            if (!rest.starts_with(name)) return false;
            rest.remove_prefix(name.size());
            return rest.empty() || is_ascii_space(rest.front()) || rest.front() == '>' ||
                   rest.front() == '/';
        }
        if (e == std::string_view::npos) return false;
        p = e;
    }
}

// The text of an element: its text and CDATA children in order; "" when the element is absent.
std::string text_of(pugi::xml_node n) {
    std::string out;
    for (pugi::xml_node c : n.children()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
    }
    return out;
}

class Reader {
  public:
    explicit Reader(std::string_view bytes) : lines_(bytes) {}

    int line(pugi::xml_node n) const {
        std::ptrdiff_t at = n.offset_debug();
        return at < 0 ? 0 : lines_.line_at(static_cast<std::size_t>(at));
    }
    int line_at(std::size_t offset) const { return lines_.line_at(offset); }

    schedule::RawEvent event(pugi::xml_node e, const char* room_name) const {
        schedule::RawEvent ev;
        ev.line = line(e);
        ev.guid = e.attribute("guid").value();
        ev.id = e.attribute("id").value();
        ev.title = text_of(e.child("title"));
        ev.subtitle = text_of(e.child("subtitle"));
        ev.type = text_of(e.child("type"));
        ev.track = text_of(e.child("track"));
        ev.language = text_of(e.child("language"));
        ev.abstract = text_of(e.child("abstract"));
        ev.description = text_of(e.child("description"));
        ev.room = text_of(e.child("room"));
        if (trim(ev.room).empty()) ev.room = room_name;
        ev.date = text_of(e.child("date"));
        ev.start = text_of(e.child("start"));
        ev.duration = text_of(e.child("duration"));
        for (pugi::xml_node p : e.child("persons").children("person")) {
            ev.persons.push_back(text_of(p));
        }
        return ev;
    }

  private:
    schedule::LineIndex lines_;
};

Result<Program> import_xml(std::string_view bytes, const ImportOptions& options) {
    schedule::Sink sink(options.file_name);
    if (trim(bytes).empty()) {
        return sink.fail(0, "the file is empty; expected a frab/pretalx schedule.xml");
    }
    if (bytes.size() > schedule::max_file_bytes) {
        return sink.fail(0, "the file is " + std::to_string(bytes.size() >> 20) +
                                " MB; a schedule.xml of more than " +
                                std::to_string(schedule::max_file_bytes >> 20) + " MB is not read");
    }
    pugi::xml_document doc;
    pugi::xml_parse_result parsed =
        doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_auto);
    Reader reader(bytes);
    if (!parsed) {
        auto at = static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0));
        std::string message = std::string("not well-formed XML (") + parsed.description() + ")";
        // pugixml reports a file cut short at (or just before) its last byte.
        std::size_t last = bytes.find_last_not_of(" \t\r\n");
        if (last == std::string_view::npos || at + 1 >= last) {
            message += ": the file ends before its XML does; was it cut short?";
        }
        return sink.fail(reader.line_at(at), message);
    }
    pugi::xml_node root = doc.document_element();
    if (std::string_view(root.name()) != "schedule") {
        return sink.fail(reader.line(root), std::string("not a frab/pretalx schedule.xml: the "
                                                        "root element is <") +
                                                root.name() + ">, expected <schedule>");
    }

    schedule::RawSchedule raw;
    pugi::xml_node conference = root.child("conference");
    if (pugi::xml_node zone = conference.child("time_zone_name")) {
        raw.time_zone_name = text_of(zone);
        raw.time_zone_line = reader.line(zone);
    }
    // pretalx: <track name="Systems" slug="2-systems" color="#5aa9ff" />
    for (pugi::xml_node t : conference.children("track")) {
        raw.tracks.push_back(
            {reader.line(t), t.attribute("name").value(), t.attribute("color").value()});
    }
    for (pugi::xml_node d : root.children("day")) {
        schedule::RawDay day;
        day.line = reader.line(d);
        day.date = d.attribute("date").value();
        day.start = d.attribute("start").value();
        for (pugi::xml_node room : d.children("room")) {
            for (pugi::xml_node e : room.children("event")) {
                day.events.push_back(reader.event(e, room.attribute("name").value()));
            }
        }
        raw.days.push_back(std::move(day));
    }
    return schedule::to_program(std::move(raw), options, sink, "schedule.xml");
}

class FrabXmlImporter final : public Importer {
  public:
    std::string_view name() const override { return "frab/pretalx XML"; }

    bool recognises(std::string_view bytes) const override { return root_is_schedule(bytes); }

    Result<Program> import(std::string_view bytes, const ImportOptions& options) const override {
        try {
            return import_xml(bytes, options);
        } catch (const std::exception& e) {
            // Only memory can run out here; the interface promises a value, never a throw.
            return fail(Diagnostic{options.file_name, 0, Severity::error,
                                   std::string("could not read the file: ") + e.what()});
        }
    }
};

}  // namespace

const Importer& frab_xml_importer() {
    static const FrabXmlImporter instance;
    return instance;
}

}  // namespace kiosk
