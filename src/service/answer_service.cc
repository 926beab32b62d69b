#include "service/answer_service.h"

#include <nlohmann/json.hpp>

#include "domain/markdown.h"
#include "domain/qa/qa_rules.h"
#include "domain/social/post.h"
#include "service/qa_access.h"
#include "service/social_context.h"
#include "store/answer_store.h"
#include "store/block_store.h"
#include "store/post_store.h"
#include "store/question_store.h"

namespace hallway::service {
namespace {

core::Result<std::vector<AnswerView>> Views(store::Tx& tx, std::vector<domain::Answer> answers,
                                            const PostAccess& q, const Principal& who) {
  std::vector<domain::AccountId> authors;
  std::vector<domain::AnswerId> ids;
  for (const auto& a : answers) {
    authors.push_back(a.author_id);
    ids.push_back(a.id);
  }
  HALLWAY_TRY_ASSIGN(auto accounts, store::GetAccountsById(tx, authors));
  HALLWAY_TRY_ASSIGN(auto votes, store::AnswerVotesBy(tx, ids, who.account_id));
  const bool moderator = q.group && q.group->can_moderate;
  const bool take_part = MayTakePart(q);
  const bool may_accept = MayAcceptFor(q, who);
  std::vector<AnswerView> out;
  for (auto& a : answers) {
    AnswerView v;
    v.author = accounts[a.author_id];
    if (auto it = votes.find(a.id); it != votes.end()) v.my_vote = it->second;
    v.accepted = q.post.accepted_answer_id && *q.post.accepted_answer_id == a.id;
    v.can_edit = a.author_id == who.account_id;
    v.can_delete = v.can_edit || moderator || who.role == domain::Role::kAdmin;
    v.can_vote = take_part && domain::MayVote(who.account_id, a.author_id);
    v.can_accept = may_accept;
    v.can_comment = take_part;
    v.answer = std::move(a);
    out.push_back(std::move(v));
  }
  return out;
}

core::Result<AnswerView> ViewOne(store::Tx& tx, domain::AnswerId id, const Principal& who) {
  HALLWAY_TRY_ASSIGN(AnswerAccess a, LoadAnswer(tx, id, who));
  std::vector<domain::Answer> one;
  one.push_back(std::move(a.answer));
  HALLWAY_TRY_ASSIGN(auto views, Views(tx, std::move(one), a.question, who));
  return std::move(views.at(0));
}

nlohmann::json Payload(const PostAccess& q) {
  return {{"question_id", q.post.id}, {"question_author", q.post.author_id}};
}

}  // namespace

core::Result<std::vector<AnswerView>> AnswerService::List(const Principal& who, domain::PostId question_id) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<AnswerView>> {
    HALLWAY_TRY_ASSIGN(PostAccess q, LoadQuestion(tx, question_id, who));
    HALLWAY_TRY_ASSIGN(auto answers, store::ListAnswers(tx, q.post.id));
    domain::SortAnswers(answers, q.post.accepted_answer_id);
    return Views(tx, std::move(answers), q, who);
  });
}

core::Result<AnswerView> AnswerService::Create(const Principal& who, domain::PostId question_id,
                                               const std::string& raw) {
  HALLWAY_TRY_ASSIGN(std::string body, domain::ValidateAnswerBody(raw));
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<AnswerView> {
    HALLWAY_TRY_ASSIGN(PostAccess q, LoadQuestion(tx, question_id, who));
    if (!MayTakePart(q)) return core::Error::PermissionDenied("join the group to answer");
    if (q.post.closed) return core::Error::Conflict("the question is closed to new answers");
    HALLWAY_TRY_ASSIGN(auto block, store::GetBlock(tx, q.post.author_id, who.account_id));
    if (block == "block") return core::Error::PermissionDenied("you cannot answer this person");
    domain::Answer a;
    a.question_id = q.post.id;
    a.author_id = who.account_id;
    a.body = body;
    a.body_html = domain::RenderMarkdown(body);
    a.created_at = now;
    HALLWAY_TRY_ASSIGN(a, store::InsertAnswer(tx, a));
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Create", "Answer", std::to_string(a.id),
                                     QuestionAudience(q), "Question", std::to_string(q.post.id),
                                     Payload(q).dump()));
    return ViewOne(tx, a.id, who);
  });
}

core::Result<AnswerView> AnswerService::Edit(const Principal& who, domain::AnswerId id, const std::string& raw) {
  HALLWAY_TRY_ASSIGN(std::string body, domain::ValidateAnswerBody(raw));
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<AnswerView> {
    HALLWAY_TRY_ASSIGN(AnswerAccess a, LoadAnswer(tx, id, who));
    if (a.answer.author_id != who.account_id) {
      return core::Error::PermissionDenied("only the author may edit an answer");
    }
    if (a.answer.body != body) {
      a.answer.body = body;
      a.answer.body_html = domain::RenderMarkdown(body);
      a.answer.revision += 1;
      a.answer.updated_at = now;
      HALLWAY_TRY(store::UpdateAnswer(tx, a.answer));
      auto payload = Payload(a.question);
      payload["revision"] = a.answer.revision;
      HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Update", "Answer", std::to_string(id),
                                       QuestionAudience(a.question), "Question", std::to_string(a.question.post.id),
                                       payload.dump()));
    }
    return ViewOne(tx, id, who);
  });
}

