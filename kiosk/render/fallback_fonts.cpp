// Fallback fonts through fontconfig (see fallback_fonts.h).
#include "kiosk/render/fallback_fonts.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include <SDL_ttf.h>
#include <fontconfig/fontconfig.h>

namespace kiosk {

namespace {

// fontconfig's weights for Inter's four (FC_WEIGHT_REGULAR … FC_WEIGHT_BOLD).
int fc_weight(Weight weight) {
    switch (weight) {
        case Weight::regular:
            return FC_WEIGHT_REGULAR;
        case Weight::medium:
            return FC_WEIGHT_MEDIUM;
        case Weight::semibold:
            return FC_WEIGHT_DEMIBOLD;
        case Weight::bold:
            return FC_WEIGHT_BOLD;
    }
    return FC_WEIGHT_REGULAR;
}

// How much we want a family: Noto Sans (the design's sans for every script, and what the package
// recommends) over other Noto styles (Kufi, Naskh, Serif), those over anything else installed.
int preference(std::string_view family) {
    if (family.starts_with("Noto Sans")) return 0;
    if (family.starts_with("Noto")) return 1;
    return 2;
}

// What we ask fontconfig for: a sans-serif face of the weight that has `c`, in `lang` if given.
FcPattern* query(char32_t c, Weight weight, std::string_view lang) {
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>("sans-serif"));
    FcPatternAddInteger(pattern, FC_WEIGHT, fc_weight(weight));
    FcCharSet* wanted = FcCharSetCreate();
    FcCharSetAddChar(wanted, c);
    FcPatternAddCharSet(pattern, FC_CHARSET, wanted);
    FcCharSetDestroy(wanted);
    if (!lang.empty()) {
        std::string lang_z(lang);
        FcPatternAddString(pattern, FC_LANG, reinterpret_cast<const FcChar8*>(lang_z.c_str()));
    }
    return pattern;
}

// Of the fonts fontconfig sorted by its judgement (weight, language, the sans-serif aliases),
// those that have `c`, are scalable (a bitmap face comes in fixed sizes; a title needs any) and
// whose file is `usable`: the most preferred family, the earlier on a tie. Null when none.
template <typename Usable>
FcPattern* most_preferred(const FcFontSet* sorted, char32_t c, Usable usable) {
    FcPattern* best = nullptr;
    int best_rank = 3;
    for (int i = 0; i < sorted->nfont && best_rank > 0; ++i) {
        FcPattern* font = sorted->fonts[i];
        FcCharSet* has = nullptr;
        FcChar8* file = nullptr;
        FcChar8* family = nullptr;
        FcBool scalable = FcTrue;
        if (FcPatternGetCharSet(font, FC_CHARSET, 0, &has) != FcResultMatch ||
            FcCharSetHasChar(has, c) != FcTrue ||
            FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch ||
            FcPatternGetString(font, FC_FAMILY, 0, &family) != FcResultMatch ||
            (FcPatternGetBool(font, FC_SCALABLE, 0, &scalable) == FcResultMatch && !scalable) ||
            !usable(std::string_view(reinterpret_cast<const char*>(file)))) {
            continue;
        }
        int rank = preference(reinterpret_cast<const char*>(family));
        if (rank < best_rank) {
            best = font;
            best_rank = rank;
        }
    }
    return best;
}

// The size at which the face's x-height is measured, once per face.
constexpr int reference_px = 100;
// A face whose Latin is drawn much larger or smaller than its own script would be scaled out
// of proportion by its x-height alone; beyond these its own design wins.
constexpr double min_scale = 0.8;
constexpr double max_scale = 1.25;

struct TtfCloser {
    void operator()(TTF_Font* f) const {
        if (TTF_WasInit() != 0) TTF_CloseFont(f);
    }
};
using Font = std::unique_ptr<TTF_Font, TtfCloser>;

}  // namespace

struct FallbackFonts::Config {
    FcConfig* config = nullptr;
    ~Config() {
        if (config != nullptr) FcConfigDestroy(config);
    }
};

struct FallbackFonts::Face {
    std::string file;
    int index = 0;  // the face in a collection (Noto CJK's .ttc holds JP, KR, SC, TC, HK)
    Weight weight = Weight::regular;
    std::string lang;
    FcCharSet* charset = nullptr;  // owned: what the face has, without opening it
    double scale = 0;              // px of this face per px of Inter; 0 until first opened
    bool broken = false;           // the file did not open: never asked again
    bool opened = false;
    std::map<int, Font> sizes;  // by Inter's px

    ~Face() {
        if (charset != nullptr) FcCharSetDestroy(charset);
    }
};

