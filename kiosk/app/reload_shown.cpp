// What the Reloader does once the screen has shown a Live (see reload.h): last-good copies are
// saved only then (and tried again while they cannot be), and a program version on trial is
// marked in the state dir until then.
#include "kiosk/app/reload.h"
#include "kiosk/core/sha256.h"

namespace kiosk {

// A file is good once the screen has shown it (shown()): one that imports but stalls or crashes
// the screen must not become the copy every restart falls back to.
// A newer version waiting for the same copy replaces the older one: at most one program's bytes
// wait, and an older version passed over before it was shown is not kept.
void Reloader::keep_copy(const std::string& copy, const std::string& bytes) {
    std::erase_if(unshown_, [&](const UnshownCopy& c) { return c.copy == copy; });
    unshown_.push_back({live_->generation + 1, copy, bytes});
}

// A copy that cannot be saved (the state folder full or read-only) is kept in memory and tried
// again (retry_copies), and said in last_error and the status file: a restart onto a broken file
// would otherwise show an older program with nobody told.
void Reloader::save_copy(const std::string& copy, const std::string& bytes) {
    if (auto saved = fs_.write_atomic(copy, bytes); !saved) {
        std::string why = "cannot keep a last-good copy: " + to_string(saved.error().front()) +
                          "; trying again every 30 s";
        auto& [kept, said] = unsaved_[copy];
        if (why != said) log(why);
        kept = bytes;
        said = why;
    } else {
        unsaved_.erase(copy);
    }
    unsaved_error_ = unsaved_.empty() ? std::nullopt
                                      : std::optional<std::string>(unsaved_.begin()->second.second);
}

void Reloader::retry_copies(Millis now) {
    if (unsaved_.empty() || now < unsaved_retry_at_) return;
    unsaved_retry_at_ = now + std::chrono::seconds{30};
    auto copies = unsaved_;
    for (const auto& [copy, unsaved] : copies) save_copy(copy, unsaved.first);
    if (unsaved_.empty()) log("the last-good copies are saved again");
}

bool Reloader::note_copies(Live& next, Instant wall) const {
    if (next.state_error == unsaved_error_) return false;
    next.state_error = unsaved_error_;
    next.state_error_at = unsaved_error_ ? std::optional<Instant>(wall) : std::nullopt;
    return true;
}

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
