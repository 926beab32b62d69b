#include "service/post_service.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/utf8.h"
#include "domain/markdown.h"
#include "domain/social/top_score.h"
#include "service/attachment_rules.h"
#include "service/deliberation_facts.h"
#include "service/post_access.h"
#include "service/social_context.h"
#include "store/account_store.h"
#include "store/block_store.h"
#include "store/deliberation_store.h"
#include "store/group_store.h"
#include "store/question_store.h"
#include "store/stream_store.h"
#include "store/upload_store.h"

namespace hallway::service {
namespace {

using domain::Post;

using Readable = PostAccess;

core::Result<Readable> ReadablePost(store::Tx& tx, domain::PostId id, const Principal& who) {
  return LoadReadablePost(tx, id, who);
}

// Resolves @mentions to active accounts and checks each can read the post
// and has not blocked the author.
core::Result<std::vector<domain::AccountId>> ResolveMentions(store::Tx& tx, const std::string& text,
                                                             const std::optional<domain::Group>& group,
                                                             domain::AccountId author) {
  std::vector<domain::AccountId> ids;
  std::vector<std::string> blind;
  for (const auto& handle : domain::ExtractMentions(text)) {
    auto a = store::GetAccountByHandle(tx, handle);
    if (!a || a->status != domain::AccountStatus::kActive) continue;  // just text, e.g. "@here"
    HALLWAY_TRY_ASSIGN(auto block, store::GetBlock(tx, a->id, author));
    if (block == "block") {
      return core::Error::InvalidArgument("you cannot mention @" + a->handle,
                                          {{"body", "@" + a->handle + " cannot be mentioned by you"}});
    }
    if (group) {
      HALLWAY_TRY_ASSIGN(auto membership, store::GetMembership(tx, group->id, a->id));
      if (!domain::CanReadGroupContent({group->visibility, membership})) {
        blind.push_back("@" + a->handle);
        continue;
      }
    }
    ids.push_back(a->id);
  }
  if (!blind.empty()) {
    std::string list;
    for (const auto& h : blind) list += (list.empty() ? "" : ", ") + h;
    return core::Error::InvalidArgument("you mention people who cannot see this post: " + list,
                                        {{"body", "mentions people outside the group: " + list}});
  }
  return ids;
}

core::Result<std::vector<PostView>> Decorate(store::Tx& tx, std::vector<Post> posts, const Principal& who,
                                             core::Micros now) {
  std::vector<domain::PostId> ids;
  std::vector<domain::AccountId> authors;
  for (const auto& p : posts) {
    ids.push_back(p.id);
    authors.push_back(p.author_id);
  }
  HALLWAY_TRY_ASSIGN(auto accounts, store::GetAccountsById(tx, authors));
  HALLWAY_TRY_ASSIGN(auto reactions, store::ReactionCounts(tx, ids));
  HALLWAY_TRY_ASSIGN(auto mine, store::MyReactions(tx, ids, who.account_id));
  HALLWAY_TRY_ASSIGN(auto mentions, store::MentionHandles(tx, ids));
  HALLWAY_TRY_ASSIGN(auto reshares, store::ReshareCounts(tx, ids, who.account_id));
  HALLWAY_TRY_ASSIGN(auto attachments, store::ListPostAttachments(tx, ids));
  HALLWAY_TRY_ASSIGN(auto deliberations, DeliberationBadges(tx, ids, now));
  HALLWAY_TRY_ASSIGN(auto votes, store::QuestionVotesBy(tx, ids, who.account_id));
  std::vector<domain::GroupId> group_ids;
  for (const auto& p : posts) {
    if (p.group_id) group_ids.push_back(*p.group_id);
  }
  HALLWAY_TRY_ASSIGN(auto group_rows, store::GetGroupsWithMembership(tx, group_ids, who.account_id));
  std::map<domain::GroupId, GroupView> groups;
  for (const auto& [id, row] : group_rows) groups.emplace(id, ViewOf(row.group, row.membership));
  std::vector<PostView> out;
  for (auto& p : posts) {
    PostView v;
    v.author = accounts[p.author_id];
    v.reactions = reactions[p.id];
    v.my_reactions = mine[p.id];
    v.mentions = mentions[p.id];
    v.reshare_count = reshares[p.id];
    v.attachments = std::move(attachments[p.id]);
    if (auto d = deliberations.find(p.id); d != deliberations.end()) v.deliberation = d->second;
    if (auto vote = votes.find(p.id); vote != votes.end()) v.my_vote = vote->second;
    if (p.reshare_of) {
      auto original = ReadablePost(tx, *p.reshare_of, who);
      if (original) {
        HALLWAY_TRY_ASSIGN(auto authors, store::GetAccountsById(tx, {original->post.author_id}));
        v.original_author = authors[original->post.author_id];
        v.original = std::move(original->post);
      }
    }
    bool moderator = false;
    v.can_comment = true;
    if (p.group_id) {
      auto it = groups.find(*p.group_id);
      if (it == groups.end()) return core::Error::NotFound("no such group");
      v.group = it->second.group;
      moderator = it->second.can_moderate;
      v.can_comment = it->second.can_post;
    }
    v.can_edit = p.author_id == who.account_id;
    v.can_delete = v.can_edit || moderator || who.role == domain::Role::kAdmin;
    v.can_close = v.can_edit || moderator || who.role != domain::Role::kMember;
    v.can_moderate = moderator || IsOrgModerator(who);
    if (p.closed) v.can_comment = false;
    v.post = std::move(p);
    out.push_back(std::move(v));
  }
  return out;
}

core::Result<PostView> DecorateOne(store::Tx& tx, Post post, const Principal& who, core::Micros now) {
  std::vector<Post> one;
  one.push_back(std::move(post));
  HALLWAY_TRY_ASSIGN(auto views, Decorate(tx, std::move(one), who, now));
  return std::move(views.at(0));
}

std::string ObjectType(domain::PostKind k) {
  switch (k) {
    case domain::PostKind::kArticle: return "Article";
    case domain::PostKind::kQuestion: return "Question";
    case domain::PostKind::kLink: return "Link";
    case domain::PostKind::kNote: return "Note";
  }
  return "Note";
}

std::vector<std::string> TopicsOf(const domain::PostDraft& d) {
  return domain::ExtractTopics(d.title + "\n" + d.body);
}

}  // namespace

core::Result<std::vector<PostView>> DecoratePosts(store::Tx& tx, std::vector<domain::Post> posts,
                                                  const Principal& who, core::Micros now) {
  return Decorate(tx, std::move(posts), who, now);
}

core::Result<PostView> PostService::Create(const Principal& who, const NewPost& in) {
  HALLWAY_TRY_ASSIGN(domain::PostDraft draft, domain::ValidateDraft(in.draft));
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<PostView> {
    std::optional<domain::Group> group;
    if (!in.group_slug.empty()) {
      auto g = store::GetGroupBySlug(tx, in.group_slug);
      if (!g) return core::Error::NotFound("no such group");
      HALLWAY_TRY_ASSIGN(GroupView view, ViewOf(tx, *g, who.account_id));
      if (!domain::CanSeeGroup({g->visibility, view.membership})) return core::Error::NotFound("no such group");
      if (!view.can_post) return core::Error::PermissionDenied("join the group to post in it");
      group = *g;
    }
    HALLWAY_TRY_ASSIGN(auto mentions, ResolveMentions(tx, draft.title + "\n" + draft.body, group, who.account_id));
    Post p;
    p.author_id = who.account_id;
    p.kind = draft.kind;
    p.title = draft.title;
    p.body = draft.body;
    p.body_html = domain::RenderMarkdown(draft.body);
    p.link_url = draft.link_url;
    if (group) p.group_id = group->id;
    p.topics = TopicsOf(draft);
    p.created_at = p.updated_at = now;
    HALLWAY_TRY_ASSIGN(p.id, store::InsertPost(tx, p, mentions));
    HALLWAY_TRY(SetPostAttachments(tx, who.account_id, p.id, in.attachments, ctx_.config.max_attachments_per_post));
    HALLWAY_TRY(store::FollowPost(tx, p.id, who.account_id, now));  // authors follow their threads
    nlohmann::json payload = {{"topics", p.topics}, {"mentions", mentions}};
    if (!in.attachments.empty()) payload["attachments"] = in.attachments.size();
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Create", ObjectType(p.kind), std::to_string(p.id),
                                     AudienceFor(group), group ? "Group" : "", group ? std::to_string(group->id) : "",
                                     payload.dump()));
    HALLWAY_TRY_ASSIGN(Post saved, store::GetPost(tx, p.id));
    return DecorateOne(tx, std::move(saved), who, ctx_.clock.Now());
  });
}

