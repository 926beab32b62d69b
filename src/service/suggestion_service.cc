#include "service/suggestion_service.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "service/post_access.h"
#include "store/account_store.h"
#include "store/collection_store.h"
#include "store/follow_store.h"
#include "store/group_store.h"
#include "store/post_store.h"
#include "store/suggestion_store.h"

namespace hallway::service {
namespace {

constexpr core::Micros kTopicWindow = 90 * core::kDay;

core::Status CheckLimit(int limit) {
  if (limit < 1 || limit > 20)
    return core::Error::InvalidArgument("limit must be 1 to 20", {{"limit", "1 to 20"}});
  return core::Ok();
}

// A skill or interest as the topic key posts use ("Change management" ->
// "change-management").
std::string TopicKey(const std::string& label) {
  std::string key = domain::TagKey(label);
  std::replace(key.begin(), key.end(), ' ', '-');
  return key;
}

// Each dismissal of a suggestion like this one (same topic, team or curator)
// halves its score: dismissing is also "fewer like this".
constexpr double kPerDismissedAlike = 0.5;

double AlikeFactor(const std::map<std::string, std::int64_t>& dismissed, const std::string& key) {
  if (key.empty()) return 1.0;
  auto it = dismissed.find(key);
  return it == dismissed.end() ? 1.0 : std::pow(kPerDismissedAlike, static_cast<double>(it->second));
}

std::string CountOfPeople(std::int64_t n, const std::string& what) {
  return std::to_string(n) + (n == 1 ? " person " : " people ") + what;
}

}  // namespace

core::Result<std::vector<GroupSuggestion>> SuggestionService::Groups(const Principal& who,
                                                                     int limit) {
  HALLWAY_TRY(CheckLimit(limit));
  const core::Micros now = ctx_.clock.Now();
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<GroupSuggestion>> {
    HALLWAY_TRY_ASSIGN(domain::Account me, store::GetAccount(tx, who.account_id));
    HALLWAY_TRY_ASSIGN(std::vector<std::string> followed,
                       store::ListFollowedTopics(tx, who.account_id));
    std::set<std::string> topics(followed.begin(), followed.end());
    for (const auto& s : me.skills) topics.insert(TopicKey(s));
    for (const auto& s : me.interests) topics.insert(TopicKey(s));
    HALLWAY_TRY_ASSIGN(auto signals,
                       store::ListGroupSignals(tx, who.account_id, me.team,
                                               {topics.begin(), topics.end()}, now - kTopicWindow));
    HALLWAY_TRY_ASSIGN(auto dismissed,
                       store::CountDismissedAlike(tx, who.account_id, "group", now - kTopicWindow));
    std::vector<GroupSuggestion> out;
    for (const auto& s : signals) {
      GroupSuggestion g;
      g.score = 2.0 * std::log1p(static_cast<double>(s.followed_members)) +
                1.0 * std::log1p(static_cast<double>(s.team_members)) +
                1.5 * std::log1p(static_cast<double>(s.topic_posts)) +
                0.1 * std::log1p(static_cast<double>(s.members));
      g.score *= AlikeFactor(dismissed, s.topic);
      if (s.followed_members > 0) {
        g.reasons.push_back(
            {"followed_members",
             CountOfPeople(s.followed_members,
                           "you follow " + std::string(s.followed_members == 1 ? "is" : "are") +
                               " a member")});
      }
      if (s.topic_posts > 0)
        g.reasons.push_back({"your_topic", "Talks about #" + s.topic + ", one of your topics"});
      if (s.team_members > 0) {
        g.reasons.push_back({"team_members", CountOfPeople(s.team_members, "from your team")});
      }
      if (g.reasons.empty())
        g.reasons.push_back({"popular", CountOfPeople(s.members, "are members")});
      HALLWAY_TRY_ASSIGN(domain::Group group, store::GetGroupWithoutMemberCount(tx, s.group_id));
      group.member_count = s.members;
      g.group.group = std::move(group);
      g.group.can_read = g.group.group.visibility == domain::GroupVisibility::kOpen;
      out.push_back(std::move(g));
    }
    std::stable_sort(
        out.begin(), out.end(),
        [](const GroupSuggestion& a, const GroupSuggestion& b) { return a.score > b.score; });
    if (out.size() > static_cast<std::size_t>(limit)) out.resize(static_cast<std::size_t>(limit));
    return out;
  });
}

