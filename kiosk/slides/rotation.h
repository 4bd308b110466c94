// The rotation: which slide is on screen at a moment, and when the picture next changes.
//
// A pure value driven by a monotonic time the caller passes in, so tests step through hours of
// rotation without sleeping. Each slide stays for `dwell`; the change is a short fade through the
// background (out, then in) rather than a blend of two slides, so two texts never show at once.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace kiosk {

using Millis = std::chrono::milliseconds;  // on the caller's monotonic clock

struct RotationOptions {
    Millis dwell{10'000};  // how long a slide stays, fully shown ([slides] dwell)
    Millis fade{500};      // the whole change: half fading out, half fading in
    int fade_fps = 12;     // frames drawn during a fade; few, because each costs a full redraw

    bool operator==(const RotationOptions&) const = default;
};

// What to draw at a moment.
struct RotationView {
    std::size_t slide = 0;  // index into the deck
    double opacity = 1.0;   // of the slide's content over the background: 1 outside fades

    bool operator==(const RotationView&) const = default;
};

class Rotation {
  public:
    explicit Rotation(RotationOptions options = {}) : options_(options) {}

    // A new deck, named slide by slide. The slide on screen stays if the new deck still has it;
    // `restart` (a new session started, an announcement arrived) goes to the first slide at once.
    void set_slides(std::vector<std::string> names, bool restart, Millis now);

    // Moves on past every change that ended by `now`.
    void advance(Millis now);

    RotationView view(Millis now) const;

    // When the picture changes next (a fade frame, or the start of the next fade); never before
    // `now`. With fewer than two slides nothing changes: Millis::max().
    Millis next_change(Millis now) const;

    std::size_t current() const { return current_; }
    const std::vector<std::string>& slides() const { return names_; }

  private:
    Millis cycle() const { return options_.dwell + options_.fade; }

    RotationOptions options_;
    std::vector<std::string> names_;
    std::size_t current_ = 0;
    Millis shown_since_{0};  // when the current slide became fully visible
};

}  // namespace kiosk
