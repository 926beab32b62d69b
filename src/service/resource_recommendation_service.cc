#include "service/resource_recommendation_service.h"

#include <set>

#include "core/utf8.h"
#include "domain/activity.h"
#include "domain/privacy/policy.h"
#include "service/social_context.h"
#include "store/account_store.h"
#include "store/block_store.h"
#include "store/group_store.h"
#include "store/learning_store.h"
#include "store/resource_store.h"

namespace hallway::service {
namespace {

constexpr std::size_t kMaxRecipients = 50;

core::Result<RecommendationView> ViewOf(store::Tx& tx, store::ReceivedRecommendation r) {
  RecommendationView v;
  HALLWAY_TRY_ASSIGN(v.from, store::GetAccount(tx, r.recommendation.from_id));
  HALLWAY_TRY_ASSIGN(v.recipient, store::GetAccount(tx, r.recipient_id));
  HALLWAY_TRY_ASSIGN(domain::Resource res, store::GetResource(tx, r.recommendation.resource_id));
  v.resource_title = res.fields.title;
  v.received = std::move(r);
  return v;
}

}  // namespace

core::Result<store::ResourceRecommendation> ResourceRecommendationService::Recommend(
    const Principal& who, domain::ResourceId id, const std::vector<std::string>& handles,
    const std::string& group_slug, const std::string& note, std::optional<std::int64_t> via) {
  const std::string text = domain::Trim(note);
  if (!core::IsCleanUtf8(text) || core::CodePointCount(text) > 1000) {
    return core::Error::InvalidArgument("bad note", {{"note", "at most 1,000 characters of text"}});
  }
  if (handles.empty() && group_slug.empty()) {
    return core::Error::InvalidArgument("nobody to recommend to", {{"to", "name people or a group"}});
  }
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<store::ResourceRecommendation> {
    HALLWAY_TRY_ASSIGN(bool visible, store::ResourceVisibleTo(tx, id, who.account_id));
    if (!visible) return core::Error::NotFound("no such resource");
    std::set<domain::AccountId> recipients;
    std::vector<core::FieldError> refused;
    auto consider = [&](const domain::Account& a, bool named) -> core::Status {
      if (a.id == who.account_id) {
        if (named) refused.push_back({"to", "you cannot recommend to yourself"});
        return core::Ok();
      }
      HALLWAY_TRY_ASSIGN(bool sees, store::ResourceVisibleTo(tx, id, a.id));
      HALLWAY_TRY_ASSIGN(auto block, store::GetBlock(tx, a.id, who.account_id));
      if (!sees || (block && *block == "block") || a.status != domain::AccountStatus::kActive) {
        // Group members who cannot see it are skipped quietly; a named
        // person is an error the sender can act on.
        if (named) refused.push_back({"to", "@" + a.handle + " cannot receive this recommendation"});
        return core::Ok();
      }
      recipients.insert(a.id);
      return core::Ok();
    };
    for (const auto& h : handles) {
      auto a = store::GetAccountByHandle(tx, domain::AsciiLower(domain::Trim(h)));
      if (!a) return core::Error::NotFound("no such person: " + h);
      HALLWAY_TRY(consider(*a, true));
    }
    std::optional<std::int64_t> group_id;
    if (!group_slug.empty()) {
      auto g = store::GetGroupBySlug(tx, group_slug);
      if (!g) return core::Error::NotFound("no such group");
      HALLWAY_TRY_ASSIGN(domain::GroupAccess access, AccessTo(tx, *g, who.account_id));
      if (!domain::CanSeeGroup(access)) return core::Error::NotFound("no such group");
      if (!domain::CanPostInGroup(access)) {
        return core::Error::PermissionDenied("only members can recommend to a group");
      }
      group_id = g->id;
      HALLWAY_TRY_ASSIGN(auto members, store::ListMembers(tx, g->id, domain::MembershipState::kActive));
      for (const auto& m : members) {
        auto a = store::GetAccount(tx, m.account_id);
        if (a) HALLWAY_TRY(consider(*a, false));
      }
    }
    if (!refused.empty()) return core::Error::InvalidArgument("some recipients cannot receive it", std::move(refused));
    if (recipients.empty()) return core::Error::InvalidArgument("nobody to recommend to", {{"to", "no recipient can see it"}});
    if (!group_id && recipients.size() > kMaxRecipients) {
      return core::Error::InvalidArgument("too many recipients", {{"to", "at most 50 people"}});
    }
    if (via) {
      auto received = store::GetReceived(tx, *via, who.account_id);
      if (!received || received->recommendation.resource_id != id) {
        return core::Error::InvalidArgument("bad chain", {{"via", "not a recommendation of this resource you received"}});
      }
    }
    store::ResourceRecommendation r{0, id, who.account_id, group_id, via, text, now};
    HALLWAY_TRY_ASSIGN(r, store::InsertRecommendation(tx, r, {recipients.begin(), recipients.end()}));
    std::string ids;
    for (auto a : recipients) ids += (ids.empty() ? "" : ",") + std::to_string(a);
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Offer", "Resource", std::to_string(id),
                                     domain::Audience::OnlyAccount(who.account_id), "Recommendation",
                                     std::to_string(r.id), "{\"recipients\":[" + ids + "]}"));
    return r;
  });
}