core::Result<PostView> PostService::Get(const Principal& who, domain::PostId id) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<PostView> {
    HALLWAY_TRY_ASSIGN(Readable r, ReadablePost(tx, id, who));
    return DecorateOne(tx, std::move(r.post), who, ctx_.clock.Now());
  });
}

core::Status PostService::CheckReadable(const Principal& who, domain::PostId id) {
  return ctx_.db.Read([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY(ReadablePost(tx, id, who));
    return core::Ok();
  });
}

core::Result<PostView> PostService::Edit(const Principal& who, domain::PostId id,
                                         std::optional<std::string> title, std::optional<std::string> body,
                                         std::optional<std::vector<std::string>> attachments) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<PostView> {
    HALLWAY_TRY_ASSIGN(Readable r, ReadablePost(tx, id, who));
    if (r.post.author_id != who.account_id) return core::Error::PermissionDenied("only the author may edit a post");
    domain::PostDraft draft{r.post.kind, title.value_or(r.post.title), body.value_or(r.post.body), r.post.link_url};
    HALLWAY_TRY_ASSIGN(draft, domain::ValidateDraft(draft));
    std::optional<domain::Group> group;
    if (r.group) group = r.group->group;
    if (attachments) {
      HALLWAY_TRY(SetPostAttachments(tx, who.account_id, id, *attachments, ctx_.config.max_attachments_per_post));
    }
    if (draft.title == r.post.title && draft.body == r.post.body) {
      if (attachments) {
        HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Update", ObjectType(r.post.kind),
                                         std::to_string(id), AudienceFor(group), "", "",
                                         nlohmann::json{{"attachments", attachments->size()}}.dump()));
      }
      return DecorateOne(tx, std::move(r.post), who, ctx_.clock.Now());
    }
    HALLWAY_TRY_ASSIGN(auto mentions, ResolveMentions(tx, draft.title + "\n" + draft.body, group, who.account_id));
    Post p = r.post;
    p.title = draft.title;
    p.body = draft.body;
    p.body_html = domain::RenderMarkdown(draft.body);
    p.topics = TopicsOf(draft);
    p.revision += 1;
    p.updated_at = now;
    HALLWAY_TRY(store::UpdatePost(tx, p, mentions));
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Update", ObjectType(p.kind), std::to_string(p.id),
                                     AudienceFor(group), "", "",
                                     nlohmann::json{{"revision", p.revision}}.dump()));
    HALLWAY_TRY_ASSIGN(Post saved, store::GetPost(tx, p.id));
    return DecorateOne(tx, std::move(saved), who, ctx_.clock.Now());
  });
}

