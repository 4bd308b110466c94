// The screen's window (see window.h).
#include "kiosk/render/window.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <SDL.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "kiosk/render/draw.h"
#include "kiosk/render/fonts.h"
#include "kiosk/render/overlay.h"
#include "kiosk/render/run_image.h"
#include "kiosk/render/text_cache.h"

namespace kiosk {

namespace {

struct WindowDeleter {
    void operator()(SDL_Window* w) const { SDL_DestroyWindow(w); }
};
struct RendererDeleter {
    void operator()(SDL_Renderer* r) const { SDL_DestroyRenderer(r); }
};
struct TextureDeleter {
    void operator()(SDL_Texture* t) const { SDL_DestroyTexture(t); }
};

Diagnostic error(std::string message) {
    return Diagnostic{"", 0, Severity::error, std::move(message) + ": " + SDL_GetError()};
}

// SIGUSR1 and SIGUSR2 ask for a picture of the screen (`kill -USR1`, `kill -USR2`, see
// WindowEvents::screenshot and ::snapshot). A signal handler may do next to nothing, and SDL's
// X11 wait sleeps on through signals SDL does not own, so the handler sets a flag and writes to
// an eventfd (both async-signal-safe); a thread blocked on that eventfd wakes the window the way
// the reload service does (Window::wake). One window per process listens: the last one opened.
std::atomic<bool> screenshot_asked{false};
std::atomic<bool> snapshot_asked{false};
std::atomic<int> screenshot_fd{-1};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free);

extern "C" void ask_screenshot(int signo) {
    int saved = errno;
    (signo == SIGUSR2 ? snapshot_asked : screenshot_asked) = true;
    if (int fd = screenshot_fd.load(); fd >= 0) {
        std::uint64_t one = 1;
        if (::write(fd, &one, sizeof one) < 0) {
            // Only when the counter would overflow: a request is pending anyway.
        }
    }
    errno = saved;
}

// Drivers whose SDL_WaitEventTimeout blocks in the kernel; on the others it polls every
// millisecond (SDL 2.26, SDL_events.c), which would wake the box a thousand times a second.
// What the renderer draws into, in pixels: the picture read_pixels and read_runs read.
std::pair<int, int> output_size(SDL_Renderer* r) {
    int w = 0;
    int h = 0;
    SDL_GetRendererOutputSize(r, &w, &h);
    return {w, h};
}

bool has_native_wait(const char* driver) {
    if (driver == nullptr) return false;
    return std::strcmp(driver, "x11") == 0 || std::strcmp(driver, "wayland") == 0;
}

// Turns SIGUSR1 and SIGUSR2 into Window::wake(): a thread blocked on an eventfd the handler
// writes to.
struct ScreenshotWatcher {
    ScreenshotWatcher() = default;
    ScreenshotWatcher(const ScreenshotWatcher&) = delete;
    ScreenshotWatcher& operator=(const ScreenshotWatcher&) = delete;
    ~ScreenshotWatcher() {
        if (thread.joinable()) {
            int expected = fd;
            screenshot_fd.compare_exchange_strong(expected, -1);
            stop = true;
            std::uint64_t one = 1;
            if (::write(fd, &one, sizeof one) < 0) {
                // Cannot fail short of overflow, which would wake the thread as well.
            }
            thread.join();
        }
        if (fd >= 0) ::close(fd);
    }

    // Starts the thread and installs the handler, which from now on wakes `window`, the last
    // window opened. Without the eventfd (none could be made) both signals keep their default
    // action.
    void start(Window& window) {
        if (fd < 0) return;
        Window* self = &window;
        thread = std::thread([self, this] {
            while (true) {
                std::uint64_t n = 0;
                ssize_t got = ::read(fd, &n, sizeof n);
                if (got < 0 && errno == EINTR) continue;
                if (got != sizeof n || stop) return;
                self->wake();
            }
        });
        screenshot_fd = fd;
        struct sigaction sa {};
        sa.sa_handler = ask_screenshot;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        sigaction(SIGUSR1, &sa, nullptr);
        sigaction(SIGUSR2, &sa, nullptr);
    }

