#include "crypto/hmac.h"

#include <sodium.h>

#include <array>

#include "crypto/tokens.h"

namespace hallway::crypto {

std::string HmacSha256(std::string_view key, std::string_view message) {
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256_final(&state, mac.data());
  char encoded[sodium_base64_ENCODED_LEN(crypto_auth_hmacsha256_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(encoded, sizeof encoded, mac.data(), mac.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return encoded;
}

bool VerifyHmacSha256(std::string_view key, std::string_view message, std::string_view mac) {
  return ConstantTimeEquals(HmacSha256(key, message), mac);
}

}  // namespace hallway::crypto
