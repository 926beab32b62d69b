#include "service/notification_service.h"

#include <cstdlib>

#include "core/utf8.h"
#include "store/group_store.h"
#include "store/resource_store.h"
#include "store/saved_search_store.h"
#include "store/post_store.h"
#include "store/wiki_store.h"
#include "domain/wiki/wiki_links.h"

namespace hallway::service {
namespace {

// Returns a short quotable name for a post: its title, or the start of its body.
std::string PostLabel(const domain::Post& p) {
  std::string s = p.title.empty() ? p.body : p.title;
  for (char& c : s) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  if (core::CodePointCount(s) > 60) {
    std::size_t bytes = 0, points = 0;
    while (bytes < s.size() && points < 57) {
      bytes += 1;
      while (bytes < s.size() && (static_cast<unsigned char>(s[bytes]) & 0xc0) == 0x80) ++bytes;
      ++points;
    }
    s = s.substr(0, bytes) + "…";
  }
  return "“" + s + "”";
}

core::Result<NotificationView> Describe(store::Tx& tx, store::NotificationRecord n,
                                        std::map<domain::AccountId, domain::Account>& actors) {
  NotificationView v;
  const std::string who = n.actor_id && actors.count(*n.actor_id) ? actors[*n.actor_id].display_name : "Someone";
  if (n.actor_id && actors.count(*n.actor_id)) v.actor = actors[*n.actor_id];
  std::string post_label, group_name, group_slug;
  if (n.post_id) {
    auto post = store::GetPost(tx, *n.post_id);
    if (post) post_label = PostLabel(*post);
    v.url = "/posts/" + std::to_string(*n.post_id);
  }
  if (n.group_id) {
    auto group = store::GetGroup(tx, *n.group_id);
    if (group) {
      group_name = group->name;
      group_slug = group->slug;
    }
  }
  if (n.kind == "mention") {
    v.text = who + " mentioned you" + (post_label.empty() ? "" : " in " + post_label);
  } else if (n.kind == "reply") {
    v.text = who + " replied" + (post_label.empty() ? "" : " on " + post_label);
  } else if (n.kind == "reaction") {
    v.text = who + " reacted “" + n.detail + "” to " + (post_label.empty() ? "your post" : post_label);
  } else if (n.kind == "reshare") {
    v.text = who + " passed on your post";
  } else if (n.kind == "follow") {
    v.text = who + " started following you";
    if (v.actor) v.url = "/people/" + v.actor->handle;
  } else if (n.kind == "endorsement") {
    v.text = who + " endorsed your skill “" + n.detail + "”";
    if (v.actor) v.url = "/people/" + v.actor->handle;
  } else if (n.kind == "group_invitation") {
    v.text = who + " invited you to " + group_name;
    v.url = "/groups/" + group_slug;
  } else if (n.kind == "group_request") {
    v.text = who + " asks to join " + group_name;
    v.url = "/groups/" + group_slug;
  } else if (n.kind == "recommendation" && n.resource_id) {
    auto resource = store::GetResource(tx, *n.resource_id);
    v.text = who + " recommended " + (resource ? "“" + resource->fields.title + "”" : std::string("a resource")) +
             " to you";
    v.url = "/resources/" + std::to_string(*n.resource_id);
  } else if (n.kind == "deliberation_state") {
    v.text = (post_label.empty() ? std::string("A deliberation") : "The deliberation " + post_label) + " is now " +
             n.detail + " (" + who + "’s change)";
  } else if (n.kind == "wiki_edit" && n.wiki_page_id) {
    auto page = store::GetWikiPage(tx, *n.wiki_page_id);
    std::string where = "the wiki";
    if (page) {
      std::string space = "org";
      if (page->group_id) {
        auto group = store::GetGroup(tx, *page->group_id);
        if (group) {
          space = "g-" + group->slug;
          where = group->name + "’s wiki";
        }
      }
      v.url = domain::WikiPagePath(space, page->slug);
    }
    v.text = who + " edited “" + (page ? page->title : std::string("a page")) + "” in " + where;
  } else if (n.kind == "answer") {
    v.text = who + " answered " + (post_label.empty() ? "your question" : post_label);
  } else if (n.kind == "answer_accepted") {
    v.text = who + " accepted your answer" + (post_label.empty() ? "" : " to " + post_label);
  } else if (n.kind == "answer_comment") {
    v.text = who + " commented on your answer" + (post_label.empty() ? "" : " to " + post_label);
  } else if (n.kind == "question_routed") {
    v.text = who + " asks for your help with " + (post_label.empty() ? "a question" : post_label);
  } else if (n.kind == "saved_search") {
    // detail: "<new matches>:<saved search id>"
    const auto colon = n.detail.find(':');
    const std::int64_t count = std::atoll(n.detail.substr(0, colon).c_str());
    const std::int64_t id = colon == std::string::npos ? 0 : std::atoll(n.detail.c_str() + colon + 1);
    auto saved = store::GetAnySavedSearch(tx, id);
    const std::string results = std::to_string(count) + (count == 1 ? " new result" : " new results");
    if (saved && saved->account_id == n.recipient_id) {
      v.text = results + " for “" + saved->name + "”";
      v.url = "/search?" + saved->query + "&saved=" + std::to_string(id);
    } else {
      v.text = results + " for a search you no longer keep";
      v.url = "/search";
    }
  } else if (n.kind == "group_approved") {
    v.text = "You are now a member of " + group_name;
    v.url = "/groups/" + group_slug;
  } else {
    v.text = who + " did something";
  }
  v.record = std::move(n);
  return v;
}

}  // namespace

core::Result<NotificationPageView> NotificationService::List(const Principal& who, bool unread_only, int limit,
                                                             const std::string& after) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<NotificationPageView> {
    HALLWAY_TRY_ASSIGN(auto page, store::ListNotifications(tx, who.account_id, unread_only, limit, after));
    std::vector<domain::AccountId> actor_ids;
    for (const auto& n : page.items) {
      if (n.actor_id) actor_ids.push_back(*n.actor_id);
    }
    HALLWAY_TRY_ASSIGN(auto actors, store::GetAccountsById(tx, actor_ids));
    NotificationPageView out;
    out.next_cursor = page.next_cursor;
    for (auto& n : page.items) {
      HALLWAY_TRY_ASSIGN(NotificationView v, Describe(tx, std::move(n), actors));
      out.items.push_back(std::move(v));
    }
    HALLWAY_TRY_ASSIGN(out.unread_count, store::CountUnread(tx, who.account_id));
    return out;
  });
}

