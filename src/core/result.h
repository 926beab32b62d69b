// Result<T>: either a value of T or an Error, in the shape of C++23's
// std::expected so it can be swapped in later (has_value, value, error,
// operator bool, operator*, operator->). Result<void> carries only success
// or an Error. Not thread-safe for concurrent mutation, like any value.
#pragma once

#include <cassert>
#include <optional>
#include <utility>
#include <variant>

#include "core/error.h"

namespace hallway::core {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}      // NOLINT: implicit by design

  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  // REQUIRES: has_value().
  T& value() & { assert(has_value()); return std::get<0>(v_); }
  const T& value() const& { assert(has_value()); return std::get<0>(v_); }
  T&& value() && { assert(has_value()); return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // REQUIRES: !has_value().
  const Error& error() const { assert(!has_value()); return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design

  bool has_value() const { return !error_.has_value(); }
  explicit operator bool() const { return has_value(); }
  // REQUIRES: !has_value().
  const Error& error() const { assert(error_.has_value()); return *error_; }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

inline Status Ok() { return {}; }

}  // namespace hallway::core

// Propagates the error of a Result-returning expression, else binds its value.
#define HALLWAY_CONCAT_INNER(a, b) a##b
#define HALLWAY_CONCAT(a, b) HALLWAY_CONCAT_INNER(a, b)
#define HALLWAY_TRY_ASSIGN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                            \
  if (!tmp) return tmp.error();                 \
  lhs = std::move(tmp).value()
#define HALLWAY_TRY_ASSIGN(lhs, expr) \
  HALLWAY_TRY_ASSIGN_IMPL(HALLWAY_CONCAT(hallway_try_, __COUNTER__), lhs, expr)
#define HALLWAY_TRY(expr)                                          \
  do {                                                             \
    auto hallway_try_status = (expr);                              \
    if (!hallway_try_status) return hallway_try_status.error();    \
  } while (false)
