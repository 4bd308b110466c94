// [[announcements]] in kiosk.toml: reading entries, every error with its line, the older
// [announcement], and the text edits `kiosk announce` and the overlay make (comments kept).
#include <gtest/gtest.h>

#include "kiosk/core/announcement_edit.h"
#include "kiosk/core/config.h"
#include "kiosk/core/time.h"

namespace kiosk {
namespace {

using namespace std::chrono_literals;

Instant utc(int hour, int minute = 0) {
    return date::sys_days{date::year{2022} / 8 / 29} + std::chrono::hours{hour} +
           std::chrono::minutes{minute};
}

Config parse_ok(std::string_view text) {
    auto c = parse_config(text, "kiosk.toml", "");
    EXPECT_TRUE(c.has_value()) << (c ? "" : format_diagnostics(c.error()));
    return c ? c.value() : Config{};
}

std::string errors(std::string_view text) {
    auto c = parse_config(text, "kiosk.toml", "");
    return c ? "(no error)" : format_diagnostics(c.error());
}

const date::time_zone* la() { return find_zone("America/Los_Angeles").value(); }

TEST(Announcements, EntriesAreReadInTheVenueZoneInTheFilesOrder) {
    auto c = parse_ok(R"([[announcements]]
text = "Coffee in the foyer"
from = "2022-08-29T10:00"
until = 2022-08-29T10:30:00

[venue]
timezone = "America/Los_Angeles"

[[announcements]]
text = "Keynote moved to Ballroom B"
until = "2022-08-29T18:00Z"
level = "urgent"
)");
    ASSERT_EQ(c.announcements.size(), 2u);
    EXPECT_EQ(c.announcements[0], (Announcement{"Coffee in the foyer", utc(17), utc(17, 30),
                                                AnnouncementLevel::ticker}));
    EXPECT_EQ(c.announcements[1], (Announcement{"Keynote moved to Ballroom B", std::nullopt,
                                                utc(18), AnnouncementLevel::urgent}));
    EXPECT_TRUE(config_warnings(c, "kiosk.toml").size() == 2u);  // room and year, not this
}

TEST(Announcements, BadEntriesNameTheLine) {
    EXPECT_EQ(errors("[[announcements]]\ntext = \"\"\n"),
              "kiosk.toml:2: announcements.text must not be empty\n");
    EXPECT_EQ(errors("[[announcements]]\nuntil = \"2022-08-29T10:30\"\n"),
              "kiosk.toml:1: an [[announcements]] entry needs its text (text = \"…\")\n");
    EXPECT_EQ(errors("[[announcements]]\ntext = \"x\"\nlevel = \"loud\"\n"),
              "kiosk.toml:3: announcements.level must be 'ticker' or 'urgent', not 'loud'\n");
    EXPECT_EQ(errors("[[announcements]]\ntext = \"x\"\nutnil = \"10:30\"\n"),
              "kiosk.toml:3: unknown key 'utnil' for an announcement (did you mean 'until'?)\n");
    EXPECT_EQ(errors("[[announcements]]\ntext = \"x\"\nfrom = \"2022-08-29T11:00Z\"\n"
                     "until = \"2022-08-29T10:30Z\"\n"),
              "kiosk.toml:3: announcements.from 2022-08-29T11:00:00+00:00 is not before its "
              "until 2022-08-29T10:30:00+00:00\n");
    EXPECT_EQ(errors("[[announcements]]\ntext = \"x\"\n\n\nuntil = \"soon\"\n"),
              "kiosk.toml:5: announcements.until: no date in 'soon' (expected e.g. "
              "2022-08-29T09:10, 2022-08-29T16:10Z or 2022-08-29T09:10-07:00)\n");
    EXPECT_EQ(errors("[[announcements]]\ntext = \"x\"\nfrom = 10\n"),
              "kiosk.toml:3: announcements.from must be a date and time such as "
              "2022-08-29T12:00, not an integer\n");
    EXPECT_EQ(errors("announcements = \"Coffee\"\n"),
              "kiosk.toml:1: announcements must be entries, each under its own "
              "[[announcements]] line with text = …, not a string\n");
}

TEST(Announcements, TheOlderFormStillWorksWithAWarning) {
    auto c = parse_ok("[announcement]\ntext = \"Lunch in Hall B\"\n");
    auto all = announcements_of(c);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].level, AnnouncementLevel::urgent);
    bool warned = false;
    for (const auto& w : config_warnings(c, "kiosk.toml")) {
        warned |= w.message.starts_with("[announcement] is the older form");
    }
    EXPECT_TRUE(warned);
}

