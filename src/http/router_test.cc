#include "http/router.h"

#include <gtest/gtest.h>

#include "crypto/password_hasher.h"
#include "http/problem.h"

namespace hallway::http {
namespace {

TEST(ParseTargetTest, DecodesPathAndQuery) {
  std::string path;
  std::map<std::string, std::string> query;
  ASSERT_TRUE(ParseTarget("/api/v1/people?q=ana+berg&skill=C%2B%2B&empty=&flag", &path, &query));
  EXPECT_EQ(path, "/api/v1/people");
  EXPECT_EQ(query["q"], "ana berg");
  EXPECT_EQ(query["skill"], "C++");
  EXPECT_EQ(query["empty"], "");
  EXPECT_TRUE(query.count("flag"));
}

TEST(ParseTargetTest, RejectsBadEscapesAndInvalidUtf8) {
  for (const char* bad : {"/a%", "/a%2", "/a%zz", "/a?q=%ff", "/a?q=%00", "/a?q=%c3", "relative"}) {
    std::string path;
    std::map<std::string, std::string> query;
    auto s = ParseTarget(bad, &path, &query);
    ASSERT_FALSE(s) << bad;
    EXPECT_EQ(s.error().code(), core::ErrorCode::kInvalidArgument);
  }
}

TEST(CookieValueTest, FindsTheNamedCookieOnly) {
  EXPECT_EQ(CookieValue("a=1; hallway_session=xyz; b=2", "hallway_session"), "xyz");
  EXPECT_EQ(CookieValue("xhallway_session=no", "hallway_session"), "");
  EXPECT_EQ(CookieValue("", "hallway_session"), "");
}

TEST(ProblemTest, MapsEveryErrorCodeToItsStatus) {
  using core::ErrorCode;
  const std::pair<ErrorCode, int> table[] = {
      {ErrorCode::kInvalidArgument, 400}, {ErrorCode::kUnauthenticated, 401},
      {ErrorCode::kPermissionDenied, 403}, {ErrorCode::kNotFound, 404},
      {ErrorCode::kConflict, 409},         {ErrorCode::kPayloadTooLarge, 413},
      {ErrorCode::kUnsupportedMedia, 415}, {ErrorCode::kTooManyRequests, 429},
      {ErrorCode::kInternal, 500},         {ErrorCode::kUnavailable, 503}};
  for (const auto& [code, status] : table) EXPECT_EQ(static_cast<int>(StatusFor(code)), status);
}

TEST(ProblemTest, HidesInternalDetailsAndListsFieldErrors) {
  Request req;
  req.request_id = "rid";
  Response res = ProblemResponse(req, core::Error::Internal("store: secret path /etc"));
  EXPECT_EQ(res[bhttp::field::content_type], "application/problem+json");
  EXPECT_EQ(res.body().find("/etc"), std::string::npos);
  Response bad = ProblemResponse(req, core::Error::InvalidArgument("x", {{"email", "is bad"}}));
  EXPECT_NE(bad.body().find("\"errors\":[{\"field\":\"email\",\"message\":\"is bad\"}]"), std::string::npos);
  EXPECT_NE(bad.body().find("\"request_id\":\"rid\""), std::string::npos);
}

}  // namespace
}  // namespace hallway::http
