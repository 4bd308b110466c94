// The staff overlay: Dear ImGui on the screen's own SDL renderer, for venue staff at an attached
// keyboard. Opened by the configured hotkey, closed by Escape, the hotkey again, or 60 s without
// input; when closed nothing of it is drawn and it takes no keys. With a PIN set ([staff] pin) it
// asks for it, with the keyboard's focus in the PIN field from the start, and then staff may
// change things; without one (the default) it only shows, and says how to set a PIN.
//
// It knows nothing of files or programs: the app fills an OverlayView before each frame and
// takes the OverlayRequests staff made after it. The overlay is drawn into the upright picture,
// so it reads right on a screen mounted on its side (use the keyboard there: Tab, arrows, Enter).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/hotkey.h"
#include "kiosk/slides/slide.h"

union SDL_Event;
struct SDL_Window;
struct SDL_Renderer;

namespace kiosk {

// What the overlay shows, filled by the app.
struct OverlayView {
    std::vector<std::string> status;    // "Program: /var/lib/kiosk/program.txt", "loaded 3 min ago"
    std::vector<std::string> warnings;  // at most a screenful, with file:line
    std::string last_error;             // empty: none
    std::vector<std::string> rooms;     // the program's rooms
    std::string room;                   // the one shown
    std::vector<std::string> coming;    // the slides after the one on screen, in order
    std::string clock;                  // the venue time shown, "Mon 29 Aug 09:10"
    bool simulated = false;             // a rehearsal clock
    double speed = 1.0;
    // The config's announcements as they stand now (a push shows at once), one line each.
    std::vector<std::string> announcements;
    std::string announcements_key;  // identifies them: "Clear all" says which it clears
    std::string full;               // this screen's room marked full: "until 10:00"; empty: not
    std::string full_session_end;   // the end of the session on now here, as a date-time to
                                    // mark the room full until; empty: nothing on now
    std::string full_day;           // the venue's day shown ("2022-08-29"), for an HH:MM typed;
                                    // empty: no room of its own (an overview) to mark full
    std::string message;            // the outcome of the last request ("Room set", an error)
    bool held_back = false;         // a new version of the program is held back as cut short
};

struct OverlayRequest {
    enum class Kind {
        set_room,            // text: the room
        set_announcement,    // add one; text: the message; until: "" or a time; urgent
        clear_announcement,  // clear them all; expected: the announcements staff saw
        set_clock,           // text: a venue-local time such as 2022-08-29T09:10
        set_speed,           // speed
        real_time,           // back to the real clock
        reload,              // read every file again now
        accept_update,       // show the version of the program held back as cut short
        set_full,            // text: the room; until: a date-time (venue-local, or with offset)
        clear_full,          // text: the room
        quit,                // stop the kiosk (systemd starts it again)
    };
    Kind kind = Kind::reload;
    std::string text;
    std::string until;
    double speed = 1.0;
    // clear_announcement: the announcements staff saw (OverlayView::announcements_key); when the
    // config holds others by the time it is saved (a push landed), nothing is cleared.
    std::string expected;
    bool urgent = false;  // set_announcement: the whole screen rather than the notice band

    bool operator==(const OverlayRequest&) const = default;
};

class StaffOverlay {
  public:
    using Now = std::function<std::chrono::steady_clock::time_point()>;

    // `font_bytes`: a TrueType/OpenType font file's bytes for the overlay's text (the app passes
    // FontSet::bytes(), read at start-up, so opening the overlay never reads the disk); empty:
    // ImGui's own. The overlay does not copy them: ImGui reads them whenever it builds its font
    // atlas while attached, so they must stay valid until detach() (the app's FontSet outlives
    // the window, and the app drops the overlay when the window goes). `now`: the monotonic
    // clock the idle timeout runs on (tests pass their own).
    StaffOverlay(Hotkey hotkey, std::string pin, std::string_view font_bytes, Now now = {});
    ~StaffOverlay();
    StaffOverlay(const StaffOverlay&) = delete;
    StaffOverlay& operator=(const StaffOverlay&) = delete;

    // The window's SDL parts; the overlay draws with them until detach().
    void attach(SDL_Window* window, SDL_Renderer* renderer);
    void detach();

    // An event from the window's queue: true when the overlay took it (the hotkey, or anything
    // while open). Closed, every other event passes by untouched.
    bool handle(const SDL_Event& e);

    // Draws the overlay over the frame being drawn (a no-op when closed). `canvas` is the
    // upright picture's size.
    void draw(Size canvas);

    bool is_open() const { return open_; }
    bool is_unlocked() const { return open_ && unlocked_; }
    // Open without a PIN set: it shows, and takes no request but "reload".
    bool is_preview() const { return open_ && pin_.empty(); }
    // Closes after 60 s without input; true when that happened (the frame needs a redraw).
    bool close_if_idle();
    // When the loop must wake: to close on idle, or to draw the frames ImGui needs after input.
    std::chrono::steady_clock::time_point next_frame() const;

    void set_view(OverlayView view) { view_ = std::move(view); }
    // The config changed: the hotkey and PIN from now on. An open overlay stays open; a new PIN
    // is asked for before anything more can be changed.
    void set_access(Hotkey hotkey, std::string pin);
    std::vector<OverlayRequest> take_requests();

  private:
    void open();
    void close();
    void build_ui();
    void replay_held_keys();

    Hotkey hotkey_;
    std::string pin_;
    Now now_;
    std::string_view font_bytes_;  // not owned: see the constructor
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    struct Ui;  // ImGui's context and the text fields' buffers
    std::unique_ptr<Ui> ui_;
    bool open_ = false;
    bool unlocked_ = false;
    int settle_frames_ = 0;  // ImGui lays out a change over a frame or two
    std::chrono::steady_clock::time_point last_input_{};
    OverlayView view_;
    std::vector<OverlayRequest> requests_;
};

}  // namespace kiosk
