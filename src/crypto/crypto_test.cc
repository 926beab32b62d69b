#include <gtest/gtest.h>

#include <set>

#include "crypto/password_hasher.h"
#include "crypto/tokens.h"

namespace hallway::crypto {
namespace {

class CryptoTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(InitCrypto()); }
};

TEST_F(CryptoTest, HashesWithArgon2idAndVerifies) {
  PasswordHasher hasher(PasswordCost::Minimum());
  auto hash = hasher.Hash("correct horse battery");
  ASSERT_TRUE(hash);
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(hasher.Verify("correct horse battery", *hash));
  EXPECT_FALSE(hasher.Verify("correct horse batterz", *hash));
  EXPECT_FALSE(hasher.Verify("", *hash));
  EXPECT_FALSE(hasher.Verify("anything", "not a hash"));
  // Same password, different salt.
  EXPECT_NE(*hash, *hasher.Hash("correct horse battery"));
}

TEST_F(CryptoTest, AsksToRehashWeakerHashes) {
  PasswordHasher weak(PasswordCost::Minimum());
  PasswordHasher strong(PasswordCost::Interactive());
  auto hash = weak.Hash("a long enough password");
  ASSERT_TRUE(hash);
  EXPECT_TRUE(strong.NeedsRehash(*hash));
  EXPECT_FALSE(weak.NeedsRehash(*hash));
}

TEST_F(CryptoTest, TokensAreUniqueUrlSafeAndDigestedStably) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string t = NewToken("hw_");
    EXPECT_EQ(t.size(), 3u + 43u);
    EXPECT_EQ(t.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", 3),
              std::string::npos);
    EXPECT_TRUE(seen.insert(t).second);
  }
  EXPECT_EQ(TokenDigest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(ConstantTimeEquals("same", "same"));
  EXPECT_FALSE(ConstantTimeEquals("same", "sane"));
  EXPECT_FALSE(ConstantTimeEquals("same", "same!"));
}

}  // namespace
}  // namespace hallway::crypto

#include "crypto/hmac.h"

namespace hallway::crypto {
namespace {

TEST(Hmac, MatchesRfc4231TestCase2AndVerifies) {
  // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?",
  // HMAC-SHA-256 5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843.
  EXPECT_EQ(HmacSha256("Jefe", "what do ya want for nothing?"), "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM");
  const std::string mac = HmacSha256("key", "unsubscribe:42:mention");
  EXPECT_TRUE(VerifyHmacSha256("key", "unsubscribe:42:mention", mac));
  EXPECT_FALSE(VerifyHmacSha256("key", "unsubscribe:43:mention", mac));
  EXPECT_FALSE(VerifyHmacSha256("other", "unsubscribe:42:mention", mac));
  EXPECT_FALSE(VerifyHmacSha256("key", "unsubscribe:42:mention", mac.substr(1)));
}

}  // namespace
}  // namespace hallway::crypto