core::Status AnswerService::Delete(const Principal& who, domain::AnswerId id) {
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(AnswerAccess a, LoadAnswer(tx, id, who));
    const bool moderator = a.question.group && a.question.group->can_moderate;
    if (a.answer.author_id != who.account_id && !moderator && who.role != domain::Role::kAdmin) {
      return core::Error::PermissionDenied("only the author, the group's facilitators or an admin may delete it");
    }
    HALLWAY_TRY(store::LockPost(tx, a.question.post.id));
    HALLWAY_TRY(store::MarkAnswerDeleted(tx, a.answer, now));
    auto payload = Payload(a.question);
    payload["was_accepted"] = a.question.post.accepted_answer_id == a.answer.id;
    return AppendSocialActivity(tx, now, who.account_id, "Delete", "Answer", std::to_string(id),
                                QuestionAudience(a.question), "Question", std::to_string(a.question.post.id),
                                payload.dump());
  });
}

core::Result<std::vector<domain::AnswerRevision>> AnswerService::Revisions(const Principal& who,
                                                                           domain::AnswerId id) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<domain::AnswerRevision>> {
    HALLWAY_TRY_ASSIGN(AnswerAccess a, LoadAnswer(tx, id, who));
    return store::ListAnswerRevisions(tx, a.answer.id);
  });
}

core::Result<AnswerView> AnswerService::Vote(const Principal& who, domain::AnswerId id, std::optional<int> value) {
  if (value) {
    HALLWAY_TRY(domain::ValidateVote(*value));
  }
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<AnswerView> {
    HALLWAY_TRY_ASSIGN(AnswerAccess a, LoadAnswer(tx, id, who));
    if (!domain::MayVote(who.account_id, a.answer.author_id)) {
      return core::Error::PermissionDenied("you cannot vote on your own answer");
    }
    if (!MayTakePart(a.question)) return core::Error::PermissionDenied("join the group to vote");
    HALLWAY_TRY(store::LockAnswer(tx, id));
    HALLWAY_TRY_ASSIGN(bool changed, store::SetAnswerVote(tx, id, who.account_id, value, now));
    if (changed) {
      auto payload = Payload(a.question);
      payload["value"] = value.value_or(0);
      payload["answer_author"] = a.answer.author_id;
      HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Vote", "Answer", std::to_string(id),
                                       QuestionAudience(a.question), "Question", std::to_string(a.question.post.id),
                                       payload.dump()));
    }
    return ViewOne(tx, id, who);
  });
}

core::Result<std::vector<AnswerCommentView>> AnswerService::Comments(const Principal& who, domain::AnswerId id) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<AnswerCommentView>> {
    HALLWAY_TRY_ASSIGN(AnswerAccess a, LoadAnswer(tx, id, who));
    HALLWAY_TRY_ASSIGN(auto comments, store::ListAnswerComments(tx, a.answer.id));
    std::vector<domain::AccountId> authors;
    for (const auto& c : comments) authors.push_back(c.author_id);
    HALLWAY_TRY_ASSIGN(auto accounts, store::GetAccountsById(tx, authors));
    std::vector<AnswerCommentView> out;
    for (auto& c : comments) {
      const domain::AccountId author = c.author_id;
      out.push_back({std::move(c), accounts[author]});
    }
    return out;
  });
}

core::Result<AnswerCommentView> AnswerService::AddComment(const Principal& who, domain::AnswerId id,
                                                          const std::string& raw) {
  HALLWAY_TRY_ASSIGN(std::string body, domain::ValidateComment(raw));
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<AnswerCommentView> {
    HALLWAY_TRY_ASSIGN(AnswerAccess a, LoadAnswer(tx, id, who));
    if (!MayTakePart(a.question)) return core::Error::PermissionDenied("join the group to comment");
    if (a.question.post.closed) return core::Error::Conflict("the question is closed to new comments");
    HALLWAY_TRY_ASSIGN(auto block, store::GetBlock(tx, a.answer.author_id, who.account_id));
    if (block == "block") return core::Error::PermissionDenied("you cannot reply to this person");
    domain::AnswerComment c;
    c.answer_id = id;
    c.author_id = who.account_id;
    c.body = body;
    c.body_html = domain::RenderMarkdown(body);
    c.created_at = now;
    HALLWAY_TRY_ASSIGN(c, store::InsertAnswerComment(tx, c));
    auto payload = Payload(a.question);
    payload["answer_author"] = a.answer.author_id;
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Create", "AnswerComment", std::to_string(c.id),
                                     QuestionAudience(a.question), "Answer", std::to_string(id), payload.dump()));
    HALLWAY_TRY_ASSIGN(auto authors, store::GetAccountsById(tx, {who.account_id}));
    return AnswerCommentView{c, authors[who.account_id]};
  });
}

}  // namespace hallway::service
