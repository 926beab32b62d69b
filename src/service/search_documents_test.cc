#include "service/search_documents.h"

#include <gtest/gtest.h>

namespace hallway::service {
namespace {

domain::Activity Act(const char* verb, const char* type, const char* id,
                     const char* target_type = "", const char* target_id = "") {
  domain::Activity a;
  a.verb = verb;
  a.object_type = type;
  a.object_id = id;
  a.target_type = target_type;
  a.target_id = target_id;
  return a;
}

// Answers are indexed with their question: every answer activity (and the
// question's own votes) re-indexes the question's document, and nothing
// else.
TEST(SearchDocumentsQa, AnswerActivitiesReindexTheirQuestion) {
  const std::vector<std::string> question{"post:7"};
  for (const char* verb : {"Create", "Update", "Delete", "Vote", "Accept", "Undo"}) {
    EXPECT_EQ(AffectedDocuments(Act(verb, "Answer", "31", "Question", "7")), question) << verb;
  }
  EXPECT_EQ(AffectedDocuments(Act("Vote", "Question", "7")), question);
  EXPECT_EQ(AffectedDocuments(Act("Create", "Question", "7")), question);
  // Comments on answers are not part of any document.
  EXPECT_TRUE(AffectedDocuments(Act("Create", "AnswerComment", "5", "Answer", "31")).empty());
}

}  // namespace
}  // namespace hallway::service
