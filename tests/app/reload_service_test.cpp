// The reload thread on real folders: it looks at the files when something about them happens,
// not whenever anything happens in their folder.
#include "kiosk/app/reload_service.h"

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "kiosk/app/state_fs.h"

#include "temp_dir.h"

namespace kiosk {
namespace {

using namespace std::chrono_literals;

Result<Program> titles(std::string_view bytes, const std::string& name, const Config& c) {
    std::istringstream in{std::string(bytes)};
    std::string line;
    if (!std::getline(in, line) || line != "PROGRAM") {
        return fail(Diagnostic{name, 1, Severity::error, "not a program"});
    }
    Program p;
    p.timezone = c.venue.timezone;
    while (std::getline(in, line)) {
        Session s;
        s.title = line;
        s.room = "Exhibit Hall A";
        p.sessions.push_back(s);
    }
    return p;
}

template <typename F>
bool eventually(F done, std::chrono::milliseconds limit = 5s) {
    auto until = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(10ms);
    }
    return true;
}

TEST(ReloadService, OtherFilesInTheFoldersAreNotNews) {
    TempDir dir;
    dir.write("kiosk.toml",
              "[venue]\ntimezone = \"America/Los_Angeles\"\n[data]\nprogram = \"program.txt\"\n");
    dir.write("program.txt", "PROGRAM\nOutstanding Papers\n");
    RealFileSystem fs;
    ReloadOptions o;
    o.config_path = dir.path("kiosk.toml");
    o.state_dir = dir.path("state");
    ReloadService service(fs, titles, o, nullptr);
    std::this_thread::sleep_for(100ms);  // the thread is up and watching
    auto before = service.checks();
    // A busy folder: a build, a browser's cache, another program's temporary files.
    for (int i = 0; i < 300; ++i) {
        std::ofstream(dir.path("other-" + std::to_string(i % 7) + ".tmp")) << i;
    }
    std::this_thread::sleep_for(300ms);
    // At most the two-second check fell in between.
    EXPECT_LE(service.checks() - before, 1u);

    // The program itself is news at once.
    auto quiet = service.checks();
    dir.write("program.txt", "PROGRAM\nDistributed and Parallel Learning\n");
    EXPECT_TRUE(eventually([&] {
        auto live = service.live();
        return live->imported && !live->imported->sessions.empty() &&
               live->imported->sessions.front().title == "Distributed and Parallel Learning";
    }));
    EXPECT_GT(service.checks(), quiet);
}

}  // namespace
}  // namespace kiosk
