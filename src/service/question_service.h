// QuestionService: what questions add to posts: the accepted answer (the
// asker or a facilitator marks it, may change or clear it), votes on the
// question, the queues (unanswered, unaccepted, all; by group and topic),
// routing a question to people who can help, and duplicate suggestions from
// search while a question is typed. Questions themselves are created,
// edited and read as posts (PostService). Every write appends its activity
// in the same transaction ("Accept"/"Undo" on an Answer, "Vote" on a
// Question, "Offer" of a Question to its helpers). Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/qa/answer.h"
#include "service/post_service.h"
#include "service/search_service.h"
#include "service/service_context.h"

namespace hallway::service {

struct QuestionListOptions {
  std::string state = "all";   // unanswered | unaccepted | all
  std::string group_slug;      // "" for any group the viewer may read
  std::string topic;           // "" for any
  std::string sort = "newest";  // newest | votes
  int limit = 20;
  std::string cursor;          // next_cursor of the previous page
};

struct SimilarQuestion {
  domain::PostId id = 0;
  std::string title;
  std::int64_t answer_count = 0;
  bool accepted = false;
  std::string url;
};

class QuestionService {
 public:
  // `search` answers duplicate suggestions; not owned, outlives this.
  QuestionService(ServiceContext& ctx, SearchService& search) : ctx_(ctx), search_(search) {}

  // Marks `answer_id` as the accepted answer of question `id` (replacing any
  // other). Errors: kNotFound (question), kUnprocessable (not a question;
  // the answer does not answer this question), kPermissionDenied (neither
  // the asker nor a facilitator: nothing changes).
  core::Status Accept(const Principal& who, domain::PostId id, domain::AnswerId answer_id);
  // Clears the accepted answer. Errors as Accept.
  core::Status ClearAccepted(const Principal& who, domain::PostId id);
  // Sets (1 or -1) or removes (nullopt) the caller's vote on the question.
  // Errors: kNotFound, kUnprocessable, kInvalidArgument (value),
  // kPermissionDenied (one's own question; not a member of its group).
  core::Status Vote(const Principal& who, domain::PostId id, std::optional<int> value);
  // A page of the queue, newest (or most voted) first, of questions the
  // viewer may read. Errors: kInvalidArgument (state, sort, topic, cursor),
  // kNotFound (group), kPermissionDenied (may not read the group).
  core::Result<PostPageView> List(const Principal& who, const QuestionListOptions& options);
  // Asks the people with `handles` (1..10) to help; each gets a
  // notification (once per question). Returns the people asked. Errors:
  // kInvalidArgument (no handles, too many, unknown people, oneself),
  // kUnprocessable naming those who cannot see the question, kNotFound.
  core::Result<std::vector<domain::Account>> Route(const Principal& who, domain::PostId id,
                                                   const std::vector<std::string>& handles);
  // Up to 5 questions the viewer may read whose text is close to `title`
  // (from the search index), with answer counts and whether one is
  // accepted; matches scoring under 40% of the best are left out. A title
  // under 3 characters or no index yet gives none.
  core::Result<std::vector<SimilarQuestion>> Similar(const Principal& who, const std::string& title);

 private:
  ServiceContext& ctx_;
  SearchService& search_;
};

}  // namespace hallway::service
