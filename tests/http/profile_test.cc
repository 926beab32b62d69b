// Profiles, avatars and the people directory, through the API.
#include <vips/vips.h>

#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

std::string MakePng(int w, int h) {
  VipsImage* img = nullptr;
  EXPECT_EQ(vips_black(&img, w, h, "bands", 3, nullptr), 0);
  void* buf = nullptr;
  std::size_t len = 0;
  EXPECT_EQ(vips_image_write_to_buffer(img, ".png", &buf, &len, nullptr), 0);
  std::string out(static_cast<char*>(buf), len);
  g_free(buf);
  g_object_unref(img);
  return out;
}

class ProfileHttpTest : public HttpTest {
 protected:
  static void SetUpTestSuite() { ASSERT_EQ(VIPS_INIT("hallway-test"), 0); }
};

TEST_P(ProfileHttpTest, EditsProfileWithSanitizedMarkdownBio) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  auto r = ana.Json("PATCH", "/api/v1/me",
                    {{"display_name", "Ana Berg"},
                     {"title", "Counsel"},
                     {"team", "Legal"},
                     {"location", "Lisbon"},
                     {"bio", "I **negotiate**. <script>alert(1)</script> [x](javascript:alert(1))"},
                     {"skills", {"Negotiation", " negotiation ", "German"}},
                     {"interests", {"Leadership"}}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto me = r.Json();
  EXPECT_EQ(me["display_name"], "Ana Berg");
  EXPECT_EQ(me["skills"], nlohmann::json({"Negotiation", "German"}));
  const std::string html = me["bio_html"];
  EXPECT_NE(html.find("<strong>negotiate</strong>"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
  auto public_view = Client();
  ASSERT_EQ(public_view.SignUp("ben").status, 201);
  auto person = public_view.Get("/api/v1/people/ana");
  ASSERT_EQ(person.status, 200);
  EXPECT_EQ(person.Json()["team"], "Legal");
  EXPECT_FALSE(person.Json().contains("email"));  // the public view hides the address
  EXPECT_EQ(public_view.Get("/api/v1/people/nobody").status, 404);
}

TEST_P(ProfileHttpTest, AvatarIsReencodedAndServedAsJpeg) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  auto up = ana.Send("PUT", "/api/v1/me/avatar", MakePng(600, 400),
                     {{"Content-Type", "image/png"}, {"Cookie", "hallway_session=" + ana.cookie()},
                      {"X-CSRF-Token", ana.csrf()}});
  ASSERT_EQ(up.status, 200) << up.body;
  const std::string url = up.Json()["avatar_url"];
  ASSERT_EQ(url.rfind("/media/avatars/", 0), 0u);
  auto img = Client().Get(url);
  ASSERT_EQ(img.status, 200);
  EXPECT_EQ(img.Header("content-type"), "image/jpeg");
  EXPECT_EQ(img.body.substr(0, 3), "\xff\xd8\xff");
  // An SVG (script inside) declared as PNG is refused and changes nothing.
  auto svg = ana.Send("PUT", "/api/v1/me/avatar", "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
                      {{"Content-Type", "image/png"}, {"Cookie", "hallway_session=" + ana.cookie()},
                       {"X-CSRF-Token", ana.csrf()}});
  EXPECT_EQ(svg.status, 415);
  EXPECT_EQ(ana.Get("/api/v1/me").Json()["avatar_url"], url);
  auto html = ana.Send("PUT", "/api/v1/me/avatar", "<html></html>",
                       {{"Content-Type", "text/html"}, {"Cookie", "hallway_session=" + ana.cookie()},
                        {"X-CSRF-Token", ana.csrf()}});
  EXPECT_EQ(html.status, 415);
  auto removed = ana.Json("DELETE", "/api/v1/me/avatar");
  ASSERT_EQ(removed.status, 200);
  EXPECT_TRUE(removed.Json()["avatar_url"].is_null());
  EXPECT_EQ(Client().Get(url).status, 404);
}

TEST_P(ProfileHttpTest, DirectoryFindsPeopleByNameTeamAndSkill) {
  HttpClient viewer = Client();
  ASSERT_EQ(viewer.SignUp("viewer").status, 201);
  for (int i = 0; i < 5; ++i) {
    HttpClient p = Client();
    ASSERT_EQ(p.SignUp("person" + std::to_string(i)).status, 201);
    ASSERT_EQ(p.Json("PATCH", "/api/v1/me",
                     {{"team", i % 2 ? "Sales" : "Legal"},
                      {"skills", i == 3 ? nlohmann::json{"Contract negotiation"} : nlohmann::json{"Excel"}}})
                  .status,
              200);
  }
  EXPECT_EQ(Client().Get("/api/v1/people").status, 401);  // the directory is for members
  auto by_skill = viewer.Get("/api/v1/people?skill=contract%20negotiation");
  ASSERT_EQ(by_skill.status, 200);
  ASSERT_EQ(by_skill.Json()["items"].size(), 1u);
  EXPECT_EQ(by_skill.Json()["items"][0]["handle"], "person3");
  auto by_team = viewer.Get("/api/v1/people?team=Sales&limit=100");
  EXPECT_EQ(by_team.Json()["items"].size(), 2u);
  auto by_name = viewer.Get("/api/v1/people?q=PERSON4");
  ASSERT_EQ(by_name.Json()["items"].size(), 1u);
  auto page1 = viewer.Get("/api/v1/people?limit=4");
  ASSERT_EQ(page1.Json()["items"].size(), 4u);
  const std::string cursor = page1.Json()["next_cursor"];
  auto page2 = viewer.Get("/api/v1/people?limit=4&cursor=" + cursor);
  EXPECT_EQ(page2.Json()["items"].size(), 2u);
  EXPECT_TRUE(page2.Json()["next_cursor"].is_null());
  auto teams = viewer.Get("/api/v1/teams").Json()["items"];
  ASSERT_EQ(teams.size(), 2u);
  EXPECT_EQ(teams[0]["name"], "Legal");
  EXPECT_EQ(teams[0]["count"], 3);
  auto skills = viewer.Get("/api/v1/skills?prefix=ex").Json()["items"];
  ASSERT_EQ(skills.size(), 1u);
  EXPECT_EQ(skills[0]["count"], 4);
}

INSTANTIATE_TEST_SUITE_P(Backends, ProfileHttpTest, ::testing::ValuesIn(AllBackends()), HttpBackendName);

}  // namespace
}  // namespace hallway::testing
