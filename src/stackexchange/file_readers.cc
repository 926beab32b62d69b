#include "stackexchange/file_readers.h"

#include <optional>
#include <string>

#include "stackexchange/field_parsing.h"

namespace hallway::stackexchange {
namespace {

// Typed access to one row's attributes that remembers the first problem, so
// a decoder reads every field straight through and checks ok() once.
class Fields {
 public:
  explicit Fields(const RowAttributes& row) : row_(row) {}

  bool ok() const { return problem_.empty(); }
  const std::string& problem() const { return problem_; }

  std::int64_t Int(const char* name) { return OptInt(name, true).value_or(0); }
  std::optional<std::int64_t> OptInt(const char* name, bool required = false) {
    auto v = Get(name, required);
    if (!v) return std::nullopt;
    auto r = ParseDumpInt(*v);
    if (!r) {
      Note(std::string("bad ") + name + ": " + r.error().message());
      return std::nullopt;
    }
    return *r;
  }
  UnixSeconds Date(const char* name) { return OptDate(name, true).value_or(0); }
  std::optional<UnixSeconds> OptDate(const char* name, bool required = false) {
    auto v = Get(name, required);
    if (!v) return std::nullopt;
    auto r = ParseDumpDate(*v);
    if (!r) {
      Note(std::string("bad ") + name + ": " + r.error().message());
      return std::nullopt;
    }
    return *r;
  }
  std::string Text(const char* name, bool required = false) {
    return std::string(Get(name, required).value_or(""));
  }
  bool Bool(const char* name) {
    auto v = Get(name, false);
    if (!v || *v == "False" || *v == "false") return false;
    if (*v == "True" || *v == "true") return true;
    Note(std::string("bad ") + name + ": not a boolean");
    return false;
  }

 private:
  std::optional<std::string_view> Get(const char* name, bool required) {
    auto v = row_.Find(name);
    if (!v && required) Note(std::string("missing ") + name);
    return v;
  }
  void Note(std::string p) {
    if (problem_.empty()) problem_ = std::move(p);
  }

