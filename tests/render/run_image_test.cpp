// Pictures packed as runs of a colour: lossless whatever the pixels, small for a slide, and
// broken rows said as such.
#include "kiosk/render/run_image.h"

#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "png_test_images.h"

namespace kiosk {
namespace {

TEST(RunImage, RowsAreRepeatsAndPixelsAsTheyAre) {
    // Three of one pixel, then two different ones.
    Image row{5, 1, {9, 9, 9, 9, 9, 9, 9, 9, 9, 1, 2, 3, 4, 5, 6}};
    RunImage packed = pack(row);
    EXPECT_EQ(packed.bytes, (std::vector<std::uint8_t>{129, 9, 9, 9, 1, 1, 2, 3, 4, 5, 6}));
    EXPECT_EQ(unpack(packed).value(), row);

    // Noise (literal runs past 128 pixels), gradients and flat stretches (repeats past 129).
    Image img = mixed_picture(301, 61);
    EXPECT_EQ(unpack(pack(img)).value(), img);
    // A slide's background: a 1920-pixel row of one colour is 15 runs of 129 or fewer.
    Image flat{1920, 1080, std::vector<std::uint8_t>(1920u * 1080u * 3u, 14)};
    EXPECT_EQ(pack(flat).bytes.size(), 1080u * 15u * 4u);
}

TEST(RunImage, BrokenRowsAreErrorsThatSaySo) {
    RunImage cut = pack(mixed_picture(40, 4));
    cut.bytes.resize(cut.bytes.size() - 1);
    ASSERT_FALSE(unpack(cut).has_value());
    EXPECT_EQ(unpack(cut).error().front().message, "the picture's rows are broken");
    RunImage longer = pack(mixed_picture(40, 4));
    longer.bytes.push_back(0);
    EXPECT_FALSE(unpack(longer).has_value());
}

}  // namespace
}  // namespace kiosk
