// MailPreferenceService: what mail a person gets about their notifications
// (per kind: off, immediately, or in the digest; and how often the digest
// comes), and the signed one-click unsubscribe links in that mail.
//
// Unsubscribe tokens are "<account id>.<scope>.<mac>", the mac being
// HMAC-SHA-256 over "unsubscribe:<id>:<scope>" with a server secret kept in
// the settings table (created on first use). They work without signing in,
// do not expire, and only ever switch mail off. Scopes: a notification
// kind, "digest", or "all".
//
// Every change appends an `Update MailPreferences` activity visible only to
// the person. Thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/mail/mail_preferences.h"
#include "service/service_context.h"
#include "store/mail_store.h"

namespace hallway::service {

struct MailPreferencesView {
  std::string email;
  std::vector<std::pair<std::string, domain::MailDelivery>> kinds;  // every mailable kind, display order
  domain::DigestFrequency digest = domain::kDefaultDigest;
};

struct MailPreferencesPatch {
  std::map<std::string, domain::MailDelivery> kinds;
  std::optional<domain::DigestFrequency> digest;
};

struct UnsubscribeView {
  std::string scope;        // "mention", ..., "digest", "all"
  std::string label;        // "Mentions of you"
  std::string masked_email; // "a…@example.org": whose mail this is, without revealing it all
  bool already_off = false;
};

// The effective choices, defaults applied.
domain::MailDelivery EffectiveDelivery(const store::StoredMailPreferences& stored, const std::string& kind);
domain::DigestFrequency EffectiveDigest(const store::StoredMailPreferences& stored);

class MailPreferenceService {
 public:
  explicit MailPreferenceService(ServiceContext& ctx) : ctx_(ctx) {}

  core::Result<MailPreferencesView> Get(const Principal& who);
  // Applies `patch`. Errors: kInvalidArgument for a kind that is not mailable.
  core::Result<MailPreferencesView> Update(const Principal& who, const MailPreferencesPatch& patch);

  // Returns the token for `who`'s unsubscribe link. REQUIRES: a valid scope.
  core::Result<std::string> UnsubscribeToken(domain::AccountId who, const std::string& scope);
  // Returns what the link would switch off. Errors: kInvalidArgument for a
  // malformed or forged token, kNotFound when the account is gone.
  core::Result<UnsubscribeView> DescribeUnsubscribe(const std::string& token);
  // Switches the token's scope off (idempotent). Errors as above.
  core::Result<UnsubscribeView> Unsubscribe(const std::string& token);

 private:
  struct Parsed {
    domain::AccountId account = 0;
    std::string scope;
  };
  core::Result<std::string> Secret();
  core::Result<Parsed> Verify(const std::string& token);
  core::Result<MailPreferencesView> Apply(domain::AccountId who, const MailPreferencesPatch& patch,
                                          const std::string& how);

  ServiceContext& ctx_;
  std::mutex mu_;
  std::string secret_;  // guarded by mu_; cached after first use
};

}  // namespace hallway::service
