// EndorsementService: colleagues vouch for a person's declared skills.
// Endorsements are public, like the skills they are about: a profile lists,
// per skill, how many people endorsed it and who. Each counts as evidence
// for "who can help" (service/helper_finder.h) while both accounts are
// active. Every change appends an activity (verb Add or Remove, object
// Endorsement, target the endorsee) in the same transaction; an Add tells
// the endorsee through a notification.
// Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "service/service_context.h"
#include "store/endorsement_store.h"

namespace hallway::service {

struct SkillEndorsements {
  std::string skill;  // as the person wrote it on their profile
  std::string key;    // domain::TagKey(skill)
  bool endorsed_by_me = false;
  std::vector<store::Endorser> endorsers;  // newest first
};

class EndorsementService {
 public:
  explicit EndorsementService(ServiceContext& ctx) : ctx_(ctx) {}

  // Endorses `handle` for `skill` (one of their declared skills, any case),
  // with an optional note (at most 280 characters); endorsing again only
  // changes the note. Returns that skill's endorsements. Errors:
  // kInvalidArgument (yourself, a note too long), kNotFound (no such active
  // person), kPermissionDenied (they blocked you), kUnprocessable (not one of
  // their skills).
  core::Result<SkillEndorsements> Endorse(const Principal& who, const std::string& handle,
                                          const std::string& skill, const std::string& note);
  // Withdraws the caller's endorsement (also of a skill the person no longer
  // lists). Errors: kNotFound (no such person or endorsement).
  core::Status Withdraw(const Principal& who, const std::string& handle, const std::string& skill);
  // Every declared skill of `handle`, in their order, with its endorsements.
  // Errors: kNotFound.
  core::Result<std::vector<SkillEndorsements>> List(const Principal& who,
                                                    const std::string& handle);

 private:
  ServiceContext& ctx_;
};

}  // namespace hallway::service
