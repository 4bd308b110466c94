// What the Reloader does once the screen has shown a Live (see reload.h): last-good copies are
// saved only then, and a program version on trial is marked in the state dir until then.
#include "kiosk/app/reload.h"
#include "kiosk/core/sha256.h"

namespace kiosk {

void Reloader::shown(std::uint64_t generation) {
    // One version waits for each copy at most (keep_copy).
    for (const UnshownCopy& c : unshown_) {
        if (c.generation <= generation) save_copy(c.copy, c.bytes);
    }
    std::erase_if(unshown_, [&](const UnshownCopy& c) { return c.generation <= generation; });
    if (trying_sha256_.empty() || trying_generation_ > generation) return;
    good_sha256_ = trying_sha256_;
    end_trial();
}

void Reloader::stopping() {
    if (!trying_sha256_.empty()) end_trial();
}

void Reloader::end_trial() {
    trying_sha256_.clear();
    if (auto cleared = fs_.write_atomic(state_.trying_marker(), ""); !cleared) {
        log("cannot clear the trying marker: " + to_string(cleared.error().front()));
    }
}

// Written before the screen gets the program (it is published after this), so a screen that
// dies or hangs drawing it leaves the marker behind for the next start.
void Reloader::try_program(const std::string& sha256) {
    trying_sha256_ = sha256;
    trying_generation_ = live_->generation + 1;
    if (auto saved = fs_.write_atomic(state_.trying_marker(), sha256 + "\n"); !saved) {
        log("cannot mark the program on trial: " + to_string(saved.error().front()));
    }
}

std::optional<std::string> Reloader::refused(const std::string& path) {
    if (refused_sha256_.empty()) return std::nullopt;
    auto bytes = read_input(fs_, path);
    if (!bytes || sha256_hex(bytes.value()) != refused_sha256_) return std::nullopt;
    return path + " (sha256 " + refused_sha256_.substr(0, 12) +
           "...) stopped the screen last time it was shown";
}

}  // namespace kiosk