core::Result<std::vector<RecommendationView>> ResourceRecommendationService::Received(const Principal& who,
                                                                                      const std::string& state) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<RecommendationView>> {
    HALLWAY_TRY_ASSIGN(auto list, store::ListReceived(tx, who.account_id, state, 200));
    std::vector<RecommendationView> out;
    for (auto& r : list) {
      HALLWAY_TRY_ASSIGN(RecommendationView v, ViewOf(tx, std::move(r)));
      out.push_back(std::move(v));
    }
    return out;
  });
}

core::Result<RecommendationView> ResourceRecommendationService::Act(const Principal& who, std::int64_t id,
                                                                    const std::string& action) {
  std::string state;
  if (action == "accept") state = "accepted";
  else if (action == "save") state = "saved";
  else if (action == "dismiss") state = "dismissed";
  else return core::Error::InvalidArgument("unknown action", {{"action", "accept, save or dismiss"}});
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<RecommendationView> {
    HALLWAY_TRY_ASSIGN(store::ReceivedRecommendation r, store::GetReceived(tx, id, who.account_id));
    const auto resource = r.recommendation.resource_id;
    HALLWAY_TRY_ASSIGN(bool visible, store::ResourceVisibleTo(tx, resource, who.account_id));
    if (!visible) return core::Error::NotFound("no such recommendation");
    HALLWAY_TRY(store::SetReceivedState(tx, id, who.account_id, state, now));
    if (state == "accepted") {
      HALLWAY_TRY_ASSIGN(auto current, store::FindLearningStatus(tx, who.account_id, resource));
      if (!current) HALLWAY_TRY(store::PutLearningStatus(tx, {who.account_id, resource, "want", "", "", now}));
    }
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, state == "accepted" ? "Accept" : state == "saved" ? "Add" : "Reject",
                                     "Recommendation", std::to_string(id),
                                     domain::Audience::OnlyAccount(who.account_id), "Resource",
                                     std::to_string(resource)));
    HALLWAY_TRY_ASSIGN(r, store::GetReceived(tx, id, who.account_id));
    return ViewOf(tx, std::move(r));
  });
}

core::Result<std::vector<RecommendationView>> ResourceRecommendationService::Chain(const Principal& who,
                                                                                   domain::ResourceId resource) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<RecommendationView>> {
    HALLWAY_TRY_ASSIGN(bool visible, store::ResourceVisibleTo(tx, resource, who.account_id));
    if (!visible) return core::Error::NotFound("no such resource");
    HALLWAY_TRY_ASSIGN(auto list, store::ListChainFor(tx, resource, who.account_id));
    std::vector<RecommendationView> out;
    for (auto& r : list) {
      HALLWAY_TRY_ASSIGN(RecommendationView v, ViewOf(tx, std::move(r)));
      out.push_back(std::move(v));
    }
    return out;
  });
}

}  // namespace hallway::service
