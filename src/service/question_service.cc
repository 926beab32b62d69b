#include "service/question_service.h"

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "domain/privacy/policy.h"
#include "domain/qa/qa_rules.h"
#include "service/qa_access.h"
#include "service/social_context.h"
#include "store/account_store.h"
#include "store/answer_store.h"
#include "store/group_store.h"
#include "store/post_store.h"
#include "store/question_store.h"

namespace hallway::service {
namespace {

core::Error NotYours() {
  return core::Error::PermissionDenied(
      "only the person who asked, or a facilitator of its group, may choose the accepted answer");
}

core::Result<std::int64_t> OffsetCursor(const std::string& s) {
  if (s.empty()) return std::int64_t{0};
  if (s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos) {
    return core::Error::InvalidArgument("malformed cursor", {{"cursor", "use the next_cursor of the previous page"}});
  }
  return std::stoll(s);
}

}  // namespace

core::Status QuestionService::Accept(const Principal& who, domain::PostId id, domain::AnswerId answer_id) {
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(PostAccess q, LoadQuestion(tx, id, who));
    if (!MayAcceptFor(q, who)) return NotYours();
    HALLWAY_TRY(store::LockPost(tx, id));
    auto answer = store::GetAnswer(tx, answer_id);
    if (!answer || answer->question_id != id) {
      return core::Error::Unprocessable("answer " + std::to_string(answer_id) + " does not answer this question",
                                        {{"answer_id", "is not an answer to this question"}});
    }
    HALLWAY_TRY_ASSIGN(domain::Post current, store::GetPost(tx, id));  // after the lock
    if (current.accepted_answer_id == answer_id) return core::Ok();
    HALLWAY_TRY(store::SetAcceptedAnswer(tx, id, answer_id, now));
    nlohmann::json payload = {{"question_id", id},
                              {"question_author", q.post.author_id},
                              {"answer_author", answer->author_id},
                              {"previous", current.accepted_answer_id ? nlohmann::json(*current.accepted_answer_id)
                                                                      : nlohmann::json(nullptr)}};
    return AppendSocialActivity(tx, now, who.account_id, "Accept", "Answer", std::to_string(answer_id),
                                QuestionAudience(q), "Question", std::to_string(id), payload.dump());
  });
}

core::Status QuestionService::ClearAccepted(const Principal& who, domain::PostId id) {
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(PostAccess q, LoadQuestion(tx, id, who));
    if (!MayAcceptFor(q, who)) return NotYours();
    HALLWAY_TRY(store::LockPost(tx, id));
    HALLWAY_TRY_ASSIGN(domain::Post current, store::GetPost(tx, id));
    if (!current.accepted_answer_id) return core::Ok();
    HALLWAY_TRY(store::SetAcceptedAnswer(tx, id, std::nullopt, now));
    return AppendSocialActivity(tx, now, who.account_id, "Undo", "Answer", std::to_string(*current.accepted_answer_id),
                                QuestionAudience(q), "Question", std::to_string(id),
                                nlohmann::json{{"question_id", id}, {"undo", "Accept"}}.dump());
  });
}

core::Status QuestionService::Vote(const Principal& who, domain::PostId id, std::optional<int> value) {
  if (value) {
    HALLWAY_TRY(domain::ValidateVote(*value));
  }
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(PostAccess q, LoadQuestion(tx, id, who));
    if (!domain::MayVote(who.account_id, q.post.author_id)) {
      return core::Error::PermissionDenied("you cannot vote on your own question");
    }
    if (!MayTakePart(q)) return core::Error::PermissionDenied("join the group to vote");
    HALLWAY_TRY(store::LockPost(tx, id));
    HALLWAY_TRY_ASSIGN(bool changed, store::SetQuestionVote(tx, id, who.account_id, value, now));
    if (!changed) return core::Ok();
    return AppendSocialActivity(tx, now, who.account_id, "Vote", "Question", std::to_string(id), QuestionAudience(q),
                                "", "", nlohmann::json{{"value", value.value_or(0)}}.dump());
  });
}

core::Result<PostPageView> QuestionService::List(const Principal& who, const QuestionListOptions& o) {
  store::QuestionQuery q;
  q.viewer = who.account_id;
  if (o.state == "unanswered") {
    q.state = store::QuestionState::kUnanswered;
  } else if (o.state == "unaccepted") {
    q.state = store::QuestionState::kUnaccepted;
  } else if (o.state != "all") {
    return core::Error::InvalidArgument("state must be unanswered, unaccepted or all",
                                        {{"state", "must be unanswered, unaccepted or all"}});
  }
  if (o.sort == "votes") {
    q.sort = store::QuestionSort::kVotes;
  } else if (o.sort != "newest") {
    return core::Error::InvalidArgument("sort must be newest or votes", {{"sort", "must be newest or votes"}});
  }
  if (!o.topic.empty()) {
    HALLWAY_TRY_ASSIGN(q.topic, domain::NormalizeTopic(o.topic));
  }
  HALLWAY_TRY_ASSIGN(q.offset, OffsetCursor(o.cursor));
  q.limit = o.limit;
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<PostPageView> {
    if (!o.group_slug.empty()) {
      auto g = store::GetGroupBySlug(tx, o.group_slug);
      if (!g) return core::Error::NotFound("no such group");
      HALLWAY_TRY_ASSIGN(GroupView view, ViewOf(tx, *g, who.account_id));
      if (!domain::CanSeeGroup({g->visibility, view.membership})) return core::Error::NotFound("no such group");
      if (!view.can_read) return core::Error::PermissionDenied("join the group to read its questions");
      q.group = g->id;
    }
    HALLWAY_TRY_ASSIGN(store::QuestionPage page, store::ListQuestions(tx, q));
    PostPageView out;
    if (page.next_offset) out.next_cursor = std::to_string(*page.next_offset);
    HALLWAY_TRY_ASSIGN(out.items, DecoratePosts(tx, std::move(page.items), who, ctx_.clock.Now()));
    return out;
  });
}

