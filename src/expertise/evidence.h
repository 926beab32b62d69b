// Evidence: one thing a person did that says what they know (an answer, an
// article, a completed course, an endorsement, ...), the unit the
// ExpertiseIndex ingests. Plain values; safe to copy between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace hallway::expertise {

using PersonId = std::int64_t;

enum class EvidenceKind {
  kAnswer,             // answered someone's question
  kAcceptedAnswer,     // an answer already accepted when ingested (else: kAnswer + kAccepted feedback)
  kQuestion,           // asked a question: some familiarity, much weaker
  kArticle,            // wrote an article or guide
  kComment,            // commented in a discussion
  kResourceCompleted,  // completed a course or resource
  kReview,             // reviewed a resource or someone's work
  kEndorsement,        // someone else vouched for the person on `topics`
  kDeclaredSkill,      // the person says they know `topics`
};
constexpr int kEvidenceKindCount = 9;

// Returns a stable lower-case name ("accepted_answer").
const char* EvidenceKindName(EvidenceKind kind);
// Returns the kind of a name from EvidenceKindName, or kInvalidArgument.
core::Result<EvidenceKind> ParseEvidenceKind(std::string_view name);

struct Evidence {
  PersonId person = 0;
  EvidenceKind kind = EvidenceKind::kAnswer;
  // The caller's stable, unique reference ("post:42", a URL); returned with
  // ranked people so the product can link to it.
  std::string item;
  std::vector<std::string> topics;  // tags / skills; compared lower-cased
  std::string text;                 // plain text (strip HTML before); matched to needs
  double votes = 0;                 // net votes as of `at`; later ones via RecordFeedback
  core::Micros at = 0;              // when it happened; counts for queries with as_of > at
  // Visibility terms ("public" is the empty list): evidence from a private
  // group carries e.g. "group:7", and counts only for viewers holding one of
  // its terms.
  std::vector<std::string> visibility;
};

// Feedback on an item after the fact; each counts from its own time on.
enum class FeedbackKind { kUpvote, kDownvote, kAccepted };

}  // namespace hallway::expertise
