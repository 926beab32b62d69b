// TrustService: the web of trust. A person states whom they trust (in
// general or on a topic) or distrust; the list is private to them, and
// everyone else only sees how many people trust someone. Implicit trust is
// inferred from behaviour (domain/social/trust.h) and shown to the person
// with its evidence, to confirm (it becomes explicit) or reject (it is
// removed from the model for good). Every write appends an activity with
// the audience private:<truster>, so no consumer can leak it.
// Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/account.h"
#include "domain/social/trust.h"
#include "service/service_context.h"

namespace hallway::service {

struct TrustEntry {
  domain::Account person;
  std::string topic;  // "" = general
  domain::TrustValue value = domain::TrustValue::kTrust;
  core::Micros updated_at = 0;
};

struct ImplicitTrustEntry {
  domain::Account person;
  domain::ImplicitTrustEvidence evidence;
  double weight = 0;
};

class TrustService {
 public:
  explicit TrustService(ServiceContext& ctx) : ctx_(ctx) {}

  // States the caller's trust or distrust ("trust" | "distrust") in the
  // person with `handle`, in general or on `topic`; replaces an earlier
  // statement on the same topic. Errors: kInvalidArgument (oneself, a bad
  // value or topic), kNotFound (no such active person), kPermissionDenied
  // (that person blocked the caller; nothing else is said about it).
  core::Result<TrustEntry> Put(const Principal& who, const std::string& handle, const std::string& topic,
                               const std::string& value);
  // Withdraws the caller's statements about the person (only `topic`'s when
  // given). Errors: kNotFound (no such person, or no such statement).
  core::Status Remove(const Principal& who, const std::string& handle, const std::optional<std::string>& topic);
  // The caller's own statements, newest first.
  core::Result<std::vector<TrustEntry>> List(const Principal& who);
  // The people Hallway infers the caller trusts and why, strongest first;
  // people the caller already made a statement about are left out.
  core::Result<std::vector<ImplicitTrustEntry>> Implicit(const Principal& who);
  // Turns inferred trust into an explicit general statement. Errors: as Put.
  core::Result<TrustEntry> ConfirmImplicit(const Principal& who, const std::string& handle);
  // Removes inferred trust in the person from the model for good. Errors:
  // kNotFound (no such person), kInvalidArgument (oneself).
  core::Status RejectImplicit(const Principal& who, const std::string& handle);
  // How many people trust the person (public). Errors: kNotFound.
  core::Result<std::int64_t> TrustedByCount(const Principal& who, const std::string& handle);

 private:
  ServiceContext& ctx_;
};

}  // namespace hallway::service