core::Status PostService::Delete(const Principal& who, domain::PostId id) {
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(Readable r, ReadablePost(tx, id, who));
    const bool moderator = r.group && r.group->can_moderate;
    if (r.post.author_id != who.account_id && !moderator && who.role != domain::Role::kAdmin) {
      return core::Error::PermissionDenied("only the author, the group's facilitators or an admin may delete it");
    }
    HALLWAY_TRY(store::MarkPostDeleted(tx, id, now));
    std::optional<domain::Group> group;
    if (r.group) group = r.group->group;
    return AppendSocialActivity(tx, now, who.account_id, "Delete", ObjectType(r.post.kind), std::to_string(id),
                                AudienceFor(group));
  });
}

core::Result<PostView> PostService::SetClosed(const Principal& who, domain::PostId id, bool closed) {
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<PostView> {
    HALLWAY_TRY_ASSIGN(Readable r, ReadablePost(tx, id, who));
    const bool moderator = r.group && r.group->can_moderate;
    if (r.post.author_id != who.account_id && !moderator && who.role == domain::Role::kMember) {
      return core::Error::PermissionDenied("only the author or a facilitator may close or reopen a thread");
    }
    if (r.post.closed != closed) {
      HALLWAY_TRY(store::SetPostClosed(tx, id, closed, now));
      std::optional<domain::Group> group;
      if (r.group) group = r.group->group;
      HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Update", ObjectType(r.post.kind), std::to_string(id),
                                       AudienceFor(group), "", "", nlohmann::json{{"closed", closed}}.dump()));
    }
    HALLWAY_TRY_ASSIGN(Post saved, store::GetPost(tx, id));
    return DecorateOne(tx, std::move(saved), who, ctx_.clock.Now());
  });
}

