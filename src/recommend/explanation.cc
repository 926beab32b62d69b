#include "recommend/explanation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hallway::recommend {

std::string ExplanationBuilder::FormatRating(float rating) {
  char buf[32];
  const double r = std::round(static_cast<double>(rating) * 10.0) / 10.0;
  if (r == std::floor(r)) {
    std::snprintf(buf, sizeof(buf), "%.0f", r);
  } else {
    std::snprintf(buf, sizeof(buf), "%.1f", r);
  }
  return buf;
}

std::vector<Reason> ExplanationBuilder::Build(const ExplanationInput& input) {
  std::vector<const Contribution*> trusted, taste;
  for (const Contribution& c : input.contributions) {
    if (!c.visible_to_viewer || c.rating < input.like_threshold) continue;
    (c.relation == Contribution::Relation::kTrusted ? trusted : taste).push_back(&c);
  }
  auto stronger = [](const Contribution* a, const Contribution* b) {
    return a->strength != b->strength ? a->strength > b->strength : a->person < b->person;
  };
  std::sort(trusted.begin(), trusted.end(), stronger);
  std::sort(taste.begin(), taste.end(), stronger);

  std::vector<Reason> out;
  for (const Contribution* c : trusted) {
    if (out.size() >= input.max_reasons) return out;
    std::string how = "whom you trust";
    if (!c->topic.empty()) how += " on " + c->topic;
    if (!c->through.empty()) {
      const PathStep& first = c->through.front();
      how += " through " + (first.visible_to_viewer ? first.name : std::string("someone you trust"));
    }
    Reason r;
    r.kind = Reason::Kind::kTrustedRated;
    r.people = {c->person};
    r.text = c->name + ", " + how + ", rated it " + FormatRating(c->rating);
    out.push_back(std::move(r));
  }
  if (!taste.empty() && out.size() < input.max_reasons) {
    Reason r;
    r.kind = Reason::Kind::kTasteNeighboursLiked;
    for (const Contribution* c : taste) r.people.push_back(c->person);
    if (taste.size() == 1) {
      const Contribution* c = taste.front();
      r.text = c->name + ", whose ratings agree with yours on " + std::to_string(c->overlap) + " item" +
               (c->overlap == 1 ? "" : "s") + ", liked it";
    } else {
      r.text = std::to_string(taste.size()) + " people whose ratings agree with yours liked it";
    }
    out.push_back(std::move(r));
  }
  if (input.team_visible && input.team_ratings > 0 && out.size() < input.max_reasons) {
    Reason r;
    r.kind = Reason::Kind::kPopularInTeam;
    r.text = "Popular in your team" + (input.team_name.empty() ? std::string() : " " + input.team_name) + " (" +
             std::to_string(input.team_ratings) + " rating" + (input.team_ratings == 1 ? "" : "s") + ")";
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace hallway::recommend
