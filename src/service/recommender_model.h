// RecommenderModel: the trained recommender the product serves from, and
// how it is built and kept fresh.
//
// Training (`hallway recommend train`, and the server's scheduled retrain on
// a background thread) reads the organization's ratings, completions
// (an implicit positive signal: a completed, unrated resource counts as a
// rating of kCompletionValue) and trust (explicit statements, weight 1;
// implicit trust, its evidence weight; distrust and rejected implicit trust
// left out), applies rating-flood dampening (domain/catalog/
// rating_dampening.h), trains a TrustSvd and saves it under
// <dir>/model.bin atomically (written to a temporary file, then renamed).
//
// Serving reads the loaded snapshot under a shared lock and never waits for
// training: Reload() builds a complete new snapshot off the lock and swaps
// it in. Beside the model a snapshot holds the public ratings (of
// organization-wide and open-group resources only; the taste neighbours
// are computed from them so that "people like you" never rests on ratings
// the viewer could not see), everyone's trust links for propagation, and
// what each group's members like most.
// RefreshPeople() folds a person's current ratings and trust into the model
// (FoldIn + SetTrust, milliseconds), called by the activity-log consumer.
//
// Thread-safety: thread-safe. Read() callbacks run under a shared lock and
// must not call back into this object.
#pragma once

#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/clock.h"
#include "domain/accounts/account.h"
#include "domain/catalog/rating_dampening.h"
#include "recommend/rating_data.h"
#include "recommend/taste_neighbours.h"
#include "recommend/trust_propagation.h"
#include "recommend/trust_svd.h"
#include "store/database.h"
#include "store/recommendation_store.h"

namespace hallway::service {

inline constexpr float kCompletionValue = 4.0f;

struct RecommenderOptions {
  std::string dir = "var/data/recommend";  // where model.bin lives
  int factors = 10;
  int epochs = 40;
  int threads = 2;
  domain::DampeningOptions dampening;
};

// Per group id, what its members like most (store::ListGroupFavourites).
using GroupFavourites = std::unordered_map<std::int64_t, std::vector<store::GroupFavourite>>;

struct RecommenderSnapshot {
  std::optional<recommend::TrustSvd> model;  // none before the first training
  std::unique_ptr<recommend::RatingData> public_ratings;
  std::unique_ptr<recommend::TasteNeighbours> taste;
  std::unique_ptr<recommend::TrustPropagation> trust_graph;
  // Popularity within each group, for people new to the model; recomputed
  // when a new model file is loaded and otherwise at most every
  // kGroupFavouritesMaxAge (it moves slowly, and computing it joins every
  // membership with every rating), shared between snapshots.
  std::shared_ptr<const GroupFavourites> group_favourites;
  core::Micros favourites_at = 0;
  core::Micros built_at = 0;
};

inline constexpr core::Micros kGroupFavouritesMaxAge = 10 * core::kMinute;
inline constexpr int kFavouritesPerGroup = 60;

struct TrainReport {
  std::size_t people = 0;
  std::size_t resources = 0;
  std::size_t ratings = 0;       // used for training
  std::size_t completions = 0;   // of those, completions without a rating
  std::size_t dampened = 0;      // ignored by the flood dampening
  std::size_t trust_links = 0;
  int epochs = 0;
  double seconds = 0;
  bool trained = false;          // false: no ratings yet (nothing saved)
};

class RecommenderModel {
 public:
  // The "modification time" of a model file that does not exist.
  static constexpr std::int64_t kNoModelFile = std::numeric_limits<std::int64_t>::min();

  RecommenderModel(store::Database& db, const core::Clock& clock, RecommenderOptions options);

  // Reads the data, trains and saves the model file (not loaded: call
  // Reload). `progress(phase, done, total)` reports "read" and "train".
  // An organization without ratings trains nothing and returns trained ==
  // false. Errors: kUnavailable (database, file system).
  core::Result<TrainReport> TrainAndSave(const std::function<void(const char*, std::uint64_t, std::uint64_t)>& progress = {});

  // Loads model.bin when present (a missing file means no model) and
  // rebuilds the public ratings and trust graph from the database, then
  // swaps the new snapshot in. Errors: kUnavailable, kInvalidArgument (a
  // corrupt model file; the old snapshot stays).
  core::Status Reload();
  // Reload() when model.bin changed since the last load (a CLI run), or
  // when people were refreshed and the side data is older than `max_age`.
  // Returns true when a new model file was loaded.
  core::Result<bool> ReloadIfStale(core::Micros max_age);

  // Folds each person's current ratings, completions and trust into the
  // model. A person unknown to the model is added. No model: nothing.
  core::Status RefreshPeople(const std::vector<domain::AccountId>& people);

  // Runs `fn` with the current snapshot (never null) under a shared lock.
  void Read(const std::function<void(const RecommenderSnapshot&)>& fn) const;

  std::string ModelPath() const { return options_.dir + "/model.bin"; }

 private:
  store::Database& db_;
  const core::Clock& clock_;
  RecommenderOptions options_;
  mutable std::shared_mutex mu_;
  std::shared_ptr<RecommenderSnapshot> snapshot_;  // guarded by mu_
  std::mutex reload_mu_;                           // one Reload at a time
  std::int64_t loaded_mtime_ = kNoModelFile;       // guarded by reload_mu_
  bool dirty_ = false;                             // guarded by mu_
};

}  // namespace hallway::service
