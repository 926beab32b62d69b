// Suggestion repository: the signals behind "groups to join" and "questions
// you could answer" for one viewer, and the suggestions they dismissed.
// Every query applies the viewer's visibility. Runs in the caller's
// transaction.
#pragma once

#include <map>
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

// An active person the viewer does not follow, has not blocked (nor been
// blocked by) and did not dismiss, with why.
struct PersonSignals {
  domain::AccountId id = 0;
  std::string team;  // theirs ("" when none)
  std::int64_t followed_by_followees = 0;  // people the viewer follows who follow them
  bool teammate = false;
  std::int64_t shared_skills = 0;  // of `skills` (tag keys)
  bool newcomer = false;           // among the newest accounts (the fallback)
};
core::Result<std::vector<PersonSignals>> ListPeopleSignals(Tx& tx, domain::AccountId viewer,
                                                           const std::string& team,
                                                           const std::vector<std::string>& skills);

// A live collection the viewer may see, neither owns nor follows and did not
// dismiss, with why.
struct CollectionSignals {
  std::int64_t id = 0;
  std::string title;
  domain::AccountId owner_id = 0;
  bool is_path = false;
  std::int64_t items = 0;
  std::int64_t followers = 0;
  bool by_followee = false;  // curated by someone the viewer follows
  bool by_trusted = false;   // curated by someone the viewer trusts (their own list)
};
core::Result<std::vector<CollectionSignals>> ListCollectionSignals(Tx& tx,
                                                                   domain::AccountId viewer);

// The topics of questions the viewer answered and articles they wrote.
core::Result<std::vector<std::string>> ListAnsweredTopics(Tx& tx, domain::AccountId viewer);

// What the viewer's dismissals of one kind have in common, as counts per
// key, so that suggestions like them rank lower: for "question" the topics
// of the dismissed questions; for "group" the topics posted in the
// dismissed groups since `since`; for "person" the dismissed people's
// teams; for "collection" the dismissed collections' curators (account ids
// as text).
core::Result<std::map<std::string, std::int64_t>> CountDismissedAlike(Tx& tx, domain::AccountId viewer,
                                                                      const std::string& kind,
                                                                      core::Micros since);

// Records a dismissal (again: nothing changes).
core::Status PutSuggestionDismissal(Tx& tx, domain::AccountId viewer, const std::string& kind,
                                    std::int64_t target, core::Micros now);

}  // namespace hallway::store
