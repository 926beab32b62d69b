#include "app/demo_collection_seed.h"

#include <algorithm>
#include <ctime>
#include <set>

#include "domain/activity.h"
#include "domain/catalog/collection.h"
#include "domain/catalog/goal.h"
#include "store/activity_log.h"
#include "store/collection_store.h"
#include "store/goal_store.h"
#include "store/learning_store.h"

namespace hallway::app {
namespace {

const std::array<const char*, 6> kNotes = {"Start here: short and practical.", "Do the exercises, skip the theory chapter.",
                                           "The one our team keeps going back to.", "Best after you have tried it once.",
                                           "", "Watch at 1.5x; the second half is the good part."};
const std::array<const char*, 5> kCollectionTitles = {"Starter kit: %s", "%s, the reading list", "Best of %s",
                                                      "%s for new managers", "What I wish I had read on %s"};
const std::array<const char*, 5> kGoalTitles = {"Get confident at %s", "Lead a project using %s", "Teach %s to my team",
                                                "Pass the internal %s certification", "Use %s every week"};

std::string Fill(const char* pattern, const std::string& value) {
  std::string s = pattern;
  const auto at = s.find("%s");
  return s.replace(at, 2, value);
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string DateIn(core::Micros now, std::int64_t days) {
  const std::time_t t = static_cast<std::time_t>((now + days * core::kDay) / 1000000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

core::Status Log(store::Tx& tx, core::Micros at, domain::AccountId actor, const std::string& verb,
                 const std::string& type, std::int64_t id, const std::string& audience) {
  domain::Activity a;
  a.published_at = at;
  a.actor_id = actor;
  a.verb = verb;
  a.object_type = type;
  a.object_id = std::to_string(id);
  a.audience = audience;
  auto r = store::AppendActivity(tx, a);
  if (!r) return r.error();
  return core::Ok();
}

const domain::Account& SomeoneElse(const std::vector<domain::Account>& people, domain::AccountId not_this, Rng& rng) {
  for (;;) {
    const auto& p = people[1 + rng.Below(people.size() - 1)];
    if (p.id != not_this) return p;
  }
}

struct SeededCollection {
  domain::CollectionId id;
  std::size_t subject;
  bool is_path;
};

}  // namespace

core::Status SeedDemoCollections(store::Tx& tx, const std::vector<domain::Account>& people,
                                 const std::vector<DemoSubject>& subjects, Rng& rng, core::Micros now) {
  std::vector<SeededCollection> seeded;
  for (std::size_t i = 0; i < 15; ++i) {
    const std::size_t si = (i * 5) % subjects.size();
    const DemoSubject& s = subjects[si];
    const bool is_path = i % 5 == 0;  // three paths
    domain::Collection c;
    c.owner_id = people[2 + rng.Below(people.size() - 2)].id;
    c.fields.is_path = is_path;
    c.fields.title = is_path ? "Learning path: " + s.name : Fill(kCollectionTitles[rng.Below(kCollectionTitles.size())], s.name);
    c.fields.description = is_path ? "Work through these in order; each builds on the one before."
                                   : "Hand-picked resources on " + Lower(s.name) + ", with notes on how to use them.";
    c.created_at = c.updated_at = now - static_cast<core::Micros>(5 + rng.Below(50)) * core::kDay;
    std::vector<domain::ResourceId> pool = s.resources;
    std::vector<domain::CollectionItem> items;
    const std::size_t want = std::min<std::size_t>(pool.size(), 4 + rng.Below(4));
    while (items.size() < want) {
      const std::size_t k = rng.Below(pool.size());
      items.push_back({pool[k], kNotes[rng.Below(kNotes.size())]});
      pool.erase(pool.begin() + static_cast<std::ptrdiff_t>(k));
    }
    HALLWAY_TRY_ASSIGN(c.id, store::InsertCollection(tx, c));
    HALLWAY_TRY(store::ReplaceCollectionItems(tx, c.id, items));
    HALLWAY_TRY(Log(tx, c.created_at, c.owner_id, "Create", "Collection", c.id, domain::Audience::Organization()));
    seeded.push_back({c.id, si, is_path});

    // Followers; on paths, enrolments with some steps completed. The demo
    // user is enrolled in the first path.
    const std::size_t followers = 3 + rng.Below(10);
    std::set<domain::AccountId> following;
    for (std::size_t f = 0; f < followers; ++f) {
      const auto& person = (is_path && f == 0 && i == 0) ? people[1] : SomeoneElse(people, c.owner_id, rng);
      if (!following.insert(person.id).second) continue;
      const bool enrol = is_path && (f == 0 || rng.Below(3) != 0);
      const core::Micros at = c.created_at + static_cast<core::Micros>(1 + rng.Below(72)) * core::kHour;
      HALLWAY_TRY(store::PutCollectionFollow(tx, c.id, person.id, enrol, at));
      HALLWAY_TRY(Log(tx, at, person.id, enrol ? "Join" : "Follow", "Collection", c.id, domain::Audience::Organization()));
      if (!enrol) continue;
      const std::size_t done = rng.Below(items.size() + 1);
      for (std::size_t step = 0; step < done; ++step) {
        const core::Micros when = at + static_cast<core::Micros>(step + 1) * core::kDay;
        HALLWAY_TRY(store::PutLearningStatus(tx, {person.id, items[step].resource_id, "completed",
                                                  DateIn(when, 0), "", when}));
      }
    }
  }

  // Goals: the demo user has three; others a mix of private, shared with
  // colleagues, and shared with a group they belong to.
  for (std::size_t i = 0; i < 20; ++i) {
    const domain::Account& owner = i < 3 ? people[1] : people[1 + rng.Below(people.size() - 1)];
    const std::size_t si = rng.Below(subjects.size());
    const DemoSubject& s = subjects[si];
    const std::string skill = s.skills[rng.Below(s.skills.size())];
    domain::Goal g;
    g.owner_id = owner.id;
    g.fields.title = Fill(kGoalTitles[rng.Below(kGoalTitles.size())], Lower(skill));
    g.fields.description = "Why: it keeps coming up in my work. How: a resource a week and practice with a colleague.";
    g.fields.due_on = rng.Below(4) == 0 ? "" : DateIn(now, 30 + static_cast<std::int64_t>(rng.Below(150)));
    g.fields.skills = {skill};
    g.fields.state = i % 7 == 6 ? "achieved" : "active";
    g.created_at = g.updated_at = now - static_cast<core::Micros>(1 + rng.Below(30)) * core::kDay;
    std::vector<domain::AccountId> shares;
    switch (i % 4) {
      case 1:
      case 2: {
        g.sharing = domain::GoalSharing::kPeople;
        const std::size_t n = 1 + rng.Below(3);
        while (shares.size() < n) {
          const auto& p = SomeoneElse(people, owner.id, rng);
          if (std::find(shares.begin(), shares.end(), p.id) == shares.end()) shares.push_back(p.id);
        }
        break;
      }
      case 3: {
        HALLWAY_TRY_ASSIGN(store::Rows groups, tx.Query("SELECT group_id FROM group_members WHERE account_id = $1 "
                                                        "AND state = 'active' ORDER BY group_id LIMIT 1",
                                                        {owner.id}));
        if (!groups.empty()) {
          g.sharing = domain::GoalSharing::kGroup;
          g.group_id = groups[0].Int(0);
        }
        break;
      }
      default: break;
    }
    HALLWAY_TRY_ASSIGN(g.id, store::InsertGoal(tx, g));
    HALLWAY_TRY(store::ReplaceGoalShares(tx, g.id, shares));
    const std::string audience = g.sharing == domain::GoalSharing::kGroup ? "group:" + std::to_string(*g.group_id)
                                                                          : domain::Audience::OnlyAccount(owner.id);
    HALLWAY_TRY(Log(tx, g.created_at, owner.id, "Create", "Goal", g.id, audience));
    const core::Micros at = g.created_at + core::kHour;
    const std::size_t n_resources = 1 + rng.Below(3);
    for (std::size_t k = 0; k < n_resources && k < s.resources.size(); ++k) {
      auto added = store::AddGoalItem(tx, g.id, {domain::GoalItemType::kResource, s.resources[rng.Below(s.resources.size())], at});
      if (!added && added.error().code() != core::ErrorCode::kConflict) return added.error();
    }
    for (const auto& c : seeded) {
      if (c.subject == si && c.is_path) {
        HALLWAY_TRY(store::AddGoalItem(tx, g.id, {domain::GoalItemType::kCollection, c.id, at}));
      }
    }
    if (rng.Below(2)) {
      HALLWAY_TRY(store::AddGoalItem(tx, g.id, {domain::GoalItemType::kPerson, SomeoneElse(people, owner.id, rng).id, at}));
    }
  }
  return core::Ok();
}

}  // namespace hallway::app
