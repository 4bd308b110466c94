// The staff overlay (see overlay.h): hotkey and PIN, ImGui frames on the screen's renderer.
#include "kiosk/render/overlay.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <cstring>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <SDL.h>
#include <imgui.h>
#include <imgui/backends/imgui_impl_sdl.h>
#include <imgui/backends/imgui_impl_sdlrenderer.h>

#include "kiosk/render/announcement_draft.h"

namespace kiosk {

namespace {

using steady = std::chrono::steady_clock;

constexpr auto idle_close = std::chrono::seconds(60);

// Text fields keep their bytes between frames (ImGui edits them in place). A field is never
// empty: each is a std::array of a fixed, non-zero size in StaffOverlay::Ui.
void copy_into(std::span<char> field, const std::string& text) {
    std::size_t n = std::min(text.size(), field.size() - 1);
    std::memcpy(field.data(), text.data(), n);
    field[n] = '\0';
}

bool is_input(const SDL_Event& e) {
    switch (e.type) {
        case SDL_KEYDOWN:
        case SDL_KEYUP:
        case SDL_TEXTINPUT:
        case SDL_TEXTEDITING:
        case SDL_MOUSEMOTION:
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
        case SDL_MOUSEWHEEL:
            return true;
        default:
            return false;
    }
}

// ---------------------------------------------------------------------------------------------
// The overlay's window, one step per panel or section; StaffOverlay::build_ui runs them in order.
// Each takes only the view and the text fields it shows, and leaves what staff asked for in
// `requests` for the app to take after the frame.
// ---------------------------------------------------------------------------------------------

using Kind = OverlayRequest::Kind;

void ask(std::vector<OverlayRequest>& requests, Kind kind, std::string text = {},
         std::string until = {}, double speed = 1.0, std::string expected = {}) {
    requests.push_back(
        OverlayRequest{kind, std::move(text), std::move(until), speed, std::move(expected)});
}

const ImVec4 warning_colour(1.0f, 0.55f, 0.4f, 1.0f);

// Most of the picture, centred, neither moved nor resized by staff; ended by the caller.
void begin_staff_window() {
    const ImGuiIO& io = ImGui::GetIO();
    ImVec2 size(io.DisplaySize.x * 0.8f, io.DisplaySize.y * 0.85f);
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(size, ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.96f);
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                             ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
    ImGui::Begin("Staff - Escape closes, and so does a minute without input", nullptr, flags);
}

// The PIN prompt. ImGui gives a field the keyboard's focus a frame after it is asked to, so
// until the PIN field has it, keys are held (StaffOverlay::handle) and then replayed to it: a PIN
// typed the moment the prompt opens is not lost.
struct PinPrompt {
    std::array<char, 16> field{};
    std::string message;
    bool focus = false;   // the focus is asked for; keys are held meanwhile
    bool active = false;  // the field had the focus in the frame just built
    int waited = 0;       // frames it was asked for; after a few, held keys go on all the same
};

// All that shows while locked; true once the PIN typed is `pin`. A wrong one empties the field
// and asks for the focus again for the next try.
bool pin_panel(const std::string& pin, PinPrompt& p) {
    bool unlocked = false;
    ImGui::TextUnformatted("Staff PIN");
    if (p.focus) ImGui::SetKeyboardFocusHere();
    bool enter = ImGui::InputText("##pin", p.field.data(), p.field.size(),
                                  ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal |
                                      ImGuiInputTextFlags_EnterReturnsTrue);
    p.active = ImGui::IsItemActive();
    bool button = ImGui::Button("Open");
    if (enter || button) {
        if (pin == p.field.data()) {
            unlocked = true;
        } else {
            p.message = "Wrong PIN";
            copy_into(p.field, "");
            p.focus = true;
            p.waited = 0;
        }
    }
    if (!p.message.empty()) ImGui::TextUnformatted(p.message.c_str());
    return unlocked;
}

// Without a PIN the overlay only shows; it says how to have more.
void preview_notice() {
    ImGui::PushStyleColor(ImGuiCol_Text, warning_colour);
    ImGui::TextWrapped(
        "Preview only: no staff PIN is set, so nothing can be changed here. To choose the room, "
        "add or clear announcements, set the clock, or quit, set one in the config: [staff] pin "
        "= \"0420\" (4 to 12 digits).");
    ImGui::PopStyleColor();
}

// What the app reports: files, the last error in a warning colour, the warnings folded away;
// staff may show a program held back as cut short.
void status_section(const OverlayView& view, bool staff, std::vector<OverlayRequest>& requests) {
    if (!ImGui::CollapsingHeader("Status", ImGuiTreeNodeFlags_DefaultOpen)) return;
    for (const auto& line : view.status) ImGui::TextWrapped("%s", line.c_str());
    if (!view.last_error.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, warning_colour);
        ImGui::TextWrapped("Last error: %s", view.last_error.c_str());
        ImGui::PopStyleColor();
    }
    if (staff && view.held_back && ImGui::Button("Accept the held-back program")) {
        ask(requests, Kind::accept_update);
    }
    if (!view.warnings.empty() &&
        ImGui::TreeNode("warnings", "Warnings (%zu)", view.warnings.size())) {
        for (const auto& w : view.warnings) ImGui::TextWrapped("%s", w.c_str());
        ImGui::TreePop();
    }
    if (ImGui::Button("Reload files now")) ask(requests, Kind::reload);
}

// The program's rooms; choosing another than the one shown asks for it.
void room_section(const OverlayView& view, bool staff, std::vector<OverlayRequest>& requests) {
    if (!ImGui::CollapsingHeader("Room")) return;
    if (!staff) {
        for (const auto& room : view.rooms) {
            ImGui::BulletText("%s%s", room.c_str(), room == view.room ? "  (shown)" : "");
        }
        return;
    }
    ImGui::TextUnformatted("Choosing a room rewrites the config and shows it at once.");
    for (const auto& room : view.rooms) {
        if (ImGui::Selectable(room.c_str(), room == view.room) && room != view.room) {
            ask(requests, Kind::set_room, room);
        }
    }
}

void coming_section(const OverlayView& view) {
    if (!ImGui::CollapsingHeader("Coming slides")) return;
    if (view.coming.empty()) ImGui::TextUnformatted("(this slide only)");
    for (const auto& s : view.coming) ImGui::BulletText("%s", s.c_str());
}

// The rehearsal clock: a time and a speed typed into `clock` and `speed`, or back to real time.
void clock_section(const OverlayView& view, bool staff, std::span<char> clock, double& speed,
                   std::vector<OverlayRequest>& requests) {
    if (!ImGui::CollapsingHeader("Clock")) return;
    ImGui::Text("Shown: %s%s", view.clock.c_str(),
                view.simulated ? "  (rehearsal)" : "  (real time)");
    if (!staff) return;
    ImGui::InputTextWithHint("##clock", "2022-08-29T09:10", clock.data(), clock.size());
    ImGui::SameLine();
    if (ImGui::Button("Set time")) ask(requests, Kind::set_clock, clock.data());
    ImGui::InputDouble("##speed", &speed, 1.0, 10.0, "%.1f");
    ImGui::SameLine();
    if (ImGui::Button("Set speed")) ask(requests, Kind::set_speed, "", "", speed);
    if (view.simulated && ImGui::Button("Back to real time")) ask(requests, Kind::real_time);
}

// The announcements as they are now, and for staff a new one (text, end, urgent) to add beside
// them, or all of them to clear: only those staff saw (AnnouncementDraft::seen).
void announcement_section(const OverlayView& view, bool staff, AnnouncementDraft& d,
                          std::vector<OverlayRequest>& requests) {
    if (!ImGui::CollapsingHeader("Announcements")) {
        d.frame("");
        return;
    }
    d.frame(view.announcements_key);
    if (view.announcements.empty()) ImGui::TextUnformatted("(none)");
    for (const auto& line : view.announcements) ImGui::BulletText("%s", line.c_str());
    if (!staff) return;
    // Beside the list it clears, before the fields (a keyboard reaches it without typing).
    if (!view.announcements.empty() && ImGui::Button("Clear all")) {
        ask(requests, Kind::clear_announcement, "", "", 1.0, d.seen);
    }
    ImGui::Separator();
    ImGui::TextUnformatted("New announcement");
    ImGui::InputTextMultiline("##announcement", d.text.data(), d.text.size(),
                              ImVec2(-1.0f, ImGui::GetTextLineHeight() * 3.5f));
    ImGui::InputTextWithHint("until", "10:30 today, 2022-08-29T13:30, or empty: until cleared",
                             d.until.data(), d.until.size());
    ImGui::Checkbox("Urgent: the whole screen, not the band under the slides", &d.urgent);
    if (ImGui::Button("Add")) {
        OverlayRequest r;
        r.kind = Kind::set_announcement;
        r.text = d.text.data();
        r.until = d.until.data();
        r.urgent = d.urgent;
        requests.push_back(std::move(r));
        d.clear_fields();
    }
}

// This screen's room marked full as it is now; staff mark it until the end of the session on
// now, or a time typed (HH:MM today, or a date and time), or clear the mark.
void full_section(const OverlayView& view, bool staff, std::span<char> until,
                  std::vector<OverlayRequest>& requests) {
    // No day: not a room's own screen (an overview), so no room to mark.
    if (view.full_day.empty() || !ImGui::CollapsingHeader("Room full")) return;
    if (view.full.empty()) {
        ImGui::Text("%s is not marked full.", view.room.c_str());
    } else {
        ImGui::Text("%s is marked full %s.", view.room.c_str(), view.full.c_str());
    }
    if (!staff) return;
    const char* hint = view.full_session_end.empty() ? "until: HH:MM or 2022-08-29T11:00"
                                                     : "empty: until the session here ends";
    ImGui::InputTextWithHint("##full_until", hint, until.data(), until.size());
    std::string typed = until.data();
    if (typed.size() == 5 && typed[2] == ':') typed = view.full_day + "T" + typed;
    if (typed.empty()) typed = view.full_session_end;
    if (ImGui::Button("Room full")) ask(requests, Kind::set_full, view.room, typed);
    if (!view.full.empty()) {
        ImGui::SameLine();
        if (ImGui::Button("Not full")) ask(requests, Kind::clear_full, view.room);
    }
}

// Quitting takes a second press: a stray Enter must not take the screen down.
void quit_section(bool& confirm, std::vector<OverlayRequest>& requests) {
    if (!confirm) {
        if (ImGui::Button("Quit the kiosk")) confirm = true;
    } else {
        ImGui::TextUnformatted("Quit? The service manager starts it again.");
        if (ImGui::Button("Yes, quit")) ask(requests, Kind::quit);
        ImGui::SameLine();
        if (ImGui::Button("No")) confirm = false;
    }
}

bool is_key(const SDL_Event& e) {
    return e.type == SDL_KEYDOWN || e.type == SDL_KEYUP || e.type == SDL_TEXTINPUT ||
           e.type == SDL_TEXTEDITING;
}

}  // namespace

