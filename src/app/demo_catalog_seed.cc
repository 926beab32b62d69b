#include "app/demo_catalog_seed.h"

#include "app/demo_collection_seed.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "domain/activity.h"
#include "domain/catalog/rating_stats.h"
#include "domain/catalog/resource.h"
#include "domain/markdown.h"
#include "domain/social/group.h"
#include "store/activity_log.h"
#include "store/category_store.h"
#include "store/learning_store.h"
#include "store/rating_store.h"
#include "store/resource_recommendation_store.h"
#include "store/resource_store.h"

namespace hallway::app {
namespace {

struct Subject {
  const char* parent;
  const char* name;
  std::vector<const char*> topics;
  std::vector<const char*> skills;
  std::vector<const char*> teams;  // whose people care most
};

const std::vector<Subject>& Subjects() {
  static const std::vector<Subject> kSubjects = {
      {"Leadership", "People management", {"one-to-ones", "delegation", "hiring well", "performance conversations", "leading remote teams", "building trust"},
       {"Leadership", "Feedback", "Coaching"}, {"People", "Operations", "Engineering"}},
      {"Leadership", "Coaching and feedback", {"giving feedback", "coaching conversations", "difficult conversations", "mentoring", "active listening"},
       {"Coaching", "Feedback", "Active listening"}, {"People", "Customer Success"}},
      {"Leadership", "Change management", {"leading change", "communicating change", "resistance to change", "organizational design"},
       {"Change management", "Leadership"}, {"People", "Operations"}},
      {"Communication", "Negotiation", {"negotiation", "vendor negotiations", "contract negotiation", "negotiating in German", "win-win deals"},
       {"Negotiation", "Contract negotiation", "German"}, {"Sales", "Finance", "Legal"}},
      {"Communication", "Presenting", {"public speaking", "storytelling with data", "slide design", "executive presentations"},
       {"Presentation skills", "Public speaking", "Storytelling"}, {"Sales", "Marketing", "Product"}},
      {"Communication", "Writing", {"technical writing", "business writing", "copywriting", "writing for the web"},
       {"Technical writing", "Copywriting"}, {"Marketing", "Customer Success", "Engineering"}},
      {"Technology", "Software engineering", {"modern C++", "TypeScript", "code review", "testing strategies", "distributed systems", "PostgreSQL internals"},
       {"C++", "TypeScript", "Testing", "Code review", "Distributed systems", "PostgreSQL"}, {"Engineering"}},
      {"Technology", "Data and analytics", {"SQL for analysts", "statistics", "machine learning", "data visualization", "experiment design", "Python for data"},
       {"SQL", "Statistics", "Machine learning", "Python", "Data visualization"}, {"Data Science", "Product"}},
      {"Technology", "Security", {"threat modelling", "incident response", "cloud security", "applied cryptography"},
       {"Threat modelling", "Incident response", "Cloud security", "Cryptography"}, {"Security", "Engineering"}},
      {"Business", "Finance", {"budgeting", "financial modelling", "reading a balance sheet", "Excel for finance"},
       {"Budgeting", "Financial modelling", "Excel"}, {"Finance", "Operations"}},
      {"Business", "Product management", {"product discovery", "roadmapping", "prioritization", "user research"},
       {"Product discovery", "Roadmapping", "User research", "Prioritization"}, {"Product", "Design"}},
      {"Business", "Legal and compliance", {"GDPR", "contract law", "risk assessment", "policy writing"},
       {"GDPR", "Contract law", "Risk assessment"}, {"Legal", "Security"}},
      {"Business", "Project management", {"project management", "Lean", "agile planning", "scheduling"},
       {"Project management", "Lean", "Scheduling"}, {"Operations", "Engineering", "Product"}},
      {"Personal effectiveness", "Time and focus", {"time management", "deep work", "running meetings"},
       {"Facilitation", "Prioritization"}, {}},
      {"Personal effectiveness", "Design and accessibility", {"accessibility", "design systems", "prototyping", "interaction design"},
       {"Accessibility", "Design systems", "Prototyping"}, {"Design", "Engineering"}},
  };
  return kSubjects;
}

const std::array<const char*, 6> kPrefixes = {"Foundations of", "A practical guide to", "Mastering", "Advanced",
                                              "The essentials of", "Workshop:"};
const std::array<const char*, 8> kProviders = {"Coursera", "edX", "LinkedIn Learning", "O'Reilly", "Internal Academy",
                                               "Harvard ManageMentor", "YouTube", "Pluralsight"};
const std::array<const char*, 5> kGoodReviews = {
    "Practical and to the point; I used the checklist the next day.",
    "The exercises made it stick. Worth the time.",
    "Clear examples, and the section on common mistakes was gold.",
    "Finally something that is not just theory. Recommended for new managers.",
    "I keep coming back to the templates from this one."};
const std::array<const char*, 4> kBadReviews = {
    "Too basic if you have done any reading on the subject.", "Long-winded; the key ideas fit in ten minutes.",
    "Dated examples and slides that are hard to read.", "Not what the title promises."};

std::string Capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

double Normal(Rng& rng) {  // Irwin-Hall approximation, deterministic
  double sum = 0;
  for (int i = 0; i < 6; ++i) sum += static_cast<double>(rng.Below(10000)) / 10000.0;
  return (sum - 3.0) / std::sqrt(0.5);
}

core::Status Activity(store::Tx& tx, core::Micros at, domain::AccountId actor, const std::string& verb,
                      const std::string& type, std::int64_t id, const std::string& payload = "{}",
                      const std::string& audience = domain::Audience::Organization()) {
  domain::Activity a;
  a.published_at = at;
  a.actor_id = actor;
  a.verb = verb;
  a.object_type = type;
  a.object_id = std::to_string(id);
  a.audience = audience;
  a.payload = payload;
  auto r = store::AppendActivity(tx, a);
  if (!r) return r.error();
  return core::Ok();
}

struct SeededResource {
  domain::ResourceId id;
  std::size_t subject;
  double quality;
};

}  // namespace

core::Status SeedDemoCatalog(store::Tx& tx, const std::vector<domain::Account>& people, Rng& rng, core::Micros now) {
  const core::Micros start = now - 120 * core::kDay;
  // The taxonomy.
  std::map<std::string, domain::CategoryId> parents;
  std::vector<domain::CategoryId> leaf_ids;
  for (const auto& s : Subjects()) {
    if (!parents.count(s.parent)) {
      store::Category c;
      c.name = s.parent;
      HALLWAY_TRY_ASSIGN(c.slug, domain::SlugFor(s.parent));
      c.position = static_cast<std::int64_t>(parents.size());
      HALLWAY_TRY_ASSIGN(c, store::InsertCategory(tx, c, start));
      parents[s.parent] = c.id;
    }
    store::Category leaf;
    leaf.name = s.name;
    leaf.parent_id = parents[s.parent];
    HALLWAY_TRY_ASSIGN(std::string parent_slug, domain::SlugFor(s.parent));
    HALLWAY_TRY_ASSIGN(std::string slug, domain::SlugFor(s.name));
    leaf.slug = parent_slug + "-" + slug;
    HALLWAY_TRY_ASSIGN(leaf, store::InsertCategory(tx, leaf, start));
    leaf_ids.push_back(leaf.id);
  }

  // Resources: each topic in a few treatments.
  std::vector<SeededResource> resources;
  for (std::size_t si = 0; si < Subjects().size(); ++si) {
    const Subject& s = Subjects()[si];
    for (const char* topic : s.topics) {
      const std::size_t treatments = 3 + rng.Below(3);
      std::set<std::size_t> used;
      for (std::size_t t = 0; t < treatments; ++t) {
        std::size_t p = rng.Below(kPrefixes.size());
        while (used.count(p)) p = (p + 1) % kPrefixes.size();
        used.insert(p);
        domain::Resource r;
        auto& f = r.fields;
        f.title = std::string(kPrefixes[p]) + " " + topic;
        if (p == 5) f.title = std::string("Workshop: ") + Capitalized(topic);
        if (p == 4) f.title = "The essentials of " + std::string(topic);
        f.kind = p == 5 ? domain::ResourceKind::kOffering
                        : std::array{domain::ResourceKind::kCourse, domain::ResourceKind::kVideo,
                                     domain::ResourceKind::kArticle, domain::ResourceKind::kBook,
                                     domain::ResourceKind::kPodcast, domain::ResourceKind::kCourse}[rng.Below(6)];
        f.provider = p == 5 ? "Internal Academy" : kProviders[rng.Below(kProviders.size())];
        f.level = domain::kLevels[p == 3 || p == 2 ? 2 : p == 0 ? 0 : rng.Below(3)];
        f.language = rng.Below(10) == 0 ? "German" : "English";
        f.cost = f.provider == std::string("Internal Academy") || f.provider == std::string("YouTube") ? "Free"
                 : rng.Below(3) == 0 ? "Free" : "€" + std::to_string(20 + 10 * rng.Below(15));
        f.duration_minutes = std::array<std::int64_t, 6>{20, 45, 90, 240, 600, 1800}[rng.Below(6)];
        f.url = f.kind == domain::ResourceKind::kOffering ? "" : "https://learning.example.com/" + std::to_string(resources.size() + 1);
        f.description = "**" + f.title + "** covers " + topic + " for people who want to get better at it at work.\n\n" +
                        "- what good looks like, with examples\n- exercises you can do this week\n- common mistakes";
        f.skills.push_back(s.skills[rng.Below(s.skills.size())]);
        if (s.skills.size() > 1 && rng.Below(2)) f.skills.push_back(s.skills[rng.Below(s.skills.size())]);
        if (f.skills.size() == 2 && f.skills[0] == f.skills[1]) f.skills.pop_back();
        f.tags = {topic};
        f.categories = {leaf_ids[si]};
        if (f.kind == domain::ResourceKind::kOffering) {
          const core::Micros day = now + static_cast<core::Micros>(7 + rng.Below(60)) * core::kDay;
          f.sessions.push_back({0, day + 9 * core::kHour, day + 12 * core::kHour, "Berlin, room Ada", 16});
          f.sessions.push_back({0, day + 14 * core::kDay + 9 * core::kHour, day + 14 * core::kDay + 12 * core::kHour,
                                "Online", 40});
        }
        r.description_html = domain::RenderMarkdown(f.description);
        r.added_by = people[2 + rng.Below(people.size() - 2)].id;
        r.source = "";
        r.score = domain::kPriorMean;
        r.created_at = r.updated_at = start + static_cast<core::Micros>(rng.Below(60 * 24)) * core::kMinute * 60;
        HALLWAY_TRY_ASSIGN(r.id, store::InsertResource(tx, r));
        HALLWAY_TRY(Activity(tx, r.created_at, *r.added_by, "Create", "Resource", r.id));
        resources.push_back({r.id, si, Normal(rng)});
      }
    }
  }

  // Ratings with taste: people mostly rate their team's subjects and like
  // them more; every resource has its own quality.
  std::map<std::string, std::vector<std::size_t>> by_team;
  for (std::size_t i = 0; i < resources.size(); ++i) {
    for (const char* team : Subjects()[resources[i].subject].teams) by_team[team].push_back(i);
  }
  std::vector<std::pair<store::Rating, domain::AccountId>> reviews;
  for (std::size_t pi = 1; pi < people.size(); ++pi) {
    const auto& person = people[pi];
    const auto& mine = by_team[person.team];
    const std::size_t n = 4 + rng.Below(18);
    std::set<std::size_t> chosen;
    for (std::size_t k = 0; k < n * 3 && chosen.size() < n; ++k) {
      const bool own = !mine.empty() && rng.Below(10) < 7;
      chosen.insert(own ? mine[rng.Below(mine.size())] : rng.Below(resources.size()));
    }
    const double taste = Normal(rng) * 0.3;  // some people rate generously
    for (std::size_t ri : chosen) {
      const SeededResource& res = resources[ri];
      const auto& teams = Subjects()[res.subject].teams;
      const bool fits = std::find_if(teams.begin(), teams.end(), [&](const char* t) { return person.team == t; }) !=
                        teams.end();
      const double x = 3.4 + 0.9 * res.quality + (fits ? 0.5 : -0.3) + taste + Normal(rng) * 0.6;
      const int stars = static_cast<int>(std::clamp(std::lround(x), 1L, 5L));
      store::Rating r;
      r.resource_id = res.id;
      r.account_id = person.id;
      r.stars = stars;
      if (rng.Below(6) == 0) {
        r.review = stars >= 4 ? kGoodReviews[rng.Below(kGoodReviews.size())] : kBadReviews[rng.Below(kBadReviews.size())];
        r.review_html = domain::RenderMarkdown(r.review);
      }
      r.created_at = start + static_cast<core::Micros>(rng.Below(118 * 24)) * core::kHour;
      HALLWAY_TRY_ASSIGN(r, store::InsertRating(tx, r));
      HALLWAY_TRY(Activity(tx, r.created_at, person.id, "Rate", "Resource", res.id,
                           "{\"stars\":" + std::to_string(stars) + "}"));
      if (!r.review.empty()) reviews.emplace_back(r, person.id);
      // Most ratings come with a completion.
      const std::string status = rng.Below(10) < 7 ? "completed" : rng.Below(2) ? "taking" : "dropped";
      HALLWAY_TRY(store::PutLearningStatus(tx, {person.id, res.id, status, "", "", r.created_at}));
      if (status == "completed") HALLWAY_TRY(Activity(tx, r.created_at, person.id, "Complete", "Resource", res.id));
    }
  }
  for (const auto& r : resources) HALLWAY_TRY(store::RefreshRatingAggregates(tx, r.id));

  // Helpful votes on reviews, mostly from teammates.
  for (const auto& [review, author] : reviews) {
    const std::size_t votes = rng.Below(6);
    for (std::size_t v = 0; v < votes; ++v) {
      const auto& voter = people[1 + rng.Below(people.size() - 1)];
      if (voter.id == author) continue;
      const bool helpful = review.stars >= 3 ? rng.Below(5) != 0 : rng.Below(2) == 0;
      HALLWAY_TRY(store::PutReviewVote(tx, review.id, voter.id, helpful, review.created_at + core::kDay));
    }
  }

  // Recommendations between colleagues, some accepted; the demo user gets a few.
  std::map<std::string, std::vector<domain::AccountId>> team_people;
  for (std::size_t i = 1; i < people.size(); ++i) team_people[people[i].team].push_back(people[i].id);
  const std::array<const char*, 4> kNotes = {"This helped me a lot, thought of you.", "Before your next project?",
                                             "Short and very practical.", "We talked about this last week."};
  for (int k = 0; k < 90; ++k) {
    const auto& from = people[2 + rng.Below(people.size() - 2)];
    const auto& mates = team_people[from.team];
    const domain::AccountId to = k < 6 ? people[1].id : mates[rng.Below(mates.size())];
    if (to == from.id) continue;
    const auto& own = by_team[from.team];
    if (own.empty()) continue;
    const SeededResource& res = resources[own[rng.Below(own.size())]];
    const core::Micros at = now - static_cast<core::Micros>(1 + rng.Below(40 * 24)) * core::kHour;
    store::ResourceRecommendation rec{0, res.id, from.id, std::nullopt, std::nullopt, kNotes[rng.Below(kNotes.size())], at};
    HALLWAY_TRY_ASSIGN(rec, store::InsertRecommendation(tx, rec, {to}));
    HALLWAY_TRY(Activity(tx, at, from.id, "Offer", "Resource", res.id,
                         "{\"recipients\":[" + std::to_string(to) + "]}", domain::Audience::OnlyAccount(from.id)));
    if (k >= 6 && rng.Below(2)) HALLWAY_TRY(store::SetReceivedState(tx, rec.id, to, "accepted", at + core::kDay));
  }

  // Collections, learning paths and goals over these resources.
  std::vector<DemoSubject> subjects;
  for (const Subject& s : Subjects()) subjects.push_back({s.name, {s.skills.begin(), s.skills.end()}, {}});
  for (const auto& r : resources) subjects[r.subject].resources.push_back(r.id);
  return SeedDemoCollections(tx, people, subjects, rng, now);
}

}  // namespace hallway::app
