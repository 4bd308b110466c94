// A program becomes the last good copy only once the screen has drawn it; one that stopped the
// screen is skipped at the next start; a stuck reload thread is said in the status. On the fake
// file system: nothing sleeps but the one test that holds the reload thread.
#include <future>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "kiosk/app/reload.h"
#include "kiosk/app/reload_service.h"
#include "kiosk/app/status.h"
#include "kiosk/core/sha256.h"

#include "fake_fs.h"
#include "line_import.h"

namespace kiosk {
namespace {

using nlohmann::json;
using ::testing::Contains;
using ::testing::HasSubstr;
using namespace std::chrono_literals;

using testing::line_import;

const Instant t0 = date::sys_days{date::year{2022} / 8 / 29} + 16h;
const std::string config_path = "/etc/kiosk/kiosk.toml";
const std::string program_path = "/etc/kiosk/program.txt";
const StateDir state("/var/lib/kiosk", config_path);
const std::string copy = state.program_copy(program_path);
const std::string config_text =
    "[venue]\ntimezone = \"America/Los_Angeles\"\n[data]\nprogram = \"program.txt\"\n";
const std::string program_a = "PROGRAM\nOutstanding Papers\n";
const std::string program_b = "PROGRAM\nA title whose layout stalls the screen\n";
const std::string program_c = "PROGRAM\nThe fixed program\n";

struct LastGoodTest : ::testing::Test {
    FakeFileSystem fs;
    std::vector<std::string> logged;
    std::unique_ptr<Reloader> reloader;

