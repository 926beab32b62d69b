// Embeds: the oEmbed endpoint and the embeddable thread card, with the
// privacy rule that nothing is embedded for someone who may not read it.
#include "http/handlers/embed_handlers.h"
#include "tests/http/http_fixture.h"

namespace hallway::testing {
namespace {

class EmbedHttpTest : public HttpTest {};

std::string Permalink(std::int64_t id) { return "http://127.0.0.1/posts/" + std::to_string(id); }

std::string OEmbedUrl(const std::string& permalink, const std::string& extra = "") {
  std::string encoded;
  for (unsigned char c : permalink) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return "/api/oembed?url=" + encoded + extra;
}

TEST_P(EmbedHttpTest, OEmbedDescribesAReadablePostAsARichIframe) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  auto post = ana.Json("POST", "/api/v1/posts", {{"kind", "article"}, {"title", "Onboarding <notes>"},
                                                 {"body", "What we learned this quarter"}});
  ASSERT_EQ(post.status, 201) << post.body;
  const std::int64_t id = post.Json()["id"];

  auto got = ben.Get(OEmbedUrl(Permalink(id), "&format=json&maxwidth=400"));
  ASSERT_EQ(got.status, 200) << got.body;
  auto j = got.Json();
  EXPECT_EQ(j["version"], "1.0");
  EXPECT_EQ(j["type"], "rich");
  EXPECT_EQ(j["title"], "Onboarding <notes>");
  EXPECT_EQ(j["provider_name"], "Hallway");
  EXPECT_EQ(j["width"], 400);  // never wider than maxwidth
  EXPECT_LE(j["height"].get<int>(), 240);
  const std::string html = j["html"];
  EXPECT_EQ(html.rfind("<iframe src=\"", 0), 0u);
  EXPECT_NE(html.find("/embed/posts/" + std::to_string(id) + "\""), std::string::npos);
  EXPECT_NE(html.find("title=\"Onboarding &lt;notes&gt;\""), std::string::npos);  // escaped attribute
  EXPECT_EQ(got.Header("cache-control"), "private, max-age=300");

  // Trailing slash and query on the permalink are fine; the default width is 550.
  auto plain = ben.Get(OEmbedUrl(Permalink(id) + "/?from=mail"));
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(plain.Json()["width"], 550);
}

TEST_P(EmbedHttpTest, OEmbedRefusesOtherFormatsSitesAndSignedOutCallers) {
  HttpClient ana = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  const std::int64_t id = ana.Json("POST", "/api/v1/posts", {{"body", "hello"}}).Json()["id"];

  auto xml = ana.Get(OEmbedUrl(Permalink(id), "&format=xml"));
  EXPECT_EQ(xml.status, 501);
  EXPECT_EQ(xml.Header("content-type"), "application/problem+json");
  EXPECT_EQ(xml.Json()["status"], 501);
  EXPECT_EQ(ana.Get(OEmbedUrl(Permalink(id), "&format=yaml")).status, 400);
  EXPECT_EQ(ana.Get("/api/oembed").status, 400);                                         // no url
  EXPECT_EQ(ana.Get(OEmbedUrl(Permalink(id), "&maxwidth=wide")).status, 400);
  EXPECT_EQ(ana.Get(OEmbedUrl("https://elsewhere.example/posts/" + std::to_string(id))).status, 404);
  EXPECT_EQ(ana.Get(OEmbedUrl("http://127.0.0.1/people/ana")).status, 404);
  EXPECT_EQ(ana.Get(OEmbedUrl(Permalink(id + 1000))).status, 404);
  EXPECT_EQ(Client().Get(OEmbedUrl(Permalink(id))).status, 401);  // signed out: nothing is public
}

TEST_P(EmbedHttpTest, PrivateGroupPostsAreNeverEmbeddedForNonMembers) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  ASSERT_EQ(ana.Json("POST", "/api/v1/groups", {{"name", "Board Room"}, {"visibility", "private"}}).status, 201);
  auto secret = ana.Json("POST", "/api/v1/posts", {{"body", "secret minutes"}, {"group", "board-room"}});
  ASSERT_EQ(secret.status, 201);
  const std::int64_t id = secret.Json()["id"];
  const std::string card = "/embed/posts/" + std::to_string(id);

  auto mine = ana.Get(card);
  ASSERT_EQ(mine.status, 200);
  EXPECT_NE(mine.body.find("secret minutes"), std::string::npos);
  EXPECT_NE(mine.body.find("in Board Room"), std::string::npos);
  EXPECT_EQ(ana.Get(OEmbedUrl(Permalink(id))).status, 200);

