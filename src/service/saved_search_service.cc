#include "service/saved_search_service.h"

#include "domain/search/saved_search.h"
#include "store/notification_store.h"

namespace hallway::service {
namespace {

constexpr int kScanPage = 100;  // new matches looked at per run

Principal Owner(domain::AccountId id) {
  Principal p;
  p.account_id = id;
  p.scopes = {"read"};
  return p;
}

core::Micros NowSeconds(core::Micros now) { return now / core::kSecond; }

}  // namespace

core::Result<SavedSearchService::Scan> SavedSearchService::Run(domain::AccountId owner, const std::string& query,
                                                               const domain::Watermark& mark) {
  HALLWAY_TRY_ASSIGN(domain::SavedQuery saved, domain::ParseSavedQuery(query));
  SearchQuery q;
  q.text = saved.text;
  q.kinds = saved.kinds;
  q.skills = saved.skills;
  q.categories = saved.categories;
  q.groups = saved.groups;
  q.tags = saved.tags;
  q.sort = "date";  // newest first: what is new comes first
  q.limit = kScanPage;
  q.date_from = mark.seconds;
  HALLWAY_TRY_ASSIGN(SearchResult result, search_.Search(Owner(owner), q));
  Scan scan;
  std::uint64_t already = 0;
  for (auto& item : result.items) {
    if (mark.IsNew(item.hit.id, item.hit.date)) {
      scan.matches.emplace_back(item.hit.id, item.hit.date);
      scan.items.push_back(std::move(item));
    } else {
      ++already;
    }
  }
  scan.count = result.total > already ? result.total - already : 0;
  return scan;
}

core::Result<std::vector<SavedSearchView>> SavedSearchService::List(const Principal& who) {
  HALLWAY_TRY_ASSIGN(auto records,
                     store::ReadTx(ctx_.db, [&](store::Tx& tx) { return store::ListSavedSearches(tx, who.account_id); }));
  std::vector<SavedSearchView> out;
  for (auto& r : records) {
    SavedSearchView v{std::move(r), 0};
    // A list must not fail because the index is being rebuilt: counts are 0 then.
    auto scan = Run(who.account_id, v.record.query, v.record.seen);
    if (scan) v.new_count = scan->count;
    out.push_back(std::move(v));
  }
  return out;
}

core::Result<SavedSearchView> SavedSearchService::Create(const Principal& who, const SavedSearchInput& in) {
  if (!in.name) return core::Error::InvalidArgument("saved search: a name is required", {{"name", "is required"}});
  if (!in.query) return core::Error::InvalidArgument("saved search: a query is required", {{"query", "is required"}});
  store::SavedSearchRecord r;
  r.account_id = who.account_id;
  HALLWAY_TRY_ASSIGN(r.name, domain::ValidateSavedSearchName(*in.name));
  HALLWAY_TRY_ASSIGN(domain::SavedQuery parsed, domain::ParseSavedQuery(*in.query));
  (void)parsed;
  r.query = *in.query;
  if (!r.query.empty() && r.query.front() == '?') r.query.erase(0, 1);
  r.notify = in.notify.value_or(true);
  r.created_at = ctx_.clock.Now();
  // What matches now is not news: start both watermarks past it. This also
  // runs the query through the real parser, so a query that cannot be
  // searched is refused here (kInvalidArgument) rather than failing later.
  domain::Watermark mark{NowSeconds(r.created_at), {}};
  auto scan = Run(who.account_id, r.query, mark);
  if (!scan && scan.error().code() != core::ErrorCode::kUnavailable) return scan.error();
  if (scan) mark.Advance(scan->matches);
  r.notified = mark;
  r.seen = mark;
  HALLWAY_TRY_ASSIGN(r.id, store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::int64_t> {
    HALLWAY_TRY_ASSIGN(std::int64_t count, store::CountSavedSearches(tx, who.account_id));
    if (count >= domain::kMaxSavedSearches) {
      return core::Error::LimitExceeded("saved search: at most 50 saved searches; delete one first");
    }
    return store::InsertSavedSearch(tx, r);
  }));
  return SavedSearchView{std::move(r), 0};
}

