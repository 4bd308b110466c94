// The hallway screen's window: full screen and borderless on the configured display, cursor
// hidden, screensaver off, drawn with SDL's software renderer unless the GPU is asked for, and
// turned by 0/90/180/270 degrees for screens mounted on their side.
//
// It also waits for events the frugal way: until a deadline the caller names, with SDL's own
// blocking wait where the video driver has one (x11, wayland) and short sleeps of our own where
// SDL would poll every millisecond (dummy, KMSDRM).
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/core/result.h"
#include "kiosk/render/canvas.h"
#include "kiosk/slides/slide.h"
#include "kiosk/slides/theme.h"

struct SDL_Window;
struct SDL_Renderer;
struct SDL_Texture;

namespace kiosk {

class FontSet;
struct RunImage;
class StaffOverlay;
class TextCache;

// The config's [screen] section as the window needs it; defaults in one place.
struct WindowOptions {
    int display = 0;   // SDL display index
    int rotation = 0;  // 0, 90, 180 or 270 degrees clockwise
    bool gpu = false;  // SDL's accelerated renderer instead of the software one
    Size windowed;     // {0, 0}: full screen; else an ordinary window this size
    std::size_t text_cache_bytes = 12u << 20;  // text textures kept between frames

    bool operator==(const WindowOptions&) const = default;
};

// What happened while waiting.
struct WindowEvents {
    bool quit = false;        // SIGTERM, SIGINT or the window closed
    bool resized = false;     // the display or window changed size: lay out again
    int keys = 0;             // key presses (the staff overlay will want them)
    bool woken = false;       // wake() was called: something outside has news (a new program)
    bool overlay = false;     // the staff overlay took input (or opened): draw again
    bool screenshot = false;  // SIGUSR1 arrived: a picture of the next frame is wanted
                              // (`kill -USR1`; kiosk run --screenshot FILE writes it)
    bool snapshot = false;    // SIGUSR2 arrived: the same, for the picture the screen keeps in
                              // its state folder (`kill -USR2`; screen.png)
    int wakeups = 0;          // times the wait returned, for the frugality measurements
};

class Window {
  public:
    static Result<std::unique_ptr<Window>> open(const WindowOptions& options, const FontSet& fonts);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    // The picture's size as the slides see it: the window's, turned by the rotation.
    Size canvas() const;

    // Draws and shows one frame: background, the slide at `opacity`, the chrome; with SDL's
    // software renderer only the areas that changed since the last frame are drawn and sent to
    // the display (FramePainter). Returns those areas, in canvas pixels: none when the frame is
    // the same as the last, which then is neither drawn nor sent.
    std::vector<Rect> draw(const Theme& theme, const Slide* slide, double opacity,
                           const Slide& chrome);

    // Waits until `deadline` (on std::chrono::steady_clock) or the first event, whichever is
    // first, and reports the events. Returns at once when events are already queued.
    WindowEvents wait(std::chrono::steady_clock::time_point deadline);

    // Draws `overlay` over every frame and offers it every event first (it takes only its
    // hotkey while closed); nullptr detaches it. The overlay must outlive the attachment.
    void attach(StaffOverlay* overlay);

    // Ends a wait() early, from any thread: the reload service calls it when a new program or
    // config is ready, so the screen shows it without polling for it.
    void wake();

    // The picture last shown, as the screen shows it (after rotation), for checks and previews.
    Image read_pixels() const;
    // The same, packed as it is read (run_image.h): what a screenshot keeps while it waits for
    // its PNG.
    RunImage read_runs() const;

    std::string describe() const;  // "x11, software renderer, 1920x1080, rotation 0"
    // Empty, or why the other renderer than the configured one is drawing (see open()).
    const std::string& renderer_fallback() const { return renderer_fallback_; }
    const TextCache& cache() const;
    // The fonts passed to open(), which must outlive the window (every frame draws with them);
    // the staff overlay's face comes from them too.
    const FontSet& fonts() const { return *fonts_; }

  private:
    Window() = default;
    struct Parts;
    std::unique_ptr<Parts> parts_;
    WindowOptions options_;
    bool native_wait_ = false;
    std::string renderer_fallback_;
    StaffOverlay* overlay_ = nullptr;
    const FontSet* fonts_ = nullptr;  // set by open(), never null after
};

}  // namespace kiosk
