// AnswerService: answers to questions (a post of kind question), edited with
// revisions, voted up or down, commented on, listed in display order
// (domain/qa/qa_rules.h). Reads go through the privacy policy: an answer to a
// question the viewer may not read is "not found". Every write appends its
// activity in the same transaction (Create/Update/Delete "Answer", "Vote"
// on an Answer, Create "AnswerComment"), with the question as target.
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/qa/answer.h"
#include "domain/social/post.h"
#include "service/service_context.h"

namespace hallway::service {

struct AnswerView {
  domain::Answer answer;
  domain::Account author;
  int my_vote = 0;  // 1, -1, or 0 for none
  bool accepted = false;
  bool can_edit = false;    // the author
  bool can_delete = false;  // the author, a moderator of the group, an admin
  bool can_vote = false;    // not one's own; may take part in the question's group
  bool can_accept = false;  // see domain::MayAccept
  bool can_comment = false;
};

struct AnswerCommentView {
  domain::AnswerComment comment;
  domain::Account author;
};

class AnswerService {
 public:
  explicit AnswerService(ServiceContext& ctx) : ctx_(ctx) {}

  // Returns the answers of question `question_id` in display order.
  // Errors: kNotFound (no readable post), kUnprocessable (not a question).
  core::Result<std::vector<AnswerView>> List(const Principal& who, domain::PostId question_id);
  // Answers a question. Errors: kInvalidArgument (body), kNotFound,
  // kUnprocessable (not a question), kPermissionDenied (not a member of its
  // group; blocked by the asker), kConflict (thread closed).
  core::Result<AnswerView> Create(const Principal& who, domain::PostId question_id, const std::string& body);
  // The author edits; each edit is a revision. Errors: kInvalidArgument,
  // kNotFound, kPermissionDenied.
  core::Result<AnswerView> Edit(const Principal& who, domain::AnswerId id, const std::string& body);
  // The author, a moderator of the question's group, or an admin deletes
  // it; if it was accepted, the question has no accepted answer any more.
  // Errors: kNotFound, kPermissionDenied.
  core::Status Delete(const Principal& who, domain::AnswerId id);
  // Errors: kNotFound.
  core::Result<std::vector<domain::AnswerRevision>> Revisions(const Principal& who, domain::AnswerId id);
  // Sets (1 or -1) or removes (nullopt) the caller's vote; the score is
  // recomputed under the answer's row lock. Errors: kNotFound,
  // kPermissionDenied (one's own answer; not a member of the group).
  core::Result<AnswerView> Vote(const Principal& who, domain::AnswerId id, std::optional<int> value);
  // Errors: kNotFound.
  core::Result<std::vector<AnswerCommentView>> Comments(const Principal& who, domain::AnswerId id);
  // Errors: kInvalidArgument (body), kNotFound, kPermissionDenied.
  core::Result<AnswerCommentView> AddComment(const Principal& who, domain::AnswerId id, const std::string& body);

 private:
  ServiceContext& ctx_;
};

}  // namespace hallway::service