core::Result<PostView> PostService::Reshare(const Principal& who, domain::PostId id, const std::string& raw_note,
                                            const std::string& group_slug) {
  const std::string note = domain::Trim(raw_note);
  if (!core::IsCleanUtf8(note) || core::CodePointCount(note) > 1000) {
    return core::Error::InvalidArgument("the note must be at most 1,000 characters of text",
                                        {{"note", "at most 1,000 characters"}});
  }
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<PostView> {
    HALLWAY_TRY_ASSIGN(Readable seen, ReadablePost(tx, id, who));
    Readable original = seen;
    if (seen.post.reshare_of) {
      auto o = ReadablePost(tx, *seen.post.reshare_of, who);
      if (!o) return core::Error::NotFound("the original post is no longer available");
      original = std::move(*o);
    }
    std::optional<domain::Group> target;
    if (!group_slug.empty()) {
      auto g = store::GetGroupBySlug(tx, group_slug);
      if (!g) return core::Error::NotFound("no such group");
      HALLWAY_TRY_ASSIGN(GroupView view, ViewOf(tx, *g, who.account_id));
      if (!domain::CanSeeGroup({g->visibility, view.membership})) return core::Error::NotFound("no such group");
      if (!view.can_post) return core::Error::PermissionDenied("join the group to post in it");
      target = *g;
    }
    // Never widen the audience: closed and private content stays home.
    if (original.group && original.group->group.visibility != domain::GroupVisibility::kOpen &&
        (!target || target->id != original.group->group.id)) {
      return core::Error::PermissionDenied("posts of " + original.group->group.name +
                                           " can only be passed on inside that group");
    }
    HALLWAY_TRY_ASSIGN(auto mentions, ResolveMentions(tx, note, target, who.account_id));
    Post p;
    p.author_id = who.account_id;
    p.kind = domain::PostKind::kNote;
    p.body = note;
    p.body_html = domain::RenderMarkdown(note);
    if (target) p.group_id = target->id;
    p.topics = domain::ExtractTopics(note);
    p.reshare_of = original.post.id;
    p.reshared_via = seen.post.id;
    p.created_at = p.updated_at = now;
    HALLWAY_TRY_ASSIGN(p.id, store::InsertPost(tx, p, mentions));
    nlohmann::json payload = {{"reshare", p.id}, {"via", seen.post.id}, {"mentions", mentions}};
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Announce", ObjectType(original.post.kind),
                                     std::to_string(original.post.id), AudienceFor(target), target ? "Group" : "",
                                     target ? std::to_string(target->id) : "", payload.dump()));
    HALLWAY_TRY_ASSIGN(Post saved, store::GetPost(tx, p.id));
    return DecorateOne(tx, std::move(saved), who, ctx_.clock.Now());
  });
}

core::Result<std::vector<ReshareStep>> PostService::Chain(const Principal& who, domain::PostId id) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<ReshareStep>> {
    HALLWAY_TRY_ASSIGN(Readable seen, ReadablePost(tx, id, who));
    const domain::PostId original = seen.post.reshare_of.value_or(seen.post.id);
    HALLWAY_TRY_ASSIGN(auto reshares, store::ListReshares(tx, original));
    std::map<domain::PostId, domain::AccountId> author_of;
    author_of[seen.post.id] = seen.post.author_id;
    if (seen.post.reshare_of) {
      auto o = store::GetPost(tx, original);
      if (o) author_of[original] = o->author_id;
    }
    std::vector<domain::AccountId> people;
    for (const auto& r : reshares) {
      author_of[r.id] = r.author_id;
      people.push_back(r.author_id);
    }
    HALLWAY_TRY_ASSIGN(auto accounts, store::GetAccountsById(tx, people));
    std::vector<ReshareStep> out;
    for (const auto& r : reshares) {
      if (!ReadablePost(tx, r.id, who)) continue;  // a reshare inside a group the viewer is not in
      ReshareStep step;
      step.post_id = r.id;
      step.by = accounts[r.author_id];
      step.via_post_id = r.reshared_via.value_or(original);
      step.via_author_id = author_of.count(step.via_post_id) ? author_of[step.via_post_id] : 0;
      step.at = r.created_at;
      out.push_back(std::move(step));
    }
    return out;
  });
}

