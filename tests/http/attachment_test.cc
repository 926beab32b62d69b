// Attachments on posts: the attach rules, the post JSON, and privacy — an
// attachment is served exactly to those who may read its post, and to
// nobody once the post is deleted.
#include "tests/http/http_fixture.h"
#include "tests/http/media_samples.h"

namespace hallway::testing {
namespace {

class AttachmentHttpTest : public HttpTest {
 protected:
  static void SetUpTestSuite() { ASSERT_EQ(VIPS_INIT("hallway-test"), 0); }

  static std::string Key(const HttpResponse& upload) {
    EXPECT_EQ(upload.status, 201) << upload.body;
    return upload.status == 201 ? upload.Json()["id"].get<std::string>() : "";
  }
};

TEST_P(AttachmentHttpTest, PostListsItsAttachmentsInOrder) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  const std::string photo = Key(UploadAs(ana, MakeImage(1200, 900, ".jpg"), "office.jpg", "image/jpeg"));
  const std::string pdf = Key(UploadAs(ana, "%PDF-1.4\nbody", "minutes.pdf", "application/pdf"));
  auto post = ana.Json("POST", "/api/v1/posts", {{"body", "New office!"}, {"attachments", {photo, pdf}}});
  ASSERT_EQ(post.status, 201) << post.body;
  auto atts = post.Json()["attachments"];
  ASSERT_EQ(atts.size(), 2u);
  EXPECT_EQ(atts[0]["id"], photo);
  EXPECT_EQ(atts[0]["kind"], "image");
  EXPECT_EQ(atts[0]["width"], 1200);
  EXPECT_EQ(atts[0]["height"], 900);
  EXPECT_EQ(atts[0]["thumbnail_url"], "/media/uploads/" + photo + "/thumbnail");
  EXPECT_EQ(atts[1]["kind"], "file");
  EXPECT_EQ(atts[1]["name"], "minutes.pdf");
  EXPECT_EQ(atts[1]["attached"], true);
  // The stream shows them too.
  auto stream = ana.Get("/api/v1/stream").Json();
  ASSERT_FALSE(stream["items"].empty());
  EXPECT_EQ(stream["items"][0]["attachments"].size(), 2u);

