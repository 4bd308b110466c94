// The staff overlay's announcement draft (see announcement_draft.h).
#include "kiosk/render/announcement_draft.h"

#include <algorithm>
#include <cstring>
#include <span>

namespace kiosk {

namespace {

// Longer text than the field holds is cut (the field is what staff see and save).
void copy_into(std::span<char> field, std::string_view text) {
    std::size_t n = std::min(text.size(), field.size() - 1);
    std::memcpy(field.data(), text.data(), n);
    field[n] = '\0';
}

}  // namespace

void AnnouncementDraft::take(std::string_view now_text, std::string_view now_until) {
    copy_into(text, now_text);
    copy_into(until, now_until);
    keep_over(now_text, now_until);
}

void AnnouncementDraft::keep_over(std::string_view now_text, std::string_view now_until) {
    base_text = now_text;
    base_until = now_until;
}

bool AnnouncementDraft::follow(std::string_view now_text, std::string_view now_until) {
    if (now_text == base_text && now_until == base_until) return false;
    if (untouched() || now_text == text.data()) {
        take(now_text, now_until);
        return false;
    }
    return true;
}

}  // namespace kiosk
