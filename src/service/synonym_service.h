// SynonymService: the admin-edited search synonyms. Admins list, put and
// delete entries (each write audited); every search reads the current map
// from an in-memory cache that a write on this node refreshes at once and
// that is reloaded from the database every 10 seconds, so other nodes'
// edits arrive without a restart.
// Thread-safety: thread-safe (the cache is guarded by a mutex).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "service/service_context.h"
#include "store/synonym_store.h"

namespace hallway::service {

class SynonymService {
 public:
  using Map = std::map<std::string, std::vector<std::string>>;
  struct Snapshot {
    std::shared_ptr<const Map> map;  // never null
    std::uint64_t version = 0;       // changes whenever the map does
  };

  explicit SynonymService(ServiceContext& ctx) : ctx_(ctx) {}

  // Errors (all): kPermissionDenied unless `who` is an admin.
  core::Result<std::vector<store::SynonymRecord>> List(const Principal& who);
  // Sets the equivalents of `term`. Errors: kInvalidArgument (see
  // domain/search/synonym_rules.h), kLimitExceeded past 500 entries.
  core::Result<store::SynonymRecord> Put(const Principal& who, const std::string& term,
                                         const std::vector<std::string>& equivalents, const RequestInfo& info);
  // Errors: kNotFound when `term` has no entry.
  core::Status Delete(const Principal& who, const std::string& term, const RequestInfo& info);

  // Returns the map every search applies, loading it when stale.
  core::Result<Snapshot> Current(store::Tx& tx);

 private:
  ServiceContext& ctx_;
  std::mutex mu_;
  std::shared_ptr<const Map> map_;  // guarded by mu_
  std::uint64_t version_ = 0;       // guarded by mu_
  core::Micros loaded_at_ = 0;      // guarded by mu_
  bool stale_ = true;               // guarded by mu_
  std::uint64_t writes_ = 0;        // guarded by mu_
};

}  // namespace hallway::service