FallbackFonts::FallbackFonts() = default;
FallbackFonts::~FallbackFonts() = default;

FallbackFonts::Face* FallbackFonts::face_for(char32_t c, Weight weight, std::string_view lang) {
    if (none_.contains({weight, c})) return nullptr;
    for (auto& face : faces_) {
        if (face->weight == weight && face->lang == lang && !face->broken &&
            FcCharSetHasChar(face->charset, c) == FcTrue) {
            return face.get();
        }
    }
    Face* found = ask_fontconfig(c, weight, lang);
    if (found == nullptr) none_.insert({weight, c});
    return found;
}

FallbackFonts::Face* FallbackFonts::ask_fontconfig(char32_t c, Weight weight,
                                                   std::string_view lang) {
    if (!config_) {
        // Loaded on the first character Inter lacks, so a Latin-only screen never pays for it.
        config_ = std::make_unique<Config>();
        config_->config = FcInitLoadConfigAndFonts();
    }
    if (config_->config == nullptr) return nullptr;
    FcPattern* pattern = query(c, weight, lang);
    FcConfigSubstitute(config_->config, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcFontSet* sorted = FcFontSort(config_->config, pattern, FcFalse, nullptr, &result);
    FcPatternDestroy(pattern);
    if (sorted == nullptr) return nullptr;
    auto usable = [this](std::string_view file) {
        return std::none_of(faces_.begin(), faces_.end(),
                            [&](const auto& f) { return f->broken && f->file == file; });
    };
    Face* made = nullptr;
    if (FcPattern* best = most_preferred(sorted, c, usable)) {
        auto face = std::make_unique<Face>();
        FcChar8* file = nullptr;
        FcCharSet* has = nullptr;
        FcPatternGetString(best, FC_FILE, 0, &file);
        FcPatternGetCharSet(best, FC_CHARSET, 0, &has);
        FcPatternGetInteger(best, FC_INDEX, 0, &face->index);
        face->file = reinterpret_cast<const char*>(file);
        face->charset = FcCharSetCopy(has);
        face->weight = weight;
        face->lang = std::string(lang);
        made = faces_.emplace_back(std::move(face)).get();
    }
    FcFontSetDestroy(sorted);
    return made;
}

_TTF_Font* FallbackFonts::size_of(Face& face, int px, double inter_x_height) {
    if (auto it = face.sizes.find(px); it != face.sizes.end()) return it->second.get();
    if (face.scale == 0) {
        // The face's x-height against Inter's, measured on its 'x' when it has Latin (Noto CJK,
        // Devanagari); a face without (Noto Sans Arabic) is drawn at Inter's size, which the Noto
        // family is designed to sit beside.
        Font probe(TTF_OpenFontIndex(face.file.c_str(), reference_px, face.index));
        if (!probe) return nullptr;
        int minx = 0, maxx = 0, miny = 0, maxy = 0, advance = 0;
        face.scale = 1.0;
        if (TTF_GlyphIsProvided32(probe.get(), 'x') != 0 && inter_x_height > 0 &&
            TTF_GlyphMetrics32(probe.get(), 'x', &minx, &maxx, &miny, &maxy, &advance) == 0 &&
            maxy > 0) {
            double own = static_cast<double>(maxy) / reference_px;
            face.scale = std::clamp(inter_x_height / own, min_scale, max_scale);
        }
    }
    int size = std::max(1, static_cast<int>(std::lround(px * face.scale)));
    TTF_Font* f = TTF_OpenFontIndex(face.file.c_str(), size, face.index);
    if (f == nullptr) return nullptr;
    // As Inter: light hinting keeps shapes at large sizes and sharp stems at small ones.
    TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
    face.opened = true;
    return face.sizes.emplace(px, Font(f)).first->second.get();
}

_TTF_Font* FallbackFonts::font_for(char32_t c, Weight weight, int px, std::string_view lang,
                                   double inter_x_height) {
    // Each failure marks a face broken, so this ends after at most as many faces as there are.
    while (Face* face = face_for(c, weight, lang)) {
        if (TTF_Font* f = size_of(*face, px, inter_x_height)) return f;
        face->broken = true;
        face->sizes.clear();
    }
    return nullptr;
}

void FallbackFonts::close_sizes() {
    for (auto& face : faces_) face->sizes.clear();
}

std::vector<std::string> FallbackFonts::faces_opened() const {
    std::vector<std::string> out;
    for (const auto& face : faces_) {
        std::string name = face->file + ":" + std::to_string(face->index);
        if (face->opened && std::find(out.begin(), out.end(), name) == out.end()) {
            out.push_back(std::move(name));
        }
    }
    return out;
}

}  // namespace kiosk