    int fd = ::eventfd(0, EFD_CLOEXEC);  // blocking: the thread sleeps in read()
    std::atomic<bool> stop{false};
    std::thread thread;
};

// ---------------------------------------------------------------------------------------------
// Window::open's steps, in the order it takes them.
// ---------------------------------------------------------------------------------------------

std::optional<Diagnostic> check_rotation(int rotation) {
    if (rotation % 90 != 0 || rotation < 0 || rotation > 270) {
        return Diagnostic{"", 0, Severity::error,
                          "rotation must be 0, 90, 180 or 270, not " + std::to_string(rotation)};
    }
    return std::nullopt;
}

// Set before SDL's video starts, which reads some of them then.
void set_hints(bool gpu) {
    // Without a GPU, SDL's default path loads Mesa's llvmpipe (~54 MB resident); the software
    // renderer drawing straight into the window's framebuffer costs a fraction of that.
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, gpu ? "1" : "0");
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, gpu ? "" : "software");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    // A full-screen window that loses focus (a staff member's terminal) must stay up.
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
}

// Asked once SDL's video has started, which is when it knows the displays.
std::optional<Diagnostic> check_display(int display) {
    int displays = SDL_GetNumVideoDisplays();
    if (display < 0 || display >= displays) {
        return Diagnostic{
            "", 0, Severity::error,
            "display " + std::to_string(display) + " does not exist; there " +
                (displays == 1 ? "is 1 display" : "are " + std::to_string(displays) + " displays") +
                " (0 is the first)"};
    }
    return std::nullopt;
}

// Full screen and borderless on `display` unless `windowed` names a size; null when SDL refuses.
SDL_Window* create_window(int display, Size windowed) {
    Uint32 flags = SDL_WINDOW_SHOWN;
    int ww = windowed.w;
    int wh = windowed.h;
    if (ww <= 0 || wh <= 0) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        SDL_Rect bounds{0, 0, 1280, 720};
        SDL_GetDisplayBounds(display, &bounds);
        ww = bounds.w;
        wh = bounds.h;
    } else {
        flags |= SDL_WINDOW_RESIZABLE;
    }
    return SDL_CreateWindow("kiosk", SDL_WINDOWPOS_CENTERED_DISPLAY(display),
                            SDL_WINDOWPOS_CENTERED_DISPLAY(display), ww, wh, flags);
}

struct RendererChoice {
    std::unique_ptr<SDL_Renderer, RendererDeleter> renderer;
    std::string fallback;  // empty, or why the other renderer than the configured one draws
};

// The renderer `gpu` asks for, else the other one; an error only when neither starts.
Result<RendererChoice> create_renderer(SDL_Window* window, bool gpu) {
    RendererChoice out;
    Uint32 rflags = gpu ? SDL_RENDERER_ACCELERATED : SDL_RENDERER_SOFTWARE;
    out.renderer.reset(SDL_CreateRenderer(window, -1, rflags | SDL_RENDERER_TARGETTEXTURE));
    if (out.renderer) return out;
    // The configured path can be missing: KMSDRM (a box without a desktop) has no software
    // framebuffer, and a box without GPU drivers has no accelerated renderer. A screen drawn
    // the costlier way beats a black one, so try the other path before giving up.
    std::string why = SDL_GetError();
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, gpu ? "0" : "1");
    Uint32 other = gpu ? SDL_RENDERER_SOFTWARE : SDL_RENDERER_ACCELERATED;
    out.renderer.reset(SDL_CreateRenderer(window, -1, other | SDL_RENDERER_TARGETTEXTURE));
    if (!out.renderer)
        return fail(error("cannot start a renderer: " + why + "; " + SDL_GetError()));
    out.fallback = std::string("the ") + (gpu ? "GPU" : "software") +
                   " renderer is not available here (" + why + "); drawing with the " +
                   (gpu ? "software" : "GPU") + " renderer instead";
    return out;
}

// Where an area of the upright picture goes on a screen turned by `degrees`: the source rectangle
// (the area grown to even edges), the destination SDL_RenderCopyEx turns about its centre, and
// the rectangle of the screen it then covers. The picture's centre stays at the screen's centre,
// as when it is turned whole.
struct Turned {
    SDL_Rect src;
    SDL_Rect dst;
    SDL_Rect shown;
};