struct StaffOverlay::Ui {
    ImGuiContext* context = nullptr;
    bool backends = false;
    PinPrompt pin;
    // Keys held back for a later frame: while the PIN field is being given the focus, and after
    // a key press until the frame that sees it (ImGui 1.86 keeps only whether a key is down at
    // each frame, so a press and its release in one frame would be lost, Enter among them).
    std::vector<SDL_Event> held;
    bool pressed = false;  // a key press went to ImGui since the last frame
    AnnouncementDraft announcement;
    std::array<char, 64> clock{};
    std::array<char, 64> full_until{};
    double speed = 1.0;
    bool confirm_quit = false;
};

StaffOverlay::StaffOverlay(Hotkey hotkey, std::string pin, std::string_view font_bytes, Now now)
    : hotkey_(std::move(hotkey)),
      pin_(std::move(pin)),
      now_(now ? std::move(now) : Now([] { return steady::now(); })),
      font_bytes_(font_bytes),
      ui_(std::make_unique<Ui>()) {}

StaffOverlay::~StaffOverlay() { detach(); }

void StaffOverlay::attach(SDL_Window* window, SDL_Renderer* renderer) {
    detach();
    window_ = window;
    renderer_ = renderer;
    ui_->context = ImGui::CreateContext();
    ImGui::SetCurrentContext(ui_->context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing written next to a sandboxed kiosk
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // The kiosk hides the mouse cursor; ImGui draws its own while open and leaves SDL's alone.
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    io.MouseDrawCursor = true;
    io.ConfigInputTextCursorBlink = false;  // a blinking cursor would need a frame every 0.5 s
    int w = 0;
    int h = 0;
    SDL_GetRendererOutputSize(renderer, &w, &h);
    float px = std::max(16.0f, static_cast<float>(std::min(w, h)) * 0.024f);
    // ImGui takes the size as an int; a font file is far smaller.
    if (!font_bytes_.empty() && font_bytes_.size() <= static_cast<std::size_t>(INT_MAX)) {
        // Inter, the screen's own face, from the bytes the FontSet read at start-up. They are
        // not ImGui's to free: without this the atlas would free them when the context goes.
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false;
        // ImGui's API takes void*, but only reads font data (its atlas builder parses it).
        void* data = const_cast<char*>(font_bytes_.data());
        io.Fonts->AddFontFromMemoryTTF(data, static_cast<int>(font_bytes_.size()), px, &config);
    } else {
        ImFontConfig config;
        config.SizePixels = std::round(px / 13.0f) * 13.0f;  // ProggyClean is crisp at 13 × n
        io.Fonts->AddFontDefault(&config);
    }
    ImGui::StyleColorsDark();
    ImGui::GetStyle().ScaleAllSizes(px / 13.0f);
    ui_->backends =
        ImGui_ImplSDL2_InitForSDLRenderer(window) && ImGui_ImplSDLRenderer_Init(renderer);
}

void StaffOverlay::detach() {
    if (ui_->context == nullptr) return;
    ImGui::SetCurrentContext(ui_->context);
    if (ui_->backends) {
        ImGui_ImplSDLRenderer_Shutdown();
        ImGui_ImplSDL2_Shutdown();
    }
    ImGui::DestroyContext(ui_->context);
    ui_->context = nullptr;
    ui_->backends = false;
    window_ = nullptr;
    renderer_ = nullptr;
    open_ = false;
}

void StaffOverlay::open() {
    open_ = true;
    unlocked_ = pin_.empty();
    last_input_ = now_();
    settle_frames_ = 2;
    ui_->pin = PinPrompt{};
    ui_->pin.focus = !unlocked_;
    ui_->held.clear();
    ui_->pressed = false;
    ui_->announcement.start_over();
    copy_into(ui_->clock, "");
    ui_->speed = view_.speed;
    ui_->confirm_quit = false;
    SDL_StartTextInput();
}

void StaffOverlay::close() {
    open_ = false;
    unlocked_ = false;
    ui_->pin = PinPrompt{};
    ui_->held.clear();
    SDL_StopTextInput();
}

void StaffOverlay::set_access(Hotkey hotkey, std::string pin) {
    hotkey_ = std::move(hotkey);
    if (pin == pin_) return;
    pin_ = std::move(pin);
    if (!open_) return;
    unlocked_ = pin_.empty();
    ui_->pin = PinPrompt{};
    ui_->pin.focus = !unlocked_;
    settle_frames_ = 2;
}

bool StaffOverlay::handle(const SDL_Event& e) {
    if (ui_->context == nullptr || !ui_->backends) return false;
    bool hotkey = false;
    if (e.type == SDL_KEYDOWN && e.key.repeat == 0 && !hotkey_.key.empty()) {
        const Uint16 mod = e.key.keysym.mod;
        hotkey = e.key.keysym.sym == SDL_GetKeyFromName(hotkey_.key.c_str()) &&
                 ((mod & KMOD_CTRL) != 0) == hotkey_.ctrl &&
                 ((mod & KMOD_ALT) != 0) == hotkey_.alt &&
                 ((mod & KMOD_SHIFT) != 0) == hotkey_.shift;
    }
    if (!open_) {
        if (!hotkey) return false;
        open();
        return true;
    }
    if (!is_input(e)) return false;  // quit, resize: the window's business
    last_input_ = now_();
    settle_frames_ = 2;
    ImGui::SetCurrentContext(ui_->context);
    bool escape =
        e.type == SDL_KEYDOWN && e.key.keysym.sym == SDLK_ESCAPE && !ImGui::IsAnyItemActive();
    if (hotkey || escape) {
        close();
        return true;
    }
    if (is_key(e) && (ui_->pin.focus || ui_->pressed || !ui_->held.empty())) {
        ui_->held.push_back(e);
        return true;
    }
    if (e.type == SDL_KEYDOWN) ui_->pressed = true;
    ImGui_ImplSDL2_ProcessEvent(&e);
    return true;
}

// Held keys go to ImGui in order, up to one key press a frame (see Ui::held).
void StaffOverlay::replay_held_keys() {
    auto& held = ui_->held;
    std::size_t n = 0;
    while (n < held.size() && !ui_->pressed) {
        ImGui_ImplSDL2_ProcessEvent(&held[n]);
        ui_->pressed = held[n++].type == SDL_KEYDOWN;
    }
    held.erase(held.begin(), held.begin() + static_cast<std::ptrdiff_t>(n));
}

bool StaffOverlay::close_if_idle() {
    if (!open_ || now_() - last_input_ < idle_close) return false;
    close();
    return true;
}

steady::time_point StaffOverlay::next_frame() const {
    if (!open_) return steady::time_point::max();
    if (settle_frames_ > 0) return now_() + std::chrono::milliseconds(30);
    return last_input_ + idle_close;
}

std::vector<OverlayRequest> StaffOverlay::take_requests() {
    std::vector<OverlayRequest> out;
    out.swap(requests_);
    // Without a PIN the overlay only shows (its page offers nothing else): said here once more.
    if (pin_.empty()) {
        std::erase_if(out, [](const OverlayRequest& r) { return r.kind != Kind::reload; });
    }
    return out;
}

void StaffOverlay::draw(Size canvas) {
    if (!open_ || ui_->context == nullptr || !ui_->backends) return;
    ImGui::SetCurrentContext(ui_->context);
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    // The upright picture, whatever the window: the overlay is drawn before the rotation.
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(canvas.w), static_cast<float>(canvas.h));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    ImGui::NewFrame();
    build_ui();
    ImGui::Render();
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    if (settle_frames_ > 0) --settle_frames_;
    PinPrompt& p = ui_->pin;
    if (p.focus && (p.active || unlocked_ || ++p.waited > 3)) p.focus = false;
    ui_->pressed = false;
    if (!p.focus) replay_held_keys();
    if (p.focus || !ui_->held.empty()) settle_frames_ = std::max(settle_frames_, 1);
}

void StaffOverlay::build_ui() {
    begin_staff_window();
    if (!unlocked_) {
        unlocked_ = pin_panel(pin_, ui_->pin);
        ImGui::End();
        return;
    }
    const bool staff = !pin_.empty();
    if (!staff) preview_notice();
    if (!view_.message.empty()) ImGui::TextWrapped("%s", view_.message.c_str());
    status_section(view_, staff, requests_);
    room_section(view_, staff, requests_);
    full_section(view_, staff, ui_->full_until, requests_);
    coming_section(view_);
    announcement_section(view_, staff, ui_->announcement, requests_);
    clock_section(view_, staff, ui_->clock, ui_->speed, requests_);
    if (staff) {
        ImGui::Separator();
        quit_section(ui_->confirm_quit, requests_);
    }
    ImGui::End();
}

}  // namespace kiosk
