// Mail preferences: for each kind of notification, whether a person gets
// no mail, a mail at once, or a line in their digest; and how often the
// digest comes. Pure rules and defaults, no I/O. Thread-safe.
//
// Defaults: what someone addressed you directly (mentions, replies,
// invitations to a group, requests to join a group you run) comes at once;
// the rest (reactions, reshares, new followers, approvals) waits for a daily
// digest. Unknown kinds default to off, so a new kind never mails people
// who did not choose it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace hallway::domain {

enum class MailDelivery { kOff, kImmediately, kDigest };
enum class DigestFrequency { kOff, kDaily, kWeekly };

// The notification kinds one can receive mail about, in display order.
const std::vector<std::string>& MailableKinds();
bool IsMailableKind(std::string_view kind);
// A short human label, e.g. "Mentions of you".
std::string MailKindLabel(std::string_view kind);
MailDelivery DefaultDelivery(std::string_view kind);
constexpr DigestFrequency kDefaultDigest = DigestFrequency::kDaily;

std::string_view MailDeliveryName(MailDelivery d);  // "off", "immediately", "digest"
// Errors: kInvalidArgument for anything else.
core::Result<MailDelivery> ParseMailDelivery(std::string_view s);
std::string_view DigestFrequencyName(DigestFrequency f);  // "off", "daily", "weekly"
core::Result<DigestFrequency> ParseDigestFrequency(std::string_view s);

// Unsubscribe scopes: a mailable kind, "digest", or "all".
bool IsUnsubscribeScope(std::string_view scope);

}  // namespace hallway::domain
