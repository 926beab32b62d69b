#include "service/deliberation_service.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "service/deliberation_facts.h"
#include "service/group_service.h"
#include "service/social_context.h"
#include "store/deliberation_store.h"
#include "store/group_store.h"
#include "store/post_store.h"

namespace hallway::service {
namespace {

core::Error NoSuchPost() { return core::Error::NotFound("no such post"); }

// The thread as the caller relates to it.
struct Thread {
  domain::Post post;
  std::optional<domain::Group> group;
  bool moderator = false;    // group owner/facilitator, or organization facilitator/admin
  bool can_comment = false;  // may post in its group (or it is organization-wide)
};

// Loads the post if the caller may read it (the rule of PostService::Get).
core::Result<Thread> LoadThread(store::Tx& tx, domain::PostId id, const Principal& who) {
  auto post = store::GetPost(tx, id);
  if (!post) return NoSuchPost();
  Thread t;
  t.post = std::move(*post);
  t.moderator = who.role != domain::Role::kMember;
  t.can_comment = true;
  if (t.post.group_id) {
    HALLWAY_TRY_ASSIGN(domain::Group g, store::GetGroup(tx, *t.post.group_id));
    HALLWAY_TRY_ASSIGN(GroupView view, ViewOf(tx, g, who.account_id));
    if (!view.can_read) return NoSuchPost();
    t.moderator = t.moderator || view.can_moderate;
    t.can_comment = view.can_post;
    t.group = std::move(g);
  }
  if (t.post.hidden && t.post.author_id != who.account_id && !t.moderator) return NoSuchPost();
  return t;
}

// Every deliberation write: the caller takes part in the thread, and the
// thread is open.
core::Status CheckWritable(const Thread& t) {
  if (!t.can_comment) return core::Error::PermissionDenied("join the group to take part in this deliberation");
  if (t.post.closed) return core::Error::Conflict("the thread is closed; its deliberation cannot change");
  return core::Ok();
}

std::string PostObjectType(domain::PostKind k) {
  switch (k) {
    case domain::PostKind::kArticle: return "Article";
    case domain::PostKind::kQuestion: return "Question";
    case domain::PostKind::kLink: return "Link";
    case domain::PostKind::kNote: return "Note";
  }
  return "Note";
}

core::Status Activity(store::Tx& tx, core::Micros now, const Principal& who, const Thread& t, const std::string& verb,
                      const std::string& object_type, std::int64_t object_id, const nlohmann::json& payload) {
  return AppendSocialActivity(tx, now, who.account_id, verb, object_type, std::to_string(object_id),
                              AudienceFor(t.group), "Deliberation", std::to_string(t.post.id), payload.dump());
}

// After a write: recomputes the state; when it changed, stores it and
// appends the state-change activity the followers are told of.
core::Status Recompute(store::Tx& tx, core::Micros now, const Principal& who, const Thread& t) {
  HALLWAY_TRY_ASSIGN(domain::Deliberation d, store::GetDeliberation(tx, t.post.id));
  HALLWAY_TRY_ASSIGN(auto facts, LoadDeliberationFacts(tx, d));
  const auto a = domain::Assess(facts, now);
  if (a.state == d.state) return core::Ok();
  const auto last_settled = a.state == domain::DeliberationState::kSettled ? std::optional(now) : d.last_settled_at;
  HALLWAY_TRY(store::SetDeliberationState(tx, t.post.id, a.state, last_settled, now));
  return AppendSocialActivity(tx, now, who.account_id, "Update", "Deliberation", std::to_string(t.post.id),
                              AudienceFor(t.group), PostObjectType(t.post.kind), std::to_string(t.post.id),
                              nlohmann::json{{"from", domain::DeliberationStateName(d.state)},
                                             {"to", domain::DeliberationStateName(a.state)},
                                             {"maturity", a.maturity}}
                                  .dump());
}

core::Result<bool> MayEditSummary(store::Tx& tx, const Thread& t, const Principal& who) {
  if (t.post.author_id == who.account_id || t.moderator) return true;
  HALLWAY_TRY_ASSIGN(auto proposals, store::ListProposals(tx, t.post.id));
  for (const auto& p : proposals) {
    if (p.author_id == who.account_id && !p.withdrawn && p.supports - p.objections > 0) return true;
  }
  return false;
}

core::Result<DeliberationView> BuildView(store::Tx& tx, const Thread& t, const Principal& who, core::Micros now) {
  DeliberationView v;
  v.post = t.post;
  HALLWAY_TRY_ASSIGN(v.deliberation, store::GetDeliberation(tx, t.post.id));
  HALLWAY_TRY_ASSIGN(auto facts, LoadDeliberationFacts(tx, v.deliberation));
  v.assessment = domain::Assess(facts, now);
  std::vector<domain::AccountId> people;
  for (const auto& i : facts.issues) {
    people.push_back(i.raised_by);
    if (i.resolved_by) people.push_back(*i.resolved_by);
  }
  for (const auto& p : facts.proposals) people.push_back(p.author_id);
  HALLWAY_TRY_ASSIGN(auto accounts, store::GetAccountsById(tx, people));
  v.closed = t.post.closed;
  v.can_participate = t.can_comment && !t.post.closed;
  const bool steward = t.post.author_id == who.account_id || t.moderator;
  for (auto& i : facts.issues) {
    IssueView iv;
    iv.raised_by = accounts[i.raised_by];
    if (i.resolved_by) iv.resolved_by = accounts[*i.resolved_by];
    iv.can_resolve = v.can_participate && (steward || i.raised_by == who.account_id);
    iv.issue = std::move(i);
    v.issues.push_back(std::move(iv));
  }
  HALLWAY_TRY_ASSIGN(auto mine, store::ActiveStancesOf(tx, t.post.id, who.account_id));
  HALLWAY_TRY_ASSIGN(auto reasons, store::ObjectionReasons(tx, t.post.id));
  for (auto& p : facts.proposals) {
    ProposalView pv;
    pv.author = accounts[p.author_id];
    if (auto it = mine.find(p.id); it != mine.end()) pv.my_stance = it->second;
    pv.objection_reasons = reasons[p.id];
    pv.leading = v.assessment.leading_proposal_id == p.id;
    pv.proposal = std::move(p);
    v.proposals.push_back(std::move(pv));
  }
  HALLWAY_TRY_ASSIGN(auto followers, store::PostFollowers(tx, t.post.id));
  v.followers_count = static_cast<std::int64_t>(followers.size());
  v.i_follow = std::find(followers.begin(), followers.end(), who.account_id) != followers.end();
  if (v.can_participate) {
    HALLWAY_TRY_ASSIGN(v.can_edit_summary, MayEditSummary(tx, t, who));
  }
  return v;
}

// Runs one deliberation write on thread `post`: loads it as the caller sees
// it, checks it is open to them, runs `change`, makes the caller follow it,
// recomputes the state and returns the new view. A thread the caller may
// not read is reported as `unreadable` (so an issue id of a hidden thread is
// "no such issue", revealing nothing).
template <typename F>
core::Result<DeliberationView> Write(ServiceContext& ctx, const Principal& who, domain::PostId post, F&& change,
                                     const core::Error& unreadable = NoSuchPost()) {
  const core::Micros now = ctx.clock.Now();
  return store::WriteTx(ctx.db, [&](store::Tx& tx) -> core::Result<DeliberationView> {
    auto loaded = LoadThread(tx, post, who);
    if (!loaded) return loaded.error().code() == core::ErrorCode::kNotFound ? unreadable : loaded.error();
    Thread t = std::move(*loaded);
    HALLWAY_TRY(store::GetDeliberation(tx, post));
    HALLWAY_TRY(CheckWritable(t));
    HALLWAY_TRY(change(tx, t, now));
    HALLWAY_TRY(store::FollowPost(tx, post, who.account_id, now));
    HALLWAY_TRY(Recompute(tx, now, who, t));
    return BuildView(tx, t, who, now);
  });
}

// The thread an issue or proposal belongs to (kNotFound for a stranger's id
// is decided by LoadThread afterwards).
core::Result<domain::PostId> ThreadOfIssue(ServiceContext& ctx, std::int64_t issue) {
  return store::ReadTx(ctx.db, [&](store::Tx& tx) -> core::Result<domain::PostId> {
    HALLWAY_TRY_ASSIGN(auto i, store::GetIssue(tx, issue));
    return i.post_id;
  });
}

core::Result<domain::PostId> ThreadOfProposal(ServiceContext& ctx, std::int64_t proposal) {
  return store::ReadTx(ctx.db, [&](store::Tx& tx) -> core::Result<domain::PostId> {
    HALLWAY_TRY_ASSIGN(auto p, store::GetProposal(tx, proposal));
    return p.post_id;
  });
}

core::Error NoSuchIssue() { return core::Error::NotFound("no such issue"); }
core::Error NoSuchProposal() { return core::Error::NotFound("no such proposal"); }

}  // namespace

core::Result<DeliberationView> DeliberationService::Start(const Principal& who, domain::PostId post) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<DeliberationView> {
    HALLWAY_TRY_ASSIGN(Thread t, LoadThread(tx, post, who));
    if (t.post.author_id != who.account_id && !t.moderator) {
      return core::Error::PermissionDenied("only the thread's author or a facilitator can turn it into a deliberation");
    }
    if (t.post.closed) return core::Error::Conflict("the thread is closed; reopen it first");
    if (store::GetDeliberation(tx, post)) return core::Error::Conflict("this thread already is a deliberation");
    domain::Deliberation d;
    d.post_id = post;
    d.started_by = who.account_id;
    d.created_at = now;
    HALLWAY_TRY(store::InsertDeliberation(tx, d));
    HALLWAY_TRY(store::FollowPost(tx, post, t.post.author_id, now));
    HALLWAY_TRY(store::FollowPost(tx, post, who.account_id, now));
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Create", "Deliberation", std::to_string(post),
                                     AudienceFor(t.group), PostObjectType(t.post.kind), std::to_string(post)));
    return BuildView(tx, t, who, now);
  });
}

