#include "crypto/password_hasher.h"

#include <sodium.h>

namespace hallway::crypto {

PasswordCost PasswordCost::Interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordCost PasswordCost::Minimum() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

core::Status InitCrypto() {
  if (sodium_init() < 0) return core::Error::Internal("crypto: sodium_init failed");
  return core::Ok();
}

core::Result<std::string> PasswordHasher::Hash(std::string_view password) const {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost_.ops, cost_.mem_bytes,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return core::Error::Internal("crypto: argon2id hash failed (out of memory)");
  }
  return std::string(out);
}

bool PasswordHasher::Verify(std::string_view password, const std::string& encoded) const {
  if (encoded.rfind("$argon2id$", 0) != 0) return false;
  return crypto_pwhash_str_verify(encoded.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::NeedsRehash(const std::string& encoded) const {
  return crypto_pwhash_str_needs_rehash(encoded.c_str(), cost_.ops, cost_.mem_bytes) != 0;
}

}  // namespace hallway::crypto