  // Editing reorders and removes; a removed upload is detached again.
  const int id = post.Json()["id"];
  auto edited = ana.Json("PATCH", "/api/v1/posts/" + std::to_string(id), {{"attachments", {pdf}}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  ASSERT_EQ(edited.Json()["attachments"].size(), 1u);
  EXPECT_EQ(edited.Json()["attachments"][0]["id"], pdf);
}

TEST_P(AttachmentHttpTest, RefusesSomeoneElsesOrAlreadyAttachedUploads) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  const std::string bens = Key(UploadAs(ben, "%PDF-1.4\nben's", "b.pdf", "application/pdf"));
  auto stolen = ana.Json("POST", "/api/v1/posts", {{"body", "look"}, {"attachments", {bens}}});
  EXPECT_EQ(stolen.status, 400) << stolen.body;
  EXPECT_EQ(stolen.Json()["errors"][0]["field"], "attachments");
  EXPECT_EQ(ana.Get("/api/v1/stream").Json()["items"].size(), 0u);  // nothing was created

  const std::string mine = Key(UploadAs(ana, "%PDF-1.4\nana's", "a.pdf", "application/pdf"));
  ASSERT_EQ(ana.Json("POST", "/api/v1/posts", {{"body", "first"}, {"attachments", {mine}}}).status, 201);
  EXPECT_EQ(ana.Json("POST", "/api/v1/posts", {{"body", "again"}, {"attachments", {mine}}}).status, 400);
  EXPECT_EQ(ana.Json("POST", "/api/v1/posts", {{"body", "unknown"}, {"attachments", {"nope"}}}).status, 400);
  EXPECT_EQ(ana.Json("DELETE", "/api/v1/uploads/" + mine).status, 409);  // attached: edit the post instead

  const std::string other = Key(UploadAs(ana, "%PDF-1.4\nx", "x.pdf", "application/pdf"));
  EXPECT_EQ(ana.Json("POST", "/api/v1/posts", {{"body", "twice"}, {"attachments", {other, other}}}).status, 400);
  std::vector<std::string> eleven(11, other);
  EXPECT_EQ(ana.Json("POST", "/api/v1/posts", {{"body", "many"}, {"attachments", eleven}}).status, 400);
  EXPECT_EQ(ana.Json("POST", "/api/v1/posts", {{"body", "bad"}, {"attachments", "not-a-list"}}).status, 400);
}

TEST_P(AttachmentHttpTest, PrivateGroupAttachmentIsServedOnlyToMembersAndNotAfterDeletion) {
  HttpClient owner = Client(), member = Client(), outsider = Client();
  ASSERT_EQ(owner.SignUp("owner").status, 201);
  ASSERT_EQ(member.SignUp("member").status, 201);
  ASSERT_EQ(outsider.SignUp("outsider").status, 201);
  ASSERT_EQ(owner.Json("POST", "/api/v1/groups", {{"name", "Board Room"}, {"visibility", "private"}}).status, 201);
  ASSERT_EQ(owner.Json("POST", "/api/v1/groups/board-room/invitations", {{"handle", "member"}}).status, 201);
  ASSERT_EQ(member.Json("PUT", "/api/v1/groups/board-room/membership").status, 200);

  auto photo = UploadAs(owner, MakeImage(300, 200, ".png"), "plan.png", "image/png");
  auto video = UploadAs(owner, MakeMp4(1000), "walkthrough.mp4", "video/mp4");
  const std::string photo_url = photo.Json()["url"], video_url = video.Json()["url"];
  auto post = owner.Json("POST", "/api/v1/posts",
                         {{"body", "the secret plan"}, {"group", "board-room"},
                          {"attachments", {Key(photo), Key(video)}}});
  ASSERT_EQ(post.status, 201) << post.body;
  const std::string post_url = "/api/v1/posts/" + std::to_string(post.Json()["id"].get<int>());

  for (const std::string& url : {photo_url, photo_url + "/thumbnail", video_url}) {
    EXPECT_EQ(GetAs(owner, url).status, 200) << url;
    EXPECT_EQ(GetAs(member, url).status, 200) << url;
    EXPECT_EQ(GetAs(outsider, url).status, 404) << url;
    EXPECT_EQ(GetAs(outsider, url, {{"Range", "bytes=0-3"}}).status, 404) << url;
  }
  EXPECT_EQ(outsider.Get("/api/v1/uploads/" + Key(photo)).status, 404);

  // Removed from the group: access ends with membership.
  ASSERT_EQ(owner.Json("DELETE", "/api/v1/groups/board-room/members/member").status, 204);
  EXPECT_EQ(GetAs(member, photo_url).status, 404);

  // Deleted: nobody, not even the owner, gets the files.
  ASSERT_EQ(owner.Json("DELETE", post_url).status, 204);
  for (const std::string& url : {photo_url, photo_url + "/thumbnail", video_url}) {
    EXPECT_EQ(GetAs(owner, url).status, 404) << url;
  }
  EXPECT_EQ(owner.Get("/api/v1/uploads/" + Key(photo)).status, 404);
}

TEST_P(AttachmentHttpTest, HiddenPostAttachmentFollowsThePostRule) {
  HttpClient admin = Admin(), ben = Client();
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  HttpClient cy = Client();
  ASSERT_EQ(cy.SignUp("cy").status, 201);
  auto up = UploadAs(ben, "%PDF-1.4\nflagged", "f.pdf", "application/pdf");
  auto post = ben.Json("POST", "/api/v1/posts", {{"body", "questionable"}, {"attachments", {Key(up)}}});
  ASSERT_EQ(post.status, 201);
  const std::string url = up.Json()["url"];
  EXPECT_EQ(GetAs(cy, url).status, 200);
  const std::string post_url = "/api/v1/posts/" + std::to_string(post.Json()["id"].get<int>());
  ASSERT_EQ(admin.Json("PUT", post_url + "/hidden", {{"reason", "off-topic"}}).status, 200);
  EXPECT_EQ(GetAs(cy, url).status, 404);
  EXPECT_EQ(GetAs(ben, url).status, 200);  // the author still sees their hidden post
}

INSTANTIATE_TEST_SUITE_P(Backends, AttachmentHttpTest, ::testing::ValuesIn(AllBackends()), HttpBackendName);

}  // namespace
}  // namespace hallway::testing
