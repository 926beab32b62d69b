#include "service/qa_access.h"

#include "domain/qa/qa_rules.h"
#include "service/social_context.h"
#include "store/answer_store.h"

namespace hallway::service {

core::Result<PostAccess> LoadQuestion(store::Tx& tx, domain::PostId id, const Principal& who) {
  HALLWAY_TRY_ASSIGN(PostAccess q, LoadReadablePost(tx, id, who));
  if (q.post.kind != domain::PostKind::kQuestion) {
    return core::Error::Unprocessable("post " + std::to_string(id) + " is not a question");
  }
  return q;
}

core::Result<AnswerAccess> LoadAnswer(store::Tx& tx, domain::AnswerId id, const Principal& who) {
  auto answer = store::GetAnswer(tx, id);
  if (!answer) return answer.error();
  auto question = LoadReadablePost(tx, answer->question_id, who);
  if (!question) {
    if (question.error().code() == core::ErrorCode::kNotFound) return core::Error::NotFound("no such answer");
    return question.error();
  }
  return AnswerAccess{std::move(*answer), std::move(*question)};
}

bool MayTakePart(const PostAccess& q) { return !q.group || q.group->can_post; }

bool MayAcceptFor(const PostAccess& q, const Principal& who) {
  domain::AcceptContext c;
  c.viewer = who.account_id;
  c.asker = q.post.author_id;
  c.in_group = q.group.has_value();
  c.group_facilitator = q.group && q.group->can_moderate;
  c.org_role = who.role;
  return domain::MayAccept(c);
}

std::string QuestionAudience(const PostAccess& q) {
  std::optional<domain::Group> group;
  if (q.group) group = q.group->group;
  return AudienceFor(group);
}

}  // namespace hallway::service