core::Result<std::vector<QuestionSuggestion>> SuggestionService::Questions(const Principal& who,
                                                                           int limit) {
  HALLWAY_TRY(CheckLimit(limit));
  return store::ReadTx(
      ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<QuestionSuggestion>> {
        HALLWAY_TRY_ASSIGN(domain::Account me, store::GetAccount(tx, who.account_id));
        std::set<std::string> skills;
        for (const auto& s : me.skills) skills.insert(TopicKey(s));
        HALLWAY_TRY_ASSIGN(std::vector<std::string> answered,
                           store::ListAnsweredTopics(tx, who.account_id));
        std::set<std::string> topics(skills.begin(), skills.end());
        topics.insert(answered.begin(), answered.end());
        // Twice the page, so questions like dismissed ones can give way.
        HALLWAY_TRY_ASSIGN(auto signals,
                           store::ListQuestionSignals(tx, who.account_id,
                                                      {topics.begin(), topics.end()}, 2 * limit));
        HALLWAY_TRY_ASSIGN(auto dismissed,
                           store::CountDismissedAlike(tx, who.account_id, "question", 0));
        std::stable_sort(signals.begin(), signals.end(), [&](const auto& a, const auto& b) {
          return AlikeFactor(dismissed, a.topic) > AlikeFactor(dismissed, b.topic);
        });
        if (signals.size() > static_cast<std::size_t>(limit))
          signals.resize(static_cast<std::size_t>(limit));
        std::vector<QuestionSuggestion> out;
        for (auto& s : signals) {
          QuestionSuggestion q{s.post_id, std::move(s.title), s.answers, s.created_at, {}};
          if (!s.topic.empty() && skills.count(s.topic)) {
            q.reasons.push_back({"your_skill", "About #" + s.topic + ", one of your skills"});
          } else if (!s.topic.empty()) {
            q.reasons.push_back(
                {"answered_topic",
                 "About #" + s.topic + ", which you have answered or written about"});
          }
          if (s.answers == 0) q.reasons.push_back({"unanswered", "Nobody has answered yet"});
          out.push_back(std::move(q));
        }
        return out;
      });
}

core::Result<std::vector<PersonSuggestion>> SuggestionService::People(const Principal& who,
                                                                      int limit) {
  HALLWAY_TRY(CheckLimit(limit));
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<PersonSuggestion>> {
    HALLWAY_TRY_ASSIGN(domain::Account me, store::GetAccount(tx, who.account_id));
    std::set<std::string> skills;
    for (const auto& s : me.skills) skills.insert(domain::TagKey(s));
    HALLWAY_TRY_ASSIGN(auto signals, store::ListPeopleSignals(tx, who.account_id, me.team,
                                                              {skills.begin(), skills.end()}));
    HALLWAY_TRY_ASSIGN(auto dismissed, store::CountDismissedAlike(tx, who.account_id, "person", 0));
    std::vector<PersonSuggestion> out;
    for (const auto& s : signals) {
      PersonSuggestion p;
      p.person.id = s.id;
      p.score = 2.0 * std::log1p(static_cast<double>(s.followed_by_followees)) +
                (s.teammate ? 1.0 : 0.0) + 1.0 * std::log1p(static_cast<double>(s.shared_skills)) +
                (s.newcomer ? 0.1 : 0.0);
      p.score *= AlikeFactor(dismissed, s.team);
      if (s.followed_by_followees > 0) {
        p.reasons.push_back(
            {"followed_by_followees",
             "Followed by " + CountOfPeople(s.followed_by_followees, "you follow")});
      }
      if (s.teammate) p.reasons.push_back({"teammate", "On your team (" + me.team + ")"});
      if (s.shared_skills == 1) p.reasons.push_back({"shared_skills", "Shares one of your skills"});
      if (s.shared_skills > 1) {
        p.reasons.push_back(
            {"shared_skills", "Shares " + std::to_string(s.shared_skills) + " of your skills"});
      }
      if (p.reasons.empty()) p.reasons.push_back({"newcomer", "New here"});
      out.push_back(std::move(p));
    }
    std::stable_sort(
        out.begin(), out.end(),
        [](const PersonSuggestion& a, const PersonSuggestion& b) { return a.score > b.score; });
    if (out.size() > static_cast<std::size_t>(limit)) out.resize(static_cast<std::size_t>(limit));
    std::vector<domain::AccountId> ids;
    for (const auto& p : out) ids.push_back(p.person.id);
    HALLWAY_TRY_ASSIGN(auto accounts, store::GetAccountsById(tx, ids));
    for (auto& p : out) p.person = accounts[p.person.id];
    return out;
  });
}