    ReloadOptions options() {
        ReloadOptions o;
        o.config_path = config_path;
        o.state_dir = state.dir();
        o.log = [this](const std::string& line) { logged.push_back(line); };
        return o;
    }
    // A new process: whatever the last one left in the state dir is all it knows.
    void start() {
        reloader = std::make_unique<Reloader>(fs, line_import, options());
        reloader->start(0ms, t0);
    }
    void replace_program(const std::string& bytes, Millis at) {
        fs.write(program_path, bytes);
        ASSERT_FALSE(reloader->tick(at, t0));      // not quiet yet
        ASSERT_TRUE(reloader->tick(at + 1s, t0));  // read
    }
    const Live& live() { return *reloader->live(); }
    void SetUp() override {
        fs.write(config_path, config_text);
        fs.write(program_path, program_a);
    }
};

TEST_F(LastGoodTest, NoCopyIsKeptBeforeTheScreenShowsTheFiles) {
    start();
    EXPECT_FALSE(fs.exists(copy));
    EXPECT_FALSE(fs.exists(state.config_copy()));
    EXPECT_EQ(fs.bytes(state.trying_marker()), sha256_hex(program_a) + "\n");
    reloader->shown(live().generation);
    EXPECT_EQ(fs.bytes(copy), program_a);
    EXPECT_EQ(fs.bytes(state.config_copy()), config_text);
    EXPECT_EQ(fs.bytes(state.trying_marker()), "");
}

TEST_F(LastGoodTest, AnUpdateBecomesTheCopyOnlyOnceShown) {
    start();
    reloader->shown(live().generation);
    std::uint64_t shown_a = live().generation;
    replace_program(program_b, 10s);
    EXPECT_EQ(fs.bytes(copy), program_a);
    EXPECT_EQ(fs.bytes(state.trying_marker()), sha256_hex(program_b) + "\n");
    reloader->shown(shown_a);  // a frame of the older Live: B is still on trial
    EXPECT_EQ(fs.bytes(copy), program_a);
    reloader->shown(live().generation);
    EXPECT_EQ(fs.bytes(copy), program_b);
    EXPECT_EQ(fs.bytes(state.trying_marker()), "");
}

TEST_F(LastGoodTest, AProgramThatStoppedTheScreenIsSkippedAtTheNextStart) {
    start();
    reloader->shown(live().generation);
    replace_program(program_b, 10s);
    // The screen hangs drawing B: no frame of it, and the service manager restarts the process.
    start();
    EXPECT_EQ(live().program_file.origin, FileOrigin::last_good);
    EXPECT_EQ(live().imported->sessions.front().title, "Outstanding Papers");
    std::string why = program_path + " (sha256 " + sha256_hex(program_b).substr(0, 12) +
                      "...) stopped the screen last time it was shown; showing the last good "
                      "program, saved in " +
                      copy + "; fix or replace the file";
    EXPECT_EQ(live().last_error(), why);
    EXPECT_THAT(logged, Contains(why));
    json j = json::parse(status_json(live(), {}, t0, t0));
    EXPECT_EQ(j["last_error"], why);
    // Shown: the old copy stays the copy, and staff's "reload now" does not try B again.
    reloader->shown(live().generation);
    EXPECT_EQ(fs.bytes(copy), program_a);
    reloader->reload_all();
    reloader->tick(20s, t0);
    EXPECT_EQ(live().imported->sessions.front().title, "Outstanding Papers");
    EXPECT_THAT(*live().last_error(), HasSubstr("stopped the screen last time it was shown"));
}

TEST_F(LastGoodTest, AStopBeforeTheFirstFrameDoesNotCondemnTheProgram) {
    start();
    EXPECT_EQ(fs.bytes(state.trying_marker()), sha256_hex(program_a) + "\n");
    reloader->stopping();  // SIGTERM, or a window that would not open, before any frame
    EXPECT_EQ(fs.bytes(state.trying_marker()), "");
    start();
    EXPECT_EQ(live().program_file.origin, FileOrigin::file);
    EXPECT_EQ(live().last_error(), std::nullopt);
}

TEST_F(LastGoodTest, AChangedFileIsTriedAgain) {
    start();
    reloader->shown(live().generation);
    replace_program(program_b, 10s);
    fs.write(program_path, program_c);  // staff fix the file while the screen is down
    start();
    EXPECT_EQ(live().program_file.origin, FileOrigin::file);
    EXPECT_EQ(live().imported->sessions.front().title, "The fixed program");
    EXPECT_EQ(live().last_error(), std::nullopt);
    EXPECT_EQ(fs.bytes(state.trying_marker()), sha256_hex(program_c) + "\n");
}

TEST_F(LastGoodTest, ASecondStartOnAShownProgramTrustsIt) {
    start();
    reloader->shown(live().generation);
    start();  // the same file as the last good copy: nothing on trial
    EXPECT_EQ(live().program_file.origin, FileOrigin::file);
    EXPECT_EQ(fs.bytes(state.trying_marker()), "");
}

TEST(ReloadThread, AStuckThreadIsSaidInTheStatus) {
    FakeFileSystem fs;
    fs.write(config_path, config_text);
    fs.write(program_path, program_a);
    ReloadOptions o;
    o.config_path = config_path;
    o.state_dir = state.dir();
    ReloadService service(fs, line_import, o, nullptr);
    std::promise<void> entered;
    std::promise<void> release;
    auto released = release.get_future().share();
    // A task that does not return holds the thread, as a blocking read would.
    service.set_config({}, [&](Result<Done>) {
        entered.set_value();
        released.wait();
    });
    entered.get_future().wait();
    auto held_at = std::chrono::steady_clock::now();
    EXPECT_EQ(service.stuck(held_at + 5s, t0), std::nullopt);  // not yet three periods
    auto stuck = service.stuck(held_at + 7s, t0);
    ASSERT_TRUE(stuck.has_value());
    EXPECT_THAT(*stuck, HasSubstr("the reload thread is stuck since 2022-08-29T15:59:5"));
    ScreenState screen;
    screen.trouble = stuck;
    json j = json::parse(status_json(*service.live(), screen, t0, t0));
    EXPECT_EQ(j["last_error"], *stuck);
    release.set_value();
    // Free again, it finishes its loop and is well as of then.
    auto deadline = std::chrono::steady_clock::now() + 10s;
    while (service.stuck(held_at + 7s, t0) && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::yield();
    }
    EXPECT_EQ(service.stuck(held_at + 7s, t0), std::nullopt);
}

}  // namespace
}  // namespace kiosk
