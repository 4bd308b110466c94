// The state folder's picture: when it is taken, and the thread that writes pictures.
#include "kiosk/app/screenshots.h"

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "kiosk/app/state_fs.h"

#include "temp_dir.h"

namespace kiosk {
namespace {

using Millis = std::chrono::milliseconds;

TEST(SnapshotSchedule, TheFirstSettledFrameThenAChangeOnceAMinute) {
    SnapshotSchedule s;
    EXPECT_EQ(s.due(), std::nullopt);
    EXPECT_FALSE(s.frame(Millis{100}, false));  // fading in: two slides at once
    EXPECT_TRUE(s.frame(Millis{400}, true));
    EXPECT_EQ(s.due(), std::nullopt);  // nothing changed since
    // The next slide, 10 s later: too soon; it waits for the minute.
    EXPECT_FALSE(s.frame(Millis{10'400}, true));
    EXPECT_EQ(s.due(), Millis{60'400});
    EXPECT_FALSE(s.frame(Millis{60'399}, true));
    EXPECT_FALSE(s.frame(Millis{60'400}, false));  // due, but mid-fade
    EXPECT_TRUE(s.frame(Millis{60'500}, true));
    EXPECT_EQ(s.due(), std::nullopt);
}

TEST(SnapshotSchedule, AskedForItIsTakenAtOnceFadeOrNot) {
    SnapshotSchedule s;
    EXPECT_TRUE(s.frame(Millis{0}, true));
    s.ask();
    EXPECT_TRUE(s.frame(Millis{2'000}, false));
    EXPECT_FALSE(s.frame(Millis{3'000}, true));  // the minute counts from the picture asked for
    EXPECT_EQ(s.due(), Millis{62'000});
}

// Two pixels of one shade: a run, whose colour starts at bytes[1].
PictureWriter::Picture picture(std::uint8_t shade) {
    return std::make_shared<const RunImage>(pack(Image{2, 1, std::vector<std::uint8_t>(6, shade)}));
}

TEST(PictureWriter, ANewerPictureReplacesOneWaitingAndAllAreWrittenBeforeItStops) {
    std::vector<std::pair<std::string, int>> saved;  // only the writer's thread touches it
    std::atomic<bool> writing{false};
    std::atomic<bool> hold{true};
    {
        PictureWriter writer([&](const std::string& path, const RunImage& image) -> Result<Done> {
            writing = true;
            while (hold) std::this_thread::yield();  // a slow card: the first write takes long
            saved.emplace_back(path, image.bytes[1]);
            return Done{};
        });
        writer.write("/s/screen.png", picture(1));
        while (!writing) std::this_thread::yield();
        // While the first is written, two more for that file: only the newer is worth writing.
        writer.write("/s/screen.png", picture(2));
        writer.write("/s/screen.png", picture(3));
        writer.write("/tmp/asked.png", picture(4));
        hold = false;
    }
    using Saved = std::vector<std::pair<std::string, int>>;
    EXPECT_EQ(saved, (Saved{{"/s/screen.png", 1}, {"/s/screen.png", 3}, {"/tmp/asked.png", 4}}));
}

TEST(PictureWriter, AFailureIsSaidOnceUntilAWriteSucceeds) {
    bool full = true;  // changed only while the writer is idle
    PictureWriter writer([&](const std::string& path, const RunImage&) -> Result<Done> {
        if (full) return fail(Diagnostic{path, 0, Severity::error, "cannot write: disk full"});
        return Done{};
    });
    auto write = [&](int shade) {
        writer.write("/s/screen.png", picture(static_cast<std::uint8_t>(shade)));
        writer.wait_idle();
    };
    write(1);
    EXPECT_EQ(writer.take_error(), "/s/screen.png: cannot write: disk full");
    write(2);
    EXPECT_EQ(writer.take_error(), std::nullopt);  // the same trouble: said already
    full = false;
    write(3);
    EXPECT_EQ(writer.take_error(), std::nullopt);
    full = true;
    write(4);
    EXPECT_EQ(writer.take_error(), "/s/screen.png: cannot write: disk full");
}

// The real thing: a PNG renamed into place, no temporary file left beside it.
TEST(PictureWriter, WritesAPngAtomically) {
    TempDir dir;
    {
        PictureWriter writer;
        writer.write(dir.path("state/screen.png"), picture(200));
    }
    auto back = read_png(dir.path("state/screen.png"));
    ASSERT_TRUE(back.has_value()) << to_string(back.error().front());
    EXPECT_EQ(back.value(), (Image{2, 1, std::vector<std::uint8_t>(6, 200)}));
    int files = 0;
    for ([[maybe_unused]] const auto& f : std::filesystem::directory_iterator(dir.path("state"))) {
        ++files;
    }
    EXPECT_EQ(files, 1);
}

}  // namespace
}  // namespace kiosk
