// The staff overlay's announcement as staff edit it, next to the config's announcement their
// edit started from: an announcement changed meanwhile (a push, staff at another screen) shows at
// once in a draft nobody touched, and is never overwritten unseen by one staff are editing.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace kiosk {

struct AnnouncementDraft {
    std::array<char, 512> text{};  // the fields, edited in place by ImGui; always 0-terminated
    std::array<char, 64> until{};
    std::string base_text;  // the config's announcement the draft started from
    std::string base_until;

    // Starts over from the config's announcement as it is now.
    void take(std::string_view now_text, std::string_view now_until);
    // Staff keep their draft: saving it replaces the announcement as it is now.
    void keep_over(std::string_view now_text, std::string_view now_until);
    // Brings the draft up to the config's announcement as it is now: a draft staff have not
    // touched takes it, and so does one whose text is the new one (staff's own, saved; its end
    // may read differently once in the config). True while an edited draft stands beside
    // another announcement: staff take that one or keep theirs before saving.
    bool follow(std::string_view now_text, std::string_view now_until);

    bool untouched() const { return base_text == text.data() && base_until == until.data(); }
};

}  // namespace kiosk
