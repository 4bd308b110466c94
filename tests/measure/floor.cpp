// The floor kiosk is measured against (tests/measure/compare.sh): the least a native program can
// do to show one slide and a ticking clock with SDL2 and SDL2_ttf. A full-screen window, SDL's
// software renderer (kiosk's default), a background, a header band, a few lines of the seed's
// Now slide in Inter and a clock with seconds, redrawn once a second; in between it sleeps in
// SDL_WaitEventTimeout. The fixed lines are rendered to textures once; each second only the
// clock's text is rendered again, then the whole frame is drawn and presented.
//
//   floor FONT_DIR      (FONT_DIR holds Inter-Regular.otf and Inter-SemiBold.otf; quits on
//                        SIGTERM, SIGINT or a closed window)
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include <SDL.h>
#include <SDL_ttf.h>

namespace {

struct Line {
    SDL_Texture* texture = nullptr;
    SDL_Rect box{};
};

// Renders `text` once; the caller places and frees it.
Line render(SDL_Renderer* r, TTF_Font* font, const std::string& text, SDL_Color colour) {
    Line line;
    SDL_Surface* s = TTF_RenderUTF8_Blended(font, text.c_str(), colour);
    if (s == nullptr) return line;
    line.texture = SDL_CreateTextureFromSurface(r, s);
    line.box = {0, 0, s->w, s->h};
    SDL_FreeSurface(s);
    return line;
}

std::string clock_text() {
    std::time_t t = std::time(nullptr);
    std::tm local{};
    localtime_r(&t, &local);
    char text[16];
    std::strftime(text, sizeof text, "%H:%M:%S", &local);
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: floor FONT_DIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    // As kiosk's software path sets them: no GL context (Mesa's llvmpipe) behind the window.
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0) {
        std::fprintf(stderr, "floor: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Window* window =
        SDL_CreateWindow("floor", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 0, 0,
                         SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS);
    SDL_Renderer* r = window ? SDL_CreateRenderer(window, -1, 0) : nullptr;
    if (r == nullptr) {
        std::fprintf(stderr, "floor: %s\n", SDL_GetError());
        return 1;
    }
    SDL_ShowCursor(SDL_DISABLE);
    int w = 0;
    int h = 0;
    SDL_GetRendererOutputSize(r, &w, &h);
    const int unit = w < h ? w : h;  // sizes as shares of the short side, as kiosk's are
    TTF_Font* title = TTF_OpenFont((dir + "/Inter-SemiBold.otf").c_str(), unit * 7 / 100);
    TTF_Font* body = TTF_OpenFont((dir + "/Inter-Regular.otf").c_str(), unit * 3 / 100);
    TTF_Font* header = TTF_OpenFont((dir + "/Inter-SemiBold.otf").c_str(), unit * 4 / 100);
    if (title == nullptr || body == nullptr || header == nullptr) {
        std::fprintf(stderr, "floor: %s\n", TTF_GetError());
        return 1;
    }
    const SDL_Color text{0xF2, 0xF4, 0xF8, 0xFF};
    const SDL_Color muted{0xA9, 0xB1, 0xBD, 0xFF};
    const int margin = unit * 5 / 100;
    const int header_h = unit * 10 / 100;

    std::vector<Line> lines;
    int y = header_h + margin;
    auto add = [&](TTF_Font* font, const std::string& s, SDL_Color c) {
        Line l = render(r, font, s, c);
        l.box.x = margin;
        l.box.y = y;
        y += l.box.h + unit / 100;
        lines.push_back(l);
    };
    add(body, "NOW \u00B7 ORAL", muted);
    add(title, "Outstanding Papers", text);
    add(body, "08:45 \u2013 10:00 \u00B7 ends in about 70 min", muted);
    add(body, "On stage: Pathways", text);
    add(body, "Next: QuadraLib at 09:00", muted);
    Line room = render(r, header, "Exhibit Hall A", text);
    room.box.x = margin;
    room.box.y = (header_h - room.box.h) / 2;

    bool running = true;
    while (running) {
        Line clock = render(r, header, clock_text(), text);
        clock.box.x = w - margin - clock.box.w;
        clock.box.y = (header_h - clock.box.h) / 2;
        SDL_SetRenderDrawColor(r, 0x0E, 0x11, 0x16, 0xFF);
        SDL_RenderClear(r);
        SDL_SetRenderDrawColor(r, 0x16, 0x1B, 0x22, 0xFF);
        SDL_Rect band{0, 0, w, header_h};
        SDL_RenderFillRect(r, &band);
        SDL_RenderCopy(r, room.texture, nullptr, &room.box);
        SDL_RenderCopy(r, clock.texture, nullptr, &clock.box);
        for (const Line& l : lines) SDL_RenderCopy(r, l.texture, nullptr, &l.box);
        SDL_RenderPresent(r);
        SDL_DestroyTexture(clock.texture);

        // Sleeps to the start of the next second, waking early only for an event.
        auto now = std::chrono::system_clock::now().time_since_epoch();
        auto ms = 1000 - std::chrono::duration_cast<std::chrono::milliseconds>(now).count() % 1000;
        SDL_Event e;
        if (SDL_WaitEventTimeout(&e, static_cast<int>(ms)) != 0) {
            do {
                if (e.type == SDL_QUIT) running = false;
            } while (SDL_PollEvent(&e) != 0);
        }
    }
    for (const Line& l : lines) SDL_DestroyTexture(l.texture);
    SDL_DestroyTexture(room.texture);
    TTF_CloseFont(title);
    TTF_CloseFont(body);
    TTF_CloseFont(header);
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(window);
    TTF_Quit();
    SDL_Quit();
    return 0;
}
