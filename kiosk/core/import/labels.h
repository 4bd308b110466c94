// Short talk labels for the screen, made up from a talk's abstract when the source has no title.
//
// Day pages lost the paper titles; a passer-by recognises a talk by its system's name
// ("Pathways", "QuadraLib", "ML-EXray"), so that is tried first, then a shortened first sentence,
// then a neutral "Talk 3". Only the first few kilobytes of an abstract are read, so a 10 MB line
// costs no more than a normal one.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk {

inline constexpr std::size_t max_label_chars = 60;  // code points, "…" included

// How a label was made, for tests and `kiosk check`.
enum class LabelSource {
    system_name,     // the abstract names the system: "Our system, Pathways, …"
    first_sentence,  // no name found: the first sentence, cut at a word
    numbered,        // no abstract: "Talk 3"
};

struct TalkLabel {
    std::string text;  // never empty, at most max_label_chars code points
    LabelSource source = LabelSource::numbered;

    bool operator==(const TalkLabel&) const = default;
};

// The name the abstract gives its system, or "" when it gives none, wherever in the abstract it
// is given. Recognised, strongest first: "Our system, X,", "named/dubbed/called/termed X", "which
// we call X", "known as X", "we present/propose/introduce/develop X, a …", "We introduce X, …",
// "we present TorchX on …", "This paper presents X, …", "we present the Long Name (ACRONYM) …",
// "X, our open-source tool", "framework X" (when X recurs); then a distinctive name such as
// "ML-EXray" that the abstract keeps repeating; then "X is a framework …" and "available as part
// of the X library", which may name something the work only builds on.
std::string system_name(std::string_view abstract);

// The label for talk number `number` (1-based, in session order) with this abstract.
TalkLabel talk_label(std::string_view abstract, int number);

}  // namespace kiosk
