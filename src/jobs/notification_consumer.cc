#include "jobs/notification_consumer.h"

#include <nlohmann/json.hpp>
#include <set>

#include "domain/privacy/policy.h"
#include "store/block_store.h"
#include "store/deliberation_store.h"
#include "store/group_store.h"
#include "store/notification_store.h"
#include "store/post_store.h"
#include "store/wiki_store.h"

namespace hallway::jobs {
namespace {

bool IsPostType(const std::string& t) {
  return t == "Note" || t == "Article" || t == "Question" || t == "Link";
}

std::int64_t ToId(const std::string& s) {
  try {
    return std::stoll(s);
  } catch (const std::exception&) {
    return 0;
  }
}

std::vector<std::int64_t> MentionIds(const std::string& payload) {
  std::vector<std::int64_t> out;
  auto j = nlohmann::json::parse(payload, nullptr, false);
  if (j.is_object() && j.contains("mentions") && j["mentions"].is_array()) {
    for (const auto& m : j["mentions"]) {
      if (m.is_number_integer()) out.push_back(m.get<std::int64_t>());
    }
  }
  return out;
}

std::string PayloadString(const std::string& payload, const char* key) {
  auto j = nlohmann::json::parse(payload, nullptr, false);
  if (j.is_object() && j.contains(key) && j[key].is_string()) return j[key].get<std::string>();
  return "";
}

// Returns true if `reader` may still read `post` (deleted, hidden and group
// rules as in PostService), so followers who lost access hear nothing.
core::Result<bool> CanStillRead(store::Tx& tx, const domain::Post& post, domain::AccountId reader) {
  if (post.hidden && post.author_id != reader) return false;
  if (!post.group_id) return true;
  HALLWAY_TRY_ASSIGN(domain::Group g, store::GetGroup(tx, *post.group_id));
  HALLWAY_TRY_ASSIGN(auto membership, store::GetMembership(tx, g.id, reader));
  return domain::CanReadGroupContent({g.visibility, membership});
}

std::int64_t PayloadInt(const std::string& payload, const char* key) {
  auto j = nlohmann::json::parse(payload, nullptr, false);
  if (j.is_object() && j.contains(key) && j[key].is_number_integer()) return j[key].get<std::int64_t>();
  return 0;
}

// Questions and answers: the asker hears of a new answer, the answerer of
// its acceptance and of comments on it, and people a question was routed to
// are asked for help. The payload names the people (written by the
// services, see answer_service.h and question_service.h).
template <typename Add>
core::Status NotifyQuestionAndAnswers(const domain::Activity& a, Add& add) {
  auto j = nlohmann::json::parse(a.payload, nullptr, false);
  if (!j.is_object()) return core::Ok();
  auto id_of = [&](const char* key) -> std::int64_t {
    return j.contains(key) && j[key].is_number_integer() ? j[key].get<std::int64_t>() : 0;
  };
  const std::int64_t question = a.object_type == "Question" ? ToId(a.object_id) : id_of("question_id");
  if (a.verb == "Create" && a.object_type == "Answer") {
    return add(id_of("question_author"), "answer", question, std::nullopt, "", std::nullopt);
  }
  if (a.verb == "Accept" && a.object_type == "Answer") {
    return add(id_of("answer_author"), "answer_accepted", question, std::nullopt, "", std::nullopt);
  }
  if (a.verb == "Create" && a.object_type == "AnswerComment") {
    return add(id_of("answer_author"), "answer_comment", question, std::nullopt, "", std::nullopt);
  }
  if (a.verb == "Offer" && a.object_type == "Question" && j.contains("recipients") && j["recipients"].is_array()) {
    for (const auto& id : j["recipients"]) {
      if (id.is_number_integer()) {
        HALLWAY_TRY(add(id.get<std::int64_t>(), "question_routed", question, std::nullopt, "", std::nullopt));
      }
    }
  }
  return core::Ok();
}

// Collects the notifications one activity causes; adds the recipients of
// newly inserted rows to `woken`.
core::Status Notify(store::Tx& tx, const domain::Activity& a, std::set<domain::AccountId>& woken) {
  if (!a.actor_id) return core::Ok();
  const domain::AccountId actor = *a.actor_id;
  std::set<std::pair<domain::AccountId, std::string>> sent;
  auto add = [&](domain::AccountId recipient, const std::string& kind, std::optional<std::int64_t> post,
                 std::optional<std::int64_t> group, const std::string& detail = "",
                 std::optional<std::int64_t> resource = std::nullopt,
                 std::optional<std::int64_t> wiki_page = std::nullopt) -> core::Status {
    if (recipient == actor || recipient == 0 || !sent.insert({recipient, kind}).second) return core::Ok();
    HALLWAY_TRY_ASSIGN(auto silenced, store::GetBlock(tx, recipient, actor));
    if (silenced) return core::Ok();  // blocked or muted: not a word from them
    store::NotificationRecord n;
    n.recipient_id = recipient;
    n.activity_id = a.id;
    n.kind = kind;
    n.actor_id = actor;
    n.post_id = post;
    n.group_id = group;
    n.detail = detail;
    n.resource_id = resource;
    n.wiki_page_id = wiki_page;
    n.created_at = a.published_at;
    auto r = store::InsertNotification(tx, n);
    if (!r) return r.error();
    if (*r) woken.insert(recipient);
    return core::Ok();
  };
  const std::optional<std::int64_t> target_group =
      a.target_type == "Group" ? std::optional(ToId(a.target_id)) : std::nullopt;

  if (a.verb == "Create" && IsPostType(a.object_type)) {
    const std::int64_t post = ToId(a.object_id);
    for (auto id : MentionIds(a.payload)) HALLWAY_TRY(add(id, "mention", post, target_group));
  } else if (a.verb == "Create" && a.object_type == "Comment") {
    const std::int64_t post_id = ToId(a.target_id);
    for (auto id : MentionIds(a.payload)) HALLWAY_TRY(add(id, "mention", post_id, std::nullopt));
    auto comment = store::GetComment(tx, ToId(a.object_id));
    if (comment && comment->parent_id) {
      auto parent = store::GetComment(tx, *comment->parent_id);
      if (parent) HALLWAY_TRY(add(parent->author_id, "reply", post_id, std::nullopt));
    }
    auto post = store::GetPost(tx, post_id);
    if (post) HALLWAY_TRY(add(post->author_id, "reply", post_id, std::nullopt));
  } else if (a.verb == "Announce" && IsPostType(a.object_type)) {
    auto original = store::GetPost(tx, ToId(a.object_id));
    auto j = nlohmann::json::parse(a.payload, nullptr, false);
    const std::int64_t reshare = j.is_object() && j.contains("reshare") && j["reshare"].is_number_integer()
                                     ? j["reshare"].get<std::int64_t>() : 0;
    if (original && reshare) HALLWAY_TRY(add(original->author_id, "reshare", reshare, target_group));
    for (auto id : MentionIds(a.payload)) HALLWAY_TRY(add(id, "mention", reshare, target_group));
  } else if (a.verb == "Like" && IsPostType(a.object_type)) {
    auto post = store::GetPost(tx, ToId(a.object_id));
    if (post) HALLWAY_TRY(add(post->author_id, "reaction", post->id, std::nullopt, PayloadString(a.payload, "reaction")));
  } else if (a.verb == "Follow" && a.object_type == "Person") {
    HALLWAY_TRY(add(ToId(a.object_id), "follow", std::nullopt, std::nullopt));
  } else if (a.verb == "Add" && a.object_type == "Endorsement") {
    HALLWAY_TRY(add(ToId(a.target_id), "endorsement", std::nullopt, std::nullopt, PayloadString(a.payload, "skill")));
  } else if (a.verb == "Invite" && a.object_type == "Person") {
    HALLWAY_TRY(add(ToId(a.object_id), "group_invitation", std::nullopt, target_group));
  } else if (a.verb == "Offer" && a.object_type == "Group") {
    const std::int64_t group = ToId(a.object_id);
    HALLWAY_TRY_ASSIGN(auto moderators, store::GroupModerators(tx, group));
    for (auto id : moderators) HALLWAY_TRY(add(id, "group_request", std::nullopt, group));
  } else if (a.verb == "Offer" && a.object_type == "Resource") {
    // A recommendation: the payload lists its recipients, checked by the
    // service when it was sent; visibility is re-checked when read.
    auto j = nlohmann::json::parse(a.payload, nullptr, false);
    if (j.is_object() && j.contains("recipients") && j["recipients"].is_array()) {
      for (const auto& id : j["recipients"]) {
        if (id.is_number_integer()) {
          HALLWAY_TRY(add(id.get<std::int64_t>(), "recommendation", std::nullopt, std::nullopt, a.target_id,
                          ToId(a.object_id)));
        }
      }
    }
  } else if (a.verb == "Update" && a.object_type == "Deliberation") {
    // A state change: every follower of the thread who can still read it.
    const std::string to = PayloadString(a.payload, "to");
    auto post = store::GetPost(tx, ToId(a.object_id));
    if (post && !to.empty()) {
      HALLWAY_TRY_ASSIGN(auto followers, store::PostFollowers(tx, post->id));
      for (auto id : followers) {
        HALLWAY_TRY_ASSIGN(bool readable, CanStillRead(tx, *post, id));
        if (readable) HALLWAY_TRY(add(id, "deliberation_state", post->id, std::nullopt, to));
      }
    }
  } else if ((a.verb == "Create" || a.verb == "Update") && a.object_type == "WikiPage") {
    // Those who watched the page when it changed (editors watch what they
    // edit) and may still read it; a later watcher hears only of later edits,
    // however late this consumer runs.
    const std::int64_t page = ToId(a.object_id);
    HALLWAY_TRY_ASSIGN(auto watchers, store::WikiWatchers(tx, page, a.published_at));
    const std::string revision = std::to_string(PayloadInt(a.payload, "revision"));
    for (auto id : watchers) HALLWAY_TRY(add(id, "wiki_edit", std::nullopt, std::nullopt, revision, std::nullopt, page));
  } else if (a.object_type == "Answer" || a.object_type == "AnswerComment" ||
             (a.verb == "Offer" && a.object_type == "Question")) {
    HALLWAY_TRY(NotifyQuestionAndAnswers(a, add));
  } else if (a.verb == "Accept" && a.object_type == "Membership") {
    HALLWAY_TRY(add(ToId(a.object_id), "group_approved", std::nullopt, target_group));
  }
  return core::Ok();
}

}  // namespace

core::Status NotificationConsumer::Handle(const std::vector<domain::Activity>& batch) {
  // One transaction per batch: the runner saves the cursor only after this
  // committed, and a replay re-inserts nothing thanks to the unique key.
  std::set<domain::AccountId> woken;
  HALLWAY_TRY(db_.Write([&](store::Tx& tx) -> core::Status {
    woken.clear();  // a retried transaction starts over
    for (const auto& a : batch) HALLWAY_TRY(Notify(tx, a, woken));
    return core::Ok();
  }));
  // Only after commit: a woken stream must find the rows.
  if (hub_) {
    for (auto id : woken) hub_->Publish(id);
  }
  return core::Ok();
}

}  // namespace hallway::jobs
