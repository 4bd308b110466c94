// The overlay's announcement draft: "Clear all" acts on the announcements the picture staff saw,
// not on a list that changed under the pointer, and "Add" leaves the fields ready for the next.
#include "kiosk/render/announcement_draft.h"

#include <cstdio>

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(AnnouncementDraft, AClickActsOnTheListTheFrameBeforeShowed) {
    AnnouncementDraft d;
    d.start_over();
    d.frame("ticker - - Coffee\n");  // the first frame: nothing was on screen before it
    EXPECT_EQ(d.seen, "");
    d.frame("ticker - - Coffee\n");
    EXPECT_EQ(d.seen, "ticker - - Coffee\n");
    // A push lands: the frame that shows it is not yet what staff saw.
    d.frame("ticker - - Coffee\nurgent - - Fire drill\n");
    EXPECT_EQ(d.seen, "ticker - - Coffee\n");
    d.frame("ticker - - Coffee\nurgent - - Fire drill\n");
    EXPECT_EQ(d.seen, "ticker - - Coffee\nurgent - - Fire drill\n");
    // Folded away: nothing is on screen to act on.
    d.frame("");
    d.frame("");
    EXPECT_EQ(d.seen, "");
}

TEST(AnnouncementDraft, StartingOverEmptiesTheFieldsAndWhatWasSeen) {
    AnnouncementDraft d;
    std::snprintf(d.text.data(), d.text.size(), "%s", "Lunch in Hall B");
    std::snprintf(d.until.data(), d.until.size(), "%s", "13:30");
    d.urgent = true;
    d.frame("x");
    d.frame("x");
    d.clear_fields();
    EXPECT_STREQ(d.text.data(), "");
    EXPECT_STREQ(d.until.data(), "");
    EXPECT_FALSE(d.urgent);
    EXPECT_EQ(d.seen, "x");
    d.start_over();
    EXPECT_EQ(d.seen, "");
    EXPECT_EQ(d.showing, "");
}

}  // namespace
}  // namespace kiosk
