#include "service/learning_service.h"

#include <regex>

#include "domain/accounts/account.h"
#include "domain/activity.h"
#include "service/social_context.h"
#include "store/account_store.h"
#include "store/group_store.h"
#include "store/resource_store.h"

namespace hallway::service {
namespace {

bool IsDate(const std::string& s) {
  static const std::regex kDate(R"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
  return std::regex_match(s, kDate);
}

std::string Today(core::Micros now) {
  const std::time_t t = static_cast<std::time_t>(now / 1000000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

core::Result<std::vector<LearningEntry>> WithResources(store::Tx& tx, std::vector<store::LearningStatus> list) {
  std::vector<LearningEntry> out;
  for (auto& s : list) {
    auto r = store::GetResource(tx, s.resource_id);
    if (r) out.push_back({std::move(s), std::move(*r)});
  }
  return out;
}

}  // namespace

core::Result<store::LearningStatus> LearningService::SetStatus(const Principal& who, domain::ResourceId id,
                                                               const std::string& status,
                                                               const std::string& completed_on,
                                                               const std::string& evidence_url) {
  std::vector<core::FieldError> errors;
  if (status != "want" && status != "taking" && status != "completed" && status != "dropped") {
    errors.push_back({"status", "one of want, taking, completed, dropped"});
  }
  const core::Micros now = ctx_.clock.Now();
  if (!completed_on.empty() && (status != "completed" || !IsDate(completed_on) || completed_on > Today(now))) {
    errors.push_back({"completed_on", "a date (YYYY-MM-DD) not in the future, only when completed"});
  }
  const std::string url = domain::Trim(evidence_url);
  if (!url.empty() && (status != "completed" || url.size() > 2000 ||
                       (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0))) {
    errors.push_back({"evidence_url", "an http or https address, only when completed"});
  }
  if (!errors.empty()) return core::Error::InvalidArgument("bad learning status", std::move(errors));
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<store::LearningStatus> {
    HALLWAY_TRY_ASSIGN(bool visible, store::ResourceVisibleTo(tx, id, who.account_id));
    if (!visible) return core::Error::NotFound("no such resource");
    HALLWAY_TRY_ASSIGN(domain::Resource r, store::GetResource(tx, id));
    store::LearningStatus s{who.account_id, id, status, completed_on, url, now};
    if (status == "completed" && s.completed_on.empty()) s.completed_on = Today(now);
    HALLWAY_TRY(store::PutLearningStatus(tx, s));
    HALLWAY_TRY_ASSIGN(std::optional<domain::Group> group, LoadGroupOf(tx, r.group_id));
    // Completions are shared with the organization (or the resource's group)
    // only when the person shows them; other changes stay private to them.
    HALLWAY_TRY_ASSIGN(bool shows, store::ShowsCompletions(tx, who.account_id));
    const bool shared = status == "completed" && shows;
    const std::string verb = status == "completed" ? "Complete" : status == "dropped" ? "Leave" : "Arrive";
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, verb, "Resource", std::to_string(id),
                                     shared ? AudienceFor(group) : domain::Audience::OnlyAccount(who.account_id),
                                     "", "", "{\"status\":\"" + status + "\"}"));
    return s;
  });
}

core::Status LearningService::ClearStatus(const Principal& who, domain::ResourceId id) {
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(bool removed, store::DeleteLearningStatus(tx, who.account_id, id));
    if (!removed) return core::Error::NotFound("no learning status for this resource");
    return AppendSocialActivity(tx, ctx_.clock.Now(), who.account_id, "Undo", "Resource", std::to_string(id),
                                domain::Audience::OnlyAccount(who.account_id), "LearningStatus", "");
  });
}

core::Result<std::vector<LearningEntry>> LearningService::Mine(const Principal& who, const std::string& status) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<LearningEntry>> {
    HALLWAY_TRY_ASSIGN(auto list, store::ListLearning(tx, who.account_id, who.account_id, status, 500));
    return WithResources(tx, std::move(list));
  });
}

core::Result<std::vector<LearningEntry>> LearningService::Completions(const Principal& who, const std::string& handle) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<LearningEntry>> {
    auto person = store::GetAccountByHandle(tx, domain::AsciiLower(handle));
    if (!person) return core::Error::NotFound("no such person");
    HALLWAY_TRY_ASSIGN(bool shows, store::ShowsCompletions(tx, person->id));
    if (person->id != who.account_id && !shows) {
      return std::vector<LearningEntry>{};
    }
    HALLWAY_TRY_ASSIGN(auto list, store::ListLearning(tx, person->id, who.account_id, "completed", 200));
    return WithResources(tx, std::move(list));
  });
}

core::Status LearningService::SetShowCompletions(const Principal& who, bool show) {
  return ctx_.db.Write([&](store::Tx& tx) { return store::SetShowsCompletions(tx, who.account_id, show); });
}

core::Result<bool> LearningService::ShowCompletions(const Principal& who) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) { return store::ShowsCompletions(tx, who.account_id); });
}

}  // namespace hallway::service
