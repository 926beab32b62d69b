#include "service/endorsement_service.h"

#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "domain/activity.h"
#include "service/social_context.h"
#include "store/account_store.h"
#include "store/block_store.h"

namespace hallway::service {
namespace {

constexpr std::size_t kMaxNoteChars = 280;

// The person's skills with their endorsements, as the viewer sees them.
core::Result<std::vector<SkillEndorsements>> Skills(store::Tx& tx, const domain::Account& person,
                                                    domain::AccountId viewer) {
  HALLWAY_TRY_ASSIGN(auto endorsed, store::ListEndorsements(tx, person.id));
  std::vector<SkillEndorsements> out;
  for (const auto& label : person.skills) {
    SkillEndorsements s{label, domain::TagKey(label), false, {}};
    for (auto& [key, endorsers] : endorsed) {
      if (key != s.key) continue;
      s.endorsers = endorsers;
      for (const auto& e : endorsers) s.endorsed_by_me = s.endorsed_by_me || e.id == viewer;
    }
    out.push_back(std::move(s));
  }
  return out;
}

core::Result<SkillEndorsements> SkillOf(store::Tx& tx, const domain::Account& person,
                                        domain::AccountId viewer, const std::string& key) {
  HALLWAY_TRY_ASSIGN(auto all, Skills(tx, person, viewer));
  for (auto& s : all) {
    if (s.key == key) return std::move(s);
  }
  return core::Error::Unprocessable("that is not one of their skills",
                                    {{"skill", "is not on their profile"}});
}

}  // namespace

core::Result<SkillEndorsements> EndorsementService::Endorse(const Principal& who,
                                                            const std::string& handle,
                                                            const std::string& skill,
                                                            const std::string& note) {
  if (core::CodePointCount(note) > kMaxNoteChars || !core::IsCleanUtf8(note)) {
    return core::Error::InvalidArgument("the note is too long",
                                        {{"note", "at most 280 characters"}});
  }
  const std::string key = domain::TagKey(skill);
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<SkillEndorsements> {
    HALLWAY_TRY_ASSIGN(domain::Account person, ActivePerson(tx, handle));
    if (person.id == who.account_id) {
      return core::Error::InvalidArgument("you cannot endorse yourself", {{"handle", "is you"}});
    }
    HALLWAY_TRY_ASSIGN(auto block, store::GetBlock(tx, person.id, who.account_id));
    if (block && *block == "block")
      return core::Error::PermissionDenied("you cannot endorse this person");
    HALLWAY_TRY(SkillOf(tx, person, who.account_id, key));  // kUnprocessable unless declared
    HALLWAY_TRY_ASSIGN(bool created,
                       store::PutEndorsement(tx, {person.id, key, who.account_id, note, now}));
    const std::string payload = nlohmann::json{{"skill", key}}.dump();
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, created ? "Add" : "Update",
                                     "Endorsement", std::to_string(person.id) + ":" + key,
                                     domain::Audience::Organization(), "Person",
                                     std::to_string(person.id), payload));
    return SkillOf(tx, person, who.account_id, key);
  });
}

core::Status EndorsementService::Withdraw(const Principal& who, const std::string& handle,
                                          const std::string& skill) {
  const std::string key = domain::TagKey(skill);
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(domain::Account person, ActivePerson(tx, handle));
    HALLWAY_TRY_ASSIGN(bool removed, store::DeleteEndorsement(tx, person.id, key, who.account_id));
    if (!removed) return core::Error::NotFound("you have not endorsed that skill");
    return AppendSocialActivity(tx, now, who.account_id, "Remove", "Endorsement",
                                std::to_string(person.id) + ":" + key,
                                domain::Audience::Organization(), "Person",
                                std::to_string(person.id), nlohmann::json{{"skill", key}}.dump());
  });
}

core::Result<std::vector<SkillEndorsements>> EndorsementService::List(const Principal& who,
                                                                      const std::string& handle) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<SkillEndorsements>> {
    HALLWAY_TRY_ASSIGN(domain::Account person, ActivePerson(tx, handle));
    return Skills(tx, person, who.account_id);
  });
}

}  // namespace hallway::service
