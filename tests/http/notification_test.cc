// In-app notifications: produced from the activity log by the consumer,
// readable with text and links, never about one's own actions, gone when
// their post is no longer visible, and not duplicated by a restart.
#include <chrono>
#include <thread>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

// Polls the inbox until it holds `count` notifications (the consumer runs
// every 250 ms) and returns it.
nlohmann::json WaitForInbox(HttpClient& c, std::size_t count) {
  nlohmann::json inbox;
  for (int i = 0; i < 40; ++i) {
    inbox = c.Get("/api/v1/notifications").Json();
    if (inbox["items"].size() >= count) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return inbox;
}

TEST_P(HttpTest, ActivitiesBecomeNotificationsForTheRightPeople) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  auto post = ana.Json("POST", "/api/v1/posts", {{"kind", "question"}, {"title", "Vendor contracts?"},
                                                 {"body", "@ben how do you prepare? @ana notes to self"}});
  ASSERT_EQ(post.status, 201);
  const std::string url = "/api/v1/posts/" + std::to_string(post.Json()["id"].get<int>());
  auto comment = ben.Json("POST", url + "/comments", {{"body", "Write down your walk-away point."}});
  ASSERT_EQ(comment.status, 201);
  ASSERT_EQ(ana.Json("POST", url + "/comments", {{"body", "Thanks!"}, {"parent_id", comment.Json()["id"]}}).status, 201);
  ASSERT_EQ(ben.Json("PUT", url + "/reactions/insightful").status, 200);
  ASSERT_EQ(ben.Json("PUT", "/api/v1/people/ana/follow").status, 200);

  auto ben_inbox = WaitForInbox(ben, 2);
  ASSERT_EQ(ben_inbox["items"].size(), 2u) << ben_inbox.dump(2);
  EXPECT_EQ(ben_inbox["items"][0]["kind"], "reply");  // to his comment, newest first
  EXPECT_EQ(ben_inbox["items"][1]["kind"], "mention");
  EXPECT_EQ(ben_inbox["items"][1]["text"], "Person ana mentioned you in “Vendor contracts?”");
  EXPECT_EQ(ben_inbox["items"][1]["url"], url.substr(7));  // "/posts/ID"

  auto ana_inbox = WaitForInbox(ana, 3);
  ASSERT_EQ(ana_inbox["items"].size(), 3u) << ana_inbox.dump(2);  // reply, reaction, follow; no self-mention
  EXPECT_EQ(ana_inbox["items"][0]["kind"], "follow");
  EXPECT_EQ(ana_inbox["items"][0]["url"], "/people/ben");
  EXPECT_EQ(ana_inbox["items"][1]["kind"], "reaction");
  EXPECT_NE(ana_inbox["items"][1]["text"].get<std::string>().find("insightful"), std::string::npos);
  EXPECT_EQ(ana_inbox["items"][2]["kind"], "reply");
  EXPECT_EQ(ana_inbox["unread_count"], 3);

  const int first = ana_inbox["items"][0]["id"];
  EXPECT_EQ(ana.Json("POST", "/api/v1/notifications/read", {{"ids", {first}}}).Json()["unread_count"], 2);
  EXPECT_EQ(ana.Get("/api/v1/notifications?unread=1").Json()["items"].size(), 2u);
  EXPECT_EQ(ana.Json("POST", "/api/v1/notifications/read", {{"all", true}}).Json()["unread_count"], 0);
  EXPECT_EQ(ana.Get("/api/v1/notifications/unread-count").Json()["unread_count"], 0);
  EXPECT_EQ(ana.Json("POST", "/api/v1/notifications/read", nlohmann::json::object()).status, 400);
  EXPECT_EQ(ana.Json("POST", "/api/v1/notifications/read", {{"ids", {"x"}}}).status, 400);
}

TEST_P(HttpTest, GroupNotificationsFollowMembershipAndPrivacy) {
  HttpClient owner = Client(), guest = Client();
  ASSERT_EQ(owner.SignUp("owner").status, 201);
  ASSERT_EQ(guest.SignUp("guest").status, 201);
  ASSERT_EQ(owner.Json("POST", "/api/v1/groups", {{"name", "Legal Council"}, {"visibility", "closed"}}).status, 201);
  ASSERT_EQ(guest.Json("PUT", "/api/v1/groups/legal-council/membership").status, 200);
  auto owner_inbox = WaitForInbox(owner, 1);
  ASSERT_EQ(owner_inbox["items"].size(), 1u);
  EXPECT_EQ(owner_inbox["items"][0]["kind"], "group_request");
  EXPECT_EQ(owner_inbox["items"][0]["url"], "/groups/legal-council");
  ASSERT_EQ(owner.Json("PATCH", "/api/v1/groups/legal-council/members/guest", {{"state", "active"}}).status, 200);
  ASSERT_EQ(owner.Json("POST", "/api/v1/posts", {{"body", "Welcome @guest"}, {"group", "legal-council"}}).status, 201);
  auto guest_inbox = WaitForInbox(guest, 2);
  ASSERT_EQ(guest_inbox["items"].size(), 2u) << guest_inbox.dump(2);
  EXPECT_EQ(guest_inbox["items"][0]["kind"], "mention");
  EXPECT_EQ(guest_inbox["items"][1]["kind"], "group_approved");
  // Leaving the group hides what was said inside it, notifications included.
  ASSERT_EQ(guest.Json("DELETE", "/api/v1/groups/legal-council/membership").status, 200);
  auto after = guest.Get("/api/v1/notifications").Json();
  ASSERT_EQ(after["items"].size(), 1u);
  EXPECT_EQ(after["items"][0]["kind"], "group_approved");
  EXPECT_EQ(after["unread_count"], 1);
}

TEST_P(HttpTest, RestartDoesNotDuplicateNotifications) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(ben.Json("PUT", "/api/v1/people/ana/follow").status, 200);
  ASSERT_EQ(WaitForInbox(ana, 1)["items"].size(), 1u);
  server_ = std::make_unique<TestServer>(database_url_);  // same database, new process
  HttpClient again = Client();
  ASSERT_EQ(again.SignIn("ana", "a strong passphrase").status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(800));  // several consumer rounds
  EXPECT_EQ(again.Get("/api/v1/notifications").Json()["items"].size(), 1u);
}

}  // namespace
}  // namespace hallway::testing