const std::string commented = R"(# The screen by Hall A.
[venue]
timezone = "America/Los_Angeles"  # the venue's zone

[screen]
room = "Exhibit Hall A"
)";

TEST(AnnouncementEdit, AddsAnEntryKeepingEveryComment) {
    Announcement a{"Coffee in the foyer", std::nullopt, utc(17, 30), AnnouncementLevel::ticker};
    auto added = add_announcement(commented, "kiosk.toml", a, *la());
    ASSERT_TRUE(added.has_value()) << format_diagnostics(added.error());
    EXPECT_EQ(added.value(), commented +
                                 "\n[[announcements]]\ntext = \"Coffee in the foyer\"\n"
                                 "until = \"2022-08-29T10:30:00-07:00\"\nlevel = \"ticker\"\n");
    Announcement b{"Fire \"drill\"", utc(18), std::nullopt, AnnouncementLevel::urgent};
    auto both = add_announcement(added.value(), "kiosk.toml", b, *la());
    ASSERT_TRUE(both.has_value());
    auto c = parse_ok(both.value());
    EXPECT_EQ(c.announcements, (std::vector<Announcement>{a, b}));
    EXPECT_EQ(c.screen.room, "Exhibit Hall A");
}

TEST(AnnouncementEdit, RefusesWhatTheParserWouldAndABrokenFile) {
    auto said = [](const Result<std::string>& r) {
        return r ? std::string("(no error)") : to_string(r.error().front());
    };
    EXPECT_EQ(said(add_announcement(commented, "kiosk.toml",
                                    {"  ", std::nullopt, std::nullopt, AnnouncementLevel::ticker},
                                    *la())),
              "kiosk.toml: the announcement's text is empty");
    EXPECT_EQ(said(add_announcement(commented, "kiosk.toml",
                                    {"x", utc(18), utc(17), AnnouncementLevel::ticker}, *la())),
              "kiosk.toml: the announcement would end (2022-08-29T10:00:00-07:00) before it "
              "starts (2022-08-29T11:00:00-07:00)");
    EXPECT_EQ(
        said(add_announcement("[screen]\nrooom = 1\n", "kiosk.toml",
                              {"x", std::nullopt, std::nullopt, AnnouncementLevel::ticker}, *la())),
        "kiosk.toml:2: unknown key 'screen.rooom' (did you mean 'room'?)");
    // Written inline, entries cannot take one more entry under a header.
    EXPECT_EQ(
        said(add_announcement("announcements = [{ text = \"a\" }]\n", "kiosk.toml",
                              {"x", std::nullopt, std::nullopt, AnnouncementLevel::ticker}, *la())),
        "kiosk.toml: the file's layout does not allow a safe edit of its announcements; "
        "edit it by hand");
}

TEST(AnnouncementEdit, ClearRemovesEveryEntryAndTheOlderFormButNothingElse) {
    std::string text = commented + R"(
# Staff messages below.
[[announcements]]
# for the morning break
text = "Coffee in the foyer"
until = "2022-08-29T10:30"

[announcement]
text = """Lunch
in Hall B"""

# The staff overlay.
[staff]
pin = "0420"

[[announcements]]
text = "Fire drill"
level = "urgent"
)";
    auto cleared = clear_announcements(text, "kiosk.toml");
    ASSERT_TRUE(cleared.has_value()) << format_diagnostics(cleared.error());
    EXPECT_EQ(cleared.value(), commented + R"(
# Staff messages below.

# The staff overlay.
[staff]
pin = "0420"
)");
    auto c = parse_ok(cleared.value());
    EXPECT_TRUE(announcements_of(c).empty());
    EXPECT_EQ(c.staff.pin, "0420");
    // Nothing to clear: the same text.
    EXPECT_EQ(clear_announcements(commented, "kiosk.toml").value(), commented);
    auto inline_ones = clear_announcements("announcements = [{ text = \"a\" }]\n", "kiosk.toml");
    ASSERT_FALSE(inline_ones.has_value());
    EXPECT_EQ(to_string(inline_ones.error().front()),
              "kiosk.toml:1: announcements written inline cannot be cleared safely; edit them by "
              "hand");
}

// `set_config_string` is for single string keys: an entry's key is none.
TEST(AnnouncementEdit, AnEntrysKeyIsNoSingleStringKey) {
    auto r = set_config_string(commented, "kiosk.toml", "announcements.text", "x");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(to_string(r.error().front()),
              "kiosk.toml: cannot set announcements.text: not a key with a single string value");
}

}  // namespace
}  // namespace kiosk