core::Result<DeliberationView> DeliberationService::Get(const Principal& who, domain::PostId post) {
  const core::Micros now = ctx_.clock.Now();
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<DeliberationView> {
    HALLWAY_TRY_ASSIGN(Thread t, LoadThread(tx, post, who));
    return BuildView(tx, t, who, now);
  });
}

core::Result<DeliberationView> DeliberationService::RaiseIssue(const Principal& who, domain::PostId post,
                                                               const std::string& statement,
                                                               std::optional<std::int64_t> comment_id) {
  HALLWAY_TRY_ASSIGN(std::string text, domain::ValidateIssueStatement(statement));
  return Write(ctx_, who, post, [&](store::Tx& tx, const Thread& t, core::Micros now) -> core::Status {
    if (comment_id) {
      auto c = store::GetComment(tx, *comment_id);
      if (!c || c->post_id != t.post.id) {
        return core::Error::InvalidArgument("comment_id is not a comment of this thread",
                                            {{"comment_id", "is not a comment of this thread"}});
      }
    }
    domain::Issue i;
    i.post_id = t.post.id;
    i.statement = text;
    i.raised_by = who.account_id;
    i.raised_from_comment_id = comment_id;
    i.raised_at = now;
    HALLWAY_TRY_ASSIGN(i.id, store::InsertIssue(tx, i));
    nlohmann::json payload = nlohmann::json::object();
    if (comment_id) payload["comment_id"] = *comment_id;
    return Activity(tx, now, who, t, "Create", "Issue", i.id, payload);
  });
}

