#include "service/feed_service.h"

#include "crypto/tokens.h"
#include "service/activity_helpers.h"
#include "store/feed_token_store.h"

namespace hallway::service {

core::Result<std::string> FeedService::Rotate(const Principal& who, const RequestInfo& info) {
  const std::string token = crypto::NewToken("feed_");
  const core::Micros now = ctx_.clock.Now();
  HALLWAY_TRY(ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY(store::PutFeedToken(tx, who.account_id, crypto::TokenDigest(token), now));
    return Audit(tx, now, who.account_id, "feed_token_rotate", info);
  }));
  return token;
}

core::Status FeedService::Revoke(const Principal& who, const RequestInfo& info) {
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY(store::DeleteFeedToken(tx, who.account_id));
    return Audit(tx, now, who.account_id, "feed_token_revoke", info);
  });
}

core::Result<FeedTokenStatus> FeedService::Status(const Principal& who) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<FeedTokenStatus> {
    HALLWAY_TRY_ASSIGN(auto created, store::FeedTokenCreatedAt(tx, who.account_id));
    return FeedTokenStatus{created.has_value(), created.value_or(0)};
  });
}

core::Result<Principal> FeedService::Authenticate(const std::string& token) {
  auto owner = store::ReadTx(ctx_.db, [&](store::Tx& tx) {
    return store::GetFeedTokenOwner(tx, crypto::TokenDigest(token));
  });
  if (!owner) return core::Error::Unauthenticated("the feed token is invalid or revoked");
  Principal p;
  p.account_id = owner->id;
  p.role = owner->role;
  p.scopes = {"read"};
  return p;
}

}  // namespace hallway::service
