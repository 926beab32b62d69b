// SuggestionService: beyond resources, what the home page suggests a person
// do next, each with its reasons in words: groups to join (open and closed
// groups where people they follow or their teammates are, or that talk about
// their topics; the largest ones for someone new) and questions they could
// answer (open questions on their skills or on topics they answered or
// wrote about; unanswered ones otherwise), people to follow (followed by
// people they follow, teammates, sharing their skills; newcomers otherwise)
// and collections (curated by people they follow or trust, or much
// followed). Private groups and anything the
// person may not read are never suggested; reasons only count what the
// person may see (their own follows and team, public group membership,
// posts of findable groups). Dismissed suggestions never come back.
// Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "service/group_service.h"
#include "service/service_context.h"

namespace hallway::service {

struct SuggestionReason {
  std::string code;  // "followed_members", "team_members", "your_topic", "popular", "your_skill",
                     // "answered_topic", "unanswered", "followed_by_followees", "teammate",
                     // "shared_skills", "newcomer", "curator_followed", "curator_trusted"
  std::string text;
};

struct GroupSuggestion {
  GroupView group;
  double score = 0;
  std::vector<SuggestionReason> reasons;
};

struct PersonSuggestion {
  domain::Account person;
  double score = 0;
  std::vector<SuggestionReason> reasons;
};

struct CollectionSuggestion {
  std::int64_t id = 0;
  std::string title;
  bool is_path = false;
  domain::Account curator;
  std::int64_t items = 0;
  std::int64_t followers = 0;
  double score = 0;
  std::vector<SuggestionReason> reasons;
};

struct QuestionSuggestion {
  std::int64_t id = 0;
  std::string title;
  std::int64_t answers = 0;
  core::Micros created_at = 0;
  std::vector<SuggestionReason> reasons;
};

class SuggestionService {
 public:
  explicit SuggestionService(ServiceContext& ctx) : ctx_(ctx) {}

  // Up to `limit` (1..20) groups, best first. Errors: kInvalidArgument.
  core::Result<std::vector<GroupSuggestion>> Groups(const Principal& who, int limit);
  // Up to `limit` (1..20) questions, best first. Errors: kInvalidArgument.
  core::Result<std::vector<QuestionSuggestion>> Questions(const Principal& who, int limit);
  // Up to `limit` (1..20) people to follow, best first. Errors: kInvalidArgument.
  core::Result<std::vector<PersonSuggestion>> People(const Principal& who, int limit);
  // Up to `limit` (1..20) collections, best first. Errors: kInvalidArgument.
  core::Result<std::vector<CollectionSuggestion>> Collections(const Principal& who, int limit);
  // Never suggests this group, question, person or collection to the caller
  // again. `kind` is "groups", "questions", "people" or "collections".
  // Errors: kNotFound (unknown kind, or something the caller may not see).
  core::Status Dismiss(const Principal& who, const std::string& kind, std::int64_t id);

 private:
  ServiceContext& ctx_;
};

}  // namespace hallway::service
