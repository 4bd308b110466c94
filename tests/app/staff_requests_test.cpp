// Staff requests from the overlay: carried out on a real reload service over real files in a
// temporary folder. Edits are answered by the reload thread; the tests wait for that answer on a
// condition variable (never by sleeping), and one test holds the reload thread to show that the
// render thread's side never waits for it.
#include "kiosk/app/staff_requests.h"

#include <condition_variable>
#include <mutex>

#include <gtest/gtest.h>

#include "kiosk/app/announce.h"
#include "kiosk/app/state_fs.h"

#include "temp_dir.h"

namespace kiosk {
namespace {

using namespace std::chrono_literals;

// The real file system, whose writes can be held until the test lets them go.
struct HoldableFs final : FileSystem {
    RealFileSystem real;
    std::mutex mutex;
    std::condition_variable cv;
    bool hold = false;

    FileStamp stat(const std::string& path) const override { return real.stat(path); }
    Result<std::string> read(const std::string& path) const override { return real.read(path); }
    Result<Done> write_atomic(const std::string& path, std::string_view bytes) override {
        std::unique_lock lock(mutex);
        cv.wait(lock, [&] { return !hold; });
        return real.write_atomic(path, bytes);
    }
    void release() {
        {
            std::lock_guard lock(mutex);
            hold = false;
        }
        cv.notify_all();
    }
};

struct StaffRequestsTest : ::testing::Test {
    TempDir dir;
    HoldableFs fs;  // before the service, which uses it until its thread stops
    std::unique_ptr<ReloadService> service;
    std::unique_ptr<StaffRequests> staff;
    std::mutex mutex;
    std::condition_variable answered;
    int answers = 0;

    void SetUp() override {
        dir.write("kiosk.toml", "# screen by the hall\n[screen]\nroom = \"Room 1\"\n");
        ReloadOptions options;
        options.config_path = dir.path("kiosk.toml");
        options.state_dir = dir.path("state");
        service = std::make_unique<ReloadService>(
            fs,
            [](std::string_view, const std::string&, const Config&) -> Result<Program> {
                return Program{};
            },
            options, nullptr);
        staff = std::make_unique<StaffRequests>(*service, [this] {
            std::lock_guard lock(mutex);
            ++answers;
            answered.notify_all();
        });
    }
    void TearDown() override {
        fs.release();
        staff.reset();
        service.reset();
    }
    // Asks, and waits for the reload thread's answer when the request went there.
    std::string ask(LinkRequests& out, OverlayRequest::Kind kind, std::string text = {},
                    std::string until = {}, double speed = 1.0, std::string expected = {},
                    bool urgent = false) {
        int before = 0;
        {
            std::lock_guard lock(mutex);
            before = answers;
        }
        OverlayRequest r{kind, std::move(text), std::move(until), speed, std::move(expected)};
        r.urgent = urgent;
        // On screen: Mon 29 Aug 2022, 09:10 at the venue (16:10 UTC).
        staff->carry_out(r, "America/Los_Angeles", out,
                         date::sys_days{date::year{2022} / 8 / 29} + 16h + 10min);
        if (staff->message() == "Saving\xE2\x80\xA6") {
            std::unique_lock lock(mutex);
            EXPECT_TRUE(answered.wait_for(lock, 10s, [&] { return answers > before; }));
        }
        return staff->message();
    }
};

TEST_F(StaffRequestsTest, RoomAndAnnouncementRewriteTheConfigAndApply) {
    using Kind = OverlayRequest::Kind;
    LinkRequests out;
    EXPECT_EQ(ask(out, Kind::set_room, "Room 2"), "Room set to Room 2");
    EXPECT_EQ(service->live()->config.screen.room, "Room 2");
    // "13:30" is today on screen, in the zone the screen shows.
    EXPECT_EQ(ask(out, Kind::set_announcement, "Lunch in Hall B", "13:30"), "Announcement added");
    ASSERT_EQ(service->live()->config.announcements.size(), 1u);
    const auto& a = service->live()->config.announcements[0];
    EXPECT_EQ(a.text, "Lunch in Hall B");
    EXPECT_EQ(a.level, AnnouncementLevel::ticker);
    EXPECT_EQ(a.until, date::sys_days{date::year{2022} / 8 / 29} + 20h + 30min);
    EXPECT_EQ(read_file(dir.path("kiosk.toml")).value(),
              "# screen by the hall\n[screen]\nroom = \"Room 2\"\n\n[[announcements]]\n"
              "text = \"Lunch in Hall B\"\nuntil = \"2022-08-29T13:30:00-07:00\"\n"
              "level = \"ticker\"\n");
    // A bad end refuses the whole edit: nothing is added.
    EXPECT_EQ(ask(out, Kind::set_announcement, "Later", "soon"),
              "Not done: until: no date in 'soon' (expected e.g. 2022-08-29T09:10, "
              "2022-08-29T16:10Z or 2022-08-29T09:10-07:00)");
    EXPECT_EQ(ask(out, Kind::set_announcement, "Fire drill", "", 1.0, "", true),
              "Announcement added");
    const auto& live = service->live()->config.announcements;
    ASSERT_EQ(live.size(), 2u);
    EXPECT_EQ(live[1].level, AnnouncementLevel::urgent);
    EXPECT_EQ(live[1].until, std::nullopt);
    // Clearing names what staff saw.
    std::string seen = announcements_key(service->live()->config);
    EXPECT_EQ(ask(out, Kind::clear_announcement, "", "", 1.0, seen), "Announcements cleared");
    EXPECT_TRUE(service->live()->config.announcements.empty());
    EXPECT_EQ(read_file(dir.path("kiosk.toml")).value(),
              "# screen by the hall\n[screen]\nroom = \"Room 2\"\n");
    EXPECT_FALSE(out.quit);
}

// Adding never replaces one pushed meanwhile, and "Clear all" clears only what staff saw.
TEST_F(StaffRequestsTest, AnAnnouncementPushedMeanwhileIsNotClearedUnseen) {
    using Kind = OverlayRequest::Kind;
    std::string seen = announcements_key(service->live()->config);  // none
    dir.write("kiosk.toml",
              "[screen]\nroom = \"Room 1\"\n[announcement]\ntext = \"Keynote moved\"\n");
    LinkRequests out;
    EXPECT_EQ(ask(out, Kind::clear_announcement, "", "", 1.0, seen),
              "Not done: " + dir.path("kiosk.toml") +
                  ": the announcements were changed in the file meanwhile (a push, or another "
                  "staff member): nothing cleared; look at them and choose again");
    EXPECT_EQ(read_file(dir.path("kiosk.toml")).value(),
              "[screen]\nroom = \"Room 1\"\n[announcement]\ntext = \"Keynote moved\"\n");
    EXPECT_EQ(ask(out, Kind::set_announcement, "Lunch in Hall B"), "Announcement added");
    auto all = announcements_of(service->live()->config);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].text, "Keynote moved");  // the push stays
    EXPECT_EQ(all[1].text, "Lunch in Hall B");
    EXPECT_EQ(
        ask(out, Kind::clear_announcement, "", "", 1.0, announcements_key(service->live()->config)),
        "Announcements cleared");
    EXPECT_TRUE(announcements_of(service->live()->config).empty());
}

