// The staff overlay on a real window (SDL's dummy driver, no display): the hotkey opens it, the
// PIN unlocks it, Escape and a minute's idleness close it, and closed it shows nothing and takes
// no keys. Key presses are SDL events pushed into the window's own queue.
#include "kiosk/render/overlay.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include <SDL.h>
#include <gtest/gtest.h>

#include "kiosk/render/fonts.h"
#include "kiosk/render/window.h"

#include "../app/temp_dir.h"

namespace kiosk {
namespace {

using steady = std::chrono::steady_clock;
using namespace std::chrono_literals;

const std::string font_dir = std::string(KIOSK_SOURCE_DIR) + "/assets/fonts";

void press(SDL_Keycode key, SDL_Scancode scan, Uint16 mod, bool down = true) {
    SDL_Event e{};
    e.type = down ? SDL_KEYDOWN : SDL_KEYUP;
    e.key.keysym.sym = key;
    e.key.keysym.scancode = scan;
    e.key.keysym.mod = mod;
    e.key.state = down ? SDL_PRESSED : SDL_RELEASED;
    SDL_PushEvent(&e);
}

void type(const char* text) {
    SDL_Event e{};
    e.type = SDL_TEXTINPUT;
    std::snprintf(e.text.text, sizeof e.text.text, "%s", text);
    SDL_PushEvent(&e);
}

class OverlayTest : public ::testing::Test {
  public:
    void SetUp() override {
        ::setenv("SDL_VIDEODRIVER", "dummy", 1);
        auto f = FontSet::open({font_dir});
        ASSERT_TRUE(f.has_value());
        fonts = std::move(f.value());
        WindowOptions options;
        options.windowed = {640, 360};
        auto w = Window::open(options, *fonts);
        ASSERT_TRUE(w.has_value()) << w.error().front().message;
        window = std::move(w.value());
        overlay =
            std::make_unique<StaffOverlay>(Hotkey{true, true, false, "S"}, "1234",
                                           fonts->bytes(Weight::regular), [this] { return now; });
        window->attach(overlay.get());
    }
    void TearDown() override {
        if (window) window->attach(nullptr);
    }

    Image frame() {
        window->draw(Theme{}, nullptr, 1.0, Slide{});
        return window->read_pixels();
    }
    WindowEvents events() { return window->wait(steady::now()); }
    // Takes the queued events and draws the frames ImGui needs to settle.
    void settle() {
        events();
        for (int i = 0; i < 6; ++i) frame();
    }

    // An overlay with `pin` (empty: none) showing `view`, opened by its hotkey (F12).
    void open_with(const std::string& pin, OverlayView view) {
        window->attach(nullptr);
        overlay =
            std::make_unique<StaffOverlay>(Hotkey{false, false, false, "F12"}, pin,
                                           fonts->bytes(Weight::regular), [this] { return now; });
        window->attach(overlay.get());
        overlay->set_view(std::move(view));
        press(SDLK_F12, SDL_SCANCODE_F12, KMOD_NONE);
        events();
    }
    // Types the PIN and Enter, and lets ImGui settle.
    void unlock(const std::string& pin) {
        type(pin.c_str());
        press(SDLK_RETURN, SDL_SCANCODE_RETURN, KMOD_NONE);
        press(SDLK_RETURN, SDL_SCANCODE_RETURN, KMOD_NONE, false);
        events();
        settle();
    }

    // The staff page of an overlay (no PIN) built with `font_bytes`, once ImGui has settled.
    Image staff_page(std::string_view font_bytes) {
        window->attach(nullptr);
        overlay = std::make_unique<StaffOverlay>(Hotkey{false, false, false, "F12"}, "", font_bytes,
                                                 [this] { return now; });
        window->attach(overlay.get());
        press(SDLK_F12, SDL_SCANCODE_F12, KMOD_NONE);
        events();
        EXPECT_TRUE(overlay->is_unlocked());
        frame();
        frame();
        return frame();
    }

