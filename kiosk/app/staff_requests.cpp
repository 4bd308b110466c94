// Staff requests from the overlay (see staff_requests.h).
#include "kiosk/app/staff_requests.h"

#include "kiosk/app/announce.h"
#include "kiosk/app/config_edit_keys.h"
#include "kiosk/app/venue_clock.h"
#include "kiosk/core/time.h"

namespace kiosk {

StaffRequests::StaffRequests(ReloadService& service, std::function<void()> wake)
    : service_(service), wake_(std::move(wake)) {}

std::string StaffRequests::message() const {
    std::lock_guard lock(mutex_);
    return message_;
}

void StaffRequests::say(std::uint64_t request, std::string message) {
    std::lock_guard lock(mutex_);
    if (request == asked_) message_ = std::move(message);
}

ReloadService::Outcome StaffRequests::later(std::string done_message) {
    std::uint64_t request = 0;
    {
        std::lock_guard lock(mutex_);
        request = ++asked_;
        message_ = "Saving\xE2\x80\xA6";
    }
    return [this, request, done_message = std::move(done_message)](Result<Done> done) {
        say(request, done ? done_message : "Not done: " + to_string(done.error().front()));
        if (wake_) wake_();
    };
}

void StaffRequests::edit(ConfigEdits edits, std::string done_message, ConfigEdits unless_changed) {
    service_.set_config(std::move(edits), later(std::move(done_message)),
                        std::move(unless_changed));
}

void StaffRequests::carry_out(const OverlayRequest& r, const std::string& timezone,
                              LinkRequests& out, std::optional<Instant> shown) {
    using Kind = OverlayRequest::Kind;
    auto now = [&](std::string message) {
        std::lock_guard lock(mutex_);
        ++asked_;
        message_ = std::move(message);
    };
    switch (r.kind) {
        case Kind::set_room:
            return edit({{"screen.room", r.text}}, "Room set to " + r.text);
        case Kind::set_announcement: {
            // Added beside the others: nothing staff have not seen is replaced.
            auto zone = find_zone(timezone);
            if (!zone) return now("Not done: " + zone.error().front().message);
            Announcement a{r.text, std::nullopt, std::nullopt,
                           r.urgent ? AnnouncementLevel::urgent : AnnouncementLevel::ticker};
            if (!r.until.empty()) {
                auto until =
                    parse_instant(with_today(r.until, *zone.value(), shown.value_or(wall_now())),
                                  *zone.value(), "until");
                if (!until) return now("Not done: " + until.error().front().message);
                a.until = until.value();
            }
            return service_.edit_config(add_announcement_edit(std::move(a), zone.value()),
                                        "added an announcement: " + r.text,
                                        later("Announcement added"));
        }
        case Kind::clear_announcement:
            // Only the announcements staff saw: one pushed meanwhile is not cleared unseen.
            return service_.edit_config(clear_announcements_edit(r.expected),
                                        "cleared the announcements",
                                        later("Announcements cleared"));
        case Kind::set_full: {
            // Written with its offset, so the config's zone cannot shift it.
            auto zone = find_zone(timezone);
            auto t = zone ? parse_instant(r.until, *zone.value(), "until")
                          : Result<Instant>(fail(zone.error()));
            if (r.until.empty()) return now("Not done: nothing is on here now; type until when");
            if (!t) return now("Not done: " + t.error().front().message);
            return edit({{full_edit_key(r.text), format_iso(t.value(), *zone.value())}},
                        r.text + " marked full until " + format_hhmm(t.value(), *zone.value()));
        }
        case Kind::clear_full:
            return edit({{full_edit_key(r.text), ""}}, r.text + " no longer marked full");
        case Kind::accept_update:
            return service_.accept_held_back(later("Showing the program that was held back"));
        case Kind::set_clock: {
            auto zone = find_zone(timezone);
            auto t = zone ? parse_instant(r.text, *zone.value(), "time")
                          : Result<Instant>(fail(zone.error()));
            if (!t) return now("Not done: " + t.error().front().message);
            out.set_clock = t.value();
            return now("Rehearsing from " + r.text);
        }
        case Kind::set_speed:
            if (r.speed < 0.0 || r.speed > max_speed) {
                return now("Not done: the speed must be from 0 to " +
                           std::to_string(static_cast<int>(max_speed)));
            }
            out.set_speed = r.speed;
            return now("Clock speed set");
        case Kind::real_time:
            out.real_time = true;
            return now("Back to real time");
        case Kind::reload:
            service_.reload_now();
            return now("Reading every file again");
        case Kind::quit:
            out.quit = true;
            return now("Quitting");
    }
}

}  // namespace kiosk