  const RowAttributes& row_;
  std::string problem_;
};

User DecodeUser(Fields& f) {
  User u;
  u.id = f.Int("Id");
  u.account_id = f.OptInt("AccountId");
  u.display_name = f.Text("DisplayName");
  u.reputation = f.OptInt("Reputation").value_or(0);
  u.created_at = f.Date("CreationDate");
  u.last_access_at = f.OptDate("LastAccessDate");
  u.location = f.Text("Location");
  u.website_url = f.Text("WebsiteUrl");
  u.about_me_html = f.Text("AboutMe");
  u.views = f.OptInt("Views").value_or(0);
  u.up_votes = f.OptInt("UpVotes").value_or(0);
  u.down_votes = f.OptInt("DownVotes").value_or(0);
  return u;
}

Tag DecodeTag(Fields& f) {
  Tag t;
  t.id = f.Int("Id");
  t.name = f.Text("TagName", true);
  t.count = f.OptInt("Count").value_or(0);
  t.excerpt_post_id = f.OptInt("ExcerptPostId");
  t.wiki_post_id = f.OptInt("WikiPostId");
  return t;
}

Post DecodePost(Fields& f) {
  Post p;
  p.id = f.Int("Id");
  p.post_type_id = f.Int("PostTypeId");
  p.type = PostTypeFromId(p.post_type_id);
  p.parent_id = f.OptInt("ParentId");
  p.accepted_answer_id = f.OptInt("AcceptedAnswerId");
  p.owner_user_id = f.OptInt("OwnerUserId");
  p.owner_display_name = f.Text("OwnerDisplayName");
  p.last_editor_user_id = f.OptInt("LastEditorUserId");
  p.created_at = f.Date("CreationDate");
  p.last_edit_at = f.OptDate("LastEditDate");
  p.last_activity_at = f.OptDate("LastActivityDate");
  p.closed_at = f.OptDate("ClosedDate");
  p.community_owned_at = f.OptDate("CommunityOwnedDate");
  p.score = f.OptInt("Score").value_or(0);
  p.view_count = f.OptInt("ViewCount");
  p.answer_count = f.OptInt("AnswerCount");
  p.comment_count = f.OptInt("CommentCount");
  p.favorite_count = f.OptInt("FavoriteCount");
  p.title = f.Text("Title");
  p.body_html = f.Text("Body");
  p.tags = SplitDumpTags(f.Text("Tags"));
  return p;
}

Comment DecodeComment(Fields& f) {
  Comment c;
  c.id = f.Int("Id");
  c.post_id = f.Int("PostId");
  c.user_id = f.OptInt("UserId");
  c.user_display_name = f.Text("UserDisplayName");
  c.score = f.OptInt("Score").value_or(0);
  c.text = f.Text("Text");
  c.created_at = f.Date("CreationDate");
  return c;
}

Vote DecodeVote(Fields& f) {
  Vote v;
  v.id = f.Int("Id");
  v.post_id = f.Int("PostId");
  v.vote_type_id = f.Int("VoteTypeId");
  v.type = VoteTypeFromId(v.vote_type_id);
  v.user_id = f.OptInt("UserId");
  v.bounty_amount = f.OptInt("BountyAmount");
  v.created_at = f.Date("CreationDate");
  return v;
}

PostLink DecodePostLink(Fields& f) {
  PostLink l;
  l.id = f.Int("Id");
  l.post_id = f.Int("PostId");
  l.related_post_id = f.Int("RelatedPostId");
  l.link_type_id = f.Int("LinkTypeId");
  l.type = LinkTypeFromId(l.link_type_id);
  l.created_at = f.Date("CreationDate");
  return l;
}

Badge DecodeBadge(Fields& f) {
  Badge b;
  b.id = f.Int("Id");
  b.user_id = f.Int("UserId");
  b.name = f.Text("Name", true);
  b.awarded_at = f.Date("Date");
  b.badge_class = static_cast<int>(f.OptInt("Class").value_or(0));
  b.tag_based = f.Bool("TagBased");
  return b;
}

template <typename Row, typename Decode>
core::Status ReadRows(std::istream& in, std::string_view name, std::string_view root,
                      Decode decode, const RowHandler<Row>& on_row, const ReadHooks& hooks) {
  return ForEachRow(
      in, name, root,
      [&](const RowAttributes& attrs, std::int64_t line) -> core::Status {
        Fields f(attrs);
        Row row = decode(f);
        if (!f.ok()) {
          if (hooks.on_skip) {
            hooks.on_skip(SkippedRow{std::string(name), line,
                                     std::string(attrs.Find("Id").value_or("")), f.problem()});
          }
          return core::Ok();
        }
        return on_row(row);
      },
      hooks.on_bytes);
}

}  // namespace

core::Status ReadUsers(std::istream& in, std::string_view name, const RowHandler<User>& on_row,
                       const ReadHooks& hooks) {
  return ReadRows<User>(in, name, "users", DecodeUser, on_row, hooks);
}
core::Status ReadTags(std::istream& in, std::string_view name, const RowHandler<Tag>& on_row,
                      const ReadHooks& hooks) {
  return ReadRows<Tag>(in, name, "tags", DecodeTag, on_row, hooks);
}
core::Status ReadPosts(std::istream& in, std::string_view name, const RowHandler<Post>& on_row,
                       const ReadHooks& hooks) {
  return ReadRows<Post>(in, name, "posts", DecodePost, on_row, hooks);
}
core::Status ReadComments(std::istream& in, std::string_view name,
                          const RowHandler<Comment>& on_row, const ReadHooks& hooks) {
  return ReadRows<Comment>(in, name, "comments", DecodeComment, on_row, hooks);
}
core::Status ReadVotes(std::istream& in, std::string_view name, const RowHandler<Vote>& on_row,
                       const ReadHooks& hooks) {
  return ReadRows<Vote>(in, name, "votes", DecodeVote, on_row, hooks);
}
core::Status ReadPostLinks(std::istream& in, std::string_view name,
                           const RowHandler<PostLink>& on_row, const ReadHooks& hooks) {
  return ReadRows<PostLink>(in, name, "postlinks", DecodePostLink, on_row, hooks);
}
core::Status ReadBadges(std::istream& in, std::string_view name, const RowHandler<Badge>& on_row,
                        const ReadHooks& hooks) {
  return ReadRows<Badge>(in, name, "badges", DecodeBadge, on_row, hooks);
}

}  // namespace hallway::stackexchange
