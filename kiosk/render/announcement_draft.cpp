// The staff overlay's announcement draft (see announcement_draft.h).
#include "kiosk/render/announcement_draft.h"

namespace kiosk {

void AnnouncementDraft::frame(std::string_view key) {
    seen = std::move(showing);
    showing = key;
}

void AnnouncementDraft::start_over() {
    clear_fields();
    seen.clear();
    showing.clear();
}

void AnnouncementDraft::clear_fields() {
    text[0] = '\0';
    until[0] = '\0';
    urgent = false;
}

}  // namespace kiosk
