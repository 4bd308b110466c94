// The screen's loop lets go of what it showed: once it takes a new setup from its link, nothing
// in the loop (nor the caller's first setup) keeps the old program's schedule alive.
#include "kiosk/app/screen_loop.h"

#include <cstdlib>
#include <memory>
#include <sstream>

#include <gtest/gtest.h>

namespace kiosk {
namespace {

// A setup whose boards hold `held` the way a real setup holds its schedule.
ScreenSetup setup_holding(std::shared_ptr<const int> held) {
    ScreenOverrides overrides;
    overrides.windowed = Size{320, 240};
    ScreenSetup s = screen_setup(Live{}, overrides);
    s.boards = [held = std::move(held)](Instant) -> Result<Board> {
        return fail(Diagnostic{"", 0, Severity::error, "no program " + std::to_string(*held)});
    };
    return s;
}

// Gives the loop one new setup, then after the frame drawn with it records whether the first
// setup's schedule is gone, and asks the loop to stop.
class SwapOnceLink final : public ScreenLink {
  public:
    explicit SwapOnceLink(std::weak_ptr<const int> first) : first_(std::move(first)) {}
    void connect(Window*) override {}
    std::optional<ScreenSetup> take() override {
        if (taken_) return std::nullopt;
        taken_ = true;
        return setup_holding(std::make_shared<const int>(2));
    }
    void before_frame(const ScreenState&, const Deck&) override {}
    LinkRequests after_frame(const ScreenState&) override {
        ++frames;
        first_gone = first_.expired();
        LinkRequests out;
        out.quit = true;
        return out;
    }
    std::chrono::steady_clock::time_point due() const override {
        return std::chrono::steady_clock::now();
    }

    int frames = 0;
    bool first_gone = false;

  private:
    std::weak_ptr<const int> first_;
    bool taken_ = false;
};

TEST(ScreenLoop, TheFirstSetupsProgramGoesOnceANewOneIsTaken) {
    ::setenv("SDL_VIDEODRIVER", "dummy", 1);
    auto first = std::make_shared<const int>(1);
    std::weak_ptr<const int> watch = first;
    SwapOnceLink link(watch);
    std::ostringstream out;
    std::ostringstream err;
    int rc = run_screen(setup_holding(std::move(first)), VenueClock{}, CommandIo{out, err}, &link);
    EXPECT_EQ(rc, 0) << err.str();
    ASSERT_EQ(link.frames, 1) << err.str();
    EXPECT_TRUE(link.first_gone) << "the loop, or its caller, still holds the first setup";
}

}  // namespace
}  // namespace kiosk
