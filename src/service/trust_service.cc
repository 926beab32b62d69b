#include "service/trust_service.h"

#include <algorithm>
#include <set>

#include "domain/activity.h"
#include "service/social_context.h"
#include "store/account_store.h"
#include "store/block_store.h"
#include "store/trust_store.h"

namespace hallway::service {
namespace {

// Returns the active person with `handle`. Errors: kNotFound.
std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

core::Result<TrustEntry> TrustService::Put(const Principal& who, const std::string& handle, const std::string& topic,
                                           const std::string& value) {
  const auto parsed = domain::ParseTrustValue(value);
  if (!parsed) return core::Error::InvalidArgument("bad trust value", {{"value", "must be trust or distrust"}});
  HALLWAY_TRY_ASSIGN(std::string norm_topic, domain::NormalizeTrustTopic(topic));
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<TrustEntry> {
    HALLWAY_TRY_ASSIGN(domain::Account person, ActivePerson(tx, handle));
    if (person.id == who.account_id) {
      return core::Error::InvalidArgument("you cannot state trust in yourself", {{"handle", "is you"}});
    }
    HALLWAY_TRY_ASSIGN(auto block, store::GetBlock(tx, person.id, who.account_id));
    if (block && *block == "block") return core::Error::PermissionDenied("you cannot state trust in this person");
    store::TrustStatement s{who.account_id, person.id, norm_topic, *parsed, now, now};
    HALLWAY_TRY_ASSIGN(bool created, store::PutTrustStatement(tx, s));
    const std::string payload =
        "{\"topic\":" + JsonString(norm_topic) + ",\"value\":\"" + domain::TrustValueName(*parsed) + "\"}";
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, created ? "Add" : "Update", "Trust",
                                     std::to_string(person.id), domain::Audience::OnlyAccount(who.account_id),
                                     "Person", std::to_string(person.id), payload));
    return TrustEntry{person, norm_topic, *parsed, now};
  });
}

core::Status TrustService::Remove(const Principal& who, const std::string& handle,
                                  const std::optional<std::string>& topic) {
  std::optional<std::string> norm;
  if (topic) {
    HALLWAY_TRY_ASSIGN(std::string t, domain::NormalizeTrustTopic(*topic));
    norm = t;
  }
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(domain::Account person, ActivePerson(tx, handle));
    HALLWAY_TRY_ASSIGN(std::int64_t n, store::DeleteTrustStatements(tx, who.account_id, person.id, norm));
    if (n == 0) return core::Error::NotFound("you made no such trust statement");
    return AppendSocialActivity(tx, now, who.account_id, "Remove", "Trust", std::to_string(person.id),
                                domain::Audience::OnlyAccount(who.account_id), "Person", std::to_string(person.id),
                                "{\"topic\":" + (norm ? JsonString(*norm) : std::string("null")) + "}");
  });
}

core::Result<std::vector<TrustEntry>> TrustService::List(const Principal& who) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<TrustEntry>> {
    HALLWAY_TRY_ASSIGN(auto statements, store::ListTrustStatements(tx, who.account_id));
    std::vector<TrustEntry> out;
    for (const auto& s : statements) {
      auto person = store::GetAccount(tx, s.trustee_id);
      if (!person || person->status != domain::AccountStatus::kActive) continue;
      out.push_back({*person, s.topic, s.value, s.updated_at});
    }
    return out;
  });
}

core::Result<std::vector<ImplicitTrustEntry>> TrustService::Implicit(const Principal& who) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<ImplicitTrustEntry>> {
    HALLWAY_TRY_ASSIGN(auto statements, store::ListTrustStatements(tx, who.account_id));
    std::set<domain::AccountId> stated;
    for (const auto& s : statements) stated.insert(s.trustee_id);
    HALLWAY_TRY_ASSIGN(auto rows, store::ListImplicitEvidence(tx, who.account_id));
    std::vector<ImplicitTrustEntry> out;
    for (const auto& row : rows) {
      if (stated.count(row.trustee_id) || !domain::IsImplicitTrust(row.evidence)) continue;
      auto person = store::GetAccount(tx, row.trustee_id);
      if (!person || person->status != domain::AccountStatus::kActive) continue;
      out.push_back({*person, row.evidence, domain::ImplicitTrustWeight(row.evidence)});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const ImplicitTrustEntry& a, const ImplicitTrustEntry& b) { return a.weight > b.weight; });
    return out;
  });
}

core::Result<TrustEntry> TrustService::ConfirmImplicit(const Principal& who, const std::string& handle) {
  return Put(who, handle, "", "trust");
}

core::Status TrustService::RejectImplicit(const Principal& who, const std::string& handle) {
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(domain::Account person, ActivePerson(tx, handle));
    if (person.id == who.account_id) {
      return core::Error::InvalidArgument("you cannot reject trust in yourself", {{"handle", "is you"}});
    }
    HALLWAY_TRY(store::PutImplicitOverride(tx, who.account_id, person.id, now));
    return AppendSocialActivity(tx, now, who.account_id, "Reject", "ImplicitTrust", std::to_string(person.id),
                                domain::Audience::OnlyAccount(who.account_id), "Person", std::to_string(person.id));
  });
}

core::Result<std::int64_t> TrustService::TrustedByCount(const Principal&, const std::string& handle) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::int64_t> {
    HALLWAY_TRY_ASSIGN(domain::Account person, ActivePerson(tx, handle));
    return store::CountTrustedBy(tx, person.id);
  });
}

}  // namespace hallway::service
