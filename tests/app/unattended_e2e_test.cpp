// End to end with the real binary on SDL's dummy video driver (no display needed): replace the
// program and config under a running screen and read the status file; restart onto a broken
// program and see the last good one. Waits are on inotify events for the status file, with a
// generous cap for slow (sanitizer) builds; nothing sleeps.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kiosk/app/state.h"
#include "kiosk/core/sha256.h"

#include "run_kiosk.h"
#include "temp_dir.h"

extern char** environ;

namespace kiosk {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Writes under a temporary name and renames into place, as staff are told to push.
void push(const TempDir& dir, const std::string& name, const std::string& bytes) {
    dir.write("." + name + ".part", bytes);
    std::filesystem::rename(dir.path("." + name + ".part"), dir.path(name));
}

// A `kiosk run` with its state dir in `dir`; stopped with SIGTERM when it goes out of scope.
class Screen {
  public:
    Screen(const TempDir& dir, std::vector<std::string> extra = {},
           std::string now = "2022-08-29T09:10")
        : dir_(dir) {
        std::filesystem::create_directories(dir.path("state"));
        watch_ = ::inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
        ::inotify_add_watch(watch_, dir.path("state").c_str(), IN_MOVED_TO | IN_CLOSE_WRITE);
        std::vector<std::string> args = {
            KIOSK_EXE,         "run",   "--config", dir.path("kiosk.toml"), "--state-dir",
            dir.path("state"), "--now", now,        "--windowed",           "640x360"};
        args.insert(args.end(), extra.begin(), extra.end());
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        std::vector<std::string> env = {"SDL_VIDEODRIVER=dummy", "SDL_AUDIODRIVER=dummy"};
        for (char** e = environ; *e != nullptr; ++e) {
            std::string_view v(*e);
            if (!v.starts_with("SDL_") && !v.starts_with("DISPLAY=")) env.emplace_back(v);
        }
        std::vector<char*> envp;
        for (auto& e : env) envp.push_back(e.data());
        envp.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        std::string log = dir.path("kiosk.log");
        posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                         0644);
        EXPECT_EQ(::posix_spawn(&pid_, KIOSK_EXE, &actions, nullptr, argv.data(), envp.data()), 0);
        posix_spawn_file_actions_destroy(&actions);
    }
    ~Screen() {
        stop();
        ::close(watch_);
    }

    int stop() {
        if (pid_ <= 0) return exit_code_;
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = 0;
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return exit_code_;
    }

    // The status file once `done` holds for it; waits on the status file being replaced.
    json status_when(const std::function<bool(const json&)>& done) {
        auto give_up = Clock::now() + std::chrono::seconds(30);
        std::string path = dir_.path("state/status.json");
        while (true) {
            if (std::filesystem::exists(path)) {
                json j = json::parse(slurp(path), nullptr, false);
                if (!j.is_discarded() && done(j)) return j;
            }
            auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(give_up - Clock::now());
            if (left.count() <= 0) {
                ADD_FAILURE() << "the status file never got there; it says:\n"
                              << slurp(path) << "\nthe kiosk said:\n"
                              << slurp(dir_.path("kiosk.log"));
                return json();
            }
            pollfd p{watch_, POLLIN, 0};
            ::poll(&p, 1, static_cast<int>(left.count()));
            char buf[4096];
            while (::read(watch_, buf, sizeof buf) > 0) {
            }
        }
    }

  private:
    const TempDir& dir_;
    pid_t pid_ = 0;
    int exit_code_ = -1;
    int watch_ = -1;
};

std::string seed() { return slurp(std::string(KIOSK_SOURCE_DIR) + "/data/program.txt"); }

const std::string config =
    "[venue]\ntimezone = \"America/Los_Angeles\"\n[screen]\nroom = \"Exhibit Hall A\"\n"
    "[data]\nprogram = \"program.txt\"\nyear = 2022\n";

// The seed with its morning session renamed: a different, equally good program.
std::string renamed_seed() {
    std::string s = seed();
    auto at = s.find("Outstanding Papers");
    return s.replace(at, 18, "Remarkable Papers");
}

