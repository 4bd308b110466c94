// The day-page reader: one pass over the lines, building sessions (see daypage_reader.h).
#include "kiosk/core/import/daypage_reader.h"

#include <algorithm>

#include "kiosk/core/import/labels.h"
#include "kiosk/core/names.h"

namespace kiosk::daypage_detail {

void Reader::line(std::string_view s, int number, bool last_line_cut) {
    if (s.empty()) {
        blank_before_ = true;
        return;
    }
    bool after_blank = std::exchange(blank_before_, false);
    if (zone_line(s, number) || dated_line(s, number, last_line_cut) || is_noise(s)) return;

    if (auto u = untimed_header(s)) {
        close_orphans();
        // Leftovers glued before an untimed header are stripped by untimed_header itself.
        untimed(*u, number);
        return;
    }

    if (skipping_) return;
    auto room = room_marker(s);
    if (!current_) {
        orphan(number);
    } else if (room) {
        marker_line(*room, number);
    } else {
        body_line(s, after_blank);
    }
}

bool Reader::zone_line(std::string_view s, int number) {
    if (!istarts_with(s, "Timezone:") && !istarts_with(s, "Time zone:")) return false;
    std::string_view value = trim(s.substr(s.find(':') + 1));
    // "Timezone: »": the schedule pages print the zone picker's label, its arrow and no zone.
    constexpr std::string_view arrow = "\xC2\xBB";
    if (value.ends_with(arrow)) value = trim(value.substr(0, value.size() - arrow.size()));
    if (value.empty()) return true;
    std::string name(value);
    if (!zone_) {
        zone_ = {name, number};
    } else if (name != zone_->first) {
        sink_.warn(number, "a second time zone " + quoted(name) + " ignored; the page's is " +
                               quoted(zone_->first) + " (line " + std::to_string(zone_->second) +
                               ")");
    }
    return true;
}

// Headers: a date at the end of the line.
bool Reader::dated_line(std::string_view s, int number, bool last_line_cut) {
    Tail tail = find_tail(s);
    if (tail.result == Parse::ok) {
        std::string_view before = s.substr(0, tail.begin);
        std::string_view date_text = s.substr(tail.begin, tail.when.date_end);
        if (!tail.when.has_time && trim(before).empty()) {
            // A day heading, "Mon 29 Aug": untimed entries after it belong to that day.
            close_orphans();
            if (auto day = resolve(tail.when, date_text, number, "")) day_ = day;
            return true;
        }
        if (tail.when.has_time && (trim(before).empty() || before.back() == ' ')) {
            close_orphans();
            HeaderText h = split_header(before);
            attach_leftover(h.leftover, number);
            header(h, tail.when, s.substr(tail.begin), number);
            return true;
        }
    } else if (tail.result == Parse::partial &&
               (last_line_cut || has_kind_prefix(s.substr(0, tail.begin)))) {
        close_orphans();
        if (last_line_cut) {
            sink_.error(number, "the file ends in the middle of a line (" + quoted(s) +
                                    "); that line was skipped");
        } else {
            sink_.error(number, "unrecognised date or time " + quoted(s.substr(tail.begin)) +
                                    " in a header; that session was skipped");
            close_session();
            skipping_ = true;
        }
        return true;
    }
    if (tail.result == Parse::no) {
        if (auto bad = find_bad_date(s)) {
            // "Oral: Typo Mon 29 Agu 10:00 a.m.": a header all the same. Its lines go with it,
            // not into the session before; a day heading's entries get no day rather than the
            // day before's.
            close_orphans();
            close_session();
            skipping_ = true;
            if (!bad->has_time) day_.reset();
            sink_.error(number,
                        bad->problem + (bad->has_time ? "; that session was skipped"
                                                      : "; the entries under it have no day"));
            return true;
        }
    }
    return false;
}

void Reader::marker_line(std::string_view room, int number) {
    if (room.empty()) {
        sink_.warn(number, "an empty room marker '[ ]'; the talk has no room");
    }
    current_->talks.push_back({std::string(room), {}, {}, number});
    expect_ = Expect::speakers;
}

void Reader::body_line(std::string_view s, bool after_blank) {
    if (expect_ == Expect::title) {
        if (looks_like_title(s) && !speakers_line(s, false)) {
            current_->session.title = tidy_name(s);
            if (!current_->untimed_name.empty()) {
                current_->session.speakers = split_names(current_->untimed_name);
            }
            expect_ = Expect::speakers;
            return;
        }
        current_->session.title = current_->untimed_name;
        expect_ = Expect::text;
    }
    if (expect_ == Expect::speakers) {
        expect_ = Expect::text;
        bool in_talk = !current_->talks.empty();
        bool single_ok = in_talk ? current_->talks.back().abstract.text.empty()
                                 : current_->description.text.empty();
        if (auto names = speakers_line(s, single_ok && !in_talk)) {
            auto& into = in_talk ? current_->talks.back().speakers : current_->session.speakers;
            into.insert(into.end(), names->begin(), names->end());
            return;
        }
    }
    text(s, after_blank);
}

std::optional<date::local_days> Reader::resolve(const When& w, std::string_view date_text,
                                                int number, std::string_view consequence) {
    if (w.day < 1 || static_cast<unsigned>(w.day) > days_in_month_any_year(w.month)) {
        sink_.error(number, "no such date " + quoted(date_text) + std::string(consequence));
        return std::nullopt;
    }
    DateResolution r = resolve_date(w, date_text, options_.reference_day, options_.year);
    if (!r.day) {
        sink_.error(number, r.why + std::string(consequence));
        bool pinned_misfit = w.year == 0 && options_.year && r.fitting_year != 0;
        // Distinct years only: a page spans a few days, and a 50 MB file must not grow this.
        if (pinned_misfit && std::find(year_misfits_.begin(), year_misfits_.end(),
                                       r.fitting_year) == year_misfits_.end()) {
            year_misfits_.push_back(r.fitting_year);
        }
        return std::nullopt;
    }
    return date::local_days{*r.day};
}

void Reader::attach_leftover(std::string_view leftover, int number) {
    if (leftover.empty()) return;
    if (current_ && !skipping_) {
        TextBlock& into =
            current_->talks.empty() ? current_->description : current_->talks.back().abstract;
        into.add(leftover, false);
        sink_.warn(number, "text " + quoted(leftover) +
                               " is glued before the header; it was kept with the entry before");
    } else {
        sink_.warn(number, "text " + quoted(leftover) + " glued before the header was skipped");
    }
}

void Reader::header(const HeaderText& h, const When& w, std::string_view when_text, int number) {
    close_session();
    std::string_view date_text = when_text.substr(0, w.date_end);
    skipping_ = false;
    auto day = resolve(w, date_text, number, "; that session was skipped");
    if (!day) {
        skipping_ = true;
        return;
    }
    int start = clock_minutes(w.start);
    std::optional<int> end;
    if (w.has_end) {
        Clock e = w.end;
        Clock s = w.start;
        // "8:45 – 10:00 a.m.": a start without a meridiem takes the end's.
        if (s.meridiem == Meridiem::none && e.meridiem != Meridiem::none && s.hour <= 12) {
            s.meridiem = e.meridiem;
            if (clock_minutes(s) > clock_minutes(e)) {
                s.meridiem = e.meridiem == Meridiem::am ? Meridiem::pm : Meridiem::am;
            }
            start = clock_minutes(s);
        }
        int em = clock_minutes(e);
        if (em < 0) start = -1;
        if (em >= 0 && start >= 0) end = em <= start ? em + 24 * 60 : em;  // past midnight
    }
    if (start < 0) {
        sink_.error(number, "no such time " + quoted(trim(when_text.substr(w.date_end))) +
                                "; that session was skipped");
        skipping_ = true;
        return;
    }
    SessionDraft d;
    d.session.kind = h.kind;
    d.session.title = h.title;
    d.session.source = {sink_.file(), number};
    d.day = day;
    d.start_minutes = start;
    d.end_minutes = end;
    if (d.session.title.empty()) {
        d.session.title = d.session.kind;
        if (d.session.title.empty()) {
            d.session.title = "Untitled session";
            sink_.warn(number, "a header without a title; shown as 'Untitled session'");
        }
    }
    day_ = d.day;
    current_ = std::move(d);
    expect_ = Expect::speakers;
}

void Reader::untimed(const HeaderText& h, int number) {
    close_session();
    skipping_ = false;
    SessionDraft d;
    d.session.kind = h.kind;
    d.session.title = h.title;
    d.untimed_name = h.title;
    d.session.source = {sink_.file(), number};
    d.day = day_;
    current_ = std::move(d);
    expect_ = Expect::title;
}

void Reader::text(std::string_view s, bool after_blank) {
    TextBlock& into =
        current_->talks.empty() ? current_->description : current_->talks.back().abstract;
    into.add(s, after_blank);
}

void Reader::orphan(int number) {
    if (orphan_count_ == 0) orphan_first_ = number;
    ++orphan_count_;
}

void Reader::close_orphans() {
    if (orphan_count_ == 0) return;
    sink_.warn(orphan_first_,
               std::string(done_.empty() && !current_ ? "text before the first session header"
                                                      : "text outside any session") +
                   " skipped (" + std::to_string(orphan_count_) +
                   (orphan_count_ == 1 ? " line)" : " lines)"));
    orphan_count_ = 0;
}

void Reader::close_session() {
    if (!current_) return;
    SessionDraft d = std::move(*current_);
    current_.reset();
    if (expect_ == Expect::title && d.session.title.empty()) d.session.title = d.untimed_name;
    expect_ = Expect::text;
    Session& s = d.session;
    if (d.talks.size() == 1 && !is_oral_like(s.kind)) {
        // A workshop, tutorial or invited talk with one room marker: the marker says where the
        // session is, the text is the session's own.
        TalkDraft& t = d.talks.front();
        if (!t.room.empty()) s.room = t.room;
        s.speakers.insert(s.speakers.end(), t.speakers.begin(), t.speakers.end());
        if (!t.abstract.text.empty()) {
            d.description.add(t.abstract.text, true);
        }
        d.talks.clear();
    }
    int n = 0;
    for (TalkDraft& t : d.talks) {
        ++n;
        Talk talk;
        TalkLabel label = talk_label(t.abstract.text, n);
        talk.label = std::move(label.text);
        talk.label_derived = true;
        talk.abstract = std::move(t.abstract.text);
        if (!t.room.empty()) talk.room = std::move(t.room);
        talk.speakers = std::move(t.speakers);
        talk.source = {sink_.file(), t.line};
        if (!s.room && talk.room) s.room = talk.room;
        s.talks.push_back(std::move(talk));
    }
    s.description = std::move(d.description.text);
    if (!s.room && !s.description.empty()) {
        if (auto room = room_in_prose(s.description)) {
            s.room = std::move(*room);
            s.room_origin = Origin::from_prose;
        }
    }
    if (d.start_minutes && !d.end_minutes && !s.description.empty()) {
        if (auto end = end_in_prose(s.description, *d.start_minutes)) {
            d.end_minutes = end;
            s.end_origin = Origin::from_prose;
        }
    }
    done_.push_back(std::move(d));
}

}  // namespace kiosk::daypage_detail