Turned turned(const Rect& area, Size canvas, Size out, int degrees) {
    int x0 = area.x & ~1;
    int y0 = area.y & ~1;
    int x1 = std::min(canvas.w, (area.right() + 1) & ~1);
    int y1 = std::min(canvas.h, (area.bottom() + 1) & ~1);
    int w = x1 - x0;
    int h = y1 - y0;
    // The area's centre relative to the picture's, turned clockwise (y grows downwards).
    int dx = x0 + w / 2 - canvas.w / 2;
    int dy = y0 + h / 2 - canvas.h / 2;
    int tx = dx;
    int ty = dy;
    if (degrees == 90) {
        tx = -dy;
        ty = dx;
    } else if (degrees == 180) {
        tx = -dx;
        ty = -dy;
    } else if (degrees == 270) {
        tx = dy;
        ty = -dx;
    }
    int cx = out.w / 2 + tx;
    int cy = out.h / 2 + ty;
    bool sideways = degrees == 90 || degrees == 270;
    int sw = sideways ? h : w;
    int sh = sideways ? w : h;
    return {{x0, y0, w, h}, {cx - w / 2, cy - h / 2, w, h}, {cx - sw / 2, cy - sh / 2, sw, sh}};
}

}  // namespace

// Destroyed in reverse order: textures, then the renderer, then the window, then SDL's video.
struct Window::Parts {
    // wake(): an eventfd the sleep below polls, and an SDL event for SDL's own blocking wait.
    struct Wake {
        Wake() = default;
        Wake(const Wake&) = delete;
        Wake& operator=(const Wake&) = delete;
        ~Wake() {
            if (fd >= 0) ::close(fd);
        }
        int fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        Uint32 event = SDL_RegisterEvents(1);
    } wake;
    struct Video {
        Video() = default;
        Video(const Video&) = delete;
        Video& operator=(const Video&) = delete;
        ~Video() {
            // SDL_Quit, not just the subsystem: it also closes SDL's D-Bus connection.
            if (started) SDL_Quit();
        }
        bool started = false;
    } video;
    std::unique_ptr<SDL_Window, WindowDeleter> window;
    std::unique_ptr<SDL_Renderer, RendererDeleter> renderer;
    std::unique_ptr<SDL_Texture, TextureDeleter> target;  // the unrotated picture, when rotated
    Size target_size;
    FramePainter painter;   // draws what changed since the last frame
    bool software = false;  // SDL's software renderer: the window keeps its pixels
    bool overlay_was_open = false;
    std::unique_ptr<TextCache> cache;
    // SIGUSR1's and SIGUSR2's thread (see ask_screenshot). Declared last: stopped and joined
    // first.
    ScreenshotWatcher screenshot;
};

Result<std::unique_ptr<Window>> Window::open(const WindowOptions& options, const FontSet& fonts) {
    if (auto bad = check_rotation(options.rotation)) return fail(std::move(*bad));
    set_hints(options.gpu);
    std::unique_ptr<Window> w(new Window());
    w->options_ = options;
    w->fonts_ = &fonts;
    w->parts_ = std::make_unique<Parts>();
    auto& p = *w->parts_;
    if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        return fail(error("cannot start SDL video (is DISPLAY or a KMS device available?)"));
    }
    p.video.started = true;
    if (auto bad = check_display(options.display)) return fail(std::move(*bad));
    p.window.reset(create_window(options.display, options.windowed));
    if (!p.window) return fail(error("cannot open the window"));
    auto renderer = create_renderer(p.window.get(), options.gpu);
    if (!renderer.has_value()) return fail(renderer.error());
    p.renderer = std::move(renderer->renderer);
    w->renderer_fallback_ = std::move(renderer->fallback);
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(p.renderer.get(), &info);
    p.software = (info.flags & SDL_RENDERER_SOFTWARE) != 0;
    SDL_ShowCursor(SDL_DISABLE);
    SDL_DisableScreenSaver();
    p.cache = std::make_unique<TextCache>(p.renderer.get(), fonts, options.text_cache_bytes);
    w->native_wait_ = has_native_wait(SDL_GetCurrentVideoDriver());
    p.screenshot.start(*w);
    return w;
}

Window::~Window() {
    if (overlay_ != nullptr) overlay_->detach();  // its textures go before the renderer
}

void Window::attach(StaffOverlay* overlay) {
    if (overlay_ != nullptr) overlay_->detach();
    overlay_ = overlay;
    if (overlay_ != nullptr) overlay_->attach(parts_->window.get(), parts_->renderer.get());
}

Size Window::canvas() const {
    int w = 0;
    int h = 0;
    SDL_GetRendererOutputSize(parts_->renderer.get(), &w, &h);
    if (options_.rotation == 90 || options_.rotation == 270) std::swap(w, h);
    return {w, h};
}

