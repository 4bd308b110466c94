// The overlay's announcement draft follows the config's announcement, and an edited one is never
// overwritten by it, nor saved over it unseen.
#include "kiosk/render/announcement_draft.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

void type_into(std::array<char, 512>& field, const char* text) {
    std::snprintf(field.data(), field.size(), "%s", text);
}

TEST(AnnouncementDraft, AnUntouchedDraftShowsAPushAtOnce) {
    AnnouncementDraft d;
    d.take("", "");  // opened while there was none
    EXPECT_FALSE(d.follow("Keynote moved to Hall B", "2022-08-29T12:30:00-07:00"));
    EXPECT_STREQ(d.text.data(), "Keynote moved to Hall B");
    EXPECT_STREQ(d.until.data(), "2022-08-29T12:30:00-07:00");
    EXPECT_EQ(d.base_text, "Keynote moved to Hall B");
    EXPECT_FALSE(d.follow("Keynote moved to Hall B", "2022-08-29T12:30:00-07:00"));
}

TEST(AnnouncementDraft, AnEditedDraftStandsBesideAPushUntilStaffChoose) {
    AnnouncementDraft d;
    d.take("Lunch at noon", "");
    type_into(d.text, "Lunch at 12:30");
    EXPECT_FALSE(d.follow("Lunch at noon", ""));    // nothing new
    EXPECT_TRUE(d.follow("Keynote moved", ""));     // a push meanwhile
    EXPECT_STREQ(d.text.data(), "Lunch at 12:30");  // staff's words kept
    EXPECT_EQ(d.base_text, "Lunch at noon");        // saving now would be refused
    EXPECT_TRUE(d.follow("Keynote moved", ""));
    // Keep mine: saving replaces the push, knowingly.
    d.keep_over("Keynote moved", "");
    EXPECT_FALSE(d.follow("Keynote moved", ""));
    EXPECT_EQ(d.base_text, "Keynote moved");
    EXPECT_STREQ(d.text.data(), "Lunch at 12:30");
    // Use the new one.
    EXPECT_TRUE(d.follow("Registration closes at 6", ""));
    d.take("Registration closes at 6", "");
    EXPECT_STREQ(d.text.data(), "Registration closes at 6");
    EXPECT_TRUE(d.untouched());
}

TEST(AnnouncementDraft, StaffsOwnSaveIsTakenEvenWhenItsEndReadsDifferently) {
    AnnouncementDraft d;
    d.take("", "");
    type_into(d.text, "Lunch in Hall B");
    std::snprintf(d.until.data(), d.until.size(), "%s", "2022-08-29T13:30");
    EXPECT_FALSE(d.follow("Lunch in Hall B", "2022-08-29T13:30:00-07:00"));
    EXPECT_STREQ(d.until.data(), "2022-08-29T13:30:00-07:00");
    EXPECT_TRUE(d.untouched());
}

}  // namespace
}  // namespace kiosk