TEST_F(StaffRequestsTest, AcceptingWithNothingHeldBackSaysSo) {
    using Kind = OverlayRequest::Kind;
    LinkRequests out;
    EXPECT_EQ(ask(out, Kind::accept_update), "Not done: no version of the program is held back");
}

TEST_F(StaffRequestsTest, AnEditNeverHoldsUpTheAskerWhileTheReloadThreadIsBusy) {
    using Kind = OverlayRequest::Kind;
    {
        std::lock_guard lock(fs.mutex);
        fs.hold = true;  // the reload thread will block in its write
    }
    LinkRequests out;
    staff->carry_out({Kind::set_room, "Room 2", "", 1.0, ""}, "America/Los_Angeles", out);
    // Returned at once, with the write still held: staff are told it is being saved.
    EXPECT_EQ(staff->message(), "Saving\xE2\x80\xA6");
    EXPECT_EQ(service->live()->config.screen.room, "Room 1");
    fs.release();
    {
        std::unique_lock lock(mutex);
        ASSERT_TRUE(answered.wait_for(lock, 10s, [&] { return answers > 0; }));
    }
    EXPECT_EQ(staff->message(), "Room set to Room 2");
    EXPECT_EQ(service->live()->config.screen.room, "Room 2");
}

TEST_F(StaffRequestsTest, ClockAndQuitGoToTheLoopAtOnce) {
    using Kind = OverlayRequest::Kind;
    LinkRequests out;
    EXPECT_EQ(ask(out, Kind::set_clock, "2022-08-29T09:10"), "Rehearsing from 2022-08-29T09:10");
    EXPECT_EQ(out.set_clock, date::sys_days{date::year{2022} / 8 / 29} + 16h + 10min);
    EXPECT_EQ(ask(out, Kind::set_clock, "nine").rfind("Not done: time: no date in 'nine'", 0), 0u);
    EXPECT_EQ(ask(out, Kind::set_speed, "", "", 60.0), "Clock speed set");
    EXPECT_EQ(out.set_speed, 60.0);
    EXPECT_EQ(ask(out, Kind::set_speed, "", "", -1.0),
              "Not done: the speed must be from 0 to 10000");
    EXPECT_EQ(ask(out, Kind::real_time), "Back to real time");
    EXPECT_TRUE(out.real_time);
    EXPECT_EQ(ask(out, Kind::quit), "Quitting");
    EXPECT_TRUE(out.quit);
}

}  // namespace
}  // namespace kiosk

namespace kiosk {
namespace {

// "Room full" and "Not full": the room's [full] entry written with its offset, then taken out.
TEST_F(StaffRequestsTest, RoomFullMarksTheRoomAndNotFullClearsIt) {
    using Kind = OverlayRequest::Kind;
    LinkRequests out;
    EXPECT_EQ(ask(out, Kind::set_full, "Room 1", "2022-08-29T10:00"),
              "Room 1 marked full until 10:00");
    EXPECT_EQ(service->live()->config.full.at("Room 1"),
              date::sys_days{date::year{2022} / 8 / 29} + 17h);
    EXPECT_EQ(read_file(dir.path("kiosk.toml")).value(),
              "# screen by the hall\n[screen]\nroom = \"Room 1\"\n\n[full]\n"
              "\"Room 1\" = \"2022-08-29T10:00:00-07:00\"\n");
    EXPECT_EQ(ask(out, Kind::set_full, "Room 1", ""),
              "Not done: nothing is on here now; type until when");
    EXPECT_EQ(ask(out, Kind::set_full, "Room 1", "soon").rfind("Not done: until: no date", 0), 0u);
    EXPECT_EQ(ask(out, Kind::clear_full, "Room 1"), "Room 1 no longer marked full");
    EXPECT_TRUE(service->live()->config.full.empty());
    EXPECT_EQ(read_file(dir.path("kiosk.toml")).value(),
              "# screen by the hall\n[screen]\nroom = \"Room 1\"\n\n[full]\n");
}

}  // namespace
}  // namespace kiosk
