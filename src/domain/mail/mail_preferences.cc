#include "domain/mail/mail_preferences.h"

#include <algorithm>

namespace hallway::domain {

const std::vector<std::string>& MailableKinds() {
  static const std::vector<std::string> kKinds = {"mention",  "reply",          "group_invitation", "group_request",
                                                  "reaction", "reshare",        "follow",           "group_approved",
                                                  "answer",   "answer_accepted", "answer_comment",  "question_routed",
                                                  "endorsement"};
  return kKinds;
}

bool IsMailableKind(std::string_view kind) {
  const auto& k = MailableKinds();
  return std::find(k.begin(), k.end(), kind) != k.end();
}

std::string MailKindLabel(std::string_view kind) {
  if (kind == "mention") return "Mentions of you";
  if (kind == "reply") return "Replies to your posts and comments";
  if (kind == "group_invitation") return "Invitations to groups";
  if (kind == "group_request") return "Requests to join groups you run";
  if (kind == "reaction") return "Reactions to your posts";
  if (kind == "reshare") return "Your posts passed on";
  if (kind == "follow") return "New followers";
  if (kind == "group_approved") return "Group membership approvals";
  if (kind == "answer") return "Answers to your questions";
  if (kind == "answer_accepted") return "Your answers accepted";
  if (kind == "answer_comment") return "Comments on your answers";
  if (kind == "question_routed") return "Questions you are asked to help with";
  if (kind == "endorsement") return "Endorsements of your skills";
  if (kind == "digest") return "The digest";
  if (kind == "all") return "All mail about activity";
  return std::string(kind);
}

MailDelivery DefaultDelivery(std::string_view kind) {
  if (kind == "mention" || kind == "reply" || kind == "group_invitation" || kind == "group_request" ||
      kind == "answer" || kind == "question_routed") {
    return MailDelivery::kImmediately;
  }
  if (IsMailableKind(kind)) return MailDelivery::kDigest;
  return MailDelivery::kOff;
}

std::string_view MailDeliveryName(MailDelivery d) {
  switch (d) {
    case MailDelivery::kOff: return "off";
    case MailDelivery::kImmediately: return "immediately";
    case MailDelivery::kDigest: return "digest";
  }
  return "off";
}

core::Result<MailDelivery> ParseMailDelivery(std::string_view s) {
  if (s == "off") return MailDelivery::kOff;
  if (s == "immediately") return MailDelivery::kImmediately;
  if (s == "digest") return MailDelivery::kDigest;
  return core::Error::InvalidArgument("delivery must be off, immediately or digest");
}

std::string_view DigestFrequencyName(DigestFrequency f) {
  switch (f) {
    case DigestFrequency::kOff: return "off";
    case DigestFrequency::kDaily: return "daily";
    case DigestFrequency::kWeekly: return "weekly";
  }
  return "off";
}

core::Result<DigestFrequency> ParseDigestFrequency(std::string_view s) {
  if (s == "off") return DigestFrequency::kOff;
  if (s == "daily") return DigestFrequency::kDaily;
  if (s == "weekly") return DigestFrequency::kWeekly;
  return core::Error::InvalidArgument("digest must be off, daily or weekly");
}

bool IsUnsubscribeScope(std::string_view scope) {
  return scope == "all" || scope == "digest" || IsMailableKind(scope);
}

}  // namespace hallway::domain