TEST(UnattendedEndToEnd, ReplacedFilesAreShownBrokenOnesKeptOut) {
    TempDir dir;
    dir.write("kiosk.toml", config);
    dir.write("program.txt", seed());
    Screen screen(dir);
    json first =
        screen.status_when([](const json& j) { return !j["slide"].get<std::string>().empty(); });
    EXPECT_EQ(first["room"], "Exhibit Hall A");
    EXPECT_EQ(first["now"], json::array({"Outstanding Papers"}));
    EXPECT_EQ(first["program"]["sha256"], sha256_hex(seed()));
    EXPECT_EQ(first["program"]["origin"], "file");
    EXPECT_EQ(first["last_error"], nullptr);
    EXPECT_EQ(first["clock"]["shown"], "2022-08-29T09:10:00-07:00");
    EXPECT_EQ(first["clock"]["simulated"], true);

    // A good program, renamed into place.
    auto pushed = Clock::now();
    push(dir, "program.txt", renamed_seed());
    json renamed = screen.status_when(
        [](const json& j) { return j["now"] == json::array({"Remarkable Papers"}); });
    auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - pushed);
    std::cout << "a pushed program was on screen " << took.count() << " ms after its rename\n";
    EXPECT_EQ(renamed["program"]["sha256"], sha256_hex(renamed_seed()));

    // A broken one: rejected, the last good one stays, the error is said.
    push(dir, "program.txt", std::string("\x00\x01garbage", 9));
    json broken = screen.status_when([](const json& j) { return !j["last_error"].is_null(); });
    EXPECT_EQ(broken["now"], json::array({"Remarkable Papers"}));
    EXPECT_EQ(broken["program"]["sha256"], sha256_hex(renamed_seed()));
    EXPECT_NE(broken["last_error"].get<std::string>().find(dir.path("program.txt") +
                                                           ": not a program file kiosk can read"),
              std::string::npos)
        << broken["last_error"];

    // A config naming another room: that room's board.
    std::string moved = config;
    moved.replace(moved.find("Exhibit Hall A"), 14, "Mission City Ballroom");
    push(dir, "kiosk.toml", moved);
    json room =
        screen.status_when([](const json& j) { return j["room"] == "Mission City Ballroom"; });
    EXPECT_EQ(room["config"]["sha256"], sha256_hex(moved));
    EXPECT_EQ(screen.stop(), 0);
}

// A first run: the config and the seed program, shown, then stopped (its last good copies kept).
void show_the_seed_once(const TempDir& dir) {
    dir.write("kiosk.toml", config);
    dir.write("program.txt", seed());
    Screen screen(dir);
    screen.status_when(
        [](const json& j) { return j["now"] == json::array({"Outstanding Papers"}); });
    EXPECT_EQ(screen.stop(), 0);
}

// The run before this one died or hung drawing a new version (its trying marker is left, as a
// killed process leaves it): this start shows the last good copy and says why.
TEST(UnattendedEndToEnd, AProgramThatStoppedTheScreenIsSkippedAtTheNextStart) {
    TempDir dir;
    show_the_seed_once(dir);
    StateDir state(dir.path("state"), dir.path("kiosk.toml"));
    ASSERT_EQ(slurp(state.program_copy("program.txt")), seed());
    ASSERT_EQ(slurp(state.trying_marker()), "");  // shown: nothing on trial
    std::string stalling = seed();
    stalling.replace(stalling.find("Outstanding Papers"), 18, "Stalling Papers");
    dir.write("program.txt", stalling);
    std::ofstream(state.trying_marker()) << sha256_hex(stalling) << "\n";
    std::filesystem::remove(dir.path("state/status.json"));
    Screen screen(dir);
    json j =
        screen.status_when([](const json& s) { return !s["slide"].get<std::string>().empty(); });
    EXPECT_EQ(j["now"], json::array({"Outstanding Papers"}));
    EXPECT_EQ(j["program"]["origin"], "last_good");
    EXPECT_NE(j["last_error"].get<std::string>().find(
                  "stopped the screen last time it was shown; showing the last good program"),
              std::string::npos)
        << j["last_error"];
    EXPECT_EQ(screen.stop(), 0);
}

TEST(UnattendedEndToEnd, RestartOntoABrokenProgramShowsTheLastGoodOne) {
    TempDir dir;
    show_the_seed_once(dir);
    std::string copy =
        StateDir(dir.path("state"), dir.path("kiosk.toml")).program_copy("program.txt");
    ASSERT_EQ(slurp(copy), seed());
    dir.write("program.txt", "");  // cut short on the way in, then the box rebooted
    dir.write("kiosk.toml", "[screen]\nrotation = 45\n");
    std::filesystem::remove(dir.path("state/status.json"));
    Screen screen(dir);
    json j =
        screen.status_when([](const json& s) { return !s["slide"].get<std::string>().empty(); });
    EXPECT_EQ(j["room"], "Exhibit Hall A");
    EXPECT_EQ(j["now"], json::array({"Outstanding Papers"}));
    EXPECT_EQ(j["program"]["origin"], "last_good");
    EXPECT_EQ(j["program"]["sha256"], sha256_hex(seed()));
    EXPECT_EQ(j["config"]["origin"], "last_good");
    EXPECT_EQ(j["program"]["error"], dir.path("program.txt") +
                                         ": the file is empty; showing the last good program, "
                                         "saved in " +
                                         copy);
    EXPECT_EQ(screen.stop(), 0);
}