core::Result<std::vector<CollectionSuggestion>> SuggestionService::Collections(const Principal& who,
                                                                               int limit) {
  HALLWAY_TRY(CheckLimit(limit));
  return store::ReadTx(
      ctx_.db, [&](store::Tx& tx) -> core::Result<std::vector<CollectionSuggestion>> {
        HALLWAY_TRY_ASSIGN(auto signals, store::ListCollectionSignals(tx, who.account_id));
        HALLWAY_TRY_ASSIGN(auto dismissed,
                           store::CountDismissedAlike(tx, who.account_id, "collection", 0));
        std::vector<domain::AccountId> owners;
        for (const auto& s : signals) owners.push_back(s.owner_id);
        HALLWAY_TRY_ASSIGN(auto accounts, store::GetAccountsById(tx, owners));
        std::vector<CollectionSuggestion> out;
        for (const auto& s : signals) {
          if (s.items == 0) continue;  // nothing in it to learn from yet
          CollectionSuggestion c{s.id,    s.title,     s.is_path, accounts[s.owner_id],
                                 s.items, s.followers, 0,         {}};
          c.score = (s.by_trusted ? 2.0 : 0.0) + (s.by_followee ? 1.5 : 0.0) +
                    0.5 * std::log1p(static_cast<double>(s.followers));
          c.score *= AlikeFactor(dismissed, std::to_string(s.owner_id));
          const std::string& name = c.curator.display_name;
          if (s.by_trusted) {
            c.reasons.push_back({"curator_trusted", "Curated by " + name + ", whom you trust"});
          } else if (s.by_followee) {
            c.reasons.push_back({"curator_followed", "Curated by " + name + ", whom you follow"});
          }
          if (s.followers > 0)
            c.reasons.push_back({"popular", CountOfPeople(s.followers, "follow it")});
          if (c.reasons.empty()) c.reasons.push_back({"newcomer", "New, curated by " + name});
          out.push_back(std::move(c));
        }
        std::stable_sort(out.begin(), out.end(),
                         [](const CollectionSuggestion& a, const CollectionSuggestion& b) {
                           return a.score > b.score;
                         });
        if (out.size() > static_cast<std::size_t>(limit))
          out.resize(static_cast<std::size_t>(limit));
        return out;
      });
}

core::Status SuggestionService::Dismiss(const Principal& who, const std::string& kind,
                                        std::int64_t id) {
  if (kind != "groups" && kind != "questions" && kind != "people" && kind != "collections") {
    return core::Error::NotFound("no such kind of suggestion");
  }
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    if (kind == "people") {
      auto a = store::GetAccount(tx, id);
      if (!a || a->status != domain::AccountStatus::kActive)
        return core::Error::NotFound("no such person");
      return store::PutSuggestionDismissal(tx, who.account_id, "person", id, now);
    }
    if (kind == "collections") {
      HALLWAY_TRY_ASSIGN(bool visible, store::CollectionVisibleTo(tx, id, who.account_id));
      if (!visible) return core::Error::NotFound("no such collection");
      return store::PutSuggestionDismissal(tx, who.account_id, "collection", id, now);
    }
    if (kind == "groups") {
      auto g = store::GetGroupWithoutMemberCount(tx, id);
      if (!g || g->visibility == domain::GroupVisibility::kPrivate)
        return core::Error::NotFound("no such group");
      return store::PutSuggestionDismissal(tx, who.account_id, "group", id, now);
    }
    auto access = LoadReadablePost(tx, id, who);
    if (!access || access->post.kind != domain::PostKind::kQuestion)
      return core::Error::NotFound("no such question");
    return store::PutSuggestionDismissal(tx, who.account_id, "question", id, now);
  });
}

}  // namespace hallway::service
