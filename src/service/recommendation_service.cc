#include "service/recommendation_service.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "domain/activity.h"
#include "domain/social/trust.h"
#include "recommend/explanation.h"
#include "service/social_context.h"
#include "store/account_store.h"
#include "store/block_store.h"
#include "store/catalog_index_store.h"
#include "store/recommendation_store.h"
#include "store/resource_store.h"
#include "store/trust_store.h"

namespace hallway::service {
namespace {

constexpr int kLikeStars = 4;
constexpr double kTrustBoost = 0.6;        // per star above 3, times trust
constexpr double kTasteBoost = 0.2;        // per taste neighbour who liked it (at most 3)
constexpr double kTeamBoost = 0.15;        // times ln(1 + team likes)
constexpr double kGroupBoost = 0.1;        // times ln(1 + group likes)
constexpr double kNotInterestedPenalty = 1.0;   // per "not interested" in the category
constexpr double kPropagationDecay = 0.5;
constexpr int kBestScored = 60;             // candidates by Bayesian score, for people new to the model
constexpr std::size_t kMinCrowd = 2;       // anonymous counts need at least this many people

struct DirectTrust {
  double weight = 0;  // general trust weight; 0 = only topical
  std::vector<std::string> topics;
};

struct Candidate {
  double prediction = -1;  // the model's, < 0 when none
  bool from_model = false;
  std::vector<recommend::Contribution> trusted;
  std::vector<domain::AccountId> taste_people;
  std::int64_t team_likes = 0;
  std::int64_t group_likes = 0;
};

// Everything about the viewer that serving reads from the database.
struct ViewerState {
  domain::Account me;
  std::unordered_set<domain::ResourceId> excluded;  // hidden, seen, dismissed
  std::map<std::int64_t, int> not_interested;       // category -> count
  std::map<domain::AccountId, DirectTrust> direct;
  std::set<domain::AccountId> distrusted;
  std::vector<store::PopularCandidate> popular;
  std::vector<std::int64_t> groups;  // active memberships
};

core::Result<ViewerState> LoadViewer(store::Tx& tx, domain::AccountId viewer) {
  ViewerState v;
  HALLWAY_TRY_ASSIGN(v.me, store::GetAccount(tx, viewer));
  HALLWAY_TRY_ASSIGN(auto hidden, store::ListHiddenResources(tx, viewer));
  HALLWAY_TRY_ASSIGN(auto seen, store::ListSeenResources(tx, viewer));
  HALLWAY_TRY_ASSIGN(auto feedback, store::ListRecommendationFeedback(tx, viewer));
  v.excluded.insert(hidden.begin(), hidden.end());
  v.excluded.insert(seen.begin(), seen.end());
  for (const auto& f : feedback) {
    v.excluded.insert(f.resource_id);
    if (f.kind == "not_interested" && f.category_id) v.not_interested[*f.category_id] += 1;
  }
  HALLWAY_TRY_ASSIGN(auto statements, store::ListTrustStatements(tx, viewer));
  std::set<domain::AccountId> stated;
  for (const auto& s : statements) {
    stated.insert(s.trustee_id);
    if (s.value == domain::TrustValue::kDistrust) {
      v.distrusted.insert(s.trustee_id);
    } else if (s.topic.empty()) {
      v.direct[s.trustee_id].weight = 1.0;
    } else {
      v.direct[s.trustee_id].topics.push_back(s.topic);
    }
  }
  for (auto id : v.distrusted) v.direct.erase(id);
  HALLWAY_TRY_ASSIGN(auto implicit, store::ListImplicitEvidence(tx, viewer));
  for (const auto& row : implicit) {
    if (stated.count(row.trustee_id) || !domain::IsImplicitTrust(row.evidence)) continue;
    v.direct[row.trustee_id].weight = domain::ImplicitTrustWeight(row.evidence);
  }
  HALLWAY_TRY_ASSIGN(v.popular, store::ListPopularNear(tx, viewer, v.me.team, 60));
  HALLWAY_TRY_ASSIGN(v.groups, store::ActiveGroupsOf(tx, viewer));
  return v;
}

// Counts co-rated items of users a and b in `data` and those within one star.
std::pair<std::size_t, std::size_t> Agreement(const recommend::RatingData& data, std::uint32_t a, std::uint32_t b) {
  auto ra = data.UserRatings(a);
  auto rb = data.UserRatings(b);
  std::size_t i = 0, j = 0, overlap = 0, agree = 0;
  while (i < ra.size() && j < rb.size()) {
    const auto& x = data.ratings()[ra[i]];
    const auto& y = data.ratings()[rb[j]];
    if (x.item < y.item) {
      ++i;
    } else if (y.item < x.item) {
      ++j;
    } else {
      ++overlap;
      if (std::fabs(x.value - y.value) <= 1.0f) ++agree;
      ++i;
      ++j;
    }
  }
  return {agree, overlap};
}

std::string ReasonCode(recommend::Reason::Kind k) {
  switch (k) {
    case recommend::Reason::Kind::kTrustedRated: return "trusted_rated";
    case recommend::Reason::Kind::kTasteNeighboursLiked: return "taste_neighbours_liked";
    case recommend::Reason::Kind::kPopularInTeam: return "popular_in_team";
  }
  return "other";
}

bool Blocked(store::Tx& tx, domain::AccountId a, domain::AccountId b) {
  auto x = store::GetBlock(tx, a, b);
  auto y = store::GetBlock(tx, b, a);
  return (x && *x && **x == "block") || (y && *y && **y == "block");
}

}  // namespace

core::Result<std::vector<RecommendedResource>> RecommendationService::ForPerson(const Principal& who, int limit) {
  const domain::AccountId me = who.account_id;
  HALLWAY_TRY_ASSIGN(ViewerState v, store::ReadTx(ctx_.db, [&](store::Tx& tx) { return LoadViewer(tx, me); }));
  HALLWAY_TRY_ASSIGN(std::vector<domain::ResourceId> best,
                     BestScored(me, v.groups, kBestScored + static_cast<int>(v.excluded.size())));

  std::unordered_map<domain::ResourceId, Candidate> cands;
  auto candidate = [&](domain::ResourceId id) -> Candidate* {
    if (v.excluded.count(id)) return nullptr;
    return &cands[id];
  };

  // Trust reached through the viewer's trustees, and taste neighbours, from
  // the snapshot; the model's own top items.
  std::map<domain::AccountId, double> propagated;
  std::unordered_map<domain::ResourceId, std::vector<domain::AccountId>> taste_likes;
  std::vector<domain::ResourceId> top;
  std::unordered_map<domain::ResourceId, std::int64_t> group_likes;  // most in any one of the viewer's groups
  std::int64_t model_user = -1;
  model_.Read([&](const RecommenderSnapshot& snap) {
    if (snap.group_favourites) {
      for (std::int64_t g : v.groups) {
        auto it = snap.group_favourites->find(g);
        if (it == snap.group_favourites->end()) continue;
        for (const auto& f : it->second) {
          std::int64_t& n = group_likes[f.resource_id];
          n = std::max(n, f.likes);
        }
      }
    }
    for (const auto& [person, d] : v.direct) {
      if (d.weight <= 0) continue;
      recommend::PropagationOptions po;
      po.max_depth = 2;
      po.decay = kPropagationDecay;
      po.max_results = 50;
      for (const auto& r : snap.trust_graph->Propagate(person, po)) {
        if (r.person == me || v.direct.count(r.person) || v.distrusted.count(r.person)) continue;
        const double t = d.weight * kPropagationDecay * r.trust;
        double& best = propagated[r.person];
        best = std::max(best, t);
      }
    }
    const std::int64_t pu = snap.public_ratings->FindUser(me);
    if (pu >= 0) {
      recommend::TasteOptions to;
      to.min_overlap = 2;
      for (const auto& n : snap.taste->Find(static_cast<std::uint32_t>(pu), to)) {
        const domain::AccountId person = snap.public_ratings->user_id(n.user);
        if (v.distrusted.count(person)) continue;
        for (std::uint32_t pos : snap.public_ratings->UserRatings(n.user)) {
          const auto& r = snap.public_ratings->ratings()[pos];
          if (r.value >= kLikeStars) taste_likes[snap.public_ratings->item_id(r.item)].push_back(person);
        }
      }
    }
    if (snap.model) {
      model_user = snap.model->FindUser(me);
      if (model_user >= 0) {
        const auto best = snap.model->TopN(static_cast<std::uint32_t>(model_user), 100, true,
                                           [&](std::uint32_t item) { return !v.excluded.count(snap.model->item_id(item)); });
        for (const auto& t : best) top.push_back(snap.model->item_id(t.item));
      }
    }
  });

  // What the people the viewer trusts liked.
  std::vector<domain::AccountId> trusted_people;
  for (const auto& [p, d] : v.direct) trusted_people.push_back(p);
  for (const auto& [p, t] : propagated) {
    if (trusted_people.size() >= 200) break;
    trusted_people.push_back(p);
  }
  std::vector<store::PersonRating> liked;
  std::map<domain::AccountId, domain::Account> people;
  std::unordered_map<domain::ResourceId, std::set<std::string>> skills;
  HALLWAY_TRY(ctx_.db.Read([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(liked, store::ListLikedBy(tx, me, trusted_people, kLikeStars));
    std::vector<domain::ResourceId> topical;
    for (const auto& r : liked) {
      if (!v.direct.count(r.account_id)) continue;
      if (!people.count(r.account_id)) {
        auto a = store::GetAccount(tx, r.account_id);
        if (a) people.emplace(r.account_id, *a);
      }
      if (!v.direct.at(r.account_id).topics.empty()) topical.push_back(r.resource_id);
    }
    HALLWAY_TRY_ASSIGN(auto pairs, store::ListResourceSkills(tx, topical));
    for (auto& [id, skill] : pairs) skills[id].insert(domain::TagKey(skill));
    return core::Ok();
  }));
  for (const auto& r : liked) {
    Candidate* c = candidate(r.resource_id);
    if (!c) continue;
    recommend::Contribution k;
    k.person = r.account_id;
    k.rating = static_cast<float>(r.stars);
    k.relation = recommend::Contribution::Relation::kTrusted;
    auto direct = v.direct.find(r.account_id);
    if (direct != v.direct.end()) {
      const DirectTrust& d = direct->second;
      k.strength = d.weight;
      if (d.weight <= 0) {  // trusted on topics only: counts where the resource teaches one
        auto it = skills.find(r.resource_id);
        for (const auto& topic : d.topics) {
          if (it != skills.end() && it->second.count(domain::TagKey(topic))) {
            k.strength = 1.0;
            k.topic = topic;
            break;
          }
        }
        if (k.strength <= 0) continue;
      }
      auto a = people.find(r.account_id);
      k.visible_to_viewer = a != people.end();
      if (k.visible_to_viewer) k.name = a->second.display_name;
    } else {
      k.strength = propagated[r.account_id];
      k.visible_to_viewer = false;  // never name whom someone else trusts
    }
    c->trusted.push_back(std::move(k));
  }
  for (auto& [id, list] : taste_likes) {
    if (Candidate* c = candidate(id)) c->taste_people = list;
  }
  for (domain::ResourceId id : top) {
    if (Candidate* c = candidate(id)) c->from_model = true;
  }
  for (const auto& p : v.popular) {
    if (Candidate* c = candidate(p.resource_id)) c->team_likes = p.team_likes;
  }
  int best_taken = 0;
  for (domain::ResourceId id : best) {
    if (best_taken >= kBestScored) break;
    if (candidate(id)) ++best_taken;
  }
  std::vector<std::pair<std::int64_t, domain::ResourceId>> by_likes;  // the best kFavouritesPerGroup overall
  for (const auto& [id, n] : group_likes) by_likes.emplace_back(-n, id);
  std::sort(by_likes.begin(), by_likes.end());
  if (by_likes.size() > static_cast<std::size_t>(kFavouritesPerGroup)) by_likes.resize(kFavouritesPerGroup);
  for (const auto& [negative_likes, id] : by_likes) {
    if (Candidate* c = candidate(id)) c->group_likes = -negative_likes;
  }

  std::vector<domain::ResourceId> ids;
  ids.reserve(cands.size());
  for (const auto& [id, c] : cands) ids.push_back(id);
  HALLWAY_TRY_ASSIGN(auto resources, store::ReadTx(ctx_.db, [&](store::Tx& tx) {
                       return store::LoadVisibleResources(tx, me, ids);
                     }));
  if (model_user >= 0) {
    model_.Read([&](const RecommenderSnapshot& snap) {
      if (!snap.model) return;
      const std::int64_t u = snap.model->FindUser(me);
      if (u < 0) return;
      for (auto& [id, c] : cands) {
        const std::int64_t item = snap.model->FindItem(id);
        if (item >= 0) c.prediction = snap.model->Predict(static_cast<std::uint32_t>(u), static_cast<std::uint32_t>(item));
      }
    });
  }

  std::vector<RecommendedResource> out;
  out.reserve(resources.size());
  for (auto& vr : resources) {
    Candidate& c = cands[vr.resource.id];
    const double bayes = vr.resource.score > 0 ? vr.resource.score : 3.0;
    double score = c.prediction >= 0 ? std::clamp(c.prediction, 1.0, 5.0) : bayes;
    std::sort(c.trusted.begin(), c.trusted.end(),
              [](const auto& a, const auto& b) { return a.strength > b.strength; });
    for (std::size_t i = 0; i < c.trusted.size() && i < 3; ++i) {
      score += kTrustBoost * c.trusted[i].strength * (c.trusted[i].rating - 3.0);
    }
    score += kTasteBoost * static_cast<double>(std::min<std::size_t>(3, c.taste_people.size()));
    score += kTeamBoost * std::log1p(static_cast<double>(c.team_likes));
    score += kGroupBoost * std::log1p(static_cast<double>(c.group_likes));
    if (vr.category_id) {
      auto ni = v.not_interested.find(*vr.category_id);
      if (ni != v.not_interested.end()) score -= kNotInterestedPenalty * ni->second;
    }
    RecommendedResource rr;
    rr.resource = std::move(vr.resource);
    rr.score = score;
    recommend::ExplanationInput in;
    in.contributions = c.trusted;
    if (c.taste_people.size() >= kMinCrowd) {
      for (auto person : c.taste_people) {
        recommend::Contribution k;
        k.person = person;
        k.rating = kLikeStars;
        k.visible_to_viewer = true;
        k.relation = recommend::Contribution::Relation::kTasteNeighbour;
        in.contributions.push_back(k);
      }
    }
    in.team_name = v.me.team;
    in.team_ratings = static_cast<std::size_t>(c.team_likes);
    in.team_visible = !v.me.team.empty() && static_cast<std::size_t>(c.team_likes) >= kMinCrowd;
    for (const auto& reason : recommend::ExplanationBuilder::Build(in)) {
      rr.reasons.push_back({ReasonCode(reason.kind), reason.text});
    }
    if (rr.reasons.size() < 3 && static_cast<std::size_t>(c.group_likes) >= kMinCrowd) {
      rr.reasons.push_back({"popular_in_groups", "Liked by " + std::to_string(c.group_likes) + " people in your groups"});
    }
    if (rr.reasons.empty()) {
      const auto& st = rr.resource.stars;
      std::int64_t count = 0;
      for (auto n : st) count += n;
      if (c.from_model) {
        rr.reasons.push_back({"matches_your_ratings", "Close to what you rated highly"});
      } else if (count > 0) {
        char buf[96];
        std::snprintf(buf, sizeof(buf), "Highly rated across the organization (%.1f from %lld rating%s)",
                      rr.resource.score, static_cast<long long>(count), count == 1 ? "" : "s");
        rr.reasons.push_back({"top_rated", buf});
      } else {
        rr.reasons.push_back({"new_in_catalog", "New in the catalog"});
      }
    }
    out.push_back(std::move(rr));
  }
  std::sort(out.begin(), out.end(), [](const RecommendedResource& a, const RecommendedResource& b) {
    return a.score != b.score ? a.score > b.score : a.resource.id < b.resource.id;
  });
  if (out.size() > static_cast<std::size_t>(limit)) out.resize(static_cast<std::size_t>(limit));
  return out;
}

core::Result<std::vector<domain::ResourceId>> RecommendationService::BestScored(
    domain::AccountId viewer, const std::vector<std::int64_t>& groups, int limit) {
  if (!feed_) {
    return store::ReadTx(ctx_.db, [&](store::Tx& tx) { return store::ListBestScored(tx, viewer, limit); });
  }
  HALLWAY_TRY(feed_->CatchUp());  // a resource added a moment ago counts
  catalog_index::IndexQuery q;
  q.viewer_groups = groups;
  q.sort = catalog_index::IndexSort::kScore;
  q.limit = limit;
  q.facets = false;
  return feed_->index().Query(q).ids;
}

core::Status RecommendationService::Feedback(const Principal& who, domain::ResourceId resource,
                                             const std::string& kind) {
  if (kind != "dismiss" && kind != "not_interested") {
    return core::Error::InvalidArgument("bad feedback", {{"kind", "must be dismiss or not_interested"}});
  }
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(bool visible, store::ResourceVisibleTo(tx, resource, who.account_id));
    if (!visible) return core::Error::NotFound("no such resource");
    HALLWAY_TRY(store::PutRecommendationFeedback(tx, who.account_id, resource, kind, now));
    return AppendSocialActivity(tx, now, who.account_id, "Ignore", "Resource", std::to_string(resource),
                                domain::Audience::OnlyAccount(who.account_id), "", "",
                                "{\"kind\":\"" + kind + "\"}");
  });
}

