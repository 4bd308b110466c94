// SHA-256 against the FIPS 180-4 / NIST example vectors, whole and fed in pieces.
#include "kiosk/core/sha256.h"

#include <gtest/gtest.h>

namespace kiosk {
namespace {

TEST(Sha256, NistVectors) {
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256_hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnop"
                         "jklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
              "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    EXPECT_EQ(sha256_hex(std::string(1'000'000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// Lengths around the padding boundaries (55, 56, 63, 64 bytes) and pieces of every size.
TEST(Sha256, PiecesGiveTheSameDigestAsTheWhole) {
    std::string text;
    for (int i = 0; i < 200; ++i) text += static_cast<char>('a' + i % 26);
    for (std::size_t len : {0u, 1u, 55u, 56u, 57u, 63u, 64u, 65u, 119u, 120u, 200u}) {
        std::string whole = sha256_hex(text.substr(0, len));
        for (std::size_t piece = 1; piece <= 70; piece += 23) {
            Sha256 s;
            for (std::size_t at = 0; at < len; at += piece) {
                s.update(std::string_view(text).substr(at, std::min(piece, len - at)));
            }
            std::string hex;
            for (auto b : s.finish()) {
                hex += "0123456789abcdef"[b >> 4];
                hex += "0123456789abcdef"[b & 15];
            }
            EXPECT_EQ(hex, whole) << "length " << len << ", pieces of " << piece;
        }
    }
}

}  // namespace
}  // namespace kiosk
