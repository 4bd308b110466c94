// Real files: stamps notice renames, reads are capped and say why they fail, writes are atomic.
#include "kiosk/app/state_fs.h"

#include <filesystem>

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "temp_dir.h"

namespace kiosk {
namespace {

TEST(StateFs, StampChangesWhenAFileIsRenamedIntoPlace) {
    TempDir dir;
    RealFileSystem fs;
    EXPECT_FALSE(fs.stat(dir.path("program.txt")).exists);
    dir.write("program.txt", "abc");
    auto before = fs.stat(dir.path("program.txt"));
    EXPECT_TRUE(before.exists);
    EXPECT_EQ(before.size, 3u);
    // Same size, and on a coarse clock possibly the same mtime: the inode still differs.
    dir.write(".incoming", "xyz");
    std::filesystem::rename(dir.path(".incoming"), dir.path("program.txt"));
    auto after = fs.stat(dir.path("program.txt"));
    EXPECT_NE(before, after);
    EXPECT_NE(before.inode, after.inode);
}

TEST(StateFs, ReadErrorsNameTheFile) {
    TempDir dir;
    auto missing = read_file(dir.path("nope.txt"));
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(to_string(missing.error().front()),
              dir.path("nope.txt") + ": cannot read: no such file");
    auto folder = read_file(dir.path());
    ASSERT_FALSE(folder.has_value());
    EXPECT_EQ(to_string(folder.error().front()),
              dir.path() + ": cannot read: is a folder, not a file");
    EXPECT_EQ(read_file(dir.write("a.txt", std::string("a\0b", 3))).value(),
              std::string("a\0b", 3));
}

// A program or config pointed at something that is not a file must not stall the reload thread:
// a named pipe with no writer would block open() for ever, /dev/zero would never end.
TEST(StateFs, RefusesEveryKindOfFileButARegularOneWithoutBlocking) {
    TempDir dir;
    std::string fifo = dir.path("program.txt");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    auto piped = read_file(fifo);  // returns at once: the test would hang otherwise
    ASSERT_FALSE(piped.has_value());
    EXPECT_EQ(to_string(piped.error().front()),
              fifo + ": cannot read: is a named pipe, not a file");
    auto device = read_file("/dev/zero");
    ASSERT_FALSE(device.has_value());
    EXPECT_EQ(to_string(device.error().front()),
              "/dev/zero: cannot read: is a character device, not a file");
    // A link to a regular file is read: staff link program.txt to the day's file.
    std::filesystem::create_symlink(dir.write("day1.txt", "day one"), dir.path("today.txt"));
    EXPECT_EQ(read_file(dir.path("today.txt")).value(), "day one");
}

TEST(StateFs, RefusesFilesOverTheCapWithoutReadingThem) {
    TempDir dir;
    std::string path = dir.path("huge.txt");
    std::filesystem::resize_file(dir.write("huge.txt", ""), max_file_bytes + 1);  // sparse
    auto r = read_file(path);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(to_string(r.error().front()),
              path + ": is 64 MB, more than the 64 MB a program file may have");
}

TEST(StateFs, AtomicWriteReplacesKeepsModeAndLeavesNoTemporaryFile) {
    TempDir dir;
    std::string path = dir.write("kiosk.toml", "old");
    ::chmod(path.c_str(), 0664);
    ASSERT_TRUE(write_file_atomic(path, "new").has_value());
    EXPECT_EQ(read_file(path).value(), "new");
    struct ::stat st {};
    ::stat(path.c_str(), &st);
    EXPECT_EQ(st.st_mode & 0777, 0664u);
    int files = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++files;
    EXPECT_EQ(files, 1);
}

TEST(StateFs, AtomicWriteCreatesTheFolder) {
    TempDir dir;
    std::string path = dir.path("state/last-good/config.toml");
    ASSERT_TRUE(write_file_atomic(path, "x", Durability::unsynced).has_value());
    EXPECT_EQ(read_file(path).value(), "x");
}

TEST(StateFs, AtomicWriteFailureSaysWhy) {
    TempDir dir;
    dir.write("file", "");
    // A folder cannot be made where a file is.
    auto r = write_file_atomic(dir.path("file/status.json"), "{}");
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(to_string(r.error().front())
                  .rfind(dir.path("file/status.json") + ": cannot create the folder " +
                             dir.path("file") + ": ",
                         0),
              0u);
}

}  // namespace
}  // namespace kiosk
