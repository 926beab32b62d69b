#include "domain/deliberation/deliberation.h"

#include <vector>

#include "core/utf8.h"
#include "domain/accounts/account.h"

namespace hallway::domain {
namespace {

// Returns `text` trimmed if it is clean UTF-8 of min..max code points.
core::Result<std::string> Bounded(std::string_view text, const char* field, std::size_t min, std::size_t max) {
  std::string s = Trim(text);
  if (!core::IsCleanUtf8(s)) return core::Error::InvalidArgument("invalid field", {{field, "is not valid text"}});
  const std::size_t n = core::CodePointCount(s);
  if (n < min) return core::Error::InvalidArgument("invalid field", {{field, "is required"}});
  if (n > max) {
    return core::Error::InvalidArgument("invalid field",
                                        {{field, "is longer than " + std::to_string(max) + " characters"}});
  }
  return s;
}

}  // namespace

const char* DeliberationStateName(DeliberationState s) {
  switch (s) {
    case DeliberationState::kExploring: return "exploring";
    case DeliberationState::kConverging: return "converging";
    case DeliberationState::kSettled: return "settled";
    case DeliberationState::kReopened: return "reopened";
  }
  return "exploring";
}

core::Result<DeliberationState> ParseDeliberationState(std::string_view name) {
  for (auto s : {DeliberationState::kExploring, DeliberationState::kConverging, DeliberationState::kSettled,
                 DeliberationState::kReopened}) {
    if (name == DeliberationStateName(s)) return s;
  }
  return core::Error::InvalidArgument("unknown deliberation state '" + std::string(name) + "'");
}

const char* StanceKindName(StanceKind k) { return k == StanceKind::kSupport ? "support" : "object"; }

core::Result<StanceKind> ParseStanceKind(std::string_view name) {
  if (name == "support") return StanceKind::kSupport;
  if (name == "object") return StanceKind::kObject;
  return core::Error::InvalidArgument("invalid field", {{"stance", "must be support or object"}});
}

core::Result<std::string> ValidateIssueStatement(std::string_view statement) {
  return Bounded(statement, "statement", 1, kMaxIssueStatement);
}

core::Result<std::string> ValidateProposalText(std::string_view text) {
  return Bounded(text, "text", 1, kMaxProposalText);
}

core::Result<std::string> ValidateStanceReason(StanceKind kind, std::string_view reason) {
  if (kind == StanceKind::kObject && Trim(reason).empty()) {
    return core::Error::InvalidArgument("an objection needs a reason", {{"reason", "is required for an objection"}});
  }
  return Bounded(reason, "reason", 0, kMaxObjectionReason);
}

core::Result<Resolution> ValidateResolution(const Resolution& in) {
  Resolution r = in;
  r.url = Trim(in.url);
  r.note = Trim(in.note);
  std::vector<core::FieldError> errors;
  if (!r.comment_id && !r.proposal_id && r.url.empty()) {
    errors.push_back({"resolution", "link a comment, a proposal or a URL"});
  }
  if (!r.url.empty()) {
    const bool http = r.url.rfind("https://", 0) == 0 || r.url.rfind("http://", 0) == 0;
    if (!http || r.url.size() > 2000 || !core::IsCleanUtf8(r.url) ||
        r.url.find_first_of(" \t\r\n\"<>") != std::string::npos) {
      errors.push_back({"url", "must be an http:// or https:// address"});
    }
  }
  if (!core::IsCleanUtf8(r.note)) {
    errors.push_back({"note", "is not valid text"});
  } else if (core::CodePointCount(r.note) > kMaxResolutionNote) {
    errors.push_back({"note", "is longer than 1000 characters"});
  }
  if (!errors.empty()) return core::Error::InvalidArgument("invalid resolution", std::move(errors));
  return r;
}

core::Result<std::string> ValidateSummary(std::string_view body) { return Bounded(body, "body", 1, kMaxSummary); }

}  // namespace hallway::domain
