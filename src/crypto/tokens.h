// Secret tokens (session ids, CSRF tokens, API tokens, reset and invite
// links) and their one-way digests. Tokens are 32 random bytes from the OS
// CSPRNG in unpadded base64url; the store keeps only the SHA-256 digest, so a
// leaked database does not leak usable tokens. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace hallway::crypto {

// Returns a fresh random token: `prefix` followed by 43 base64url characters.
std::string NewToken(std::string_view prefix = "");

// Returns the lower-case hex SHA-256 of `token`, as stored in the database.
std::string TokenDigest(std::string_view token);

// Returns true if `a` equals `b`, in time that depends only on the lengths.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// Returns the lower-case hex SHA-256 of arbitrary bytes (ETags, file names).
std::string Sha256Hex(std::string_view bytes);

}  // namespace hallway::crypto
