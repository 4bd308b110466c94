// `kiosk render --at TIME --out DIR`: the slides shown at TIME as PNG files, no display needed.
// The same pipeline and screen setup as `kiosk run`, so the files show what the screen would.
#include <filesystem>
#include <ostream>

#include "kiosk/app/commands/command_setup.h"
#include "kiosk/app/commands/commands.h"
#include "kiosk/app/screen_setup.h"
#include "kiosk/render/canvas.h"
#include "kiosk/render/fonts.h"
#include "kiosk/render/png.h"

namespace kiosk {

namespace {

namespace fs = std::filesystem;

bool wanted(const Slide& s, const std::string& which) {
    return which == "all" || s.name == which || which == to_string(s.kind);
}

// What the reload thread would publish for this load.
Live live_of(const Config& config, const ProgramLoad& load) {
    Live live;
    live.config = config;
    live.imported = load.imported;
    live.corrections = load.corrections;
    live.program = load.prepared.program;
    live.schedule = load.prepared.schedule;
    live.warnings = load.prepared.warnings;
    live.schedule_error = load.prepared.schedule_error;
    if (!load.errors.empty()) {
        live.program_file.error = to_string(load.errors.front());
        live.program_file.error_at = Instant{};
    }
    return live;
}

struct Picture {
    Size size;
    std::string out_dir;
    std::string which;
};

// Draws every wanted slide of `deck` into its PNG; the exit code.
int write_slides(const Picture& pic, const ScreenSetup& setup, const Board& board, Instant at,
                 const Deck& deck, const FontSet& fonts, CommandIo io) {
    auto canvas = Canvas::create(pic.size, fonts);
    if (!canvas) {
        io.err << "kiosk: " << canvas.error().front().message << "\n";
        return exit_failure;
    }
    int written = 0;
    int problems = 0;
    for (std::size_t i = 0; i < deck.slides.size(); ++i) {
        const Slide& s = deck.slides[i];
        if (!wanted(s, pic.which)) continue;
        Slide chrome =
            layout_chrome({setup.title.empty() ? board.room : setup.title, board.timezone, at, i,
                           deck.slides.size(), setup.notice, full_in_header(deck, i), deck.tickers},
                          pic.size, setup.theme, setup.deck, fonts);
        canvas.value()->draw(setup.theme, &s, 1.0, chrome);
        char prefix[24];
        std::snprintf(prefix, sizeof prefix, "%02zu-", i + 1);
        std::string path = (fs::path(pic.out_dir) / (prefix + s.name + ".png")).string();
        if (auto ok = write_png(path, canvas.value()->image()); !ok) {
            io.err << to_string(ok.error().front()) << "\n";
            return exit_failure;
        }
        for (const auto& p : s.problems) {
            io.err << path << ": layout: " << p.what << "\n";
            ++problems;
        }
        io.out << path << "\n";
        ++written;
    }
    if (written == 0) {
        std::string names;
        for (const auto& s : deck.slides) names += " " + s.name;
        io.err << "kiosk: no slide '" << pic.which << "' at that time; the deck has:" << names
               << "\n";
        return exit_failure;
    }
    return problems == 0 ? exit_ok : exit_failure;
}

}  // namespace

int run_render(const Invocation& inv, CommandIo io) {
    for (std::string_view required : {"--at", "--out"}) {
        if (!inv.has(required)) {
            io.err << "kiosk: render needs " << required << " (see kiosk render --help)\n";
            return exit_usage;
        }
    }
    Picture pic{{1920, 1080}, *inv.get("--out"), inv.get("--slide").value_or("all")};
    if (auto text = inv.get("--size")) {
        auto parsed = parse_size(*text, "--size");
        if (!parsed) {
            io.err << "kiosk: " << parsed.error().front().message << "\n";
            return exit_usage;
        }
        pic.size = parsed.value();
    }
    auto setup = command_setup(inv, io);
    if (auto* rc = std::get_if<int>(&setup)) return *rc;
    int rc = exit_ok;
    auto timed = load_at(std::get<CommandSetup>(setup).config, "--at", *inv.get("--at"), io, rc);
    if (!timed) return rc;
    ScreenSetup screen =
        screen_setup(live_of(std::get<CommandSetup>(setup).config, timed->load), {});
    auto board = screen.boards(timed->at);
    if (!board) {
        io.err << "kiosk: " << board.error().front().message << "\n";
        return exit_failure;
    }
    auto fonts = FontSet::open(screen.font_dirs);
    if (!fonts) {
        io.err << "kiosk: " << fonts.error().front().message << "\n";
        return exit_failure;
    }
    DeckInput in{&board.value(), screen.room, timed->at, screen.announcements};
    in.full = screen.full;
    std::optional<Overview> overview;
    if (screen.overviews) {
        overview = screen.overviews(timed->at);
        in.overview = &*overview;
    }
    Deck deck = build_deck(in, pic.size, screen.theme, screen.deck, *fonts.value());
    std::error_code ec;
    fs::create_directories(pic.out_dir, ec);
    if (ec) {
        io.err << "kiosk: cannot create " << pic.out_dir << ": " << ec.message() << "\n";
        return exit_failure;
    }
    rc = write_slides(pic, screen, board.value(), timed->at, deck, *fonts.value(), io);
    // A warning, not a failure: the slides are written, with a placeholder where text is lost.
    for (char32_t c : fonts.value()->missing()) {
        io.err << "kiosk: warning: " << missing_glyph_warning(c) << "\n";
    }
    return rc == exit_ok && !timed->load.errors.empty() ? exit_failure : rc;
}

}  // namespace kiosk
