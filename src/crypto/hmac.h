// Message authentication for links that must work without signing in
// (one-click unsubscribe): HMAC-SHA-256 (libsodium) in unpadded base64url.
// Thread-safe (pure).
#pragma once

#include <string>
#include <string_view>

namespace hallway::crypto {

// Returns the HMAC-SHA-256 of `message` under `key` (any length), as 43
// base64url characters.
std::string HmacSha256(std::string_view key, std::string_view message);

// Returns true if `mac` is HmacSha256(key, message), compared in constant time.
bool VerifyHmacSha256(std::string_view key, std::string_view message, std::string_view mac);

}  // namespace hallway::crypto