    std::unique_ptr<FontSet> fonts;
    std::unique_ptr<Window> window;
    std::unique_ptr<StaffOverlay> overlay;
    steady::time_point now = steady::time_point{} + 1h;
};

TEST_F(OverlayTest, ClosedItTakesNoKeysAndShowsNothing) {
    Image plain = frame();
    press(SDLK_s, SDL_SCANCODE_S, KMOD_NONE);  // S without the modifiers
    press(SDLK_s, SDL_SCANCODE_S, KMOD_LCTRL);
    WindowEvents e = events();
    EXPECT_EQ(e.keys, 2);
    EXPECT_FALSE(e.overlay);
    EXPECT_FALSE(overlay->is_open());
    EXPECT_EQ(frame(), plain);
    EXPECT_EQ(overlay->next_frame(), steady::time_point::max());
}

TEST_F(OverlayTest, HotkeyOpensPinUnlocksEscapeCloses) {
    Image plain = frame();
    press(SDLK_s, SDL_SCANCODE_S, KMOD_LCTRL | KMOD_LALT);
    WindowEvents e = events();
    EXPECT_TRUE(e.overlay);
    EXPECT_EQ(e.keys, 0);  // the hotkey is the overlay's, not the screen's
    ASSERT_TRUE(overlay->is_open());
    EXPECT_FALSE(overlay->is_unlocked());
    Image locked = frame();
    EXPECT_NE(locked, plain);
    frame();  // the PIN field takes the keyboard focus on the frame after it appears

    type("9999");
    events();
    frame();
    press(SDLK_RETURN, SDL_SCANCODE_RETURN, KMOD_NONE);
    events();
    frame();
    press(SDLK_RETURN, SDL_SCANCODE_RETURN, KMOD_NONE, false);
    events();
    frame();
    EXPECT_FALSE(overlay->is_unlocked());  // wrong PIN

    frame();
    type("1234");
    events();
    frame();
    press(SDLK_RETURN, SDL_SCANCODE_RETURN, KMOD_NONE);
    events();
    frame();
    EXPECT_TRUE(overlay->is_unlocked());
    press(SDLK_RETURN, SDL_SCANCODE_RETURN, KMOD_NONE, false);
    events();
    EXPECT_NE(frame(), locked);  // the staff's page, not the PIN's

    press(SDLK_ESCAPE, SDL_SCANCODE_ESCAPE, KMOD_NONE);
    EXPECT_TRUE(events().overlay);
    EXPECT_FALSE(overlay->is_open());
    EXPECT_EQ(frame(), plain);
    // Opened again, it asks for the PIN again.
    press(SDLK_s, SDL_SCANCODE_S, KMOD_LCTRL | KMOD_LALT);
    events();
    EXPECT_FALSE(overlay->is_unlocked());
}

TEST_F(OverlayTest, AMinuteWithoutInputClosesIt) {
    press(SDLK_s, SDL_SCANCODE_S, KMOD_LCTRL | KMOD_LALT);
    events();
    ASSERT_TRUE(overlay->is_open());
    frame();
    frame();
    EXPECT_EQ(overlay->next_frame(), now + 60s);
    now += 59s;
    EXPECT_FALSE(overlay->close_if_idle());
    type("1");  // input restarts the minute
    events();
    now += 59s;
    EXPECT_FALSE(overlay->close_if_idle());
    now += 1s;
    EXPECT_TRUE(overlay->close_if_idle());
    EXPECT_FALSE(overlay->is_open());
}

TEST_F(OverlayTest, AChangedHotkeyTakesOverAtOnce) {
    overlay->set_access(Hotkey{false, false, false, "F12"}, "");
    press(SDLK_s, SDL_SCANCODE_S, KMOD_LCTRL | KMOD_LALT);
    events();
    EXPECT_FALSE(overlay->is_open());
    press(SDLK_F12, SDL_SCANCODE_F12, KMOD_NONE);
    events();
    EXPECT_TRUE(overlay->is_unlocked());  // no PIN set: open at once
}

// Opened days after start-up, the overlay still has Inter: its font comes from the bytes the
// FontSet read then, not from the files, which a package upgrade may have taken away since.
TEST_F(OverlayTest, ItsFontComesFromTheFontSetsBytes) {
    TempDir tmp;
    for (Weight w : {Weight::regular, Weight::medium, Weight::semibold, Weight::bold}) {
        std::filesystem::copy_file(font_dir + "/" + font_file(w), tmp.path(font_file(w)));
    }
    auto copied = FontSet::open({tmp.path()});
    ASSERT_TRUE(copied.has_value());
    std::filesystem::remove_all(tmp.path());

    Image inter = staff_page(fonts->bytes(Weight::regular));
    Image proggy = staff_page({});  // ImGui's own font
    EXPECT_NE(inter, proggy);
    EXPECT_EQ(staff_page(copied.value()->bytes(Weight::regular)), inter);
    EXPECT_NE(staff_page(fonts->bytes(Weight::bold)), inter);
    // Detached, the overlay's ImGui context is gone and the FontSet still owns its bytes (ImGui
    // freeing them would be a double free here, when the FontSet goes).
    window->attach(nullptr);
    overlay.reset();
    copied.value().reset();
}

// The PIN field has the keyboard from the moment the prompt opens: a PIN typed right after the
// hotkey, before the prompt has drawn a frame, and one typed right after a wrong one, both count.
TEST_F(OverlayTest, ThePinFieldHasTheKeyboardFromTheStart) {
    press(SDLK_s, SDL_SCANCODE_S, KMOD_LCTRL | KMOD_LALT);
    type("9999");
    press(SDLK_RETURN, SDL_SCANCODE_RETURN, KMOD_NONE);
    press(SDLK_RETURN, SDL_SCANCODE_RETURN, KMOD_NONE, false);
    events();
    ASSERT_TRUE(overlay->is_open());
    for (int i = 0; i < 8; ++i) frame();
    EXPECT_FALSE(overlay->is_unlocked());  // wrong, and said so
    type("1234");
    press(SDLK_RETURN, SDL_SCANCODE_RETURN, KMOD_NONE);
    press(SDLK_RETURN, SDL_SCANCODE_RETURN, KMOD_NONE, false);
    events();
    for (int i = 0; i < 8; ++i) frame();
    EXPECT_TRUE(overlay->is_unlocked());
    EXPECT_FALSE(overlay->is_preview());
}

// Every item of the page in turn, by keyboard (Down, then Space to press it).
std::vector<OverlayRequest> press_everything(OverlayTest& t, int items) {
    std::vector<OverlayRequest> asked;
    for (int i = 0; i < items; ++i) {
        for (SDL_Keycode key : {SDLK_DOWN, SDLK_SPACE}) {
            SDL_Scancode scan = key == SDLK_DOWN ? SDL_SCANCODE_DOWN : SDL_SCANCODE_SPACE;
            press(key, scan, KMOD_NONE);
            t.events();
            t.frame();
            press(key, scan, KMOD_NONE, false);
            t.events();
            t.frame();
        }
        for (auto& r : t.overlay->take_requests()) asked.push_back(r);
    }
    return asked;
}

OverlayView a_view() {
    OverlayView v;
    v.status = {"Room: Exhibit Hall A", "Program: /var/lib/kiosk/program.txt"};
    v.last_error = "/var/lib/kiosk/program.txt: held back, it looks cut short";
    v.held_back = true;
    v.rooms = {"Exhibit Hall A", "Room 2"};
    v.room = "Exhibit Hall A";
    v.clock = "Mon 29 Aug 09:10";
    v.announcements = {"NOTICE  Lunch in Hall B  ·  on now"};
    v.announcements_key = "ticker - - Lunch in Hall B\n";
    return v;
}

// Without a PIN (the default) the overlay shows, and offers nothing but reading the files again:
// no room, no announcement, no clock, no accepting a held-back program, no quitting.
TEST_F(OverlayTest, WithoutAPinItOnlyPreviews) {
    open_with("", a_view());
    EXPECT_TRUE(overlay->is_preview());
    settle();
    auto asked = press_everything(*this, 30);
    EXPECT_TRUE(overlay->is_open());
    for (const auto& r : asked) EXPECT_EQ(r.kind, OverlayRequest::Kind::reload);
    EXPECT_FALSE(asked.empty());  // the keys did reach the page's items
    // With a PIN set, the same keys reach what staff may change: here, the held-back program.
    overlay->set_access(Hotkey{false, false, false, "F12"}, "1234");
    EXPECT_FALSE(overlay->is_unlocked());  // a new PIN is asked for at once
    unlock("1234");
    ASSERT_TRUE(overlay->is_unlocked());
    EXPECT_FALSE(overlay->is_preview());
    asked = press_everything(*this, 30);
    EXPECT_TRUE(std::any_of(asked.begin(), asked.end(), [](const OverlayRequest& r) {
        return r.kind == OverlayRequest::Kind::accept_update;
    }));
}

// With a PIN, "Clear all" carries the announcements the picture showed (the view's key), so the
// reload thread can refuse when the file holds others by then.
TEST_F(OverlayTest, ClearAllNamesTheAnnouncementsShown) {
    open_with("1234", a_view());
    unlock("1234");
    ASSERT_TRUE(overlay->is_unlocked());
    std::size_t clears = 0;
    for (const auto& r : press_everything(*this, 40)) {
        if (r.kind != OverlayRequest::Kind::clear_announcement) continue;
        ++clears;
        EXPECT_EQ(r.expected, "ticker - - Lunch in Hall B\n");
    }
    EXPECT_GT(clears, 0u);
}

}  // namespace
}  // namespace kiosk
