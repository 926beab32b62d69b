// HelperFinder: "who can help me with this?" in the product. Ranks people
// for a free-text need by evidence of expertise (their accepted and
// up-voted answers, articles, completed resources, well-rated
// reviews, colleagues' endorsements, declared skills; recency-decayed), then availability (open
// routed questions they have not answered) and reachability from the viewer
// (same team, shared groups, follows either way), with the evidence behind
// each suggestion as links. The ranking is expertise::ExpertiseIndex.
//
// Freshness: the index lives in memory. The first CatchUp builds it from the
// database; each later CatchUp reads the activity log after the position it
// was built at and reloads the evidence and reachability of every person an
// activity touched (the actor, the authors of a touched post and its
// answers, a touched person), so a write shows within a tick of the job
// that calls it (serve: every 500 ms). A changed or deleted group (its
// visibility decides which evidence is private) triggers a full rebuild.
// Chosen over a scheduled rebuild because a rebuild of a large
// organization takes minutes, while one person's reload takes milliseconds.
//
// Privacy: evidence from a closed or private group counts (and shows) only
// for viewers who are active members of that group (the per-viewer
// visibility terms of service/search_documents.h); people who opted out
// (SetSuggestMe false), who are not active accounts (imported people not yet
// enabled, disabled, pending), or who blocked or were blocked by the viewer
// never appear; the viewer never sees themselves.
//
// Thread-safety: Find, SuggestMe and SetSuggestMe may run concurrently with
// each other and with CatchUp (a shared_mutex guards the index); CatchUp
// and Rebuild are called from one thread (the job).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include "expertise/ranking.h"
#include "service/service_context.h"

namespace hallway::service {

struct HelperEvidence {
  std::string kind;   // "accepted_answer", "answer", "article", "resource_completed", "review", "endorsement",
                      // "declared_skill"
  std::string title;
  std::string url;    // web UI path
};

struct HelperSuggestion {
  std::int64_t account_id = 0;
  std::string handle;
  std::string display_name;
  std::optional<std::string> avatar_url;
  double score = 0;
  std::vector<std::string> reasons;  // human-readable, strongest first
  std::vector<HelperEvidence> evidence;
};

class HelperFinder {
 public:
  explicit HelperFinder(ServiceContext& ctx, expertise::ModelParams params = {});
  ~HelperFinder();

  // Builds the index from the whole database. Errors: the database's.
  core::Status Rebuild();
  // Builds the index if it was never built, else applies what the activity
  // log recorded since. Errors: the database's (the index stays as it was).
  core::Status CatchUp();

  // Returns up to `limit` people for `need`, best first. Errors:
  // kInvalidArgument for an empty need (or over 1,000 characters) or a
  // limit outside 1..50; kUnavailable while the index is first being built.
  core::Result<std::vector<HelperSuggestion>> Find(const Principal& who, const std::string& need, std::size_t limit);

  // The viewer's opt-out setting (true: may be suggested, the default).
  core::Result<bool> SuggestMe(const Principal& who);
  // Changes it (appending an `Update HelperSettings` activity visible only
  // to the person) and applies it to the index at once.
  core::Result<bool> SetSuggestMe(const Principal& who, bool suggest_me);

  // Counts for logs and tests.
  std::size_t evidence_count() const;

 private:
  struct State;
  core::Status Reload(const std::vector<std::int64_t>& people);

  ServiceContext& ctx_;
  expertise::ModelParams params_;
  mutable std::shared_mutex mu_;
  std::unique_ptr<State> state_;  // guarded by mu_; null until built
  std::int64_t position_ = 0;     // activity id read up to (job thread only)
};

}  // namespace hallway::service
