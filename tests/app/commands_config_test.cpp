// `kiosk check-config`: exit codes, the summary, and errors with file and line.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "run_kiosk.h"
#include "temp_dir.h"

namespace kiosk {
namespace {

TEST(CheckConfig, ShippedConfigIsOk) {
    std::string path = std::string(KIOSK_SOURCE_DIR) + "/config/kiosk.toml";
    auto r = run({"check-config", path});
    EXPECT_EQ(r.rc, exit_ok) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out, path + ": ok: room 'Exhibit Hall A', program " + KIOSK_SOURCE_DIR +
                         "/data/program.txt, zone America/Los_Angeles\n");
}

TEST(CheckConfig, ErrorsExit1WithFileAndLine) {
    TempDir dir;
    std::string path =
        dir.write("kiosk.toml", "[screen]\nroom = \"A\"\nrooom = \"B\"\nrotation = 45\n");
    auto r = run({"check-config", path});
    EXPECT_EQ(r.rc, exit_failure);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, path + ":3: unknown key 'screen.rooom' (did you mean 'room'?)\n" + path +
                         ":4: screen.rotation must be 0, 90, 180 or 270, not 45\n");
}

TEST(CheckConfig, WarnsAboutFilesThatAreNotThere) {
    TempDir dir;
    std::string path = dir.write("kiosk.toml", "[screen]\nroom = \"A\"\n[data]\nyear = 2022\n");
    auto r = run({"check-config", path});
    EXPECT_EQ(r.rc, exit_ok);
    EXPECT_EQ(r.err, path + ": warning: data.program names '" + dir.path("program.txt") +
                         "', which does not exist (yet)\n");
}

TEST(CheckConfig, MissingFileExits1) {
    auto r = run({"check-config", "/nonexistent/kiosk.toml"});
    EXPECT_EQ(r.rc, exit_failure);
    EXPECT_EQ(r.err, "/nonexistent/kiosk.toml: cannot read: no such file\n");
}

// The room is checked against the program the config names, read the way the screen reads it.
const std::string seed = KIOSK_SOURCE_DIR "/data/program.txt";

std::string config_naming(const std::string& room, const std::string& program) {
    return "[venue]\ntimezone = \"America/Los_Angeles\"\n[screen]\nroom = \"" + room +
           "\"\n[data]\nprogram = \"" + program + "\"\nyear = 2022\n";
}

TEST(CheckConfig, ARoomTheProgramDoesNotKnowExits1WithACloseName) {
    TempDir dir;
    std::string path = dir.write("kiosk.toml", config_naming("Exhibit Hal A", seed));
    auto r = run({"check-config", path});
    EXPECT_EQ(r.rc, exit_failure);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, path + ":4: no room 'Exhibit Hal A' in " + seed +
                         "; did you mean 'Exhibit Hall A'?\n");
    // Nothing close: the rooms there are.
    path = dir.write("attic.toml", config_naming("Attic", seed));
    r = run({"check-config", path});
    EXPECT_EQ(r.rc, exit_failure);
    EXPECT_EQ(r.err, path + ":4: no room 'Attic' in " + seed +
                         "; its rooms are: Exhibit Hall A, Mission City Ballroom\n");
    // Case and spaces aside, it is the same room.
    path = dir.write("case.toml", config_naming("exhibit  hall a", seed));
    EXPECT_EQ(run({"check-config", path}).rc, exit_ok);
}

TEST(CheckConfig, AProgramNamingNoRoomsTakesAnyRoom) {
    TempDir dir;
    std::string program =
        dir.write("program.txt", "Oral: Noon Talks Mon 29 Aug 12:00 p.m.\nA talk.\n");
    std::string path = dir.write("kiosk.toml", config_naming("Attic", program));
    auto r = run({"check-config", path});
    EXPECT_EQ(r.rc, exit_ok) << r.err;
    EXPECT_EQ(r.err, "");
}

TEST(CheckConfig, AnUnusableProgramLeavesTheRoomUncheckedWithAWarning) {
    TempDir dir;
    std::string program = dir.write("program.txt", "<html>502 Bad Gateway</html>\n");
    std::string path = dir.write("kiosk.toml", config_naming("Attic", program));
    auto r = run({"check-config", path});
    EXPECT_EQ(r.rc, exit_ok);
    EXPECT_EQ(r.err.rfind(path +
                              ": warning: screen.room is not checked: kiosk cannot use the "
                              "program now (" +
                              program + ":",
                          0),
              0u)
        << r.err;
}

// The program is read as the screen reads it: a folder, a named pipe or a device is an error now,
// not a screen that waits for ever or shows nothing later.
TEST(CheckConfig, AProgramThatIsNotAFileExits1) {
    TempDir dir;
    std::string fifo = dir.path("pipe.txt");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    for (const std::string& program : {fifo, dir.path(), std::string("/dev/zero")}) {
        std::string path = dir.write("kiosk.toml", config_naming("Exhibit Hall A", program));
        auto r = run({"check-config", path});
        EXPECT_EQ(r.rc, exit_failure) << program;
        EXPECT_EQ(r.out, "");
        std::string kind = program == fifo          ? "a named pipe"
                           : program == "/dev/zero" ? "a character device"
                                                    : "a folder";
        EXPECT_EQ(r.err, path + ": data.program names " + program + ": cannot read: is " + kind +
                             ", not a file\n");
    }
}

}  // namespace
}  // namespace kiosk
