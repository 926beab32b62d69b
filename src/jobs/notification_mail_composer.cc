#include "jobs/notification_mail_composer.h"

#include "store/account_store.h"
#include "store/mail_store.h"

namespace hallway::jobs {
namespace {

struct Recipient {
  domain::Account account;
  store::StoredMailPreferences prefs;
};

// Loads the recipient if still active; nullopt otherwise.
core::Result<std::optional<Recipient>> LoadRecipient(store::Database& db, domain::AccountId id) {
  return store::ReadTx(db, [&](store::Tx& tx) -> core::Result<std::optional<Recipient>> {
    auto account = store::GetAccount(tx, id);
    if (!account) {
      if (account.error().code() == core::ErrorCode::kNotFound) return std::optional<Recipient>();
      return account.error();
    }
    if (account->status != domain::AccountStatus::kActive) return std::optional<Recipient>();
    HALLWAY_TRY_ASSIGN(auto prefs, store::GetMailPreferences(tx, id));
    return std::optional<Recipient>(Recipient{std::move(*account), std::move(prefs)});
  });
}

std::string Crlf(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

std::string Lower(std::string s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  return s;
}

}  // namespace

core::Result<std::optional<MailMessage>> NotificationMailComposer::Compose(const store::OutgoingMail& mail,
                                                                           std::string* why) {
  if (!mail.account_id) {
    *why = "not sent: no recipient account";
    return std::optional<MailMessage>();
  }
  if (mail.kind == "notification") return Notification(mail, why);
  if (mail.kind == "digest") return Digest(mail, why);
  *why = "not sent: unknown mail kind " + mail.kind;
  return std::optional<MailMessage>();
}

core::Status NotificationMailComposer::AddUnsubscribe(MailMessage& msg, domain::AccountId who,
                                                      const std::string& scope, const std::string& reason) {
  HALLWAY_TRY_ASSIGN(std::string token, preferences_.UnsubscribeToken(who, scope));
  msg.body += "\n-- \n" + reason + "\nChange what you receive: " + base_url_ + "/settings/notifications\n" +
              "Stop " + (scope == "digest" ? std::string("these digests") : "mail about " + Lower(domain::MailKindLabel(scope))) +
              ": " + base_url_ + "/unsubscribe?token=" + token + "\n";
  msg.headers.emplace_back("List-Unsubscribe", "<" + base_url_ + "/api/v1/unsubscribe?token=" + token + ">");
  msg.headers.emplace_back("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
  msg.headers.emplace_back("Auto-Submitted", "auto-generated");
  msg.body = Crlf(msg.body);
  return core::Ok();
}

core::Result<std::optional<MailMessage>> NotificationMailComposer::Notification(const store::OutgoingMail& mail,
                                                                                std::string* why) {
  HALLWAY_TRY_ASSIGN(auto recipient, LoadRecipient(db_, *mail.account_id));
  if (!recipient) {
    *why = "not sent: the recipient is no longer active";
    return std::optional<MailMessage>();
  }
  auto view = notifications_.GetVisible(mail.ref_id.value_or(0));
  if (!view) {
    if (view.error().code() != core::ErrorCode::kNotFound) return view.error();
    *why = "not sent: the recipient can no longer see what it was about";
    return std::optional<MailMessage>();
  }
  if (view->record.recipient_id != *mail.account_id) {
    *why = "not sent: notification of someone else";
    return std::optional<MailMessage>();
  }
  const std::string& kind = view->record.kind;
  if (service::EffectiveDelivery(recipient->prefs, kind) != domain::MailDelivery::kImmediately) {
    *why = "not sent: the recipient switched this mail off";
    return std::optional<MailMessage>();
  }
  MailMessage msg;
  msg.to = recipient->account.email;
  msg.subject = view->text;
  msg.body = view->text + "\n\nOpen it: " + base_url_ + view->url + "\n";
  HALLWAY_TRY(AddUnsubscribe(msg, recipient->account.id, kind,
                             "You get this at once because of your " + site_name_ + " mail settings for \"" +
                                 domain::MailKindLabel(kind) + "\"."));
  return std::optional<MailMessage>(std::move(msg));
}

core::Result<std::optional<MailMessage>> NotificationMailComposer::Digest(const store::OutgoingMail& mail,
                                                                          std::string* why) {
  HALLWAY_TRY_ASSIGN(auto recipient, LoadRecipient(db_, *mail.account_id));
  if (!recipient) {
    *why = "not sent: the recipient is no longer active";
    return std::optional<MailMessage>();
  }
  const auto frequency = service::EffectiveDigest(recipient->prefs);
  if (frequency == domain::DigestFrequency::kOff) {
    *why = "not sent: the recipient switched digests off";
    return std::optional<MailMessage>();
  }
  HALLWAY_TRY_ASSIGN(auto ids, store::ReadTx(db_, [&](store::Tx& tx) { return store::DigestItemsOf(tx, mail.id); }));
  std::string lines;
  int count = 0;
  for (auto id : ids) {
    auto view = notifications_.GetVisible(id);
    if (!view) {
      if (view.error().code() != core::ErrorCode::kNotFound) return view.error();
      continue;  // no longer visible to them: left out
    }
    if (service::EffectiveDelivery(recipient->prefs, view->record.kind) != domain::MailDelivery::kDigest) continue;
    lines += "* " + view->text + "\n  " + base_url_ + view->url + "\n\n";
    ++count;
  }
  if (count == 0) {
    *why = "not sent: nothing in the digest is still visible to the recipient";
    return std::optional<MailMessage>();
  }
  const std::string period = frequency == domain::DigestFrequency::kWeekly ? "weekly" : "daily";
  MailMessage msg;
  msg.to = recipient->account.email;
  msg.subject = "Your " + period + " " + site_name_ + " digest: " + std::to_string(count) +
                (count == 1 ? " update" : " updates");
  msg.body = "Hello " + recipient->account.display_name + ",\n\nHere is what happened in " + site_name_ +
             " since your last digest:\n\n" + lines;
  HALLWAY_TRY(AddUnsubscribe(msg, recipient->account.id, "digest",
                             "You get this " + period + " digest because of your " + site_name_ + " mail settings."));
  return std::optional<MailMessage>(std::move(msg));
}

}  // namespace hallway::jobs