core::Status PostService::Flag(const Principal& who, domain::PostId id, const std::string& raw) {
  const std::string reason = domain::Trim(raw);
  if (reason.empty() || reason.size() > 500) {
    return core::Error::InvalidArgument("say briefly why (1 to 500 characters)", {{"reason", "1 to 500 characters"}});
  }
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(Readable r, ReadablePost(tx, id, who));
    HALLWAY_TRY_ASSIGN(bool added, store::AddFlag(tx, id, who.account_id, reason, now));
    if (!added) return core::Ok();
    return AppendSocialActivity(tx, now, who.account_id, "Flag", ObjectType(r.post.kind), std::to_string(id),
                                "moderators", "", "", nlohmann::json{{"reason", reason}}.dump());
  });
}

core::Result<PostView> PostService::SetHidden(const Principal& who, domain::PostId id, bool hidden,
                                              const std::string& raw) {
  const std::string reason = domain::Trim(raw);
  if (hidden && (reason.empty() || reason.size() > 500)) {
    return core::Error::InvalidArgument("give the author a reason (1 to 500 characters)",
                                        {{"reason", "1 to 500 characters"}});
  }
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<PostView> {
    HALLWAY_TRY_ASSIGN(Readable r, ReadablePost(tx, id, who));
    if (!IsOrgModerator(who) && !(r.group && r.group->can_moderate)) {
      return core::Error::PermissionDenied("only facilitators and admins may hide or restore posts");
    }
    HALLWAY_TRY(store::SetPostHidden(tx, id, hidden, hidden ? reason : "", now));
    std::optional<domain::Group> group;
    if (r.group) group = r.group->group;
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Update", ObjectType(r.post.kind), std::to_string(id),
                                     AudienceFor(group), "", "",
                                     nlohmann::json{{"hidden", hidden}, {"reason", reason}}.dump()));
    HALLWAY_TRY_ASSIGN(Post saved, store::GetPost(tx, id));
    return DecorateOne(tx, std::move(saved), who, ctx_.clock.Now());
  });
}

core::Result<std::vector<FlaggedPostView>> PostService::FlagQueue(const Principal& who) {
  if (!IsOrgModerator(who)) return core::Error::PermissionDenied("only facilitators and admins see flags");
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<FlaggedPostView>> {
    HALLWAY_TRY_ASSIGN(auto flagged, store::ListFlagged(tx, 200));
    std::vector<FlaggedPostView> out;
    for (auto& f : flagged) {
      // Private groups stay private, even from organization moderators.
      auto r = ReadablePost(tx, f.post_id, who);
      if (!r) continue;
      HALLWAY_TRY_ASSIGN(PostView view, DecorateOne(tx, std::move(r->post), who, ctx_.clock.Now()));
      out.push_back({std::move(view), f.flags, std::move(f.reasons)});
    }
    return out;
  });
}

core::Result<std::vector<domain::PostRevision>> PostService::Revisions(const Principal& who, domain::PostId id) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<domain::PostRevision>> {
    HALLWAY_TRY_ASSIGN(Readable r, ReadablePost(tx, id, who));
    return store::ListRevisions(tx, r.post.id);
  });
}

core::Result<std::vector<CommentView>> PostService::Comments(const Principal& who, domain::PostId id) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<CommentView>> {
    HALLWAY_TRY_ASSIGN(Readable r, ReadablePost(tx, id, who));
    HALLWAY_TRY_ASSIGN(auto comments, store::ListComments(tx, r.post.id));
    std::vector<domain::AccountId> authors;
    for (const auto& c : comments) authors.push_back(c.author_id);
    HALLWAY_TRY_ASSIGN(auto accounts, store::GetAccountsById(tx, authors));
    std::vector<CommentView> out;
    for (auto& c : comments) {
      const domain::AccountId author = c.author_id;
      out.push_back({std::move(c), accounts[author]});
    }
    return out;
  });
}

