// Matching names people type against names programs spell: rooms, kinds, titles.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// "  Exhibit  Hall A " → "Exhibit Hall A": white space trimmed and runs of it collapsed to one
// space, so a name typed with a stray space shows as the program spells it.
std::string tidy_name(std::string_view name);

// "  Exhibit  hall A " → "exhibit hall a": ASCII letters lower-cased, white space trimmed and
// runs of it collapsed to one space. Other bytes (accented letters in UTF-8) are kept as they are,
// so "Salle Évian" matches only itself up to ASCII case.
std::string fold_name(std::string_view name);

// Whether `phrase` occurs in `text` as whole words; both already folded.
bool contains_words(std::string_view text, std::string_view phrase);

// Levenshtein distance in bytes: how many single edits turn `a` into `b`.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a typo (a third of the word, at
// least 2 edits).
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& names);

// " (did you mean 'X'?)", or "" when there is no suggestion.
std::string did_you_mean(const std::optional<std::string>& suggestion);

}  // namespace kiosk
