#include "store/activity_log.h"

#include <set>
#include <thread>

#include "jobs/activity_consumer.h"
#include "tests/store_conformance/store_fixture.h"

namespace hallway::testing {
namespace {

using store::Tx;

domain::Activity MakeActivity(const std::string& object_id) {
  domain::Activity a;
  a.published_at = 1;
  a.actor_id = 1;
  a.verb = "Create";
  a.object_type = "Note";
  a.object_id = object_id;
  a.audience = domain::Audience::Organization();
  a.payload = R"({"k":"v"})";
  return a;
}

// Records what it is given; fails while `fail` is set.
class RecordingConsumer : public jobs::ActivityConsumer {
 public:
  std::string Name() const override { return "recorder"; }
  core::Status Handle(const std::vector<domain::Activity>& batch) override {
    if (fail) return core::Error::Unavailable("downstream is down");
    for (const auto& a : batch) seen.push_back(a.object_id);
    return core::Ok();
  }
  bool fail = false;
  std::vector<std::string> seen;
};

TEST_P(StoreTest, ActivitiesAreReadBackInOrderAfterACursor) {
  ASSERT_TRUE(db_->Write([](Tx& tx) -> core::Status {
    for (const char* id : {"a", "b", "c"}) {
      auto r = store::AppendActivity(tx, MakeActivity(id));
      if (!r) return r.error();
    }
    return core::Ok();
  }));
  auto all = store::ReadTx(*db_, [](Tx& tx) { return store::ReadActivitiesAfter(tx, 0, 10); });
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].object_id, "a");
  EXPECT_EQ((*all)[0].payload, R"({"k":"v"})");
  EXPECT_LT((*all)[0].id, (*all)[1].id);
  auto rest = store::ReadTx(*db_, [&](Tx& tx) { return store::ReadActivitiesAfter(tx, (*all)[0].id, 10); });
  ASSERT_EQ(rest->size(), 2u);
  EXPECT_EQ((*rest)[0].object_id, "b");
}

TEST_P(StoreTest, ActivityAppendedInARolledBackWriteIsNeverSeen) {
  auto s = db_->Write([](Tx& tx) -> core::Status {
    auto r = store::AppendActivity(tx, MakeActivity("ghost"));
    if (!r) return r.error();
    return core::Error::Conflict("abort");
  });
  EXPECT_FALSE(s);
  auto all = store::ReadTx(*db_, [](Tx& tx) { return store::ReadActivitiesAfter(tx, 0, 10); });
  EXPECT_TRUE(all->empty());
}

TEST_P(StoreTest, ConcurrentAppendsCommitInIdOrder) {
  // Several writers at once: every id a reader sees must be larger than any
  // it saw before, or a consumer's cursor would skip a late commit.
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      for (int i = 0; i < 25; ++i) {
        auto s = db_->Write([&](Tx& tx) -> core::Status {
          auto r = store::AppendActivity(tx, MakeActivity(std::to_string(w) + "-" + std::to_string(i)));
          if (!r) return r.error();
          return core::Ok();
        });
        EXPECT_TRUE(s) << s.error().message();
      }
    });
  }
  std::int64_t cursor = 0;
  std::set<std::string> seen;
  auto poll = [&] {
    auto batch = store::ReadTx(*db_, [&](Tx& tx) { return store::ReadActivitiesAfter(tx, cursor, 1000); });
    ASSERT_TRUE(batch);
    for (const auto& a : *batch) {
      EXPECT_GT(a.id, cursor);
      cursor = a.id;
      seen.insert(a.object_id);
    }
  };
  for (int i = 0; i < 50; ++i) poll();
  for (auto& t : writers) t.join();
  poll();
  EXPECT_EQ(seen.size(), 100u);
}

