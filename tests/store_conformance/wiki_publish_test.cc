// WikiService on both backends, called the way other features will call it:
// Publish creates or replaces a page whatever its current revision, and
// concurrent saves from one base never lose an edit (each lands, merges or
// reports a conflict with nothing written).
#include <thread>

#include "crypto/password_hasher.h"
#include "service/wiki_service.h"
#include "store/account_store.h"
#include "tests/store_conformance/store_fixture.h"

namespace hallway::testing {
namespace {

class WikiServiceTest : public StoreTest {
 protected:
  service::Principal Person(const std::string& handle) {
    auto account = store::WriteTx(*db_, [&](store::Tx& tx) { return store::InsertAccount(tx, NewAccount(handle)); });
    EXPECT_TRUE(account) << account.error().message();
    service::Principal p;
    p.account_id = account ? account->id : 0;
    return p;
  }
};

TEST_P(WikiServiceTest, PublishCreatesThenReplacesAPage) {
  core::ManualClock clock(1'700'000'000'000'000);
  const crypto::PasswordHasher hasher(crypto::PasswordCost::Minimum());
  service::ServiceContext ctx{*db_, clock, hasher, {}};
  service::WikiService wiki(ctx);
  const service::Principal ana = Person("ana"), ben = Person("ben");

  auto first = wiki.Publish(ana, "org", "Decision: remote Fridays", "We agreed on remote Fridays.", "summary");
  ASSERT_TRUE(first) << first.error().message();
  EXPECT_EQ(first->page.slug, "decision-remote-fridays");
  EXPECT_EQ(first->page.revision, 1);
  ASSERT_TRUE(wiki.Save(ben, "org", "decision-remote-fridays", {"", "Edited by hand.", 1, "", false}));
  // Publishing again replaces the page even though it moved on.
  auto again = wiki.Publish(ana, "org", "Decision: Remote Fridays", "Revised: remote Fridays and Mondays.", "");
  ASSERT_TRUE(again) << again.error().message();
  EXPECT_EQ(again->page.revision, 3);
  EXPECT_EQ(again->current.body, "Revised: remote Fridays and Mondays.");
  EXPECT_EQ(again->page.title, "Decision: Remote Fridays");
  auto history = wiki.History(ana, "org", "decision-remote-fridays");
  ASSERT_TRUE(history);
  EXPECT_EQ(history->revisions.size(), 3u);

  EXPECT_FALSE(wiki.Publish(ana, "org", "[bad]", "x", ""));
  EXPECT_FALSE(wiki.Publish(ana, "g-nowhere", "Fine title", "x", ""));
}

TEST_P(WikiServiceTest, ConcurrentSavesFromOneBaseLoseNothing) {
  core::ManualClock clock(1'700'000'000'000'000);
  const crypto::PasswordHasher hasher(crypto::PasswordCost::Minimum());
  service::ServiceContext ctx{*db_, clock, hasher, {}};
  service::WikiService wiki(ctx);
  std::vector<service::Principal> people;
  for (int i = 0; i < 4; ++i) people.push_back(Person("p" + std::to_string(i)));
  std::string base;
  for (int i = 0; i < 4; ++i) base += "line " + std::to_string(i) + "\n\n\n\n";
  ASSERT_TRUE(wiki.Save(people[0], "org", "shared", {"Shared", base, 0, "", false}));

  // Each person changes their own line, far from the others: all merge.
  std::vector<core::Result<service::WikiSaveOutcome>> results(4, core::Error::Internal("not run"));
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      std::string mine = base;
      const std::string from = "line " + std::to_string(i) + "\n";
      mine.replace(mine.find(from), from.size(), "line " + std::to_string(i) + " edited\n");
      results[i] = wiki.Save(people[i], "org", "shared", {"", mine, 1, "", false});
    });
  }
  for (auto& t : threads) t.join();
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(results[i]) << results[i].error().message();
    ASSERT_TRUE(results[i]->saved.has_value()) << "conflict for " << i;
  }
  auto page = wiki.Get(people[0], "org", "shared");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->page.revision, 5);
  for (int i = 0; i < 4; ++i) {
    EXPECT_NE(page->current.body.find("line " + std::to_string(i) + " edited"), std::string::npos) << page->current.body;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, WikiServiceTest, ::testing::ValuesIn(AllBackends()), BackendParamName);

}  // namespace
}  // namespace hallway::testing
