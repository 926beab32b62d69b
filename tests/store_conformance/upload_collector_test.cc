// The upload collector on both backends: never-attached uploads go after
// a day, uploads of deleted posts at the next pass, attached ones stay —
// rows and files alike.
#include <filesystem>
#include <fstream>

#include "crypto/password_hasher.h"
#include "service/post_service.h"
#include "service/upload_service.h"
#include "store/account_store.h"
#include "store/upload_store.h"
#include "tests/store_conformance/store_fixture.h"

namespace hallway::testing {
namespace {

namespace fs = std::filesystem;

class UploadCollectorTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    dir_ = fs::temp_directory_path() / ("hallway-uploads-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  // Spools `bytes` as a request body would be and uploads them as `who`.
  domain::Attachment Upload(service::UploadService& uploads, const service::Principal& who,
                            const std::string& bytes) {
    fs::create_directories(uploads.SpoolDir());
    const std::string path = uploads.SpoolDir() + "/body-" + std::to_string(counter_++);
    std::ofstream(path, std::ios::binary) << bytes;
    auto a = uploads.Upload(who, {"doc.pdf", "application/pdf", path});
    EXPECT_TRUE(a) << a.error().message();
    return a ? *a : domain::Attachment{};
  }

  fs::path dir_;
  int counter_ = 0;
};

TEST_P(UploadCollectorTest, RemovesOrphansAfterADayAndUploadsOfDeletedPosts) {
  core::ManualClock clock(1'700'000'000'000'000);
  const crypto::PasswordHasher hasher(crypto::PasswordCost::Minimum());
  service::ServiceConfig config;
  config.data_dir = dir_.string();
  service::ServiceContext ctx{*db_, clock, hasher, config};
  service::PostService posts(ctx);
  service::UploadService uploads(ctx, posts);
  auto account = store::WriteTx(*db_, [](store::Tx& tx) { return store::InsertAccount(tx, NewAccount("ana")); });
  ASSERT_TRUE(account) << account.error().message();
  service::Principal ana;
  ana.account_id = account->id;

  const auto orphan = Upload(uploads, ana, "%PDF-1.4 orphan");
  const auto kept = Upload(uploads, ana, "%PDF-1.4 kept");
  const auto doomed = Upload(uploads, ana, "%PDF-1.4 doomed");
  service::NewPost keep_post;
  keep_post.draft.body = "keeps its file";
  keep_post.attachments = {kept.key};
  ASSERT_TRUE(posts.Create(ana, keep_post));
  service::NewPost doomed_post;
  doomed_post.draft.body = "will be deleted";
  doomed_post.attachments = {doomed.key};
  auto created = posts.Create(ana, doomed_post);
  ASSERT_TRUE(created);
  ASSERT_TRUE(posts.Delete(ana, created->post.id));
  auto file_of = [&](const domain::Attachment& a) { return fs::path(uploads.UploadDir()) / a.file; };
  for (const auto* a : {&orphan, &kept, &doomed}) EXPECT_TRUE(fs::exists(file_of(*a)));

  clock.Advance(23 * core::kHour);
  auto first = uploads.CollectGarbage();
  ASSERT_TRUE(first) << first.error().message();
  EXPECT_EQ(*first, 1);  // the deleted post's upload; the orphan is not a day old yet
  EXPECT_FALSE(fs::exists(file_of(doomed)));
  EXPECT_TRUE(fs::exists(file_of(orphan)));

  clock.Advance(2 * core::kHour);
  auto second = uploads.CollectGarbage();
  ASSERT_TRUE(second);
  EXPECT_EQ(*second, 1);
  EXPECT_FALSE(fs::exists(file_of(orphan)));
  EXPECT_TRUE(fs::exists(file_of(kept)));
  auto rows = store::ReadTx(*db_, [&](store::Tx& tx) { return store::GetUploadByKey(tx, orphan.key); });
  EXPECT_FALSE(rows);
  EXPECT_TRUE(store::ReadTx(*db_, [&](store::Tx& tx) { return store::GetUploadByKey(tx, kept.key); }));
  auto third = uploads.CollectGarbage();
  ASSERT_TRUE(third);
  EXPECT_EQ(*third, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, UploadCollectorTest, ::testing::ValuesIn(AllBackends()), BackendParamName);

}  // namespace
}  // namespace hallway::testing