TEST_P(StoreTest, ConsumerCursorAdvancesOnlyAfterSuccess) {
  ASSERT_TRUE(db_->Write([](Tx& tx) -> core::Status {
    for (int i = 0; i < 7; ++i) {
      auto r = store::AppendActivity(tx, MakeActivity(std::to_string(i)));
      if (!r) return r.error();
    }
    return core::Ok();
  }));
  core::ManualClock clock(1);
  RecordingConsumer consumer;
  jobs::ConsumerRunner runner(*db_, clock);
  runner.Add(&consumer);
  consumer.fail = true;
  EXPECT_FALSE(runner.CatchUp(3));
  EXPECT_EQ(*store::ReadTx(*db_, [](Tx& tx) { return store::GetCursor(tx, "recorder"); }), 0);
  consumer.fail = false;
  auto handled = runner.CatchUp(3);
  ASSERT_TRUE(handled);
  EXPECT_EQ(*handled, 7);
  EXPECT_EQ(consumer.seen, (std::vector<std::string>{"0", "1", "2", "3", "4", "5", "6"}));
  // Nothing new: nothing handled twice.
  EXPECT_EQ(*runner.CatchUp(3), 0);
  EXPECT_EQ(consumer.seen.size(), 7u);
}

TEST_P(StoreTest, MailOutboxRetriesUntilSent) {
  ASSERT_TRUE(db_->Write([](Tx& tx) { return store::EnqueueMail(tx, {0, "ana@example.org", "Hi", "Body", 0}, 100); }));
  auto due = store::ReadTx(*db_, [](Tx& tx) { return store::DueMail(tx, 100, 10); });
  ASSERT_EQ(due->size(), 1u);
  const std::int64_t id = (*due)[0].id;
  ASSERT_TRUE(db_->Write([&](Tx& tx) { return store::MarkMailFailed(tx, id, "relay down", 500); }));
  EXPECT_TRUE(store::ReadTx(*db_, [](Tx& tx) { return store::DueMail(tx, 499, 10); })->empty());
  due = store::ReadTx(*db_, [](Tx& tx) { return store::DueMail(tx, 500, 10); });
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].attempts, 1);
  ASSERT_TRUE(db_->Write([&](Tx& tx) { return store::MarkMailSent(tx, id, 600); }));
  EXPECT_TRUE(store::ReadTx(*db_, [](Tx& tx) { return store::DueMail(tx, 10'000, 10); })->empty());
}

}  // namespace
}  // namespace hallway::testing

#include "jobs/notification_consumer.h"
#include "store/account_store.h"
#include "store/notification_store.h"

namespace hallway::testing {
namespace {

TEST_P(StoreTest, NotificationConsumerIsIdempotentUnderReplay) {
  auto ids = store::WriteTx(*db_, [](Tx& tx) -> core::Result<std::pair<std::int64_t, std::int64_t>> {
    HALLWAY_TRY_ASSIGN(auto ana, store::InsertAccount(tx, NewAccount("ana")));
    HALLWAY_TRY_ASSIGN(auto ben, store::InsertAccount(tx, NewAccount("ben")));
    domain::Activity follow;
    follow.published_at = 5;
    follow.actor_id = ben.id;
    follow.verb = "Follow";
    follow.object_type = "Person";
    follow.object_id = std::to_string(ana.id);
    follow.audience = "public";
    HALLWAY_TRY_ASSIGN(auto first, store::AppendActivity(tx, follow));
    domain::Activity self = follow;
    self.actor_id = ana.id;  // following oneself notifies nobody
    HALLWAY_TRY_ASSIGN(auto second, store::AppendActivity(tx, self));
    (void)first;
    (void)second;
    return std::pair{ana.id, ben.id};
  });
  ASSERT_TRUE(ids);
  core::ManualClock clock(1);
  jobs::NotificationConsumer consumer(*db_);
  jobs::ConsumerRunner runner(*db_, clock);
  runner.Add(&consumer);
  ASSERT_TRUE(runner.CatchUp());
  // Simulate a crash after the inserts but before the cursor moved: replay.
  ASSERT_TRUE(db_->Write([](Tx& tx) { return store::SaveCursor(tx, "notifications", 0, 2); }));
  ASSERT_TRUE(runner.CatchUp());
  auto inbox = store::ReadTx(*db_, [&](Tx& tx) { return store::ListNotifications(tx, ids->first, false, 10, ""); });
  ASSERT_TRUE(inbox);
  ASSERT_EQ(inbox->items.size(), 1u);
  EXPECT_EQ(inbox->items[0].kind, "follow");
  EXPECT_EQ(inbox->items[0].actor_id.value_or(0), ids->second);
}

}  // namespace
}  // namespace hallway::testing
