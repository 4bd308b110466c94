// PNG files written with libpng: lossless whatever the pixels, read back by stb_image (which
// shares no code with libpng), and errors that say what went wrong.
#include "kiosk/render/png.h"

#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "png_test_images.h"

namespace kiosk {
namespace {

std::string out(const std::string& name) {
    return (std::filesystem::path(KIOSK_BINARY_DIR) / name).string();
}

TEST(Png, IsLosslessWhateverThePixels) {
    Image img = mixed_picture(301, 61);
    ASSERT_TRUE(write_png(out("png_mixed.png"), img).has_value());
    auto back = read_png(out("png_mixed.png"));
    ASSERT_TRUE(back.has_value()) << to_string(back.error().front());
    EXPECT_EQ(back.value(), img);
    // Packed, then encoded a row at a time: the same file.
    std::string direct;
    std::string packed;
    auto into = [](std::string& s) {
        return [&s](const std::uint8_t* b, std::size_t n) {
            s.append(reinterpret_cast<const char*>(b), n);
            return true;
        };
    };
    ASSERT_TRUE(encode_png(img, into(direct)).has_value());
    ASSERT_TRUE(encode_png(pack(img), into(packed)).has_value());
    EXPECT_EQ(packed, direct);
}

TEST(Png, ComesThroughTheSinkInPiecesAndSmallForAFlatPicture) {
    // A slide's background: 6 MB of RGB at 1920x1080 is a few kilobytes of PNG.
    Image flat{1920, 1080, std::vector<std::uint8_t>(1920u * 1080u * 3u, 14)};
    std::string bytes;
    int pieces = 0;
    auto png = encode_png(flat, [&](const std::uint8_t* b, std::size_t n) {
        bytes.append(reinterpret_cast<const char*>(b), n);
        ++pieces;
        return true;
    });
    ASSERT_TRUE(png.has_value()) << png.error().front().message;
    EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1A\n", 8));
    EXPECT_GT(pieces, 3);  // signature, header, data, end at least
    EXPECT_LT(bytes.size(), 30'000u);
}

TEST(Png, BadPicturesAndFailedWritesAreErrorsThatSaySo) {
    auto bad =
        encode_png(Image{2, 2, std::vector<std::uint8_t>(5)}, [](auto, auto) { return true; });
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().front().message, "cannot make a PNG of a 2x2 picture of 5 bytes");
    EXPECT_FALSE(encode_png(Image{0, 0, {}}, [](auto, auto) { return true; }).has_value());

    auto full = encode_png(mixed_picture(40, 4), [](auto, auto) {
        errno = ENOSPC;
        return false;
    });
    ASSERT_FALSE(full.has_value());
    EXPECT_EQ(full.error().front().message, "cannot write the PNG file: No space left on device");

    RunImage cut = pack(mixed_picture(40, 4));
    cut.bytes.resize(cut.bytes.size() - 1);
    auto broken = encode_png(cut, [](auto, auto) { return true; });
    ASSERT_FALSE(broken.has_value());
    EXPECT_EQ(broken.error().front().message, "the picture's rows are broken");

    auto w = write_png("/nonexistent/golden.png", Image{1, 1, {0, 0, 0}});
    ASSERT_FALSE(w.has_value());
    EXPECT_EQ(to_string(w.error().front()),
              "/nonexistent/golden.png: cannot write the PNG file: No such file or directory");
}

}  // namespace
}  // namespace kiosk
