// inotify on folders: renames into place, in-place writes and deletes of watched names count;
// other files in the same folder do not. The kernel queues events before the call that caused
// them returns, so nothing here waits.
#include "kiosk/app/watch.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "temp_dir.h"

namespace kiosk {
namespace {

TEST(FolderWatcher, SeesRenamesWritesAndDeletesOfWatchedNamesOnly) {
    TempDir dir;
    FolderWatcher w;
    ASSERT_GE(w.fd(), 0);
    w.watch({dir.path("program.txt"), dir.path("kiosk.toml")});
    EXPECT_FALSE(w.drain());

    dir.write(".program.txt.part", "new");  // scp to a temporary name: not yet
    dir.write("status.json", "{}");
    EXPECT_FALSE(w.drain());
    std::filesystem::rename(dir.path(".program.txt.part"), dir.path("program.txt"));  // mv
    EXPECT_TRUE(w.drain());
    EXPECT_FALSE(w.drain());

    dir.write("kiosk.toml", "[screen]\n");  // an editor saving in place
    EXPECT_TRUE(w.drain());
    std::filesystem::remove(dir.path("program.txt"));
    EXPECT_TRUE(w.drain());
}

TEST(FolderWatcher, AFolderThatAppearsLaterIsWatchedOnTheNextCall) {
    TempDir dir;
    FolderWatcher w;
    w.watch({dir.path("later/program.txt")});
    std::filesystem::create_directory(dir.path("later"));
    dir.write("later/program.txt", "x");
    EXPECT_FALSE(w.drain());  // nothing watched there yet
    w.watch({dir.path("later/program.txt")});
    dir.write("later/program.txt", "y");
    EXPECT_TRUE(w.drain());
}

TEST(FolderWatcher, RemovingAWatchedFolderSaysLookAgain) {
    TempDir dir;
    std::filesystem::create_directory(dir.path("data"));
    FolderWatcher w;
    w.watch({dir.path("data/program.txt")});
    std::filesystem::remove(dir.path("data"));
    EXPECT_TRUE(w.drain());
}

}  // namespace
}  // namespace kiosk
