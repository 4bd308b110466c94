// The reload thread on real folders: it looks at the files when something about them happens,
// not whenever anything happens in their folder.
#include "kiosk/app/reload_service.h"

#include <chrono>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>

#include "kiosk/app/state_fs.h"

#include "line_import.h"
#include "temp_dir.h"

namespace kiosk {
namespace {

using namespace std::chrono_literals;

using testing::line_import;

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
    ReloadService service(fs, line_import, o, nullptr);
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