std::vector<Rect> Window::draw(const Theme& theme, const Slide* slide, double opacity,
                               const Slide& chrome) {
    auto& p = *parts_;
    SDL_Renderer* r = p.renderer.get();
    Size c = canvas();
    // The staff overlay draws over the picture: while it is open, and once after it closed,
    // the picture is drawn whole under it.
    bool overlay_open = overlay_ != nullptr && overlay_->is_open();
    bool after_overlay = std::exchange(p.overlay_was_open, overlay_open);
    using Mode = FramePainter::Mode;
    if (options_.rotation == 0) {
        // The software renderer draws into the window's own pixels, which stay between frames:
        // only what changed is drawn and sent. A GPU's back buffers keep nothing, so a change
        // there draws everything; a frame like the last is not drawn at all either way.
        Mode mode = overlay_open || after_overlay ? Mode::whole
                    : p.software                  ? Mode::changes
                                                  : Mode::whole_if_changed;
        // The software renderer draws into the window's surface; fades blend into it directly.
        SDL_Surface* pixels = p.software ? SDL_GetWindowSurface(p.window.get()) : nullptr;
        auto areas = p.painter.paint(r, *p.cache, theme, slide, opacity, chrome, c, mode, pixels);
        if (areas.empty()) return areas;
        if (overlay_open) overlay_->draw(c);
        bool whole = areas.size() == 1 && areas.front() == Rect{0, 0, c.w, c.h};
        if (p.software && !overlay_open && !whole) {
            SDL_RenderFlush(r);
            std::vector<SDL_Rect> rects;
            for (const auto& a : areas) rects.push_back({a.x, a.y, a.w, a.h});
            SDL_UpdateWindowSurfaceRects(p.window.get(), rects.data(),
                                         static_cast<int>(rects.size()));
        } else {
            SDL_RenderPresent(r);
        }
        return areas;
    }
    // Turned screens: draw upright into a texture, which keeps its pixels between frames, then
    // copy it rotated about the centre when anything changed.
    if (!p.target || !(p.target_size == c)) {
        p.target.reset(
            SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, c.w, c.h));
        p.target_size = c;
        p.painter.forget();
    }
    SDL_SetRenderTarget(r, p.target.get());
    Mode mode = overlay_open || after_overlay ? Mode::whole : Mode::changes;
    auto areas = p.painter.paint(r, *p.cache, theme, slide, opacity, chrome, c, mode);
    if (overlay_open) overlay_->draw(c);  // upright, turned with the picture
    SDL_SetRenderTarget(r, nullptr);
    if (areas.empty()) return areas;
    int ow = 0;
    int oh = 0;
    SDL_GetRendererOutputSize(r, &ow, &oh);
    bool whole = areas.size() == 1 && areas.front() == Rect{0, 0, c.w, c.h};
    // Each area turned on its own (the software renderer turns a copy by allocating and
    // transposing what it copies: a whole 1080x1920 picture every second cost 4% of a core
    // with a seconds clock). Centres land on whole pixels only when every size is even.
    bool even = c.w % 2 == 0 && c.h % 2 == 0 && ow % 2 == 0 && oh % 2 == 0;
    if (p.software && !overlay_open && !whole && even) {
        std::vector<SDL_Rect> sent;
        for (const auto& a : areas) {
            auto [src, dst, shown] = turned(a, c, {ow, oh}, options_.rotation);
            SDL_RenderCopyEx(r, p.target.get(), &src, &dst, options_.rotation, nullptr,
                             SDL_FLIP_NONE);
            sent.push_back(shown);
        }
        SDL_RenderFlush(r);
        SDL_UpdateWindowSurfaceRects(p.window.get(), sent.data(), static_cast<int>(sent.size()));
        return areas;
    }
    SDL_Rect dst{(ow - c.w) / 2, (oh - c.h) / 2, c.w, c.h};
    SDL_RenderCopyEx(r, p.target.get(), nullptr, &dst, options_.rotation, nullptr, SDL_FLIP_NONE);
    SDL_RenderPresent(r);
    return areas;
}

namespace {

void take(const SDL_Event& e, Uint32 wake_event, WindowEvents& out) {
    if (e.type == wake_event) {
        out.woken = true;
        return;
    }
    switch (e.type) {
        case SDL_QUIT:
            out.quit = true;
            break;
        case SDL_KEYDOWN:
            ++out.keys;
            break;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
                e.window.event == SDL_WINDOWEVENT_EXPOSED) {
                out.resized = true;  // also redraws a picture uncovered or lost
            }
            break;
        case SDL_RENDER_TARGETS_RESET:
        case SDL_RENDER_DEVICE_RESET:
        case SDL_DISPLAYEVENT:
            out.resized = true;
            break;
        default:
            break;
    }
}

}  // namespace

