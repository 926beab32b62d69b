#include "expertise/evidence.h"

#include <string>

namespace hallway::expertise {
namespace {

constexpr const char* kNames[kEvidenceKindCount] = {
    "answer", "accepted_answer", "question", "article",     "comment",
    "resource_completed", "review", "endorsement", "declared_skill"};

}  // namespace

const char* EvidenceKindName(EvidenceKind kind) { return kNames[static_cast<int>(kind)]; }

core::Result<EvidenceKind> ParseEvidenceKind(std::string_view name) {
  for (int i = 0; i < kEvidenceKindCount; ++i) {
    if (name == kNames[i]) return static_cast<EvidenceKind>(i);
  }
  return core::Error::InvalidArgument("expertise: unknown evidence kind \"" + std::string(name) +
                                      "\"");
}

}  // namespace hallway::expertise