core::Result<std::vector<AlsoValuedResource>> RecommendationService::AlsoValued(const Principal& who,
                                                                                domain::ResourceId resource,
                                                                                int limit) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<AlsoValuedResource>> {
    HALLWAY_TRY_ASSIGN(bool visible, store::ResourceVisibleTo(tx, resource, who.account_id));
    if (!visible) return core::Error::NotFound("no such resource");
    HALLWAY_TRY_ASSIGN(auto co, store::ListAlsoValued(tx, who.account_id, resource, limit));
    std::vector<domain::ResourceId> ids;
    for (const auto& c : co) ids.push_back(c.resource_id);
    HALLWAY_TRY_ASSIGN(auto loaded, store::LoadVisibleResources(tx, who.account_id, ids));
    std::unordered_map<domain::ResourceId, domain::Resource> by_id;
    for (auto& l : loaded) by_id.emplace(l.resource.id, std::move(l.resource));
    std::vector<AlsoValuedResource> out;
    for (const auto& c : co) {
      auto it = by_id.find(c.resource_id);
      if (it != by_id.end()) out.push_back({it->second, c.people});
    }
    return out;
  });
}

core::Result<PeopleLikeYou> RecommendationService::PeopleLike(const Principal& who, int limit) {
  const domain::AccountId me = who.account_id;
  std::vector<TasteMatch> found;  // person ids only so far
  std::vector<domain::AccountId> taste_ids;
  model_.Read([&](const RecommenderSnapshot& snap) {
    const recommend::RatingData& data = *snap.public_ratings;
    const std::int64_t u = data.FindUser(me);
    if (u < 0) return;
    recommend::TasteOptions o;
    o.k = static_cast<std::size_t>(limit) * 2;
    o.min_overlap = 3;  // agreeing on two resources says little
    for (const auto& n : snap.taste->Find(static_cast<std::uint32_t>(u), o)) {
      auto [agree, overlap] = Agreement(data, static_cast<std::uint32_t>(u), n.user);
      TasteMatch m;
      m.agree = agree;
      m.overlap = overlap;
      m.similarity = n.similarity;
      found.push_back(m);
      taste_ids.push_back(data.user_id(n.user));
    }
  });
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<PeopleLikeYou> {
    PeopleLikeYou out;
    for (std::size_t i = 0; i < found.size() && out.taste.size() < static_cast<std::size_t>(limit); ++i) {
      auto a = store::GetAccount(tx, taste_ids[i]);
      if (!a || a->status != domain::AccountStatus::kActive || Blocked(tx, me, a->id)) continue;
      TasteMatch m = found[i];
      m.person = *a;
      out.taste.push_back(std::move(m));
    }
    HALLWAY_TRY_ASSIGN(domain::Account self, store::GetAccount(tx, me));
    HALLWAY_TRY_ASSIGN(auto goal_skills, store::ListGoalSkills(tx, me));
    std::set<std::string> have;
    for (const auto& s : self.skills) have.insert(domain::TagKey(s));
    std::set<std::string> wanted;
    for (const auto& s : self.interests) wanted.insert(domain::TagKey(s));
    for (const auto& s : goal_skills) wanted.insert(domain::TagKey(s));
    std::vector<std::string> lacking;
    for (const auto& w : wanted) {
      if (!w.empty() && !have.count(w)) lacking.push_back(w);
    }
    HALLWAY_TRY_ASSIGN(auto matches, store::ListPeopleWithSkills(tx, me, lacking, limit));
    for (auto& m : matches) {
      auto a = store::GetAccount(tx, m.account_id);
      if (!a) continue;
      out.complementary.push_back({*a, std::move(m.skills)});
    }
    return out;
  });
}

core::Result<TasteMatch> RecommendationService::TasteWith(const Principal& who, const std::string& handle) {
  HALLWAY_TRY_ASSIGN(domain::Account person, store::ReadTx(ctx_.db, [&](store::Tx& tx) {
                       return store::GetAccountByHandle(tx, handle);
                     }));
  TasteMatch m;
  m.person = person;
  model_.Read([&](const RecommenderSnapshot& snap) {
    const recommend::RatingData& data = *snap.public_ratings;
    const std::int64_t a = data.FindUser(who.account_id);
    const std::int64_t b = data.FindUser(person.id);
    if (a < 0 || b < 0 || a == b) return;
    auto [agree, overlap] = Agreement(data, static_cast<std::uint32_t>(a), static_cast<std::uint32_t>(b));
    m.agree = agree;
    m.overlap = overlap;
  });
  return m;
}

}  // namespace hallway::service
