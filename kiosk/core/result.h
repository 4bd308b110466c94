// Result<T>: a value or the diagnostics that explain why there is none.
//
// g++ 12 has no std::expected; this keeps its spelling (has_value/value/error) so the switch is a
// search-and-replace later. Errors from user data travel as values; exceptions are for bugs and
// start-up failures only.
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "kiosk/core/diagnostic.h"

namespace kiosk {

template <class E>
struct Unexpected {
    E error;
};

// fail(diagnostics) / fail(diagnostic) builds the error side of a Result.
inline Unexpected<Diagnostics> fail(Diagnostics ds) { return {std::move(ds)}; }
inline Unexpected<Diagnostics> fail(Diagnostic d) { return {Diagnostics{std::move(d)}}; }

template <class T, class E = Diagnostics>
class [[nodiscard]] Result {
  public:
    Result(T value)
        : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit on purpose
    Result(Unexpected<E> e) : v_(std::in_place_index<1>, std::move(e.error)) {}  // NOLINT

    bool has_value() const { return v_.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T& value() & {
        assert(has_value());
        return std::get<0>(v_);
    }
    const T& value() const& {
        assert(has_value());
        return std::get<0>(v_);
    }
    T&& value() && {
        assert(has_value());
        return std::get<0>(std::move(v_));
    }
    const E& error() const {
        assert(!has_value());
        return std::get<1>(v_);
    }

    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

  private:
    std::variant<T, E> v_;
};

}  // namespace kiosk
