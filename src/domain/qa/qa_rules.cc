#include "domain/qa/qa_rules.h"

#include <algorithm>

namespace hallway::domain {

bool MayAccept(const AcceptContext& c) {
  if (c.viewer != 0 && c.viewer == c.asker) return true;
  if (c.in_group) return c.group_facilitator;
  return c.org_role == Role::kFacilitator;
}

bool MayVote(AccountId voter, AccountId author) { return voter != author; }

void SortAnswers(std::vector<Answer>& answers, std::optional<AnswerId> accepted) {
  std::stable_sort(answers.begin(), answers.end(), [&](const Answer& a, const Answer& b) {
    const bool aa = accepted && a.id == *accepted;
    const bool ba = accepted && b.id == *accepted;
    if (aa != ba) return aa;
    if (a.score != b.score) return a.score > b.score;
    if (a.created_at != b.created_at) return a.created_at < b.created_at;
    return a.id < b.id;
  });
}

}  // namespace hallway::domain