core::Result<std::vector<domain::Account>> QuestionService::Route(const Principal& who, domain::PostId id,
                                                                  const std::vector<std::string>& handles) {
  if (handles.empty() || handles.size() > 10) {
    return core::Error::InvalidArgument("ask 1 to 10 people at a time", {{"to", "1 to 10 handles"}});
  }
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<domain::Account>> {
    HALLWAY_TRY_ASSIGN(PostAccess q, LoadQuestion(tx, id, who));
    std::vector<domain::Account> people;
    std::string unknown, blind;
    for (const auto& raw : handles) {
      const std::string handle = raw.rfind('@', 0) == 0 ? raw.substr(1) : raw;
      auto a = store::GetAccountByHandle(tx, handle);
      if (!a || a->status != domain::AccountStatus::kActive) {
        unknown += (unknown.empty() ? "@" : ", @") + handle;
        continue;
      }
      if (a->id == who.account_id) {
        return core::Error::InvalidArgument("you cannot ask yourself", {{"to", "names you"}});
      }
      if (q.group) {
        HALLWAY_TRY_ASSIGN(auto membership, store::GetMembership(tx, q.group->group.id, a->id));
        if (!domain::CanReadGroupContent({q.group->group.visibility, membership})) {
          blind += (blind.empty() ? "@" : ", @") + a->handle;
          continue;
        }
      }
      if (q.post.hidden && a->id != q.post.author_id) {
        blind += (blind.empty() ? "@" : ", @") + a->handle;
        continue;
      }
      bool dup = false;
      for (const auto& p : people) dup = dup || p.id == a->id;
      if (!dup) people.push_back(std::move(*a));
    }
    if (!unknown.empty()) {
      return core::Error::InvalidArgument("no such person: " + unknown, {{"to", "unknown: " + unknown}});
    }
    if (!blind.empty()) {
      return core::Error::Unprocessable("these people cannot see this question: " + blind,
                                        {{"to", "cannot see the question: " + blind}});
    }
    std::vector<domain::AccountId> added;
    for (const auto& p : people) {
      HALLWAY_TRY_ASSIGN(bool fresh, store::InsertQuestionRoute(tx, id, p.id, who.account_id, now));
      if (fresh) added.push_back(p.id);
    }
    if (!added.empty()) {
      HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Offer", "Question", std::to_string(id),
                                       QuestionAudience(q), "", "", nlohmann::json{{"recipients", added}}.dump()));
    }
    return people;
  });
}

core::Result<std::vector<SimilarQuestion>> QuestionService::Similar(const Principal& who, const std::string& raw) {
  const std::string title = domain::Trim(raw);
  std::vector<SimilarQuestion> out;
  if (title.size() < 3) return out;
  if (title.size() > 300) {
    return core::Error::InvalidArgument("title is at most 300 characters", {{"title", "at most 300 characters"}});
  }
  SearchQuery sq;
  sq.text = title;
  sq.kinds = {"question"};
  sq.limit = 10;  // some may be unreadable by now (the index lags) or too weak
  auto found = search_.Search(who, sq);
  if (!found) {
    // No index yet, or words the query language cannot take: no suggestions.
    if (found.error().code() == core::ErrorCode::kUnavailable ||
        found.error().code() == core::ErrorCode::kInvalidArgument) {
      return out;
    }
    return found.error();
  }
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<SimilarQuestion>> {
    // Relevance is relative: keep what scores at least kMinShareOfBest of
    // the best match, so one shared common word does not suggest a question.
    constexpr double kMinShareOfBest = 0.4;
    const double best = found->items.empty() ? 0 : found->items.front().hit.score;
    for (const auto& item : found->items) {
      if (out.size() == 5) break;
      if (best > 0 && item.hit.score < kMinShareOfBest * best) continue;
      const auto colon = item.hit.id.find(':');
      if (item.hit.id.rfind("post:", 0) != 0 || colon == std::string::npos) continue;
      const domain::PostId pid = std::atoll(item.hit.id.c_str() + colon + 1);
      auto q = LoadQuestion(tx, pid, who);  // the index may lag a deletion or a privacy change
      if (!q) continue;
      out.push_back({q->post.id, q->post.title, q->post.answer_count, q->post.accepted_answer_id.has_value(),
                     "/posts/" + std::to_string(q->post.id)});
    }
    return out;
  });
}

}  // namespace hallway::service
