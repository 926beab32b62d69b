// Suggestion repository: the signals behind "groups to join" and "questions
// you could answer" for one viewer, and the suggestions they dismissed.
// Every query applies the viewer's visibility. Runs in the caller's
// transaction.
#pragma once

#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "store/database.h"

namespace hallway::store {

// A group the viewer may find and is not in (no membership row of any
// state: pending requests and invitations are not suggested again), with why.
struct GroupSignals {
  std::int64_t group_id = 0;
  std::int64_t members = 0;           // active
  std::int64_t followed_members = 0;  // people the viewer follows
  std::int64_t team_members = 0;      // people of the viewer's team
  std::int64_t topic_posts = 0;       // recent posts on the viewer's topics
  std::string topic;                  // the most frequent of those topics
};
// Open and closed groups (private groups are never suggested to outsiders),
// not dismissed, with at least one signal, or the largest when `fallback`.
// `topics` are the viewer's topic keys; posts count since `since`.
core::Result<std::vector<GroupSignals>> ListGroupSignals(Tx& tx, domain::AccountId viewer,
                                                         const std::string& team,
                                                         const std::vector<std::string>& topics,
                                                         core::Micros since);

// An open question the viewer may read, did not ask, has not answered and
// did not dismiss: no accepted answer, not closed, hidden or deleted.
struct QuestionSignals {
  std::int64_t post_id = 0;
  std::string title;
  std::int64_t answers = 0;
  core::Micros created_at = 0;
  std::string topic;  // one of `topics` it is about ("" when none)
};
// Questions on any of `topics` first (fewest answers, then newest), then,
// to fill `limit`, unanswered ones in the viewer's groups and organization.
core::Result<std::vector<QuestionSignals>> ListQuestionSignals(
    Tx& tx, domain::AccountId viewer, const std::vector<std::string>& topics, int limit);

// The topics of questions the viewer answered and articles they wrote.
core::Result<std::vector<std::string>> ListAnsweredTopics(Tx& tx, domain::AccountId viewer);

// Records a dismissal (again: nothing changes).
core::Status PutSuggestionDismissal(Tx& tx, domain::AccountId viewer, const std::string& kind,
                                    std::int64_t target, core::Micros now);

}  // namespace hallway::store