core::Result<DeliberationView> DeliberationService::ResolveIssue(const Principal& who, std::int64_t issue,
                                                                 const domain::Resolution& in) {
  HALLWAY_TRY_ASSIGN(domain::Resolution r, domain::ValidateResolution(in));
  auto post = ThreadOfIssue(ctx_, issue);
  if (!post) return post.error();
  return Write(ctx_, who, *post, [&](store::Tx& tx, const Thread& t, core::Micros now) -> core::Status {
    HALLWAY_TRY_ASSIGN(domain::Issue i, store::GetIssue(tx, issue));
    if (i.raised_by != who.account_id && t.post.author_id != who.account_id && !t.moderator) {
      return core::Error::PermissionDenied("only the issue's raiser, the thread's author or a facilitator can resolve it");
    }
    if (r.comment_id) {
      auto c = store::GetComment(tx, *r.comment_id);
      if (!c || c->post_id != t.post.id) {
        return core::Error::InvalidArgument("invalid resolution", {{"comment_id", "is not a comment of this thread"}});
      }
    }
    if (r.proposal_id) {
      auto p = store::GetProposal(tx, *r.proposal_id);
      if (!p || p->post_id != t.post.id) {
        return core::Error::InvalidArgument("invalid resolution",
                                            {{"proposal_id", "is not a proposal of this deliberation"}});
      }
    }
    HALLWAY_TRY_ASSIGN(bool changed, store::ResolveIssue(tx, issue, r, who.account_id, now));
    if (!changed) return core::Error::Conflict("the issue is already resolved");
    return Activity(tx, now, who, t, "Update", "Issue", issue, {{"change", "resolved"}});
  }, NoSuchIssue());
}

