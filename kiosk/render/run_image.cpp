// Pictures packed as runs of a colour (see run_image.h).
#include "kiosk/render/run_image.h"

#include <algorithm>
#include <cstring>

namespace kiosk {

namespace {

constexpr std::size_t channels = 3;  // RGB

Diagnostic broken() { return Diagnostic{"", 0, Severity::error, "the picture's rows are broken"}; }

}  // namespace

void append_row(RunImage& image, const std::uint8_t* rgb) {
    auto& out = image.bytes;
    auto w = static_cast<std::size_t>(image.w);
    auto same = [&](std::size_t a, std::size_t b) {
        return std::memcmp(rgb + a * channels, rgb + b * channels, channels) == 0;
    };
    std::size_t x = 0;
    while (x < w) {
        std::size_t n = 1;
        while (x + n < w && n < 129 && same(x, x + n)) ++n;
        if (n >= 2) {
            out.push_back(static_cast<std::uint8_t>(n + 126));
            out.insert(out.end(), rgb + x * channels, rgb + (x + 1) * channels);
            x += n;
            continue;
        }
        // Pixels as they are, up to where a run of two starts.
        std::size_t start = x;
        while (x < w && x - start < 128 && !(x + 1 < w && same(x, x + 1))) ++x;
        out.push_back(static_cast<std::uint8_t>(x - start - 1));
        out.insert(out.end(), rgb + start * channels, rgb + x * channels);
    }
}

RunImage pack(const Image& image) {
    RunImage out{image.w, image.h, {}};
    std::size_t row_bytes = static_cast<std::size_t>(image.w) * channels;
    for (int y = 0; y < image.h; ++y) {
        append_row(out, image.rgb.data() + static_cast<std::size_t>(y) * row_bytes);
    }
    return out;
}

RunRows::RunRows(const RunImage& image)
    : image_(image), row_(static_cast<std::size_t>(std::max(image.w, 0)) * channels) {}

const std::uint8_t* RunRows::next() {
    const auto& in = image_.bytes;
    std::size_t done = 0;  // bytes of the row written
    while (done < row_.size()) {
        if (at_ >= in.size()) return nullptr;
        unsigned c = in[at_++];
        std::size_t pixels = c < 128 ? c + 1 : c - 126;
        std::size_t given = c < 128 ? pixels * channels : channels;
        if (done + pixels * channels > row_.size() || at_ + given > in.size()) return nullptr;
        for (std::size_t p = 0; p < pixels; ++p) {
            std::memcpy(row_.data() + done, &in[c < 128 ? at_ + p * channels : at_], channels);
            done += channels;
        }
        at_ += given;
    }
    return row_.empty() ? nullptr : row_.data();
}

Result<Image> unpack(const RunImage& image) {
    Image out{image.w, image.h, {}};
    RunRows rows(image);
    for (int y = 0; y < image.h; ++y) {
        const std::uint8_t* row = rows.next();
        if (row == nullptr) return fail(broken());
        out.rgb.insert(out.rgb.end(), row, row + static_cast<std::size_t>(image.w) * channels);
    }
    if (!rows.at_end()) return fail(broken());
    return out;
}

}  // namespace kiosk
