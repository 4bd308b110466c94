// SHA-256 (FIPS 180-4) of a file's bytes, so the status file can say exactly which program is up.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk {

// Incremental, for data that arrives in pieces; sha256_hex below for a whole buffer.
class Sha256 {
  public:
    Sha256();
    void update(std::string_view bytes);
    std::array<std::uint8_t, 32> finish();  // call once; the object is spent afterwards

  private:
    void block(const std::uint8_t* p);

    std::array<std::uint32_t, 8> h_;
    std::array<std::uint8_t, 64> buf_{};
    std::size_t used_ = 0;     // bytes waiting in buf_
    std::uint64_t total_ = 0;  // bytes seen, for the length in the padding
};

// 64 lowercase hex digits, as `sha256sum` prints them.
std::string sha256_hex(std::string_view bytes);

}  // namespace kiosk
