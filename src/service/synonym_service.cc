#include "service/synonym_service.h"

#include <nlohmann/json.hpp>

#include "domain/search/synonym_rules.h"
#include "service/activity_helpers.h"

namespace hallway::service {
namespace {

constexpr core::Micros kReloadEvery = 10 * core::kSecond;

core::Status RequireAdmin(const Principal& who) {
  if (!who.IsAdmin()) return core::Error::PermissionDenied("only admins edit search synonyms");
  return core::Ok();
}

}  // namespace

core::Result<std::vector<store::SynonymRecord>> SynonymService::List(const Principal& who) {
  HALLWAY_TRY(RequireAdmin(who));
  return store::ReadTx(ctx_.db, [](store::Tx& tx) { return store::ListSynonyms(tx); });
}

core::Result<store::SynonymRecord> SynonymService::Put(const Principal& who, const std::string& raw_term,
                                                       const std::vector<std::string>& equivalents,
                                                       const RequestInfo& info) {
  HALLWAY_TRY(RequireAdmin(who));
  HALLWAY_TRY_ASSIGN(std::string term, domain::ValidateSynonymPhrase(raw_term, "term"));
  store::SynonymRecord record;
  HALLWAY_TRY_ASSIGN(record.equivalents, domain::ValidateSynonymEquivalents(term, equivalents));
  record.term = term;
  record.updated_by = who.account_id;
  record.updated_at = ctx_.clock.Now();
  HALLWAY_TRY(store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(bool created, store::PutSynonym(tx, record));
    if (created) {
      HALLWAY_TRY_ASSIGN(std::int64_t count, store::CountSynonyms(tx));
      if (count > static_cast<std::int64_t>(domain::kMaxSynonymEntries)) {
        return core::Error::LimitExceeded("synonyms: at most 500 entries; delete one first");
      }
    }
    return Audit(tx, record.updated_at, who.account_id, "search_synonym_put", info,
                 nlohmann::json{{"term", term}, {"equivalents", record.equivalents}}.dump());
  }));
  std::lock_guard lock(mu_);
  stale_ = true;
  ++writes_;
  return record;
}

core::Status SynonymService::Delete(const Principal& who, const std::string& term, const RequestInfo& info) {
  HALLWAY_TRY(RequireAdmin(who));
  const core::Micros now = ctx_.clock.Now();
  HALLWAY_TRY(store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY(store::DeleteSynonym(tx, term));
    return Audit(tx, now, who.account_id, "search_synonym_delete", info, nlohmann::json{{"term", term}}.dump());
  }));
  std::lock_guard lock(mu_);
  stale_ = true;
  ++writes_;
  return core::Ok();
}

core::Result<SynonymService::Snapshot> SynonymService::Current(store::Tx& tx) {
  const core::Micros now = ctx_.clock.Now();
  std::uint64_t writes_before = 0;
  {
    std::lock_guard lock(mu_);
    if (map_ && !stale_ && now - loaded_at_ < kReloadEvery) return Snapshot{map_, version_};
    writes_before = writes_;
  }
  HALLWAY_TRY_ASSIGN(auto records, store::ListSynonyms(tx));
  auto fresh = std::make_shared<Map>();
  for (auto& r : records) (*fresh)[r.term] = std::move(r.equivalents);
  std::lock_guard lock(mu_);
  if (!map_ || *map_ != *fresh) {
    map_ = std::move(fresh);
    ++version_;
  }
  // A write that committed while we read may be missing from `fresh`.
  stale_ = writes_ != writes_before;
  loaded_at_ = now;
  return Snapshot{map_, version_};
}

}  // namespace hallway::service