// One venue clock: `run --now T` and `agenda --at T` read T as the same instant, whether the
// program names the zone (its own wins) or only the config does.
// An announcement starts and ends on the second it names, without a reload: the screen wakes
// for it, long before the next minute would. At twice real speed from 09:10:00, 09:10:16 comes
// 8 s in, 09:10:30 15 s in; the clock shown (the minute) is still 09:10 for both.
TEST(UnattendedEndToEnd, AnAnnouncementStartsAndEndsOnTheClock) {
    TempDir dir;
    dir.write("kiosk.toml", config +
                                "[[announcements]]\ntext = \"Fire drill at 09:15\"\n"
                                "level = \"urgent\"\nfrom = \"2022-08-29T09:10:16\"\n"
                                "until = \"2022-08-29T09:10:30\"\n");
    dir.write("program.txt", seed());
    Screen screen(dir, {"--speed", "2"}, "2022-08-29T09:10:00");
    json first =
        screen.status_when([](const json& j) { return !j["slide"].get<std::string>().empty(); });
    ASSERT_NE(first["slide"], "announcement") << "the screen took over 8 s to start";
    json on = screen.status_when([](const json& j) { return j["slide"] == "announcement"; });
    EXPECT_EQ(on["clock"]["shown"], "2022-08-29T09:10:00-07:00");
    json off = screen.status_when([](const json& j) { return j["slide"] != "announcement"; });
    EXPECT_EQ(off["clock"]["shown"], "2022-08-29T09:10:00-07:00");
    EXPECT_EQ(screen.stop(), 0);
}

TEST(OneVenueClock, RunNowAndAgendaAtAgreeWhicheverNamesTheZone) {
    struct Case {
        std::string config;
        std::string page;
        std::string shown;  // what both must say for 2022-07-23T12:10
    };
    const std::string page = "Oral: Noon Talks Sat 23 Jul 12:00 p.m.\n[ Room 1 ]\nA talk.\n";
    const Case cases[] = {
        {"[screen]\nroom = \"Room 1\"\n[data]\nprogram = \"program.txt\"\nyear = 2022\n",
         "Timezone: America/New_York\n" + page, "2022-07-23T12:10:00-04:00"},
        {"[venue]\ntimezone = \"America/Los_Angeles\"\n[screen]\nroom = \"Room 1\"\n[data]\n"
         "program = \"program.txt\"\nyear = 2022\n",
         page, "2022-07-23T12:10:00-07:00"},
    };
    for (const auto& c : cases) {
        TempDir dir;
        dir.write("kiosk.toml", c.config);
        dir.write("program.txt", c.page);
        auto agenda = run(
            {"agenda", "--config", dir.path("kiosk.toml"), "--at", "2022-07-23T12:10", "--json"});
        ASSERT_EQ(agenda.rc, 0) << agenda.err;
        EXPECT_EQ(json::parse(agenda.out)["at"], c.shown);
        Screen screen(dir, {}, "2022-07-23T12:10");
        json j = screen.status_when(
            [](const json& s) { return !s["slide"].get<std::string>().empty(); });
        EXPECT_EQ(j["clock"]["shown"], c.shown);
        EXPECT_EQ(j["now"], json::array({"Noon Talks"}));
        EXPECT_EQ(screen.stop(), 0);
    }
}

// The screen follows the corrections policy of every command: a warning is said once.
TEST(UnattendedEndToEnd, ACorrectionsWarningIsSaidOnce) {
    TempDir dir;
    dir.write("kiosk.toml", config + "corrections = \"corrections.toml\"\n");
    dir.write("program.txt", seed());
    dir.write("corrections.toml",
              "[[session]]\nmatch = { kind = \"Oral\", title = \"Outstanding Paper\" }\n"
              "end = \"10:15\"\n");
    {
        Screen screen(dir);
        screen.status_when([](const json& j) { return !j["slide"].get<std::string>().empty(); });
        EXPECT_EQ(screen.stop(), 0);
    }
    std::string log = slurp(dir.path("kiosk.log"));
    std::string warning =
        dir.path("corrections.toml") + ":1: warning: no Oral session titled 'Outstanding Paper'";
    std::size_t n = 0;
    for (auto at = log.find(warning); at != std::string::npos; at = log.find(warning, at + 1)) ++n;
    EXPECT_EQ(n, 1u) << log;
}

}  // namespace
}  // namespace kiosk