core::Result<CommentView> PostService::AddComment(const Principal& who, domain::PostId id,
                                                  const std::string& raw, std::optional<std::int64_t> parent_id) {
  HALLWAY_TRY_ASSIGN(std::string body, domain::ValidateComment(raw));
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<CommentView> {
    HALLWAY_TRY_ASSIGN(Readable r, ReadablePost(tx, id, who));
    if (r.group && !r.group->can_post) return core::Error::PermissionDenied("join the group to comment");
    if (r.post.closed) return core::Error::Conflict("the thread is closed to new comments");
    HALLWAY_TRY_ASSIGN(auto block, store::GetBlock(tx, r.post.author_id, who.account_id));
    if (block == "block") return core::Error::PermissionDenied("you cannot reply to this person");
    if (parent_id) {
      auto parent = store::GetComment(tx, *parent_id);
      if (!parent || parent->post_id != id) {
        return core::Error::InvalidArgument("parent_id is not a comment of this post",
                                            {{"parent_id", "is not a comment of this post"}});
      }
    }
    std::optional<domain::Group> group;
    if (r.group) group = r.group->group;
    HALLWAY_TRY_ASSIGN(auto mentions, ResolveMentions(tx, body, group, who.account_id));
    domain::Comment c;
    c.post_id = id;
    c.parent_id = parent_id;
    c.author_id = who.account_id;
    c.body = body;
    c.body_html = domain::RenderMarkdown(body);
    c.created_at = now;
    HALLWAY_TRY_ASSIGN(c, store::InsertComment(tx, c));
    HALLWAY_TRY(store::FollowPost(tx, id, who.account_id, now));  // so do those who comment
    HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, "Create", "Comment", std::to_string(c.id),
                                     AudienceFor(group), ObjectType(r.post.kind), std::to_string(id),
                                     nlohmann::json{{"mentions", mentions}}.dump()));
    HALLWAY_TRY_ASSIGN(auto authors, store::GetAccountsById(tx, {who.account_id}));
    return CommentView{c, authors[who.account_id]};
  });
}

core::Result<PostView> PostService::React(const Principal& who, domain::PostId id, const std::string& kind,
                                          bool on) {
  if (!domain::IsReactionKind(kind)) {
    return core::Error::NotFound("no such reaction '" + kind + "'; use like, insightful or thanks");
  }
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<PostView> {
    HALLWAY_TRY_ASSIGN(Readable r, ReadablePost(tx, id, who));
    if (r.group && !r.group->can_post) return core::Error::PermissionDenied("join the group to react");
    HALLWAY_TRY_ASSIGN(bool changed, store::SetReaction(tx, id, who.account_id, kind, on, now));
    if (changed) {
      std::optional<domain::Group> group;
      if (r.group) group = r.group->group;
      HALLWAY_TRY(AppendSocialActivity(tx, now, who.account_id, on ? "Like" : "Undo", ObjectType(r.post.kind),
                                       std::to_string(id), AudienceFor(group), "", "",
                                       nlohmann::json{{"reaction", kind}}.dump()));
    }
    return DecorateOne(tx, std::move(r.post), who, ctx_.clock.Now());
  });
}

namespace {

struct TopCursor {
  core::Micros ref = 0;
  std::int64_t max_id = 0;
  std::int64_t offset = 0;
};

core::Result<std::int64_t> CursorNumber(const std::string& s) {
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos) {
    return core::Error::InvalidArgument("malformed cursor", {{"cursor", "use the next_cursor of the previous page"}});
  }
  return std::stoll(s);
}

