#include "stackexchange/file_readers.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace hallway::stackexchange {
namespace {

struct Read {
  std::vector<Post> posts;
  std::vector<SkippedRow> skipped;
  core::Status status;
};

Read ReadPostsFrom(const std::string& xml) {
  Read r;
  std::istringstream in(xml);
  ReadHooks hooks;
  hooks.on_skip = [&](const SkippedRow& s) { r.skipped.push_back(s); };
  r.status = ReadPosts(
      in, "Posts.xml",
      [&](const Post& p) {
        r.posts.push_back(p);
        return core::Ok();
      },
      hooks);
  return r;
}

const char* kBom = "\xEF\xBB\xBF";

TEST(DumpFileReaderTest, ReadsPostsWithBomEntitiesAndTags) {
  const std::string xml = std::string(kBom) +
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<posts>\n"
      "  <row Id=\"1\" PostTypeId=\"1\" AcceptedAnswerId=\"2\" CreationDate=\"2018-03-12T17:00:45.567\""
      " Score=\"52\" Body=\"&lt;p&gt;Is |0&amp;gt; a &quot;state&quot;?&lt;/p&gt;&#xA;\" OwnerUserId=\"7\""
      " Title=\"Qubits &amp; gates\" Tags=\"&lt;qubit&gt;&lt;quantum-gate&gt;\" />\n"
      "  <row Id=\"2\" PostTypeId=\"2\" ParentId=\"1\" CreationDate=\"2018-03-12T18:00:00.000\""
      " Score=\"-3\" Body=\"&lt;p&gt;Yes.&lt;/p&gt;\" />\n"
      "</posts>\n";
  Read r = ReadPostsFrom(xml);
  ASSERT_TRUE(r.status) << r.status.error().message();
  ASSERT_EQ(r.posts.size(), 2u);
  const Post& q = r.posts[0];
  EXPECT_EQ(q.type, PostType::kQuestion);
  EXPECT_EQ(q.accepted_answer_id, 2);
  EXPECT_EQ(q.owner_user_id, 7);
  EXPECT_EQ(q.created_at, 1520874045);
  EXPECT_EQ(q.title, "Qubits & gates");
  EXPECT_EQ(q.body_html, "<p>Is |0&gt; a \"state\"?</p>\n");
  EXPECT_EQ(q.tags, (std::vector<std::string>{"qubit", "quantum-gate"}));
  const Post& a = r.posts[1];
  EXPECT_EQ(a.type, PostType::kAnswer);
  EXPECT_EQ(a.parent_id, 1);
  EXPECT_EQ(a.score, -3);
  EXPECT_FALSE(a.owner_user_id.has_value());  // a deleted owner: delivered, not skipped
  EXPECT_TRUE(r.skipped.empty());
}

TEST(DumpFileReaderTest, DeliversUnknownPostTypesWithTheirNumber) {
  Read r = ReadPostsFrom(
      "<posts><row Id=\"9\" PostTypeId=\"99\" CreationDate=\"2018-03-12T17:00:45\" /></posts>");
  ASSERT_TRUE(r.status);
  ASSERT_EQ(r.posts.size(), 1u);
  EXPECT_EQ(r.posts[0].type, PostType::kUnknown);
  EXPECT_EQ(r.posts[0].post_type_id, 99);
  EXPECT_STREQ(PostTypeName(r.posts[0].type), "unknown");
}

TEST(DumpFileReaderTest, SkipsRowsWithMissingOrBadAttributes) {
  Read r = ReadPostsFrom(
      "<posts>\n"
      "<row Id=\"1\" PostTypeId=\"1\" />\n"
      "<row PostTypeId=\"1\" CreationDate=\"2018-03-12T17:00:45\" />\n"
      "<row Id=\"3\" PostTypeId=\"x\" CreationDate=\"2018-03-12T17:00:45\" />\n"
      "<row Id=\"4\" PostTypeId=\"1\" CreationDate=\"2018-03-12T17:00:45\" Score=\"1.5\" />\n"
      "<row Id=\"5\" PostTypeId=\"1\" CreationDate=\"2018-02-30T17:00:45\" />\n"
      "<row Id=\"6\" PostTypeId=\"2\" CreationDate=\"2018-03-12T17:00:45\" />\n"
      "</posts>");
  ASSERT_TRUE(r.status);
  ASSERT_EQ(r.posts.size(), 1u);
  EXPECT_EQ(r.posts[0].id, 6);
  ASSERT_EQ(r.skipped.size(), 5u);
  struct Want {
    const char* id;
    std::int64_t line;
    const char* reason_prefix;
  };
  const Want want[] = {{"1", 2, "missing CreationDate"},
                       {"", 3, "missing Id"},
                       {"3", 4, "bad PostTypeId"},
                       {"4", 5, "bad Score"},
                       {"5", 6, "bad CreationDate"}};
  for (std::size_t i = 0; i < std::size(want); ++i) {
    EXPECT_EQ(r.skipped[i].file, "Posts.xml");
    EXPECT_EQ(r.skipped[i].row_id, want[i].id);
    EXPECT_EQ(r.skipped[i].line, want[i].line);
    EXPECT_EQ(r.skipped[i].reason.rfind(want[i].reason_prefix, 0), 0u) << r.skipped[i].reason;
  }
}

TEST(DumpFileReaderTest, ReportsMalformedXmlWithFileAndLine) {
  struct Case {
    const char* xml;
    const char* where;
  };
  const Case cases[] = {
      // Truncated mid-file, as by an interrupted download.
      {"<posts>\n<row Id=\"1\" PostTypeId=\"2\" CreationDate=\"2018-03-12T17:00:45\" />\n<row Id=\"2\" Post",
       "Posts.xml:3"},
      {"<posts>\n<row Id=\"1\" PostTypeId=\"2\" CreationDate=\"2018-03-12T17:00:45\" />\n", "Posts.xml:"},
      {"<posts>\n\n<row Id=\"1\" & />\n</posts>", "Posts.xml:3"},
      {"<posts><row Id=\"1\" Id=\"2\" /></posts>", "Posts.xml:1"},
      {"<users><row Id=\"1\" /></users>", "Posts.xml:1: root element <users>"},
      {"<!DOCTYPE posts [<!ENTITY x \"y\">]><posts/>", "DOCTYPE"},
      {"", "Posts.xml:1"},
  };
  for (const auto& c : cases) {
    Read r = ReadPostsFrom(c.xml);
    ASSERT_FALSE(r.status) << c.xml;
    EXPECT_EQ(r.status.error().code(), core::ErrorCode::kInvalidArgument);
    EXPECT_NE(r.status.error().message().find(c.where), std::string::npos)
        << r.status.error().message();
  }
  // The complete row before the truncation was still delivered.
  EXPECT_EQ(ReadPostsFrom(cases[0].xml).posts.size(), 1u);
}

TEST(DumpFileReaderTest, StopsWhenTheHandlerFails) {
  std::istringstream in("<votes>\n<row Id=\"1\" PostId=\"1\" VoteTypeId=\"2\" CreationDate=\"2018-03-12T00:00:00.000\" />\n"
                        "<row Id=\"2\" PostId=\"1\" VoteTypeId=\"2\" CreationDate=\"2018-03-12T00:00:00.000\" /></votes>");
  int seen = 0;
  core::Status st = ReadVotes(in, "Votes.xml", [&](const Vote&) -> core::Status {
    ++seen;
    return core::Error::Unavailable("store: insert vote: disk full");
  });
  ASSERT_FALSE(st);
  EXPECT_EQ(seen, 1);
  EXPECT_EQ(st.error().code(), core::ErrorCode::kUnavailable);
  EXPECT_EQ(st.error().message(), "stackexchange: Votes.xml:2: store: insert vote: disk full");
}

TEST(DumpFileReaderTest, ReadsTheOtherFiles) {
  {
    std::istringstream in("<users><row Id=\"-1\" Reputation=\"1\" CreationDate=\"2018-03-09T18:48:09.477\" DisplayName=\"Community\" AccountId=\"-1\" /></users>");
    std::vector<User> got;
    ASSERT_TRUE(ReadUsers(in, "Users.xml", [&](const User& u) { got.push_back(u); return core::Ok(); }));
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].id, -1);
    EXPECT_EQ(got[0].display_name, "Community");
  }
  {
    std::istringstream in("<votes><row Id=\"3\" PostId=\"5\" VoteTypeId=\"8\" UserId=\"4\" BountyAmount=\"50\" CreationDate=\"2018-03-12T00:00:00.000\" />"
                          "<row Id=\"4\" PostId=\"5\" VoteTypeId=\"77\" CreationDate=\"2018-03-12T00:00:00.000\" /></votes>");
    std::vector<Vote> got;
    ASSERT_TRUE(ReadVotes(in, "Votes.xml", [&](const Vote& v) { got.push_back(v); return core::Ok(); }));
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0].type, VoteType::kBountyStart);
    EXPECT_EQ(got[0].bounty_amount, 50);
    EXPECT_EQ(got[1].type, VoteType::kOther);
    EXPECT_EQ(got[1].vote_type_id, 77);
  }
  {
    std::istringstream in("<badges><row Id=\"1\" UserId=\"13\" Name=\"qubit\" Date=\"2018-03-12T16:59:28.317\" Class=\"3\" TagBased=\"True\" />"
                          "<row Id=\"2\" UserId=\"13\" Name=\"x\" Date=\"2018-03-12T16:59:28.317\" TagBased=\"maybe\" /></badges>");
    std::vector<Badge> got;
    int skipped = 0;
    ReadHooks hooks;
    hooks.on_skip = [&](const SkippedRow&) { ++skipped; };
    ASSERT_TRUE(ReadBadges(in, "Badges.xml", [&](const Badge& b) { got.push_back(b); return core::Ok(); }, hooks));
    ASSERT_EQ(got.size(), 1u);
    EXPECT_TRUE(got[0].tag_based);
    EXPECT_EQ(got[0].badge_class, 3);
    EXPECT_EQ(skipped, 1);
  }
  {
    std::istringstream in("<postlinks><row Id=\"1\" CreationDate=\"2018-03-12T17:28:16.093\" PostId=\"7\" RelatedPostId=\"3\" LinkTypeId=\"3\" /></postlinks>");
    std::vector<PostLink> got;
    ASSERT_TRUE(ReadPostLinks(in, "PostLinks.xml", [&](const PostLink& l) { got.push_back(l); return core::Ok(); }));
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].type, LinkType::kDuplicate);
    EXPECT_EQ(got[0].related_post_id, 3);
  }
}

TEST(DumpFileReaderTest, StreamsLargeInputsInChunks) {
  std::string xml = "<comments>\n";
  const int kRows = 20000;
  for (int i = 1; i <= kRows; ++i) {
    xml += "<row Id=\"" + std::to_string(i) +
           "\" PostId=\"1\" Text=\"some words &amp; more\" CreationDate=\"2018-03-12T17:14:46.030\" />\n";
  }
  xml += "</comments>\n";
  std::istringstream in(xml);
  int rows = 0;
  std::vector<std::uint64_t> progress;
  ReadHooks hooks;
  hooks.on_bytes = [&](std::uint64_t b) { progress.push_back(b); };
  ASSERT_TRUE(ReadComments(in, "Comments.xml", [&](const Comment& c) {
    ++rows;
    return c.text == "some words & more" ? core::Ok() : core::Status(core::Error::Internal("text"));
  }, hooks));
  EXPECT_EQ(rows, kRows);
  ASSERT_GT(progress.size(), 10u);  // more than one chunk
  EXPECT_EQ(progress.back(), xml.size());
  for (std::size_t i = 1; i < progress.size(); ++i) EXPECT_GE(progress[i], progress[i - 1]);
}

}  // namespace
}  // namespace hallway::stackexchange
