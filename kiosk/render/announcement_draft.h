// The staff overlay's new announcement as staff type it, and the announcements staff had before
// their eyes: adding one never replaces another, and "Clear all" names the ones staff saw, so an
// announcement pushed meanwhile (or set at another screen) is never cleared unseen.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace kiosk {

struct AnnouncementDraft {
    std::array<char, 512> text{};  // the fields, edited in place by ImGui; always 0-terminated
    std::array<char, 64> until{};
    bool urgent = false;
    // The announcements (OverlayView::announcements_key) the frame before this one showed: a
    // click acts on the picture staff saw, not on a list that changed under the pointer.
    std::string seen;
    std::string showing;  // those the frame being built shows

    // A new frame shows the announcements `key` (empty when the list is folded away).
    void frame(std::string_view key);
    // Empty fields and nothing seen yet: on opening the overlay.
    void start_over();
    // After "Add": the fields empty for the next one.
    void clear_fields();
};

}  // namespace kiosk