core::Result<TopCursor> ParseTopCursor(const std::string& cursor, core::Micros now) {
  TopCursor c;
  c.ref = now;
  if (cursor.empty()) return c;
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t dot; (dot = cursor.find('.', start)) != std::string::npos; start = dot + 1) {
    parts.push_back(cursor.substr(start, dot - start));
  }
  parts.push_back(cursor.substr(start));
  if (parts.size() != 4 || parts[0] != "top") {
    return core::Error::InvalidArgument("malformed cursor", {{"cursor", "use the next_cursor of the previous page"}});
  }
  HALLWAY_TRY_ASSIGN(c.ref, CursorNumber(parts[1]));
  HALLWAY_TRY_ASSIGN(c.max_id, CursorNumber(parts[2]));
  HALLWAY_TRY_ASSIGN(c.offset, CursorNumber(parts[3]));
  return c;
}

// Ranks the window by TopScore (ties broken by newer first) and returns one page.
core::Result<std::vector<Post>> RankTop(store::Tx& tx, std::vector<Post> window, const Principal& who,
                                        const TopCursor& c, int limit, std::string* next_cursor) {
  std::vector<domain::PostId> ids;
  std::vector<domain::AccountId> authors;
  for (const auto& p : window) {
    ids.push_back(p.id);
    authors.push_back(p.author_id);
  }
  HALLWAY_TRY_ASSIGN(auto reactions, store::ReactionCounts(tx, ids));
  HALLWAY_TRY_ASSIGN(auto followed, store::FollowedAmong(tx, who.account_id, authors));
  HALLWAY_TRY_ASSIGN(auto shared, store::SharedGroupCounts(tx, who.account_id, authors));
  std::vector<std::pair<double, std::size_t>> ranked;
  for (std::size_t i = 0; i < window.size(); ++i) {
    const Post& p = window[i];
    domain::TopSignals s;
    for (const auto& [kind, n] : reactions[p.id]) s.reactions += n;
    s.comments = p.comment_count;
    if (p.author_id != who.account_id) {
      s.follows_author = followed.count(p.author_id) > 0;
      s.shared_groups = shared.count(p.author_id) ? shared[p.author_id] : 0;
    }
    s.age = c.ref - p.created_at;
    ranked.emplace_back(domain::TopScore(s), i);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return window[a.second].id > window[b.second].id;
  });
  std::vector<Post> page;
  const std::size_t from = static_cast<std::size_t>(std::min<std::int64_t>(c.offset, static_cast<std::int64_t>(ranked.size())));
  const std::size_t to = std::min(ranked.size(), from + static_cast<std::size_t>(limit));
  for (std::size_t i = from; i < to; ++i) page.push_back(std::move(window[ranked[i].second]));
  if (to < ranked.size()) {
    *next_cursor = "top." + std::to_string(c.ref) + "." + std::to_string(c.max_id) + "." + std::to_string(to);
  }
  return page;
}

}  // namespace

