#include "service/suggestion_service.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "service/post_access.h"
#include "store/account_store.h"
#include "store/follow_store.h"
#include "store/group_store.h"
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

std::string People(std::int64_t n, const std::string& what) {
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
    std::vector<GroupSuggestion> out;
    for (const auto& s : signals) {
      GroupSuggestion g;
      g.score = 2.0 * std::log1p(static_cast<double>(s.followed_members)) +
                1.0 * std::log1p(static_cast<double>(s.team_members)) +
                1.5 * std::log1p(static_cast<double>(s.topic_posts)) +
                0.1 * std::log1p(static_cast<double>(s.members));
      if (s.followed_members > 0) {
        g.reasons.push_back(
            {"followed_members",
             People(s.followed_members, "you follow " +
                                            std::string(s.followed_members == 1 ? "is" : "are") +
                                            " a member")});
      }
      if (s.topic_posts > 0)
        g.reasons.push_back({"your_topic", "Talks about #" + s.topic + ", one of your topics"});
      if (s.team_members > 0) {
        g.reasons.push_back({"team_members", People(s.team_members, "from your team")});
      }
      if (g.reasons.empty()) g.reasons.push_back({"popular", People(s.members, "are members")});
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
        HALLWAY_TRY_ASSIGN(
            auto signals,
            store::ListQuestionSignals(tx, who.account_id, {topics.begin(), topics.end()}, limit));
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

core::Status SuggestionService::Dismiss(const Principal& who, const std::string& kind,
                                        std::int64_t id) {
  if (kind != "groups" && kind != "questions")
    return core::Error::NotFound("no such kind of suggestion");
  const core::Micros now = ctx_.clock.Now();
  return ctx_.db.Write([&](store::Tx& tx) -> core::Status {
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