  auto oembed = ben.Get(OEmbedUrl(Permalink(id)));
  auto unknown = ben.Get(OEmbedUrl(Permalink(id + 1000)));
  EXPECT_EQ(oembed.status, 404);
  EXPECT_EQ(oembed.Json()["detail"], unknown.Json()["detail"]);  // indistinguishable from no post
  auto theirs = ben.Get(card);
  EXPECT_EQ(theirs.status, 404);
  EXPECT_EQ(theirs.body.find("secret"), std::string::npos);
  EXPECT_EQ(theirs.body.find("Board Room"), std::string::npos);
  auto missing = ben.Get("/embed/posts/" + std::to_string(id + 1000));
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(theirs.body.find("This post is not available."), std::string::npos);  // the same card as no post
  EXPECT_NE(missing.body.find("This post is not available."), std::string::npos);
  auto outsider = Client().Get(card);
  EXPECT_EQ(outsider.status, 401);
  EXPECT_EQ(outsider.body.find("secret"), std::string::npos);
  EXPECT_NE(outsider.body.find("Sign in"), std::string::npos);
}

TEST_P(EmbedHttpTest, TheCardIsEscapedFramableAndScriptFree) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  auto post = ana.Json("POST", "/api/v1/posts", {{"body", "<script>alert(1)</script> & friends"}});
  const std::int64_t id = post.Json()["id"];
  ASSERT_EQ(ben.Json("POST", "/api/v1/posts/" + std::to_string(id) + "/comments", {{"body", "+1"}}).status, 201);

  auto card = ben.Get("/embed/posts/" + std::to_string(id));
  ASSERT_EQ(card.status, 200);
  EXPECT_EQ(card.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(card.body.find("<script>"), std::string::npos);
  EXPECT_NE(card.body.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends"), std::string::npos);
  EXPECT_NE(card.body.find("1 comment "), std::string::npos);
  EXPECT_NE(card.body.find("/posts/" + std::to_string(id) + "\""), std::string::npos);  // link to the thread
  const std::string csp = card.Header("content-security-policy");
  EXPECT_NE(csp.find("frame-ancestors *"), std::string::npos);
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos);
  EXPECT_EQ(csp.find("script-src"), std::string::npos);
  EXPECT_EQ(card.Header("x-frame-options"), "");
  EXPECT_EQ(card.Header("cache-control"), "private, no-cache");
  // Every other page still refuses to be framed.
  EXPECT_EQ(ben.Get("/api/v1/posts/" + std::to_string(id)).Header("x-frame-options"), "DENY");
  EXPECT_EQ(ben.Get("/embed/posts/abc").status, 404);
}

TEST(EmbedPermalink, AcceptsOnlyThisSitesPostUrls) {
  const std::string base = "https://hallway.example";
  const struct {
    std::string url;
    std::int64_t want;
  } cases[] = {
      {"https://hallway.example/posts/42", 42},
      {"https://hallway.example/posts/42/", 42},
      {"https://hallway.example/posts/42?x=1#c3", 42},
      {"http://10.0.0.5:8080/posts/7", 7},  // the Host the caller reached us by
      {"https://hallway.example/posts/", 0},
      {"https://hallway.example/posts/4x2", 0},
      {"https://hallway.example/people/ana", 0},
      {"https://evil.example/posts/42", 0},
      {"https://hallway.example.evil/posts/42", 0},
      {"/posts/42", 0},
      {"https://hallway.example/posts/99999999999999999999", 0},
  };
  for (const auto& c : cases) EXPECT_EQ(http::PostIdFromPermalink(c.url, base, "10.0.0.5:8080"), c.want) << c.url;
}

TEST(EmbedExcerpt, CollapsesWhiteSpaceAndCutsAtAWord) {
  EXPECT_EQ(http::EmbedExcerpt("  one\n\ntwo   three ", 100), "one two three");
  EXPECT_EQ(http::EmbedExcerpt("alpha beta gamma delta", 13), "alpha beta\xE2\x80\xA6");
  EXPECT_EQ(http::EmbedExcerpt("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 3), "\xC3\xA9\xC3\xA9\xE2\x80\xA6");
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Backends, EmbedHttpTest, ::testing::ValuesIn(AllBackends()), HttpBackendName);

}  // namespace hallway::testing
