#include "app/demo_social_seed.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "domain/markdown.h"
#include "domain/social/post.h"
#include "service/social_context.h"
#include "store/follow_store.h"
#include "store/group_store.h"
#include "store/post_store.h"

namespace hallway::app {
namespace {

struct GroupSeed {
  const char* name;
  const char* description;
  domain::GroupVisibility visibility;
  const char* team;  // members come mostly from this team ("" = anyone)
};

const std::vector<GroupSeed>& Groups() {
  static const std::vector<GroupSeed> kGroups = {
      {"Negotiation Guild", "Practise and compare notes on negotiating: vendors, salaries, scope.",
       domain::GroupVisibility::kOpen, "Sales"},
      {"Data Science Community", "Methods, papers and code reviews for everyone who works with data.",
       domain::GroupVisibility::kOpen, "Data Science"},
      {"New Joiners", "Ask anything in your first months. No question is too small.",
       domain::GroupVisibility::kOpen, ""},
      {"Engineering Managers", "Hiring, feedback and running teams. Ask to join.",
       domain::GroupVisibility::kClosed, "Engineering"},
      {"Security Champions", "One champion per team: threat models, incidents, training.",
       domain::GroupVisibility::kClosed, "Security"},
      {"Leadership Circle", "Confidential peer coaching for people leads.", domain::GroupVisibility::kPrivate,
       "People"},
  };
  return kGroups;
}

struct PostSeed {
  domain::PostKind kind;
  const char* title;
  const char* body;
};

const std::vector<PostSeed>& Posts() {
  static const std::vector<PostSeed> kPosts = {
      {domain::PostKind::kNote, "", "Just finished a great course on #negotiation: the BATNA chapter alone was worth it."},
      {domain::PostKind::kNote, "", "Tip: before a vendor call, write down your walk-away point. Saved us 12% last week. #negotiation"},
      {domain::PostKind::kQuestion, "How do you give feedback to a senior colleague?",
       "I want to be direct without being rude. What has worked for you? #feedback #leadership"},
      {domain::PostKind::kArticle, "What I learned running 40 user interviews",
       "## Listen more than you talk\n\nThe best insights came after long pauses.\n\n## Ask for stories\n\n"
       "\"Tell me about the last time…\" beats \"would you…\" every time. #user-research #product-discovery"},
      {domain::PostKind::kNote, "", "Pair-reviewed a tricky PostgreSQL query plan today; an index on (team, id) turned 800 ms into 3 ms. #postgresql #performance"},
      {domain::PostKind::kLink, "A short, excellent guide to threat modelling",
       "Read this before your next design review. #threat-modelling #security"},
      {domain::PostKind::kNote, "", "Our team now does 15-minute #coaching check-ins instead of monthly 1:1s. Early results are promising."},
      {domain::PostKind::kQuestion, "Good resources for learning statistics from scratch?",
       "Looking for something practical, not too math-heavy. #statistics #learning"},
      {domain::PostKind::kNote, "", "Reminder: accessibility is a feature. Tab through your page before you ship it. #accessibility"},
      {domain::PostKind::kArticle, "Forecasting without fooling yourself",
       "Three habits: write the forecast down, state your confidence, and review it monthly. #forecasting"},
      {domain::PostKind::kNote, "", "Who here has run a Lean kaizen week? Would love to hear how you scoped it. #lean #process-improvement"},
      {domain::PostKind::kNote, "", "Shipped our new design system tokens. Dark mode came almost for free. #design-systems"},
      {domain::PostKind::kQuestion, "How do you prepare a contract negotiation in German?",
       "Next month I negotiate with a supplier in Munich. Vocabulary tips welcome! #negotiation #german"},
      {domain::PostKind::kNote, "", "Presenting to the board next week. Practising with a colleague helped more than any slide polish. #public-speaking"},
      {domain::PostKind::kNote, "", "Experiment design lesson of the day: decide the stopping rule before you look at the data. #experiment-design"},
      {domain::PostKind::kLink, "GDPR checklist for new features", "Handy when you start a project. #gdpr #privacy"},
  };
  return kPosts;
}

constexpr std::array<const char*, 10> kComments = {
    "Thanks for sharing, this is really useful.",
    "We tried something similar last quarter; happy to compare notes.",
    "Saving this for my next project!",
    "Great point. Do you have a resource you would recommend?",
    "+1, this matches my experience.",
    "Interesting, I had not thought about it that way.",
    "Could you say more about how you measured it?",
    "Sharing this with my team.",
    "I disagree a little: context matters a lot here.",
    "Brilliant, thank you!",
};

std::string Id(std::int64_t v) { return std::to_string(v); }

}  // namespace

core::Status SeedDemoSocial(store::Tx& tx, const std::vector<domain::Account>& people, Rng& rng,
                            core::Micros now) {
  const domain::Account& demo = people.at(1);
  std::map<std::string, std::vector<const domain::Account*>> by_team;
  for (const auto& p : people) by_team[p.team].push_back(&p);

  // Follows: mostly teammates, some across teams; the demo user follows a
  // handful of colleagues and topics so their home stream is full.
  for (const auto& p : people) {
    const auto& team = by_team[p.team];
    const std::size_t n = 3 + rng.Below(6);
    for (std::size_t i = 0; i < n; ++i) {
      const domain::Account* other = rng.Below(4) ? team[rng.Below(team.size())] : &people[rng.Below(people.size())];
      if (other->id == p.id) continue;
      HALLWAY_TRY_ASSIGN(bool added, store::FollowPerson(tx, p.id, other->id, now - core::kDay * 90));
      (void)added;
    }
  }
  for (std::size_t i = 2; i < people.size(); i += 17) {
    HALLWAY_TRY_ASSIGN(bool added, store::FollowPerson(tx, demo.id, people[i].id, now - core::kDay * 60));
    (void)added;
  }
  for (const char* topic : {"negotiation", "leadership", "feedback"}) {
    HALLWAY_TRY_ASSIGN(bool added, store::FollowTopic(tx, demo.id, topic, now - core::kDay * 60));
    (void)added;
  }

  // Groups: each with an owner from its team, members from its team and
  // beyond; the demo user joins the open ones and one closed one.
  std::vector<domain::Group> groups;
  for (const auto& seed : Groups()) {
    const auto& pool = *seed.team ? by_team[seed.team] : std::vector<const domain::Account*>{};
    const domain::Account* owner = pool.empty() ? &people[0] : pool[0];
    domain::Group g;
    g.slug = *domain::SlugFor(seed.name);
    g.name = seed.name;
    g.description = seed.description;
    g.visibility = seed.visibility;
    g.created_at = now - core::kDay * 200;
    HALLWAY_TRY_ASSIGN(g, store::InsertGroup(tx, g, owner->id));
    HALLWAY_TRY(store::PutMembership(tx, g.id, owner->id, {domain::GroupRole::kOwner, domain::MembershipState::kActive},
                                     g.created_at));
    HALLWAY_TRY(service::AppendSocialActivity(tx, g.created_at, owner->id, "Create", "Group", Id(g.id),
                                              service::AudienceFor(seed.visibility == domain::GroupVisibility::kPrivate
                                                                       ? std::optional(g) : std::nullopt)));
    const std::size_t members = 8 + rng.Below(20);
    for (std::size_t i = 0; i < members; ++i) {
      const domain::Account* m = !pool.empty() && rng.Below(3) ? pool[rng.Below(pool.size())]
                                                               : &people[rng.Below(people.size())];
      if (m->id == owner->id) continue;
      HALLWAY_TRY(store::PutMembership(tx, g.id, m->id, {domain::GroupRole::kMember, domain::MembershipState::kActive},
                                       g.created_at + core::kDay));
    }
    HALLWAY_TRY_ASSIGN(auto demo_membership, store::GetMembership(tx, g.id, demo.id));
    if (!demo_membership && (seed.visibility == domain::GroupVisibility::kOpen || g.slug == "engineering-managers")) {
      HALLWAY_TRY(store::PutMembership(tx, g.id, demo.id, {domain::GroupRole::kMember, domain::MembershipState::kActive},
                                       g.created_at + core::kDay));
    }
    groups.push_back(g);
  }

  // Posts over the last 60 days, some in groups, with comments and reactions.
  // Each question is asked once (a queue of the same question asked by five
  // people looks broken); the demo's answered questions come from
  // demo_question_seed.cc.
  const int kPostCount = 120;
  std::set<std::string> asked;
  for (int i = 0; i < kPostCount; ++i) {
    // The next template after an asked question, without another draw: the
    // rest of the demo (the catalog after this) sees the same random stream.
    std::size_t index = rng.Below(Posts().size());
    while (Posts()[index].kind == domain::PostKind::kQuestion && asked.count(Posts()[index].title)) {
      index = (index + 1) % Posts().size();
    }
    const PostSeed* pick = &Posts()[index];
    if (pick->kind == domain::PostKind::kQuestion) asked.insert(pick->title);
    const PostSeed& seed = *pick;
    const domain::Account& author = people[2 + rng.Below(people.size() - 2)];
    domain::Post p;
    p.author_id = author.id;
    p.kind = seed.kind;
    p.title = seed.title;
    p.body = seed.body;
    if (seed.kind == domain::PostKind::kLink) p.link_url = "https://example.org/reading/" + Id(i);
    p.body_html = domain::RenderMarkdown(p.body);
    p.topics = domain::ExtractTopics(p.title + "\n" + p.body);
    std::optional<domain::Group> group;
    if (rng.Below(3) == 0) {
      const domain::Group& g = groups[rng.Below(groups.size())];
      HALLWAY_TRY_ASSIGN(auto m, store::GetMembership(tx, g.id, author.id));
      if (m && m->state == domain::MembershipState::kActive) group = g;
    }
    if (group) p.group_id = group->id;
    // Older posts first, so ids grow with time as real ones do.
    p.created_at = p.updated_at = now - core::kDay * 60 + (core::kDay * 60 / kPostCount) * i;
    HALLWAY_TRY_ASSIGN(p.id, store::InsertPost(tx, p, {}));
    HALLWAY_TRY(service::AppendSocialActivity(tx, p.created_at, author.id, "Create", "Note", Id(p.id),
                                              service::AudienceFor(group)));
    const std::size_t comments = rng.Below(5);
    for (std::size_t c = 0; c < comments; ++c) {
      const domain::Account& who = people[2 + rng.Below(people.size() - 2)];
      if (group) {
        HALLWAY_TRY_ASSIGN(auto m, store::GetMembership(tx, group->id, who.id));
        if (!m || m->state != domain::MembershipState::kActive) continue;
      }
      domain::Comment comment;
      comment.post_id = p.id;
      comment.author_id = who.id;
      comment.body = kComments[rng.Below(kComments.size())];
      comment.body_html = domain::RenderMarkdown(comment.body);
      comment.created_at = p.created_at + core::kHour * static_cast<core::Micros>(c + 1);
      HALLWAY_TRY_ASSIGN(comment, store::InsertComment(tx, comment));
      HALLWAY_TRY(service::AppendSocialActivity(tx, comment.created_at, who.id, "Create", "Comment", Id(comment.id),
                                                service::AudienceFor(group), "Note", Id(p.id)));
    }
    const std::size_t reactions = rng.Below(9);
    for (std::size_t r = 0; r < reactions; ++r) {
      const domain::Account& who = people[2 + rng.Below(people.size() - 2)];
      if (group) {
        HALLWAY_TRY_ASSIGN(auto m, store::GetMembership(tx, group->id, who.id));
        if (!m || m->state != domain::MembershipState::kActive) continue;
      }
      const std::string& kind = domain::ReactionKinds()[rng.Below(domain::ReactionKinds().size())];
      HALLWAY_TRY_ASSIGN(bool added, store::SetReaction(tx, p.id, who.id, kind, true, p.created_at + core::kHour));
      (void)added;
    }
  }
  return core::Ok();
}

}  // namespace hallway::app
