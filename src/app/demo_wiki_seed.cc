#include "app/demo_wiki_seed.h"

#include <nlohmann/json.hpp>

#include "domain/activity.h"
#include "domain/wiki/wiki_links.h"
#include "domain/wiki/wiki_title.h"
#include "store/activity_log.h"
#include "store/group_store.h"
#include "store/wiki_store.h"

namespace hallway::app {
namespace {

struct Edit {
  std::size_t author;  // index into people
  std::int64_t days_ago;
  const char* comment;
  const char* body;
};

struct PageSeed {
  const char* group_slug;  // nullptr: the organization's wiki
  const char* title;
  std::vector<Edit> edits;  // oldest first
};

const std::vector<PageSeed>& Pages() {
  static const std::vector<PageSeed> kPages = {
      {nullptr, "Home", {{0, 120, "First version", "# Welcome to the Hallway wiki\n\nAnyone can edit these pages. Start with:\n\n- [[Onboarding]]\n- [[Holiday policy]]\n- [[Glossary]]\n\nGroups keep their own wikis too: see the Negotiation Guild and New Joiners groups.\n"},
                         {1, 30, "Point to the FAQ", "# Welcome to the Hallway wiki\n\nAnyone can edit these pages. Start with:\n\n- [[Onboarding]]\n- [[Holiday policy]]\n- [[Glossary]]\n- [[Frequently asked questions|FAQ]] (not written yet: be the first)\n\nGroups keep their own wikis too: see the Negotiation Guild and New Joiners groups.\n"}}},
      {nullptr, "Onboarding", {{2, 110, "Draft", "# Onboarding\n\n1. Get your laptop from IT on day one.\n2. Book a desk (see [[Desk booking]]).\n3. Join the New Joiners group.\n"},
                               {3, 60, "Badge and buddy", "# Onboarding\n\n1. Get your laptop and badge from IT on day one.\n2. Book a desk (see [[Desk booking]]).\n3. Join the New Joiners group.\n4. Meet your onboarding buddy in week one.\n\nWords you will hear a lot are in the [[Glossary]].\n"},
                               {1, 12, "Clarify the buddy", "# Onboarding\n\n1. Get your laptop and badge from IT on day one.\n2. Book a desk (see [[Desk booking]]).\n3. Join the New Joiners group.\n4. Meet your onboarding buddy in week one: your manager picks them.\n\nWords you will hear a lot are in the [[Glossary]].\n"}}},
      {nullptr, "Holiday policy", {{0, 100, "From the handbook", "# Holiday policy\n\n- 28 days a year, plus public holidays.\n- Up to 5 days carry over to March.\n\nQuestions? Ask in [[Home|the wiki home]] or your manager.\n"},
                                   {4, 20, "Carry-over changed", "# Holiday policy\n\n- 28 days a year, plus public holidays.\n- Up to 5 days carry over to April.\n- Book a week or more at least a month ahead.\n\nQuestions? Ask in [[Home|the wiki home]] or your manager.\n"}}},
      {nullptr, "Glossary", {{5, 90, "Start a glossary", "# Glossary\n\n**1:1**: a regular conversation with your manager.\n\n**OKR**: objectives and key results, set each quarter.\n\n**Retro**: a team meeting looking back at how work went.\n\nSee also [[Onboarding]].\n"}}},
      {nullptr, "Desk booking", {{3, 50, "How to book", "# Desk booking\n\nBook a desk the day before in the office app. Quiet floor: level 3.\n"}}},
      {"negotiation-guild", "Guild handbook", {{1, 80, "First version", "# Negotiation Guild handbook\n\nWe meet every second Thursday. Bring one real negotiation to discuss.\n\n- [[Preparation checklist]]\n- [[Reading list]]\n"},
                                               {1, 10, "Meeting time", "# Negotiation Guild handbook\n\nWe meet every second Thursday at 16:00. Bring one real negotiation to discuss.\n\n- [[Preparation checklist]]\n- [[Reading list]]\n"}}},
      {"negotiation-guild", "Preparation checklist", {{1, 70, "Checklist", "# Preparation checklist\n\n- What is your best alternative (BATNA)?\n- What do they need, not just want?\n- Where is your walk-away point?\n\nBack to the [[Guild handbook]].\n"}}},
      {"new-joiners", "Ask here first", {{1, 40, "Start the page", "# Ask here first\n\nCommon questions from new joiners, answered. Add yours.\n\n- Where is the wiki home? In the Wiki link of the main navigation.\n- Who is my buddy? See [[Buddy programme]].\n"}}},
      {"new-joiners", "Buddy programme", {{1, 35, "Describe it", "# Buddy programme\n\nEvery new joiner gets a buddy from another team for their first three months.\n\nFrom [[Ask here first]].\n"}}},
  };
  return kPages;
}

core::Status Log(store::Tx& tx, core::Micros at, domain::AccountId actor, const std::string& verb,
                 const domain::WikiPage& page, const std::string& audience, const std::string& space) {
  domain::Activity a;
  a.published_at = at;
  a.actor_id = actor;
  a.verb = verb;
  a.object_type = "WikiPage";
  a.object_id = std::to_string(page.id);
  if (page.group_id) {
    a.target_type = "Group";
    a.target_id = std::to_string(*page.group_id);
  }
  a.audience = audience;
  a.payload = nlohmann::json{{"space", space}, {"slug", page.slug}, {"revision", page.revision},
                             {"source", "seed-demo"}}
                  .dump();
  auto r = store::AppendActivity(tx, a);
  if (!r) return r.error();
  return core::Ok();
}

}  // namespace

core::Status SeedDemoWiki(store::Tx& tx, const std::vector<domain::Account>& people, core::Micros now) {
  for (const PageSeed& seed : Pages()) {
    std::optional<std::int64_t> group_id;
    std::string space = "org", audience = domain::Audience::Organization();
    if (seed.group_slug) {
      HALLWAY_TRY_ASSIGN(domain::Group g, store::GetGroupBySlug(tx, seed.group_slug));
      group_id = g.id;
      space = "g-" + g.slug;
      if (g.visibility != domain::GroupVisibility::kOpen) audience = "group:" + std::to_string(g.id);
    }
    domain::WikiPage page;
    page.group_id = group_id;
    page.title = seed.title;
    page.slug = domain::WikiSlug(seed.title);
    page.created_by = people.at(seed.edits.front().author).id;
    page.created_at = now - seed.edits.front().days_ago * core::kDay;
    HALLWAY_TRY_ASSIGN(page, store::EnsureWikiPage(tx, page));
    for (const Edit& e : seed.edits) {
      const domain::Account& author = people.at(e.author);
      const core::Micros at = now - e.days_ago * core::kDay;
      domain::WikiRevision rev;
      rev.page_id = page.id;
      rev.revision = page.revision + 1;
      rev.title = seed.title;
      rev.body = e.body;
      rev.author_id = author.id;
      rev.comment = e.comment;
      rev.created_at = at;
      HALLWAY_TRY(store::InsertWikiRevision(tx, rev));
      const bool first = page.revision == 0;
      page.revision = rev.revision;
      page.updated_by = author.id;
      page.updated_at = at;
      HALLWAY_TRY(store::UpdateWikiPageHead(tx, page));
      HALLWAY_TRY(store::ReplaceWikiLinks(tx, page.id, domain::LinkedSlugs(e.body)));
      HALLWAY_TRY(store::PutWikiWatch(tx, page.id, author.id, at));
      HALLWAY_TRY(Log(tx, at, author.id, first ? "Create" : "Update", page, audience, space));
    }
  }
  return core::Ok();
}

}  // namespace hallway::app
