// Matching names people type against names programs spell: rooms, kinds, titles.
#pragma once

#include <string>
#include <string_view>

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

}  // namespace kiosk
