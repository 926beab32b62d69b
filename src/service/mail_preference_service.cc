#include "service/mail_preference_service.h"

#include <nlohmann/json.hpp>

#include "crypto/hmac.h"
#include "crypto/tokens.h"
#include "domain/activity.h"
#include "store/account_store.h"
#include "store/activity_log.h"

namespace hallway::service {
namespace {

constexpr const char* kSecretName = "mail_link_secret";

core::Error BadToken() {
  return core::Error::InvalidArgument("this unsubscribe link is not valid; use the newest mail, or change your "
                                      "mail settings after signing in");
}

std::string MaskEmail(const std::string& email) {
  const auto at = email.find('@');
  if (at == std::string::npos || at == 0) return "…";
  return email.substr(0, 1) + "…" + email.substr(at);
}

core::Result<MailPreferencesView> Load(store::Tx& tx, domain::AccountId who) {
  HALLWAY_TRY_ASSIGN(domain::Account account, store::GetAccount(tx, who));
  HALLWAY_TRY_ASSIGN(auto stored, store::GetMailPreferences(tx, who));
  MailPreferencesView v;
  v.email = account.email;
  for (const auto& kind : domain::MailableKinds()) v.kinds.emplace_back(kind, EffectiveDelivery(stored, kind));
  v.digest = EffectiveDigest(stored);
  return v;
}

}  // namespace

domain::MailDelivery EffectiveDelivery(const store::StoredMailPreferences& stored, const std::string& kind) {
  auto it = stored.delivery.find(kind);
  if (it != stored.delivery.end()) {
    if (auto d = domain::ParseMailDelivery(it->second)) return *d;
  }
  return domain::DefaultDelivery(kind);
}

domain::DigestFrequency EffectiveDigest(const store::StoredMailPreferences& stored) {
  if (stored.digest) {
    if (auto f = domain::ParseDigestFrequency(*stored.digest)) return *f;
  }
  return domain::kDefaultDigest;
}

core::Result<MailPreferencesView> MailPreferenceService::Get(const Principal& who) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) { return Load(tx, who.account_id); });
}

core::Result<MailPreferencesView> MailPreferenceService::Update(const Principal& who,
                                                                const MailPreferencesPatch& patch) {
  for (const auto& [kind, delivery] : patch.kinds) {
    if (!domain::IsMailableKind(kind)) {
      return core::Error::InvalidArgument("there is no mail about '" + kind + "'",
                                          {{"kinds." + kind, "is not a kind of notification mail"}});
    }
  }
  return Apply(who.account_id, patch, "settings");
}

core::Result<MailPreferencesView> MailPreferenceService::Apply(domain::AccountId who,
                                                               const MailPreferencesPatch& patch,
                                                               const std::string& how) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<MailPreferencesView> {
    nlohmann::json changed = nlohmann::json::object();
    for (const auto& [kind, delivery] : patch.kinds) {
      const std::string name(domain::MailDeliveryName(delivery));
      HALLWAY_TRY(store::SetMailDelivery(tx, who, kind, name));
      changed[kind] = name;
    }
    if (patch.digest) {
      const std::string name(domain::DigestFrequencyName(*patch.digest));
      HALLWAY_TRY(store::SetDigestFrequency(tx, who, name, now));
      if (*patch.digest == domain::DigestFrequency::kOff) HALLWAY_TRY(store::DropPendingDigestItems(tx, who));
      changed["digest"] = name;
    }
    domain::Activity a;
    a.published_at = now;
    a.actor_id = who;
    a.verb = "Update";
    a.object_type = "MailPreferences";
    a.object_id = std::to_string(who);
    a.audience = domain::Audience::OnlyAccount(who);
    a.payload = nlohmann::json{{"changed", changed}, {"via", how}}.dump();
    auto appended = store::AppendActivity(tx, a);
    if (!appended) return appended.error();
    return Load(tx, who);
  });
}

core::Result<std::string> MailPreferenceService::Secret() {
  {
    std::lock_guard lock(mu_);
    if (!secret_.empty()) return secret_;
  }
  const std::string candidate = crypto::NewToken();
  HALLWAY_TRY_ASSIGN(std::string secret, store::WriteTx(ctx_.db, [&](store::Tx& tx) {
                       return store::GetOrCreateSecret(tx, kSecretName, candidate);
                     }));
  std::lock_guard lock(mu_);
  secret_ = secret;
  return secret;
}

core::Result<std::string> MailPreferenceService::UnsubscribeToken(domain::AccountId who, const std::string& scope) {
  HALLWAY_TRY_ASSIGN(std::string secret, Secret());
  const std::string id = std::to_string(who);
  return id + "." + scope + "." + crypto::HmacSha256(secret, "unsubscribe:" + id + ":" + scope);
}

core::Result<MailPreferenceService::Parsed> MailPreferenceService::Verify(const std::string& token) {
  const auto first = token.find('.');
  const auto second = first == std::string::npos ? first : token.find('.', first + 1);
  if (second == std::string::npos || token.size() > 200) return BadToken();
  const std::string id = token.substr(0, first);
  const std::string scope = token.substr(first + 1, second - first - 1);
  const std::string mac = token.substr(second + 1);
  if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos ||
      !domain::IsUnsubscribeScope(scope)) {
    return BadToken();
  }
  HALLWAY_TRY_ASSIGN(std::string secret, Secret());
  if (!crypto::VerifyHmacSha256(secret, "unsubscribe:" + id + ":" + scope, mac)) return BadToken();
  return Parsed{std::stoll(id), scope};
}

core::Result<UnsubscribeView> MailPreferenceService::DescribeUnsubscribe(const std::string& token) {
  HALLWAY_TRY_ASSIGN(Parsed p, Verify(token));
  auto prefs = store::ReadTx(ctx_.db, [&](store::Tx& tx) { return Load(tx, p.account); });
  if (!prefs) return core::Error::NotFound("the account of this link no longer exists");
  UnsubscribeView v;
  v.scope = p.scope;
  v.label = domain::MailKindLabel(p.scope);
  v.masked_email = MaskEmail(prefs->email);
  bool all_off = prefs->digest == domain::DigestFrequency::kOff;
  for (const auto& [kind, delivery] : prefs->kinds) {
    if (p.scope == kind) v.already_off = delivery == domain::MailDelivery::kOff;
    if (delivery != domain::MailDelivery::kOff) all_off = false;
  }
  if (p.scope == "digest") v.already_off = prefs->digest == domain::DigestFrequency::kOff;
  if (p.scope == "all") v.already_off = all_off;
  return v;
}

core::Result<UnsubscribeView> MailPreferenceService::Unsubscribe(const std::string& token) {
  HALLWAY_TRY_ASSIGN(Parsed p, Verify(token));
  MailPreferencesPatch patch;
  if (p.scope == "all") {
    for (const auto& kind : domain::MailableKinds()) patch.kinds[kind] = domain::MailDelivery::kOff;
    patch.digest = domain::DigestFrequency::kOff;
  } else if (p.scope == "digest") {
    patch.digest = domain::DigestFrequency::kOff;
  } else {
    patch.kinds[p.scope] = domain::MailDelivery::kOff;
  }
  auto applied = Apply(p.account, patch, "unsubscribe link");
  if (!applied) {
    if (applied.error().code() == core::ErrorCode::kNotFound) {
      return core::Error::NotFound("the account of this link no longer exists");
    }
    return applied.error();
  }
  return DescribeUnsubscribe(token);
}

}  // namespace hallway::service