WindowEvents Window::wait(std::chrono::steady_clock::time_point deadline) {
    using namespace std::chrono;
    WindowEvents out;
    SDL_Event e;
    while (true) {
        auto left = duration_cast<milliseconds>(deadline - steady_clock::now());
        int ms = static_cast<int>(std::clamp<milliseconds::rep>(left.count(), 0, 3'600'000));
        ++out.wakeups;
        bool got = false;
        if (native_wait_) {
            got = SDL_WaitEventTimeout(&e, ms) != 0;
        } else {
            // No blocking wait in this driver: look, then sleep in slices short enough for keys
            // and SIGTERM to be seen within 0.2 s (5 wake-ups a second at most; a signal ends
            // the poll, SDL turns it into SDL_QUIT at the next pump). The poll is on the wake
            // eventfd, so wake() ends the slice at once.
            SDL_PumpEvents();
            got = SDL_PeepEvents(&e, 1, SDL_GETEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) > 0;
            if (!got && ms > 0) {
                pollfd woken{parts_->wake.fd, POLLIN, 0};
                ::poll(&woken, 1, std::min(ms, 200));
            }
        }
        std::uint64_t count = 0;
        if (::read(parts_->wake.fd, &count, sizeof count) == sizeof count) out.woken = true;
        if (screenshot_asked.exchange(false)) out.screenshot = true;
        if (snapshot_asked.exchange(false)) out.snapshot = true;
        if (got) {
            // The staff overlay sees every event first; closed, it takes only its hotkey.
            auto offer = [&](const SDL_Event& event) {
                if (overlay_ != nullptr && overlay_->handle(event)) {
                    out.overlay = true;
                } else {
                    take(event, parts_->wake.event, out);
                }
            };
            offer(e);
            while (SDL_PollEvent(&e) != 0) offer(e);
            // Uncovered, resized or reset: what the window showed is gone; draw it whole.
            if (out.resized) parts_->painter.forget();
            return out;
        }
        if (out.woken || out.screenshot || out.snapshot || steady_clock::now() >= deadline) {
            return out;
        }
    }
}

void Window::wake() {
    std::uint64_t one = 1;
    if (::write(parts_->wake.fd, &one, sizeof one) < 0) {
        // Only fails when the counter would overflow: a wake is pending anyway.
    }
    if (native_wait_ && parts_->wake.event != static_cast<Uint32>(-1)) {
        // SDL_PushEvent is safe from any thread and ends SDL_WaitEventTimeout at once.
        SDL_Event e{};
        e.type = parts_->wake.event;
        SDL_PushEvent(&e);
    }
}

std::string Window::describe() const {
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(parts_->renderer.get(), &info);
    Size c = canvas();
    const char* driver = SDL_GetCurrentVideoDriver();
    return std::string(driver ? driver : "no video driver") + ", " + (info.name ? info.name : "?") +
           " renderer, " + std::to_string(c.w) + "x" + std::to_string(c.h) + ", rotation " +
           std::to_string(options_.rotation);
}

Image Window::read_pixels() const {
    SDL_Renderer* r = parts_->renderer.get();
    auto [w, h] = output_size(r);
    Image img{w, h, {}};
    img.rgb.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3);
    // SDL_PIXELFORMAT_RGB24 is three bytes a pixel, in R, G, B order, whatever the endianness.
    SDL_RenderReadPixels(r, nullptr, SDL_PIXELFORMAT_RGB24, img.rgb.data(), w * 3);
    return img;
}

RunImage Window::read_runs() const {
    SDL_Renderer* r = parts_->renderer.get();
    auto [w, h] = output_size(r);
    RunImage out{w, h, {}};
    // A band of rows at a time: never the whole picture as RGB (6 MB at 1920x1080) at once.
    constexpr int band = 32;
    const auto row_bytes = static_cast<std::size_t>(w) * 3;
    std::vector<std::uint8_t> rgb(row_bytes * band);
    for (int y = 0; y < h; y += band) {
        SDL_Rect rows{0, y, w, std::min(band, h - y)};
        SDL_RenderReadPixels(r, &rows, SDL_PIXELFORMAT_RGB24, rgb.data(), w * 3);
        for (int i = 0; i < rows.h; ++i) {
            append_row(out, rgb.data() + static_cast<std::size_t>(i) * row_bytes);
        }
    }
    return out;
}

const TextCache& Window::cache() const { return *parts_->cache; }

}  // namespace kiosk