core::Result<PostPageView> PostService::Stream(const Principal& who, store::StreamQuery q, const StreamOptions& o) {
  q.viewer = who.account_id;
  const core::Micros now = ctx_.clock.Now();
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<PostPageView> {
    PostPageView out;
    std::vector<Post> posts;
    if (o.order == StreamOrder::kLatest) {
      q.limit = o.limit;
      q.after = o.cursor;
      HALLWAY_TRY_ASSIGN(store::PostPage page, store::ListStream(tx, q));
      posts = std::move(page.items);
      out.next_cursor = page.next_cursor;
    } else {
      HALLWAY_TRY_ASSIGN(TopCursor c, ParseTopCursor(o.cursor, now));
      q.limit = kTopWindow;
      q.after = c.max_id ? std::to_string(c.max_id + 1) : "";
      HALLWAY_TRY_ASSIGN(store::PostPage page, store::ListStream(tx, q));
      if (c.max_id == 0 && !page.items.empty()) c.max_id = page.items.front().id;
      HALLWAY_TRY_ASSIGN(posts, RankTop(tx, std::move(page.items), who, c, o.limit, &out.next_cursor));
    }
    // Fold reshares of one original into its first entry on the page.
    std::vector<std::vector<Post>> folded;
    if (o.collapse_reshares) {
      std::vector<Post> entries;
      std::map<domain::PostId, std::size_t> by_key;
      for (auto& p : posts) {
        const domain::PostId key = p.reshare_of.value_or(p.id);
        auto it = by_key.find(key);
        if (it == by_key.end()) {
          by_key.emplace(key, entries.size());
          entries.push_back(std::move(p));
          folded.emplace_back();
        } else {
          folded[it->second].push_back(std::move(p));
        }
      }
      posts = std::move(entries);
    }
    std::vector<std::vector<domain::AccountId>> resharers(folded.size());
    std::vector<domain::AccountId> all_resharers;
    for (std::size_t i = 0; i < folded.size(); ++i) {
      if (folded[i].empty()) continue;
      auto add = [&](const Post& p) {
        if (!p.reshare_of) return;
        auto& list = resharers[i];
        if (std::find(list.begin(), list.end(), p.author_id) == list.end()) list.push_back(p.author_id);
        all_resharers.push_back(p.author_id);
      };
      add(posts[i]);
      for (const auto& p : folded[i]) add(p);
    }
    HALLWAY_TRY_ASSIGN(out.items, Decorate(tx, std::move(posts), who, ctx_.clock.Now()));
    HALLWAY_TRY_ASSIGN(auto people, store::GetAccountsById(tx, all_resharers));
    for (std::size_t i = 0; i < folded.size(); ++i) {
      for (const auto& p : folded[i]) out.items[i].collapsed_ids.push_back(p.id);
      for (auto id : resharers[i]) out.items[i].passed_on_by.push_back(people[id]);
    }
    if (q.kind == store::StreamKind::kHome) {
      HALLWAY_TRY_ASSIGN(out.last_seen_id, store::GetStreamPosition(tx, who.account_id, "home"));
      if (out.last_seen_id) {
        for (std::size_t i = 0; i < out.items.size(); ++i) {
          auto& v = out.items[i];
          domain::PostId newest = v.post.id;
          if (i < folded.size()) {
            for (const auto& p : folded[i]) newest = std::max(newest, p.id);
          }
          v.is_new = newest > *out.last_seen_id && v.post.author_id != who.account_id;
        }
      }
    }
    return out;
  });
}

core::Result<std::int64_t> PostService::MarkHomeSeen(const Principal& who, std::int64_t post_id) {
  if (post_id <= 0) {
    return core::Error::InvalidArgument("last_seen_id must be a post id", {{"last_seen_id", "must be a positive whole number"}});
  }
  const core::Micros now = ctx_.clock.Now();
  return store::WriteTx(ctx_.db, [&](store::Tx& tx) {
    return store::AdvanceStreamPosition(tx, who.account_id, "home", post_id, now);
  });
}

core::Result<PostPageView> PostService::Home(const Principal& who, const StreamOptions& options) {
  store::StreamQuery q;
  q.kind = store::StreamKind::kHome;
  return Stream(who, q, options);
}

core::Result<PostPageView> PostService::ByPerson(const Principal& who, const std::string& handle,
                                                 const StreamOptions& options) {
  auto person = store::ReadTx(ctx_.db, [&](store::Tx& tx) { return store::GetAccountByHandle(tx, handle); });
  if (!person || person->status != domain::AccountStatus::kActive) {
    return core::Error::NotFound("no person with handle '" + handle + "'");
  }
  store::StreamQuery q;
  q.kind = store::StreamKind::kPerson;
  q.person = person->id;
  return Stream(who, q, options);
}

core::Result<PostPageView> PostService::InGroup(const Principal& who, const std::string& slug,
                                                const StreamOptions& options) {
  auto view = store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<GroupView> {
    auto g = store::GetGroupBySlug(tx, slug);
    if (!g) return core::Error::NotFound("no such group");
    return ViewOf(tx, *g, who.account_id);
  });
  if (!view) return view.error();
  if (!domain::CanSeeGroup({view->group.visibility, view->membership})) {
    return core::Error::NotFound("no such group");
  }
  if (!view->can_read) return core::Error::PermissionDenied("join the group to read its posts");
  store::StreamQuery q;
  q.kind = store::StreamKind::kGroup;
  q.group = view->group.id;
  return Stream(who, q, options);
}

core::Result<PostPageView> PostService::WithTopic(const Principal& who, const std::string& raw,
                                                  const StreamOptions& options) {
  HALLWAY_TRY_ASSIGN(std::string topic, domain::NormalizeTopic(raw));
  store::StreamQuery q;
  q.kind = store::StreamKind::kTopic;
  q.topic = topic;
  return Stream(who, q, options);
}

}  // namespace hallway::service
