// Trust between people: the rules of explicit trust statements and of the
// implicit trust Hallway infers from behaviour. Pure; thread-safe.
//
// Explicit: "I trust Ana (on leadership)" or "I distrust Ben". A statement
// is private to the truster; others only ever see how many people trust a
// person. Weight 1 in the model; distrust removes the person from one's
// trust network (and from reasons) but is never shown to anyone else.
//
// Implicit trust is evidence-weighted (docs/recommend.md, "In the product"):
//   evidence = 2 x helpful votes on their reviews
//            + 3 x their recommendations I accepted (or completed)
//            + 2 x their posts I reshared
//            + 1 x my replies to their posts (at most 10 counted)
//   weight   = kImplicitMaxWeight * (1 - exp(-evidence / kImplicitScale))
// An implicit link exists when weight >= kImplicitMinWeight. The person may
// confirm it (it becomes an explicit statement) or reject it (an override
// that removes it from the model for good).
#pragma once

#include <optional>
#include <string>

#include "core/result.h"

namespace hallway::domain {

enum class TrustValue { kTrust, kDistrust };

// Returns "trust" / "distrust".
std::string TrustValueName(TrustValue v);
// Parses "trust" / "distrust"; anything else is nullopt.
std::optional<TrustValue> ParseTrustValue(const std::string& s);

// Normalizes a trust topic (a skill or topic name): trimmed, lower case,
// inner whitespace collapsed. "" means general trust. Errors:
// kInvalidArgument (field "topic") when over 60 characters or not UTF-8.
core::Result<std::string> NormalizeTrustTopic(const std::string& topic);

struct ImplicitTrustEvidence {
  std::int64_t helpful_votes = 0;      // my helpful votes on their reviews
  std::int64_t accepted_recommendations = 0;
  std::int64_t reshares = 0;           // my reshares of their posts
  std::int64_t replies = 0;            // my comments on their posts
};

inline constexpr double kImplicitMaxWeight = 0.8;  // below an explicit statement (1.0)
inline constexpr double kImplicitScale = 8.0;
inline constexpr double kImplicitMinWeight = 0.25;
inline constexpr std::int64_t kImplicitMaxReplies = 10;

// Returns the evidence score (see the header comment).
double ImplicitTrustScore(const ImplicitTrustEvidence& e);
// Returns the implicit trust weight in [0, kImplicitMaxWeight).
double ImplicitTrustWeight(const ImplicitTrustEvidence& e);
// True when the evidence is strong enough to count as trust.
bool IsImplicitTrust(const ImplicitTrustEvidence& e);

}  // namespace hallway::domain
