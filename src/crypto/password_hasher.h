// PasswordHasher: Argon2id password hashes (libsodium crypto_pwhash_str),
// stored as self-describing strings ("$argon2id$v=19$m=...").
//
// Thread-safe: holds only its cost parameters. Hashing is deliberately slow
// (tens of milliseconds and tens of MiB at the default cost), so callers run
// it on the blocking pool, never on an I/O thread.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace hallway::crypto {

struct PasswordCost {
  unsigned long long ops;
  std::size_t mem_bytes;
  // libsodium's "interactive" limits: the production default.
  static PasswordCost Interactive();
  // libsodium's minimum: for tests and demo seeding only.
  static PasswordCost Minimum();
};

class PasswordHasher {
 public:
  explicit PasswordHasher(PasswordCost cost) : cost_(cost) {}

  // Returns an encoded Argon2id hash of `password`, or kInternal if libsodium
  // could not allocate its memory.
  core::Result<std::string> Hash(std::string_view password) const;

  // Returns true if `password` matches `encoded`. Any malformed `encoded`
  // yields false. Runs in time independent of where a mismatch occurs.
  bool Verify(std::string_view password, const std::string& encoded) const;

  // Returns true if `encoded` was made with weaker parameters than ours and
  // should be replaced at the next successful sign-in.
  bool NeedsRehash(const std::string& encoded) const;

 private:
  PasswordCost cost_;
};

// Initializes libsodium. Returns kInternal if it cannot. Idempotent and
// thread-safe; call once from main before anything else in this module.
core::Status InitCrypto();

}  // namespace hallway::crypto
