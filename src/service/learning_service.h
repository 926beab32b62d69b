// LearningService: a person's learning status per resource (want to take,
// taking, completed with date and evidence, dropped), their learning list,
// and the completions others see on their profile (when they allow it).
// Every change is an activity; completions show in the activity stream.
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/catalog/resource.h"
#include "service/service_context.h"
#include "store/learning_store.h"

namespace hallway::service {

struct LearningEntry {
  store::LearningStatus status;
  domain::Resource resource;
};

class LearningService {
 public:
  explicit LearningService(ServiceContext& ctx) : ctx_(ctx) {}

  // Sets the caller's status. `status` is want, taking, completed or
  // dropped; completed_on (YYYY-MM-DD, not in the future) and evidence_url
  // (http/https) only with completed. Errors: kInvalidArgument, kNotFound.
  core::Result<store::LearningStatus> SetStatus(const Principal& who, domain::ResourceId resource,
                                                const std::string& status, const std::string& completed_on,
                                                const std::string& evidence_url);
  core::Status ClearStatus(const Principal& who, domain::ResourceId resource);
  // The caller's own list (optionally one status).
  core::Result<std::vector<LearningEntry>> Mine(const Principal& who, const std::string& status);
  // Another person's completions, if they show them; only resources the
  // caller may see. Errors: kNotFound (no such person).
  core::Result<std::vector<LearningEntry>> Completions(const Principal& who, const std::string& handle);
  // Whether the caller's completions appear on their profile.
  core::Status SetShowCompletions(const Principal& who, bool show);
  core::Result<bool> ShowCompletions(const Principal& who);

 private:
  ServiceContext& ctx_;
};

}  // namespace hallway::service
