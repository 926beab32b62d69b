// ExplanationBuilder: why an item is recommended to a viewer, as reason
// objects with one-line English text, e.g.
//   "Ana, whom you trust on leadership, rated it 5"
//   "Ben, whom you trust through Ana, rated it 4.5"
//   "3 people whose ratings agree with yours liked it"
//   "Popular in your team Design (7 ratings)"
//
// PRIVACY CONTRACT: the builder uses only what the caller hands it, and of
// that only inputs marked visible to this viewer: a contribution with
// `visible_to_viewer == false` is dropped whole, an intermediary on a trust
// path with `visible_to_viewer == false` is named "someone you trust", and
// team popularity is used only when `team_visible`. The caller (the product)
// decides visibility with its permission rules; the builder never looks
// anything up. Reasons name only people whose contribution was used.
//
// Thread-safety: stateless; Build may run concurrently.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace hallway::recommend {

struct PathStep {
  std::int64_t person = 0;
  std::string name;
  bool visible_to_viewer = false;
};

// One neighbour's rating of the item, and how the viewer relates to them.
struct Contribution {
  enum class Relation { kTrusted, kTasteNeighbour };
  std::int64_t person = 0;
  std::string name;
  float rating = 0;
  bool visible_to_viewer = false;  // the rating AND the name may be shown
  Relation relation = Relation::kTrusted;
  std::string topic;               // kTrusted: the trust topic, "" = general
  std::vector<PathStep> through;   // kTrusted: intermediaries, empty = direct
  double strength = 0;             // trust or similarity, for ordering
  std::size_t overlap = 0;         // kTasteNeighbour: co-rated items
};

struct ExplanationInput {
  std::vector<Contribution> contributions;
  std::string team_name;
  std::size_t team_ratings = 0;  // ratings of the item by the viewer's team
  bool team_visible = false;
  float like_threshold = 4;      // a rating at or above this is "liked"
  std::size_t max_reasons = 3;
};

struct Reason {
  enum class Kind { kTrustedRated, kTasteNeighboursLiked, kPopularInTeam };
  Kind kind = Kind::kTrustedRated;
  std::vector<std::int64_t> people;  // whose contributions it rests on
  std::string text;
};

class ExplanationBuilder {
 public:
  // Returns at most input.max_reasons reasons, strongest first: trusted
  // people who liked the item (by trust), then taste neighbours who liked it
  // (one reason; named when there is one), then team popularity. Ratings
  // below like_threshold never become a reason. Empty when nothing visible
  // supports the item.
  static std::vector<Reason> Build(const ExplanationInput& input);

  // "5" for whole numbers, else one decimal ("4.5").
  static std::string FormatRating(float rating);
};

}  // namespace hallway::recommend
