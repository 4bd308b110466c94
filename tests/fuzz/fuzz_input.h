// What every fuzz target shares: the input cap and the fixed options the importers are given.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include <date/date.h>

#include "kiosk/core/import/importer.h"

namespace kiosk::fuzz {

// Inputs over 1 MiB are skipped: the targets look for bugs in parsing, not for the cost of big
// files, which limits_test and the benchmarks cover. run-long.sh and ctest pass -max_len too.
constexpr std::size_t max_input = std::size_t{1} << 20;

inline bool too_big(std::size_t size) { return size > max_input; }

inline std::string_view bytes_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// The options a screen would pass: a venue zone to fall back on, a reference day for day pages'
// yearless dates, no pinned year.
inline ImportOptions import_options_for(std::string file_name) {
    return {.file_name = std::move(file_name),
            .fallback_timezone = "Europe/Berlin",
            .reference_day = date::local_days{date::year{2024} / 7 / 1}};
}

}  // namespace kiosk::fuzz
