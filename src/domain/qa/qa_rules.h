// The rules of questions and answers: who may accept an answer, who may
// vote, and the order answers are shown in. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/qa/answer.h"

namespace hallway::domain {

// What MayAccept needs to know about one person and one question.
struct AcceptContext {
  AccountId viewer = 0;
  AccountId asker = 0;
  bool in_group = false;            // the question belongs to a group
  bool group_facilitator = false;   // viewer is an owner or facilitator of that group
  Role org_role = Role::kMember;    // viewer's organization role
};

// Returns true if the viewer may mark (or change, or clear) the accepted
// answer: the asker; for a group's question a facilitator (or owner) of that
// group; for an organization-wide question an organization facilitator.
// Administrators get no exception (the privacy policy gives them none): an
// admin who is not the asker may not accept in someone else's group.
bool MayAccept(const AcceptContext& c);

// Returns true if `voter` may vote on content written by `author`: never on
// one's own.
bool MayVote(AccountId voter, AccountId author);

// Sorts answers for display: the accepted one first, then by score (highest
// first), then oldest first (by id when created in the same microsecond).
void SortAnswers(std::vector<Answer>& answers, std::optional<AnswerId> accepted);

}  // namespace hallway::domain
