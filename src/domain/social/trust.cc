#include "domain/social/trust.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/utf8.h"
#include "domain/accounts/account.h"

namespace hallway::domain {

std::string TrustValueName(TrustValue v) { return v == TrustValue::kTrust ? "trust" : "distrust"; }

std::optional<TrustValue> ParseTrustValue(const std::string& s) {
  if (s == "trust") return TrustValue::kTrust;
  if (s == "distrust") return TrustValue::kDistrust;
  return std::nullopt;
}

core::Result<std::string> NormalizeTrustTopic(const std::string& topic) {
  if (!core::IsCleanUtf8(topic)) return core::Error::InvalidArgument("bad topic", {{"topic", "must be valid UTF-8"}});
  std::string out;
  bool space = false;
  for (char c : Trim(topic)) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  out = AsciiLower(out);
  if (core::CodePointCount(out) > 60) {
    return core::Error::InvalidArgument("bad topic", {{"topic", "at most 60 characters"}});
  }
  return out;
}

double ImplicitTrustScore(const ImplicitTrustEvidence& e) {
  return 2.0 * static_cast<double>(std::max<std::int64_t>(0, e.helpful_votes)) +
         3.0 * static_cast<double>(std::max<std::int64_t>(0, e.accepted_recommendations)) +
         2.0 * static_cast<double>(std::max<std::int64_t>(0, e.reshares)) +
         1.0 * static_cast<double>(std::clamp<std::int64_t>(e.replies, 0, kImplicitMaxReplies));
}

double ImplicitTrustWeight(const ImplicitTrustEvidence& e) {
  return kImplicitMaxWeight * (1.0 - std::exp(-ImplicitTrustScore(e) / kImplicitScale));
}

bool IsImplicitTrust(const ImplicitTrustEvidence& e) { return ImplicitTrustWeight(e) >= kImplicitMinWeight; }

}  // namespace hallway::domain
