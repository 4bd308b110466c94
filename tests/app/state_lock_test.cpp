// One screen per state folder: a second taker is refused, naming the holder; the folder is free
// again once the holder lets go.
#include "kiosk/app/state_lock.h"

#include <string>

#include <gtest/gtest.h>
#include <unistd.h>

#include "temp_dir.h"

namespace kiosk {
namespace {

TEST(StateLock, ASecondScreenOnTheSameFolderIsRefusedNamingTheFirst) {
    TempDir dir;
    std::string state = dir.path("state");  // made when missing
    {
        auto first = StateLock::take(state);
        ASSERT_TRUE(first.has_value()) << format_diagnostics(first.error());
        auto second = StateLock::take(state);
        ASSERT_FALSE(second.has_value());
        EXPECT_EQ(second.error().front().message,
                  "state folder " + state + ": in use by another screen (process " +
                      std::to_string(::getpid()) +
                      "); give each screen its own (--state-dir, [state] dir, or one "
                      "kiosk@NAME per screen)");
        // Another folder is another screen's.
        EXPECT_TRUE(StateLock::take(dir.path("other")).has_value());
    }
    // The first screen stopped: the folder can be taken again.
    EXPECT_TRUE(StateLock::take(state).has_value());
}

}  // namespace
}  // namespace kiosk
