// Alt text on photos: given on upload (?alt=) or later (PATCH), validated,
// owned by the uploader, and carried on the post's attachments.
#include "tests/http/http_fixture.h"
#include "tests/http/media_samples.h"

namespace hallway::testing {
namespace {

class PhotoAltHttpTest : public HttpTest {
 protected:
  static void SetUpTestSuite() { ASSERT_EQ(VIPS_INIT("hallway-test"), 0); }
};

TEST_P(PhotoAltHttpTest, AuthorsDescribeTheirPhotosForScreenReaders) {
  HttpClient ana = Client(), ben = Client();
  ASSERT_EQ(ana.SignUp("ana").status, 201);
  ASSERT_EQ(ben.SignUp("ben").status, 201);
  auto up = ana.Send("POST", "/api/v1/uploads?name=kite.png&alt=%20A%20red%20kite%0Aover%20hills%20", MakeImage(40, 30, ".png"),
                     {{"Content-Type", "image/png"}, {"Cookie", "hallway_session=" + ana.cookie()},
                      {"X-CSRF-Token", ana.csrf()}});
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.Json()["alt"], "A red kite over hills");  // trimmed, line break flattened
  const std::string key = up.Json()["id"];
  const std::string url = "/api/v1/uploads/" + key;

  auto changed = ana.Json("PATCH", url, {{"alt", "A red kite over green hills"}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.Json()["alt"], "A red kite over green hills");
  EXPECT_EQ(ana.Get(url).Json()["alt"], "A red kite over green hills");

  // Bad input changes nothing.
  EXPECT_EQ(ana.Json("PATCH", url, {{"alt", std::string(1001, 'x')}}).status, 400);
  EXPECT_EQ(ana.Json("PATCH", url, {{"alt", "bell\x07"}}).status, 400);
  EXPECT_EQ(ana.Json("PATCH", url, {{"alt", 5}}).status, 400);
  EXPECT_EQ(ana.Json("PATCH", url, {{"caption", "x"}}).status, 400);
  EXPECT_EQ(ana.Json("PATCH", url, nlohmann::json::object()).status, 400);
  EXPECT_EQ(ben.Json("PATCH", url, {{"alt", "mine now"}}).status, 404);  // not theirs
  EXPECT_EQ(ana.Get(url).Json()["alt"], "A red kite over green hills");

  // Only photos take alt text.
  auto pdf = UploadAs(ana, "%PDF-1.4\n%x\n", "r.pdf", "application/pdf");
  ASSERT_EQ(pdf.status, 201);
  EXPECT_EQ(pdf.Json()["alt"], "");
  EXPECT_EQ(ana.Json("PATCH", "/api/v1/uploads/" + pdf.Json()["id"].get<std::string>(), {{"alt", "x"}}).status, 400);

  // The post carries it, and the author can still change it once attached.
  auto post = ana.Json("POST", "/api/v1/posts", {{"body", "Spring outing"}, {"attachments", {key}}});
  ASSERT_EQ(post.status, 201) << post.body;
  const std::string post_url = "/api/v1/posts/" + std::to_string(post.Json()["id"].get<int>());
  EXPECT_EQ(ben.Get(post_url).Json()["attachments"][0]["alt"], "A red kite over green hills");
  ASSERT_EQ(ana.Json("PATCH", url, {{"alt", ""}}).status, 200);  // cleared
  EXPECT_EQ(ben.Get(post_url).Json()["attachments"][0]["alt"], "");
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Backends, PhotoAltHttpTest, ::testing::ValuesIn(AllBackends()), HttpBackendName);

}  // namespace hallway::testing