core::Result<DeliberationView> DeliberationService::ReopenIssue(const Principal& who, std::int64_t issue) {
  auto post = ThreadOfIssue(ctx_, issue);
  if (!post) return post.error();
  return Write(ctx_, who, *post, [&](store::Tx& tx, const Thread& t, core::Micros now) -> core::Status {
    HALLWAY_TRY_ASSIGN(domain::Issue i, store::GetIssue(tx, issue));
    if (i.raised_by != who.account_id && t.post.author_id != who.account_id && !t.moderator) {
      return core::Error::PermissionDenied("only the issue's raiser, the thread's author or a facilitator can reopen it");
    }
    HALLWAY_TRY_ASSIGN(bool changed, store::ReopenIssue(tx, issue, now));
    if (!changed) return core::Error::Conflict("the issue is open");
    return Activity(tx, now, who, t, "Update", "Issue", issue, {{"change", "reopened"}});
  }, NoSuchIssue());
}

core::Result<DeliberationView> DeliberationService::Propose(const Principal& who, domain::PostId post,
                                                            const std::string& text) {
  HALLWAY_TRY_ASSIGN(std::string body, domain::ValidateProposalText(text));
  return Write(ctx_, who, post, [&](store::Tx& tx, const Thread& t, core::Micros now) -> core::Status {
    domain::Proposal p;
    p.post_id = t.post.id;
    p.text = body;
    p.author_id = who.account_id;
    p.created_at = now;
    HALLWAY_TRY_ASSIGN(p.id, store::InsertProposal(tx, p));
    return Activity(tx, now, who, t, "Create", "Proposal", p.id, nlohmann::json::object());
  });
}

core::Result<DeliberationView> DeliberationService::WithdrawProposal(const Principal& who, std::int64_t proposal) {
  auto post = ThreadOfProposal(ctx_, proposal);
  if (!post) return post.error();
  return Write(ctx_, who, *post, [&](store::Tx& tx, const Thread& t, core::Micros now) -> core::Status {
    HALLWAY_TRY_ASSIGN(domain::Proposal p, store::GetProposal(tx, proposal));
    if (p.author_id != who.account_id) return core::Error::PermissionDenied("only its author can withdraw a proposal");
    if (p.withdrawn) return core::Error::Conflict("the proposal is already withdrawn");
    HALLWAY_TRY(store::SetProposalWithdrawn(tx, proposal));
    return Activity(tx, now, who, t, "Update", "Proposal", proposal, {{"change", "withdrawn"}});
  }, NoSuchProposal());
}

core::Result<DeliberationView> DeliberationService::SetStance(const Principal& who, std::int64_t proposal,
                                                              domain::StanceKind kind, const std::string& reason) {
  HALLWAY_TRY_ASSIGN(std::string why, domain::ValidateStanceReason(kind, reason));
  auto post = ThreadOfProposal(ctx_, proposal);
  if (!post) return post.error();
  return Write(ctx_, who, *post, [&](store::Tx& tx, const Thread& t, core::Micros now) -> core::Status {
    HALLWAY_TRY_ASSIGN(domain::Proposal p, store::GetProposal(tx, proposal));
    if (p.withdrawn) return core::Error::Conflict("the proposal was withdrawn");
    domain::Stance s;
    s.proposal_id = proposal;
    s.account_id = who.account_id;
    s.kind = kind;
    s.reason = why;
    s.updated_at = now;
    HALLWAY_TRY(store::UpsertStance(tx, s));
    return Activity(tx, now, who, t, kind == domain::StanceKind::kSupport ? "Like" : "Dislike", "Proposal", proposal,
                    {{"stance", domain::StanceKindName(kind)}});
  }, NoSuchProposal());
}

core::Result<DeliberationView> DeliberationService::WithdrawStance(const Principal& who, std::int64_t proposal) {
  auto post = ThreadOfProposal(ctx_, proposal);
  if (!post) return post.error();
  return Write(ctx_, who, *post, [&](store::Tx& tx, const Thread& t, core::Micros now) -> core::Status {
    HALLWAY_TRY_ASSIGN(bool changed, store::WithdrawStance(tx, proposal, who.account_id, now));
    if (!changed) return core::Error::NotFound("you have no stance on this proposal");
    return Activity(tx, now, who, t, "Undo", "Proposal", proposal, {{"change", "stance withdrawn"}});
  }, NoSuchProposal());
}

