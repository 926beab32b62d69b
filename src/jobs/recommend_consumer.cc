#include "jobs/recommend_consumer.h"

#include <set>

namespace hallway::jobs {

bool RecommendConsumer::Affects(const domain::Activity& a) {
  if (!a.actor_id) return false;
  const std::string& t = a.object_type;
  return t == "Resource" || t == "Trust" || t == "ImplicitTrust" || t == "Review" || t == "Comment" ||
         a.verb == "Announce" || a.verb == "Accept";
}

core::Status RecommendConsumer::Handle(const std::vector<domain::Activity>& batch) {
  std::set<domain::AccountId> people;
  for (const auto& a : batch) {
    if (Affects(a)) people.insert(*a.actor_id);
  }
  return model_.RefreshPeople({people.begin(), people.end()});
}

}  // namespace hallway::jobs
