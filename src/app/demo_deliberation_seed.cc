#include "app/demo_deliberation_seed.h"

#include <string>

#include "domain/deliberation/assessment.h"
#include "domain/markdown.h"
#include "domain/social/post.h"
#include "service/deliberation_facts.h"
#include "service/social_context.h"
#include "store/deliberation_store.h"
#include "store/post_store.h"

namespace hallway::app {
namespace {

struct IssueSeed {
  const char* statement;
  int comment;        // index into the comments, or -1
  int resolved_days;  // days ago it was resolved, or -1 (open)
  const char* note;
};

struct DeliberationSeed {
  std::size_t author;  // index into people
  const char* title;
  const char* body;
  int age_days;
  std::vector<const char*> comments;
  std::vector<IssueSeed> issues;  // raised one day apart from the start
  const char* proposal;
  int supports;
  std::vector<const char*> objections;
  std::vector<const char*> summaries;  // revisions, oldest first
  int settled_days;  // days ago it first settled, or -1
  int late_issue_days;  // a new issue raised this many days ago (reopens), or -1
};

std::string Id(std::int64_t id) { return std::to_string(id); }

const std::vector<DeliberationSeed>& Seeds() {
  static const std::vector<DeliberationSeed> kSeeds = {
      {7, "Should the all-hands move to Thursdays?",
       "Tuesdays clash with sprint planning for three teams. Is Thursday better, or do we just shorten it?",
       4,
       {"Thursday afternoons are our release window.", "Could we record it instead and keep Q&A live?"},
       {{"Does Thursday clash with release windows?", 0, -1, ""}, {"Would a recording be enough for remote teams?", 1, -1, ""}},
       "Move it to Thursday 10:00 and record it.", 1, {"Release managers cannot attend at 10:00."}, {}, -1, -1},
      {11, "Which note-taking tool do we standardise on?",
       "We have four wikis and two note apps. Let's pick one for meeting notes. #tools",
       9,
       {"Whatever we pick must export to Markdown.", "Access for contractors matters too.",
        "The wiki already has SSO."},
       {{"Must it export Markdown?", 0, 6, "Yes: all three candidates do."},
        {"Can contractors get access?", 1, 5, "Guest accounts are covered by the licence."},
        {"Who migrates the old notes?", -1, -1, ""}},
       "Use the company wiki for all meeting notes from next quarter.", 5, {}, {}, -1, -1},
      {1, "Meeting-free Fridays: what exactly is the rule?",
       "People read the rule differently. Let's settle what counts as a meeting and who may book one. #focus",
       14,
       {"Are 1:1s meetings?", "Customer calls cannot always move.", "What about incidents?"},
       {{"Do 1:1s count as meetings?", 0, 11, "1:1s move to Thursday by default."},
        {"Are customer calls allowed?", 1, 10, "Yes, when the customer proposes Friday."},
        {"What happens during incidents?", 2, 10, "Incidents always override the rule."}},
       "No internal meetings on Fridays; customer calls and incidents excepted; 1:1s move to Thursday.", 7, {},
       {"No internal meetings on Fridays.",
        "No internal meetings on Fridays. Customer calls (when the customer asks) and incidents are the exceptions; "
        "1:1s move to Thursday."},
       9, -1},
      {19, "How do we run the mentoring pilot?",
       "Twelve pairs volunteered. We need a format before the kick-off. #mentoring",
       16,
       {"Monthly feels too rare.", "Pairs across teams learn more."},
       {{"How often do pairs meet?", 0, 12, "Every two weeks, 45 minutes."},
        {"Do we pair across teams?", 1, 12, "Yes, always across teams."}},
       "Pairs across teams, every two weeks, for six months.", 4, {},
       {"Cross-team pairs meet every two weeks for six months."}, 11, 2},
  };
  return kSeeds;
}

core::Status Seed(store::Tx& tx, const std::vector<domain::Account>& people, const DeliberationSeed& s,
                  core::Micros now) {
  const auto& author = people[s.author];
  const core::Micros start = now - s.age_days * core::kDay;
  domain::Post p;
  p.author_id = author.id;
  p.kind = domain::PostKind::kQuestion;
  p.title = s.title;
  p.body = s.body;
  p.body_html = domain::RenderMarkdown(p.body);
  p.topics = domain::ExtractTopics(p.title + "\n" + p.body);
  p.created_at = p.updated_at = start;
  HALLWAY_TRY_ASSIGN(p.id, store::InsertPost(tx, p, {}));
  const std::string audience = service::AudienceFor(std::nullopt);
  HALLWAY_TRY(service::AppendSocialActivity(tx, start, author.id, "Create", "Question", Id(p.id), audience));
  HALLWAY_TRY(store::FollowPost(tx, p.id, author.id, start));
  std::vector<std::int64_t> comment_ids;
  for (std::size_t i = 0; i < s.comments.size(); ++i) {
    domain::Comment c;
    c.post_id = p.id;
    c.author_id = people[20 + s.author + i].id;
    c.body = s.comments[i];
    c.body_html = domain::RenderMarkdown(c.body);
    c.created_at = start + core::kHour * static_cast<core::Micros>(i + 1);
    HALLWAY_TRY_ASSIGN(c, store::InsertComment(tx, c));
    comment_ids.push_back(c.id);
    HALLWAY_TRY(store::FollowPost(tx, p.id, c.author_id, c.created_at));
    HALLWAY_TRY(service::AppendSocialActivity(tx, c.created_at, c.author_id, "Create", "Comment", Id(c.id), audience,
                                              "Question", Id(p.id)));
  }
  domain::Deliberation d;
  d.post_id = p.id;
  d.started_by = author.id;
  d.created_at = start + 2 * core::kHour;
  HALLWAY_TRY(store::InsertDeliberation(tx, d));
  HALLWAY_TRY(service::AppendSocialActivity(tx, d.created_at, author.id, "Create", "Deliberation", Id(p.id), audience,
                                            "Question", Id(p.id)));
  auto log = [&](core::Micros at, std::int64_t actor, const char* verb, const char* type, std::int64_t id) {
    return service::AppendSocialActivity(tx, at, actor, verb, type, Id(id), audience, "Deliberation", Id(p.id));
  };

  domain::Proposal proposal;
  proposal.post_id = p.id;
  proposal.text = s.proposal;
  proposal.author_id = people[20 + s.author].id;
  proposal.created_at = start + core::kDay / 2;
  HALLWAY_TRY_ASSIGN(proposal.id, store::InsertProposal(tx, proposal));
  HALLWAY_TRY(log(proposal.created_at, proposal.author_id, "Create", "Proposal", proposal.id));
  for (int i = 0; i < s.supports + static_cast<int>(s.objections.size()); ++i) {
    domain::Stance st;
    st.proposal_id = proposal.id;
    st.account_id = people[30 + s.author + static_cast<std::size_t>(i)].id;
    const bool objects = i >= s.supports;
    st.kind = objects ? domain::StanceKind::kObject : domain::StanceKind::kSupport;
    if (objects) st.reason = s.objections[static_cast<std::size_t>(i - s.supports)];
    st.updated_at = proposal.created_at + core::kHour * (i + 1);
    HALLWAY_TRY(store::UpsertStance(tx, st));
    HALLWAY_TRY(store::FollowPost(tx, p.id, st.account_id, st.updated_at));
    HALLWAY_TRY(log(st.updated_at, st.account_id, objects ? "Dislike" : "Like", "Proposal", proposal.id));
  }

  auto raise = [&](const char* statement, std::optional<std::int64_t> comment, core::Micros at,
                   std::int64_t by) -> core::Result<std::int64_t> {
    domain::Issue issue;
    issue.post_id = p.id;
    issue.statement = statement;
    issue.raised_by = by;
    issue.raised_from_comment_id = comment;
    issue.raised_at = at;
    HALLWAY_TRY_ASSIGN(issue.id, store::InsertIssue(tx, issue));
    HALLWAY_TRY(store::FollowPost(tx, p.id, by, at));
    HALLWAY_TRY(log(at, by, "Create", "Issue", issue.id));
    return issue.id;
  };
  for (std::size_t i = 0; i < s.issues.size(); ++i) {
    const IssueSeed& is = s.issues[i];
    const std::optional<std::int64_t> comment =
        is.comment >= 0 ? std::optional(comment_ids[static_cast<std::size_t>(is.comment)]) : std::nullopt;
    const std::int64_t by = comment ? people[20 + s.author + static_cast<std::size_t>(is.comment)].id : author.id;
    HALLWAY_TRY_ASSIGN(std::int64_t id, raise(is.statement, comment, start + core::kDay * static_cast<int>(i), by));
    if (is.resolved_days >= 0) {
      domain::Resolution r;
      r.proposal_id = proposal.id;
      r.note = is.note;
      const core::Micros at = now - is.resolved_days * core::kDay;
      HALLWAY_TRY(store::ResolveIssue(tx, id, r, author.id, at));
      HALLWAY_TRY(log(at, author.id, "Update", "Issue", id));
    }
  }
  for (std::size_t i = 0; i < s.summaries.size(); ++i) {
    const core::Micros at = now - (s.settled_days - static_cast<int>(i)) * core::kDay;
    HALLWAY_TRY(store::SaveSummary(tx, p.id, static_cast<std::int64_t>(i), s.summaries[i], author.id, at));
    HALLWAY_TRY(log(at, author.id, "Update", "Summary", p.id));
  }
  std::optional<core::Micros> settled;
  if (s.settled_days >= 0) settled = now - s.settled_days * core::kDay;
  if (s.late_issue_days >= 0) {
    HALLWAY_TRY(
        raise("Who matches the pairs?", std::nullopt, now - s.late_issue_days * core::kDay, people[30 + s.author].id));
  }
  // The state as the service would have recorded it after these writes.
  HALLWAY_TRY_ASSIGN(domain::Deliberation saved, store::GetDeliberation(tx, p.id));
  saved.last_settled_at = settled;
  HALLWAY_TRY_ASSIGN(auto facts, service::LoadDeliberationFacts(tx, saved));
  const auto a = domain::Assess(facts, now);
  return store::SetDeliberationState(tx, p.id, a.state, settled, now);
}

}  // namespace

core::Status SeedDemoDeliberations(store::Tx& tx, const std::vector<domain::Account>& people, core::Micros now) {
  for (const auto& s : Seeds()) HALLWAY_TRY(Seed(tx, people, s, now));
  return core::Ok();
}

}  // namespace hallway::app