core::Result<SavedSearchView> SavedSearchService::Update(const Principal& who, std::int64_t id,
                                                         const SavedSearchInput& in) {
  if (in.name) {
    HALLWAY_TRY(domain::ValidateSavedSearchName(*in.name));
  }
  std::string query;
  if (in.query) {
    query = *in.query;
    if (!query.empty() && query.front() == '?') query.erase(0, 1);
    HALLWAY_TRY(domain::ParseSavedQuery(query));
    auto scan = Run(who.account_id, query, {NowSeconds(ctx_.clock.Now()), {}});
    if (!scan && scan.error().code() != core::ErrorCode::kUnavailable) return scan.error();
  }
  HALLWAY_TRY_ASSIGN(store::SavedSearchRecord r,
                     store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<store::SavedSearchRecord> {
                       HALLWAY_TRY_ASSIGN(store::SavedSearchRecord r, store::GetSavedSearch(tx, who.account_id, id));
                       if (in.name) r.name = *domain::ValidateSavedSearchName(*in.name);
                       if (in.query) r.query = query;
                       if (in.notify) r.notify = *in.notify;
                       HALLWAY_TRY(store::UpdateSavedSearch(tx, r));
                       return r;
                     }));
  SavedSearchView v{std::move(r), 0};
  auto scan = Run(who.account_id, v.record.query, v.record.seen);
  if (scan) v.new_count = scan->count;
  return v;
}

core::Status SavedSearchService::Delete(const Principal& who, std::int64_t id) {
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) { return store::DeleteSavedSearch(tx, who.account_id, id); });
}

core::Result<SavedSearchNews> SavedSearchService::OpenNew(const Principal& who, std::int64_t id) {
  HALLWAY_TRY_ASSIGN(store::SavedSearchRecord r, store::ReadTx(ctx_.db, [&](store::Tx& tx) {
                       return store::GetSavedSearch(tx, who.account_id, id);
                     }));
  HALLWAY_TRY_ASSIGN(Scan scan, Run(who.account_id, r.query, r.seen));
  domain::Watermark seen = r.seen;
  seen.Advance(scan.matches);
  HALLWAY_TRY(store::WriteTx(ctx_.db, [&](store::Tx& tx) {
    return store::SetSeenWatermark(tx, who.account_id, id, seen);
  }));
  SavedSearchNews out;
  out.saved.new_count = scan.count;
  r.seen = seen;
  out.saved.record = std::move(r);
  out.items = std::move(scan.items);
  return out;
}

core::Result<int> SavedSearchService::CheckAll() {
  HALLWAY_TRY_ASSIGN(auto due, store::ReadTx(ctx_.db, [](store::Tx& tx) { return store::SavedSearchesToCheck(tx); }));
  int sent = 0;
  for (const auto& s : due) {
    auto scan = Run(s.account_id, s.query, s.notified);
    if (!scan) {
      if (scan.error().code() == core::ErrorCode::kUnavailable) return scan.error();  // no index: try later
      continue;  // a query that stopped parsing (e.g. after an upgrade) must not block the others
    }
    domain::Watermark mark = s.notified;
    mark.Advance(scan->matches);
    const bool news = scan->count > 0 && !scan->matches.empty();
    const core::Micros now = ctx_.clock.Now();
    HALLWAY_TRY(store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Status {
      if (news) {
        store::NotificationRecord n;
        n.recipient_id = s.account_id;
        // Not caused by one activity: a key of its own per saved search and
        // run (negative, so it never meets a real activity id).
        n.activity_id = -(s.id * 1000000 + s.notifications_sent + 1);
        n.kind = "saved_search";
        n.detail = std::to_string(scan->count) + ":" + std::to_string(s.id);
        n.created_at = now;
        HALLWAY_TRY(store::InsertNotification(tx, n));
      }
      return store::RecordSavedSearchCheck(tx, s.id, mark, now, news);
    }));
    if (news) {
      ++sent;
      if (hub_) hub_->Publish(s.account_id);
    }
  }
  return sent;
}

}  // namespace hallway::service