core::Result<DeliberationView> DeliberationService::EditSummary(const Principal& who, domain::PostId post,
                                                                const std::string& text,
                                                                std::int64_t base_revision) {
  HALLWAY_TRY_ASSIGN(std::string body, domain::ValidateSummary(text));
  if (base_revision < 0) {
    return core::Error::InvalidArgument("invalid field", {{"base_revision", "must be 0 or more"}});
  }
  return Write(ctx_, who, post, [&](store::Tx& tx, const Thread& t, core::Micros now) -> core::Status {
    HALLWAY_TRY_ASSIGN(bool may, MayEditSummary(tx, t, who));
    if (!may) {
      return core::Error::PermissionDenied(
          "the summary is edited by the thread's author, facilitators and authors of supported proposals");
    }
    HALLWAY_TRY_ASSIGN(domain::Deliberation d, store::GetDeliberation(tx, post));
    if (d.summary_revision != base_revision) {
      return core::Error::Conflict("the summary was edited meanwhile (now revision " +
                                       std::to_string(d.summary_revision) + "); merge your text with it",
                                   {{"body", d.summary}, {"base_revision", std::to_string(d.summary_revision)}});
    }
    HALLWAY_TRY_ASSIGN(std::int64_t revision, store::SaveSummary(tx, post, base_revision, body, who.account_id, now));
    return Activity(tx, now, who, t, "Update", "Summary", post, {{"revision", revision}});
  });
}

core::Result<std::vector<SummaryRevisionView>> DeliberationService::SummaryRevisions(const Principal& who,
                                                                                     domain::PostId post) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<SummaryRevisionView>> {
    HALLWAY_TRY(LoadThread(tx, post, who));
    HALLWAY_TRY(store::GetDeliberation(tx, post));
    HALLWAY_TRY_ASSIGN(auto revisions, store::ListSummaryRevisions(tx, post));
    std::vector<domain::AccountId> ids;
    for (const auto& r : revisions) ids.push_back(r.author_id);
    HALLWAY_TRY_ASSIGN(auto accounts, store::GetAccountsById(tx, ids));
    std::vector<SummaryRevisionView> out;
    for (auto& r : revisions) out.push_back({r, accounts[r.author_id]});
    return out;
  });
}

core::Result<SummaryDocument> DeliberationService::Summary(const Principal& who, domain::PostId post) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<SummaryDocument> {
    HALLWAY_TRY_ASSIGN(Thread t, LoadThread(tx, post, who));
    HALLWAY_TRY_ASSIGN(domain::Deliberation d, store::GetDeliberation(tx, post));
    if (d.summary_revision == 0) return core::Error::NotFound("this deliberation has no summary yet");
    std::string title = t.post.title;
    if (title.empty()) {
      title = t.post.body.substr(0, t.post.body.find('\n'));
      if (title.size() > 80) {
        // Cut at 80 bytes, then back off to a UTF-8 character boundary.
        std::size_t cut = 80;
        while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
        title = title.substr(0, cut);
      }
    }
    return SummaryDocument{post, title, d.summary, d.summary_revision, d.state};
  });
}

core::Result<ThreadFollowState> DeliberationService::SetFollow(const Principal& who, domain::PostId post, bool on) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<ThreadFollowState> {
    HALLWAY_TRY_ASSIGN(Thread t, LoadThread(tx, post, who));
    bool changed = false;
    if (on) {
      HALLWAY_TRY_ASSIGN(changed, store::FollowPost(tx, post, who.account_id, now));
    } else {
      HALLWAY_TRY_ASSIGN(changed, store::UnfollowPost(tx, post, who.account_id));
    }
    if (changed) {
      HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, on ? "Follow" : "Undo", "Thread", std::to_string(post),
                                       AudienceFor(t.group), "", "", on ? "{}" : R"({"change":"unfollow"})"));
    }
    HALLWAY_TRY_ASSIGN(auto followers, store::PostFollowers(tx, post));
    return ThreadFollowState{on, static_cast<std::int64_t>(followers.size())};
  });
}

}  // namespace hallway::service
