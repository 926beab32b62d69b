#include "jobs/recommend_consumer.h"

#include <gtest/gtest.h>

namespace hallway::jobs {
namespace {

TEST(RecommendConsumerTest, ReactsToWhatChangesAPersonsRecommendations) {
  struct Case {
    const char* verb;
    const char* object_type;
    bool affects;
  };
  const Case cases[] = {
      {"Rate", "Resource", true},      {"Update", "Resource", true},  {"Undo", "Resource", true},
      {"Add", "Trust", true},          {"Remove", "Trust", true},     {"Reject", "ImplicitTrust", true},
      {"Like", "Review", true},        {"Create", "Comment", true},   {"Announce", "Note", true},
      {"Accept", "Recommendation", true}, {"Create", "Note", false},  {"Follow", "Person", false},
      {"Join", "Group", false},
  };
  for (const Case& c : cases) {
    domain::Activity a;
    a.actor_id = 7;
    a.verb = c.verb;
    a.object_type = c.object_type;
    EXPECT_EQ(RecommendConsumer::Affects(a), c.affects) << c.verb << " " << c.object_type;
  }
  domain::Activity system;
  system.verb = "Rate";
  system.object_type = "Resource";
  EXPECT_FALSE(RecommendConsumer::Affects(system));  // no actor: nobody to refresh
}

}  // namespace
}  // namespace hallway::jobs
