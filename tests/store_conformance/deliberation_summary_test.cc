// DeliberationService::Summary on both backends: what a wiki page needs to
// publish a deliberation's answer (the thread's title and the summary's
// Markdown), and nothing for a thread without a summary or one the caller
// may not read.
#include "crypto/password_hasher.h"
#include "service/deliberation_service.h"
#include "service/post_service.h"
#include "store/account_store.h"
#include "tests/store_conformance/store_fixture.h"

namespace hallway::testing {
namespace {

class DeliberationSummaryTest : public StoreTest {
 protected:
  service::Principal Person(const std::string& handle) {
    auto account = store::WriteTx(*db_, [&](store::Tx& tx) { return store::InsertAccount(tx, NewAccount(handle)); });
    EXPECT_TRUE(account) << account.error().message();
    service::Principal p;
    p.account_id = account ? account->id : 0;
    return p;
  }
};

TEST_P(DeliberationSummaryTest, ReturnsTheTitleAndMarkdownOfTheCurrentRevision) {
  core::ManualClock clock(1'700'000'000'000'000);
  const crypto::PasswordHasher hasher(crypto::PasswordCost::Minimum());
  service::ServiceContext ctx{*db_, clock, hasher, service::ServiceConfig{}};
  service::PostService posts(ctx);
  service::DeliberationService deliberations(ctx);
  const auto ana = Person("ana");
  const auto ben = Person("ben");

  service::NewPost note;
  note.draft.body = "Where do we hold the offsite?\nSomewhere near the lake, ideally.";
  auto created = posts.Create(ana, note);
  ASSERT_TRUE(created) << created.error().message();
  const domain::PostId post = created->post.id;

  auto not_yet = deliberations.Summary(ana, post);  // not a deliberation
  ASSERT_FALSE(not_yet);
  EXPECT_EQ(not_yet.error().code(), core::ErrorCode::kNotFound);
  ASSERT_TRUE(deliberations.Start(ana, post));
  auto empty = deliberations.Summary(ana, post);  // no summary yet
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code(), core::ErrorCode::kNotFound);

  ASSERT_TRUE(deliberations.EditSummary(ana, post, "We go to the **lake**.", 0));
  ASSERT_TRUE(deliberations.EditSummary(ana, post, "We go to the **lake** in June.", 1));
  auto doc = deliberations.Summary(ben, post);  // anyone who can read the thread
  ASSERT_TRUE(doc) << doc.error().message();
  EXPECT_EQ(doc->post_id, post);
  EXPECT_EQ(doc->title, "Where do we hold the offsite?");
  EXPECT_EQ(doc->markdown, "We go to the **lake** in June.");
  EXPECT_EQ(doc->revision, 2);
  EXPECT_EQ(doc->state, domain::DeliberationState::kExploring);  // a summary without issues settles nothing

  auto missing = deliberations.Summary(ana, post + 1000);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), core::ErrorCode::kNotFound);
}

TEST_P(DeliberationSummaryTest, ALongFirstLineIsCutOnACharacterBoundary) {
  core::ManualClock clock(1'700'000'000'000'000);
  const crypto::PasswordHasher hasher(crypto::PasswordCost::Minimum());
  service::ServiceContext ctx{*db_, clock, hasher, service::ServiceConfig{}};
  service::PostService posts(ctx);
  service::DeliberationService deliberations(ctx);
  const auto ana = Person("ana");

  service::NewPost note;
  note.draft.body = std::string(79, 'a') + "\xC3\xA9t\xC3\xA9 and more words after the cut";  // "été" straddles byte 80
  auto created = posts.Create(ana, note);
  ASSERT_TRUE(created) << created.error().message();
  ASSERT_TRUE(deliberations.Start(ana, created->post.id));
  ASSERT_TRUE(deliberations.EditSummary(ana, created->post.id, "Done.", 0));
  auto doc = deliberations.Summary(ana, created->post.id);
  ASSERT_TRUE(doc) << doc.error().message();
  EXPECT_EQ(doc->title, std::string(79, 'a'));
}

INSTANTIATE_TEST_SUITE_P(Backends, DeliberationSummaryTest, ::testing::ValuesIn(AllBackends()), BackendParamName);

}  // namespace
}  // namespace hallway::testing
