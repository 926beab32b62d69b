#include "service/recommender_model.h"

#include <chrono>
#include <filesystem>
#include <set>

#include "domain/social/trust.h"
#include "store/recommendation_store.h"
#include "store/trust_store.h"

namespace hallway::service {
namespace {

namespace fs = std::filesystem;

float SignalValue(const store::TrainingSignal& s) {
  return s.completion ? kCompletionValue : static_cast<float>(s.stars);
}

// Everyone's trust links: explicit trust (weight 1; topical ones only on
// their topic, which general propagation never follows) and implicit trust
// where no statement exists. Distrust and rejected implicit trust are left
// out (the store already drops rejected pairs).
core::Result<std::vector<recommend::TrustLink>> LoadTrustLinks(store::Tx& tx) {
  HALLWAY_TRY_ASSIGN(auto statements, store::ListAllTrustStatements(tx));
  HALLWAY_TRY_ASSIGN(auto implicit, store::ListImplicitEvidence(tx, std::nullopt));
  std::vector<recommend::TrustLink> links;
  std::set<std::pair<domain::AccountId, domain::AccountId>> stated;
  for (const auto& s : statements) {
    stated.insert({s.truster_id, s.trustee_id});
    if (s.value != domain::TrustValue::kTrust) continue;
    links.push_back({s.truster_id, s.trustee_id, 1.0f, s.topic.empty() ? recommend::kNoTopic : 0, true});
  }
  for (const auto& row : implicit) {
    if (stated.count({row.truster_id, row.trustee_id}) || !domain::IsImplicitTrust(row.evidence)) continue;
    links.push_back({row.truster_id, row.trustee_id, static_cast<float>(domain::ImplicitTrustWeight(row.evidence)),
                     recommend::kNoTopic, false});
  }
  return links;
}

// Keeps the signals the flood dampening lets through.
std::vector<store::TrainingSignal> Dampen(std::vector<store::TrainingSignal> signals,
                                          const domain::DampeningOptions& options, std::size_t* dropped) {
  std::vector<domain::TimedRating> timed;
  timed.reserve(signals.size());
  for (const auto& s : signals) timed.push_back({s.account_id, s.resource_id, s.time});
  const auto keep = domain::DampenRatings(timed, options);
  std::vector<store::TrainingSignal> out;
  out.reserve(signals.size());
  for (std::size_t i = 0; i < signals.size(); ++i) {
    if (keep[i]) out.push_back(std::move(signals[i]));
  }
  if (dropped) *dropped = signals.size() - out.size();
  return out;
}

// The file's modification time in file_clock ticks (any value: that clock's
// epoch is not 1970, so real times can be negative), kNoModelFile when the
// file does not exist.
std::int64_t FileMtime(const std::string& path) {
  std::error_code ec;
  auto t = fs::last_write_time(path, ec);
  if (ec) return RecommenderModel::kNoModelFile;
  return static_cast<std::int64_t>(t.time_since_epoch().count());
}

}  // namespace

RecommenderModel::RecommenderModel(store::Database& db, const core::Clock& clock, RecommenderOptions options)
    : db_(db), clock_(clock), options_(std::move(options)), snapshot_(std::make_shared<RecommenderSnapshot>()) {
  snapshot_->public_ratings = std::make_unique<recommend::RatingData>();
  snapshot_->public_ratings->Finalize();
  snapshot_->taste = std::make_unique<recommend::TasteNeighbours>(*snapshot_->public_ratings);
  snapshot_->trust_graph = std::make_unique<recommend::TrustPropagation>(std::vector<recommend::TrustLink>{});
}

core::Result<TrainReport> RecommenderModel::TrainAndSave(
    const std::function<void(const char*, std::uint64_t, std::uint64_t)>& progress) {
  const auto started = std::chrono::steady_clock::now();
  TrainReport report;
  std::vector<store::TrainingSignal> signals;
  std::vector<recommend::TrustLink> links;
  if (progress) progress("read", 0, 2);
  HALLWAY_TRY(db_.Read([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(signals, store::ListTrainingSignals(tx, std::nullopt));
    if (progress) progress("read", 1, 2);
    HALLWAY_TRY_ASSIGN(links, LoadTrustLinks(tx));
    return core::Ok();
  }));
  if (progress) progress("read", 2, 2);
  signals = Dampen(std::move(signals), options_.dampening, &report.dampened);

  recommend::RatingData data;
  for (const auto& s : signals) {
    data.AddRating(s.account_id, s.resource_id, SignalValue(s), s.category_id.value_or(-1), s.time / core::kSecond);
    if (s.completion) ++report.completions;
  }
  for (const auto& l : links) data.AddTrust(l.from, l.to, l.weight);
  data.Finalize();
  report.people = data.num_users();
  report.resources = data.num_items();
  report.ratings = data.ratings().size();
  report.trust_links = data.trust().size();
  if (data.ratings().empty()) {
    if (progress) progress("train", 1, 1);
    return report;  // nothing to learn from yet: serving falls back to popularity
  }
  recommend::TrustSvdOptions o;
  o.factors = options_.factors;
  o.max_epochs = options_.epochs;
  o.threads = options_.threads;
  o.popularity_weight = 0.3;
  recommend::TrustSvd model;
  const auto total = static_cast<std::uint64_t>(o.max_epochs);
  HALLWAY_TRY(model.Train(data, o, [&](const recommend::TrainProgress& p) {
    if (progress) progress("train", static_cast<std::uint64_t>(p.epoch), total);
  }));
  if (progress) progress("train", total, total);
  report.epochs = model.trained_epochs();

  std::error_code ec;
  fs::create_directories(options_.dir, ec);
  if (ec) return core::Error::Unavailable("recommend: cannot create " + options_.dir + ": " + ec.message());
  const std::string tmp = ModelPath() + ".tmp";
  HALLWAY_TRY(model.Save(tmp));
  fs::rename(tmp, ModelPath(), ec);
  if (ec) return core::Error::Unavailable("recommend: cannot publish the model: " + ec.message());
  report.trained = true;
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

core::Status RecommenderModel::Reload() {
  std::lock_guard reload_lock(reload_mu_);
  const core::Micros started = clock_.Now();
  auto fresh = std::make_shared<RecommenderSnapshot>();
  const std::int64_t mtime = FileMtime(ModelPath());
  if (mtime != kNoModelFile) {
    HALLWAY_TRY_ASSIGN(recommend::TrustSvd model, recommend::TrustSvd::Load(ModelPath()));
    fresh->model.emplace(std::move(model));
  }
  std::vector<store::TrainingSignal> signals;
  std::vector<recommend::TrustLink> links;
  {
    std::shared_lock lock(mu_);
    fresh->group_favourites = snapshot_->group_favourites;
    fresh->favourites_at = snapshot_->favourites_at;
  }
  // Also after every training: a new model is when the rest catches up too.
  const bool favourites_due = !fresh->group_favourites || mtime != loaded_mtime_ ||
                              started - fresh->favourites_at >= kGroupFavouritesMaxAge;
  HALLWAY_TRY(db_.Read([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(signals, store::ListTrainingSignals(tx, std::nullopt));
    HALLWAY_TRY_ASSIGN(links, LoadTrustLinks(tx));
    if (favourites_due) {
      HALLWAY_TRY_ASSIGN(auto favourites, store::ListGroupFavourites(tx, kFavouritesPerGroup));
      fresh->group_favourites = std::make_shared<const GroupFavourites>(std::move(favourites));
      fresh->favourites_at = started;
    }
    return core::Ok();
  }));
  fresh->public_ratings = std::make_unique<recommend::RatingData>();
  for (const auto& s : signals) {
    if (s.is_public && !s.completion) fresh->public_ratings->AddRating(s.account_id, s.resource_id, SignalValue(s));
  }
  fresh->public_ratings->Finalize();
  fresh->taste = std::make_unique<recommend::TasteNeighbours>(*fresh->public_ratings);
  fresh->trust_graph = std::make_unique<recommend::TrustPropagation>(links);
  fresh->built_at = started;
  {
    std::unique_lock lock(mu_);
    snapshot_ = fresh;
    dirty_ = false;
  }
  loaded_mtime_ = mtime;
  // Ratings written while the model trained are not in it: fold them in.
  if (fresh->model) {
    std::vector<domain::AccountId> recent;
    HALLWAY_TRY(db_.Read([&](store::Tx& tx) -> core::Status {
      HALLWAY_TRY_ASSIGN(recent, store::ListAccountsRatedSince(tx, started - 10 * core::kMinute));
      return core::Ok();
    }));
    HALLWAY_TRY(RefreshPeople(recent));
    std::unique_lock lock(mu_);
    dirty_ = false;
  }
  return core::Ok();
}

core::Result<bool> RecommenderModel::ReloadIfStale(core::Micros max_age) {
  bool stale = false;
  {
    std::shared_lock lock(mu_);
    stale = dirty_ && clock_.Now() - snapshot_->built_at >= max_age;
  }
  std::int64_t loaded = 0;
  {
    std::lock_guard reload_lock(reload_mu_);
    loaded = loaded_mtime_;
  }
  const bool new_model = FileMtime(ModelPath()) != loaded;
  if (!stale && !new_model) return false;
  HALLWAY_TRY(Reload());
  return new_model;
}

core::Status RecommenderModel::RefreshPeople(const std::vector<domain::AccountId>& people) {
  if (people.empty()) return core::Ok();
  for (domain::AccountId person : people) {
    std::vector<store::TrainingSignal> signals;
    std::vector<recommend::TrustLink> links;
    HALLWAY_TRY(db_.Read([&](store::Tx& tx) -> core::Status {
      HALLWAY_TRY_ASSIGN(signals, store::ListTrainingSignals(tx, person));
      HALLWAY_TRY_ASSIGN(auto statements, store::ListTrustStatements(tx, person));
      HALLWAY_TRY_ASSIGN(auto implicit, store::ListImplicitEvidence(tx, person));
      std::set<domain::AccountId> stated;
      for (const auto& s : statements) {
        stated.insert(s.trustee_id);
        if (s.value == domain::TrustValue::kTrust) links.push_back({person, s.trustee_id});
      }
      for (const auto& row : implicit) {
        if (!stated.count(row.trustee_id) && domain::IsImplicitTrust(row.evidence)) {
          links.push_back({person, row.trustee_id});
        }
      }
      return core::Ok();
    }));
    signals = Dampen(std::move(signals), options_.dampening, nullptr);
    std::unique_lock lock(mu_);
    dirty_ = true;
    if (!snapshot_->model) continue;
    recommend::TrustSvd& model = *snapshot_->model;
    const std::uint32_t u = model.AddUser(person);  // the existing index when known
    std::vector<recommend::ItemRating> ratings;
    for (const auto& s : signals) {
      const std::int64_t item = model.FindItem(s.resource_id);
      if (item >= 0) ratings.push_back({static_cast<std::uint32_t>(item), SignalValue(s)});
    }
    std::vector<std::uint32_t> trustees;
    for (const auto& l : links) {
      const std::int64_t v = model.FindUser(l.to);
      if (v >= 0) trustees.push_back(static_cast<std::uint32_t>(v));
    }
    HALLWAY_TRY(model.SetTrust(u, trustees));
    if (!ratings.empty()) {
      HALLWAY_TRY(model.FoldIn(u, ratings));
    }
  }
  return core::Ok();
}

void RecommenderModel::Read(const std::function<void(const RecommenderSnapshot&)>& fn) const {
  std::shared_lock lock(mu_);
  fn(*snapshot_);
}

}  // namespace hallway::service
