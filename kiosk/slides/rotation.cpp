// The slide rotation (see rotation.h).
#include "kiosk/slides/rotation.h"

#include <algorithm>

namespace kiosk {

void Rotation::set_slides(std::vector<std::string> names, bool restart, Millis now) {
    std::string showing = current_ < names_.size() ? names_[current_] : std::string();
    names_ = std::move(names);
    if (restart || names_.empty()) {
        current_ = 0;
        shown_since_ = now;
        return;
    }
    auto it = std::find(names_.begin(), names_.end(), showing);
    if (it != names_.end()) {
        current_ = static_cast<std::size_t>(it - names_.begin());
    } else {
        // The slide on screen went away (its talk ended): show what took its place, afresh.
        current_ = std::min(current_, names_.size() - 1);
        shown_since_ = now;
    }
}

void Rotation::advance(Millis now) {
    if (names_.size() < 2 || now < shown_since_ + cycle()) return;
    // After a long gap (a suspended machine) skip whole cycles at once instead of looping.
    auto cycles = (now - shown_since_) / cycle();
    current_ = (current_ + static_cast<std::size_t>(cycles)) % names_.size();
    shown_since_ += cycles * cycle();
}

RotationView Rotation::view(Millis now) const {
    if (names_.size() < 2 || now < shown_since_ + options_.dwell) return {current_, 1.0};
    auto into = now - shown_since_ - options_.dwell;
    if (into >= options_.fade) return {(current_ + 1) % names_.size(), 1.0};
    double p = static_cast<double>(into.count()) / static_cast<double>(options_.fade.count());
    if (p < 0.5) return {current_, 1.0 - 2.0 * p};
    return {(current_ + 1) % names_.size(), 2.0 * p - 1.0};
}

Millis Rotation::next_change(Millis now) const {
    if (names_.size() < 2) return Millis::max();
    Millis fade_start = shown_since_ + options_.dwell;
    Millis fade_end = fade_start + options_.fade;
    if (now < fade_start) return fade_start;
    if (now >= fade_end) return now;  // advance() is due
    Millis frame{1000 / std::max(1, options_.fade_fps)};
    // Frames on a fixed grid from the fade's start, so a late wake-up does not shift them.
    auto done = (now - fade_start) / frame + 1;
    return std::min(fade_start + done * frame, fade_end);
}

}  // namespace kiosk