core::Result<std::int64_t> NotificationService::UnreadCount(const Principal& who) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) { return store::CountUnread(tx, who.account_id); });
}

core::Result<std::int64_t> NotificationService::MarkRead(const Principal& who,
                                                         const std::vector<std::int64_t>& ids) {
  const core::Micros now = ctx_.clock.Now();
  auto unread = store::WriteTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::int64_t> {
    HALLWAY_TRY(store::MarkRead(tx, who.account_id, ids, now));
    return store::CountUnread(tx, who.account_id);
  });
  if (unread && hub_) hub_->Publish(who.account_id);
  return unread;
}

core::Result<NotificationService::Delta> NotificationService::Since(domain::AccountId who, std::int64_t after_id,
                                                                    int limit) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<Delta> {
    Delta out;
    HALLWAY_TRY_ASSIGN(auto records, store::ListNotificationsAfter(tx, who, after_id, limit));
    std::vector<domain::AccountId> actor_ids;
    for (const auto& n : records) {
      if (n.actor_id) actor_ids.push_back(*n.actor_id);
    }
    HALLWAY_TRY_ASSIGN(auto actors, store::GetAccountsById(tx, actor_ids));
    for (auto& n : records) {
      HALLWAY_TRY_ASSIGN(NotificationView v, Describe(tx, std::move(n), actors));
      out.items.push_back(std::move(v));
    }
    HALLWAY_TRY_ASSIGN(out.unread_count, store::CountUnread(tx, who));
    HALLWAY_TRY_ASSIGN(out.latest_id, store::LatestNotificationId(tx, who));
    return out;
  });
}

core::Result<NotificationView> NotificationService::GetVisible(std::int64_t id) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<NotificationView> {
    HALLWAY_TRY_ASSIGN(store::NotificationRecord n, store::GetVisibleNotification(tx, id));
    std::vector<domain::AccountId> actor_ids;
    if (n.actor_id) actor_ids.push_back(*n.actor_id);
    HALLWAY_TRY_ASSIGN(auto actors, store::GetAccountsById(tx, actor_ids));
    return Describe(tx, std::move(n), actors);
  });
}

}  // namespace hallway::service
