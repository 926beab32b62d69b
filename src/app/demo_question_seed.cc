#include "app/demo_question_seed.h"

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/demo_rng.h"
#include "domain/markdown.h"
#include "domain/qa/answer.h"
#include "domain/social/post.h"
#include "service/social_context.h"
#include "store/answer_store.h"
#include "store/group_store.h"
#include "store/post_store.h"
#include "store/question_store.h"

namespace hallway::app {
namespace {

enum class Outcome { kAccepted, kAnswered, kUnanswered };

struct QuestionSeed {
  const char* group;  // a demo group's slug; "" for the whole organization
  const char* title;
  const char* body;
  std::vector<const char*> answers;  // the first is the best one
  Outcome outcome;
};

const std::vector<QuestionSeed>& Questions() {
  static const std::vector<QuestionSeed> kQuestions = {
      {"negotiation-guild",
       "How do I find my BATNA before a vendor renewal?",
       "Our biggest SaaS contract renews in six weeks and I do not know what we would do without "
       "it. "
       "#negotiation #procurement",
       {"List the two or three real alternatives (another vendor, building it, doing without) and "
        "price "
        "each one for a year. The cheapest credible one is your BATNA; your walk-away point "
        "follows from it.",
        "Ask finance for last year's usage numbers first. Half our renewals turned out to be for "
        "seats "
        "nobody used.",
        "Talk to the alternative vendor for real, not just on paper. A written quote changes the "
        "tone of "
        "the renewal call."},
       Outcome::kAccepted},
      {"negotiation-guild",
       "Is it OK to ask a supplier for a discount twice?",
       "They already gave us 8% in the first round. #negotiation",
       {"Yes, if you bring something new: a longer term, a case study, earlier payment. Asking "
        "again with "
        "nothing to trade just burns goodwill.",
        "We usually ask for non-price terms in the second round instead: support hours, training "
        "seats."},
       Outcome::kAnswered},
      {"data-science-community",
       "When should I use a Bayesian A/B test instead of a t-test?",
       "Product wants answers sooner than our fixed-horizon tests allow. #experiment-design "
       "#statistics",
       {"When you need to make decisions with a probability attached (\"92% that B is better\") "
        "and can "
        "agree on priors up front. It does not save samples by magic: peeking is still a problem "
        "if you "
        "stop the moment the posterior looks good.",
        "If the team cannot explain priors to stakeholders, a sequential frequentist test (e.g. "
        "with "
        "alpha spending) answers the \"sooner\" part with less debate.",
        "We use Bayesian tests for pricing experiments only; everything else stays fixed-horizon."},
       Outcome::kAccepted},
      {"data-science-community",
       "How do you version datasets for a model that retrains weekly?",
       "We keep losing track of which snapshot trained which model. #mlops #data-engineering",
       {"Write each snapshot to an immutable, dated path and record the path and a content hash in "
        "the "
        "model's metadata. Then any model can tell you exactly what it saw."},
       Outcome::kAnswered},
      {"data-science-community",
       "Which forecasting baseline do you always try first?",
       "Looking for a sanity check before we try anything fancy. #forecasting",
       {},
       Outcome::kUnanswered},
      {"new-joiners",
       "Where do I book a room for a team offsite?",
       "First month here, and the intranet search did not help. #onboarding",
       {"Facilities handles anything over 10 people: send them the date and headcount. Smaller "
        "rooms are "
        "in the calendar's room list.",
        "Book at least three weeks ahead in spring, the big rooms go fast."},
       Outcome::kAccepted},
      {"new-joiners",
       "Is there a mentoring programme for new engineers?",
       "I would love someone outside my team to talk to. #mentoring #onboarding",
       {},
       Outcome::kUnanswered},
      {"engineering-managers",
       "How do you run a calibration meeting that feels fair?",
       "Last cycle ours turned into a debate club. #performance-reviews #leadership",
       {"Circulate written evidence a day before, timebox each person, and have one manager argue "
        "the "
        "opposite case on purpose. The loudest voice matters much less then.",
        "Start with the people everybody agrees on; it calibrates the room before the hard cases."},
       Outcome::kAccepted},
      {"leadership-circle",
       "How do I tell my team about a reorganisation before it is public?",
       "I can share some of it next week, not all. #leadership #change-management",
       {"Say what you can, say clearly what you cannot yet, and give a date for the next update. "
        "People "
        "forgive \"I can't tell you yet\" far more than a half-truth."},
       Outcome::kAnswered},
      {"",
       "What is a good first project to learn PostgreSQL query tuning?",
       "I read about EXPLAIN but never used it on something real. #postgresql #performance",
       {"Take your team's slowest dashboard query, run EXPLAIN (ANALYZE, BUFFERS) and try to halve "
        "it. "
        "You will meet indexes, join order and statistics in one afternoon.",
        "The PostgreSQL docs chapter on EXPLAIN is excellent; read it with a real plan open next "
        "to it."},
       Outcome::kAccepted},
      {"",
       "How do you keep a public speaking habit going?",
       "I gave one good talk last year and nothing since. #public-speaking",
       {"Lightning talks at the monthly all-hands: five minutes, low stakes, and there is a slot "
        "every "
        "month.",
        "Volunteer to present other people's work in the review meeting. Practice without the "
        "pressure "
        "of your own topic."},
       Outcome::kAnswered},
      {"",
       "What accessibility checks should every pull request pass?",
       "We want a short list people actually follow. #accessibility #design-systems",
       {"Keyboard-only walk-through, visible focus, labels on every control, and contrast checked "
        "by the "
        "linter. Four items, and they catch most regressions."},
       Outcome::kAccepted},
      {"",
       "Any recommendations for a GDPR refresher course?",
       "Ours expires next month. #gdpr #privacy",
       {},
       Outcome::kUnanswered},
      {"",
       "How do you scope a kaizen week so it finishes?",
       "Our last one produced a long list and no changes. #lean #process-improvement",
       {},
       Outcome::kUnanswered},
  };
  return kQuestions;
}

std::string Id(std::int64_t v) { return std::to_string(v); }

// Someone from `pool` who is not `not_this` (tries a few times; may return
// `not_this` when the pool is tiny, which the caller skips).
const domain::Account* Pick(Rng& rng, const std::vector<const domain::Account*>& pool,
                            domain::AccountId not_this) {
  for (int i = 0; i < 8; ++i) {
    const domain::Account* a = pool[rng.Below(pool.size())];
    if (a->id != not_this) return a;
  }
  return pool.front();
}

}  // namespace

core::Status SeedDemoQuestions(store::Tx& tx, const std::vector<domain::Account>& people,
                               core::Micros now) {
  Rng rng(0x9a5eed);
  std::vector<const domain::Account*> everyone;
  for (std::size_t i = 2; i < people.size(); ++i) everyone.push_back(&people[i]);
  std::map<std::string, std::vector<const domain::Account*>> pools;  // active members by group slug
  std::map<std::string, domain::Group> groups;
  std::map<domain::AccountId, const domain::Account*> by_id;
  for (const auto& p : people) by_id[p.id] = &p;

  const auto& seeds = Questions();
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    const QuestionSeed& seed = seeds[i];
    std::optional<domain::Group> group;
    if (*seed.group) {
      if (!groups.count(seed.group)) {
        HALLWAY_TRY_ASSIGN(domain::Group g, store::GetGroupBySlug(tx, seed.group));
        HALLWAY_TRY_ASSIGN(auto members,
                           store::ListMembers(tx, g.id, domain::MembershipState::kActive));
        auto& pool = pools[seed.group];
        for (const auto& m : members) {
          if (by_id.count(m.account_id) && m.account_id != people[1].id)
            pool.push_back(by_id[m.account_id]);
        }
        groups.emplace(seed.group, g);
      }
      group = groups.at(seed.group);
    }
    const auto& pool = group ? pools[seed.group] : everyone;
    if (pool.size() < 4) continue;  // a group too small to hold a conversation
    const domain::Account* asker = Pick(rng, pool, 0);

    domain::Post q;
    q.author_id = asker->id;
    q.kind = domain::PostKind::kQuestion;
    q.title = seed.title;
    q.body = seed.body;
    q.body_html = domain::RenderMarkdown(q.body);
    q.topics = domain::ExtractTopics(q.title + "\n" + q.body);
    if (group) q.group_id = group->id;
    // The streams order posts by id, and these come after the other demo
    // posts: so they are also the newest, asked over the last two days
    // (older first), with everything that follows them in the past.
    q.created_at = q.updated_at =
        now - core::kDay * 2 + core::kHour * 3 * static_cast<core::Micros>(i);
    HALLWAY_TRY_ASSIGN(q.id, store::InsertPost(tx, q, {}));
    const std::string audience = service::AudienceFor(group);
    HALLWAY_TRY(service::AppendSocialActivity(tx, q.created_at, asker->id, "Create", "Question",
                                              Id(q.id), audience));

    // Answers, a few hours apart, each from someone else.
    std::vector<domain::Answer> answers;
    for (std::size_t a = 0; a < seed.answers.size(); ++a) {
      const domain::Account* who = Pick(rng, pool, asker->id);
      if (who->id == asker->id) continue;
      domain::Answer answer;
      answer.question_id = q.id;
      answer.author_id = who->id;
      answer.body = seed.answers[a];
      answer.body_html = domain::RenderMarkdown(answer.body);
      answer.created_at = q.created_at + core::kHour * static_cast<core::Micros>(2 + 3 * a);
      HALLWAY_TRY_ASSIGN(answer, store::InsertAnswer(tx, answer));
      const nlohmann::json payload = {{"question_id", q.id}, {"question_author", asker->id}};
      HALLWAY_TRY(service::AppendSocialActivity(tx, answer.created_at, who->id, "Create", "Answer",
                                                Id(answer.id), audience, "Question", Id(q.id),
                                                payload.dump()));
      answers.push_back(answer);
    }

    // Votes: the best answer gets the most; the question a few.
    for (std::size_t a = 0; a < answers.size(); ++a) {
      const std::size_t ups = (a == 0 ? 3 : 1) + rng.Below(a == 0 ? 5 : 3);
      for (std::size_t v = 0; v < ups; ++v) {
        const domain::Account* voter = Pick(rng, pool, answers[a].author_id);
        if (voter->id == answers[a].author_id) continue;
        const int value = a > 0 && rng.Below(5) == 0 ? -1 : 1;
        HALLWAY_TRY(store::LockAnswer(tx, answers[a].id));
        HALLWAY_TRY_ASSIGN(bool changed,
                           store::SetAnswerVote(tx, answers[a].id, voter->id, value,
                                                answers[a].created_at + core::kMinute * 20));
        (void)changed;
      }
    }
    const std::size_t question_votes = rng.Below(6);
    for (std::size_t v = 0; v < question_votes; ++v) {
      const domain::Account* voter = Pick(rng, pool, asker->id);
      if (voter->id == asker->id) continue;
      HALLWAY_TRY_ASSIGN(
          bool changed, store::SetQuestionVote(tx, q.id, voter->id, 1, q.created_at + core::kHour));
      (void)changed;
    }

    if (seed.outcome == Outcome::kAccepted && !answers.empty()) {
      const core::Micros at = answers.back().created_at + core::kMinute * 30;
      HALLWAY_TRY(store::SetAcceptedAnswer(tx, q.id, answers.front().id, at));
      const nlohmann::json payload = {{"question_id", q.id},
                                      {"question_author", asker->id},
                                      {"answer_author", answers.front().author_id},
                                      {"previous", nullptr}};
      HALLWAY_TRY(service::AppendSocialActivity(tx, at, asker->id, "Accept", "Answer",
                                                Id(answers.front().id), audience, "Question",
                                                Id(q.id), payload.dump()));
    }
  }

  // The demo user's own question, answered twice, waiting for her to accept.
  const domain::Account& demo = people.at(1);
  domain::Post mine;
  mine.author_id = demo.id;
  mine.kind = domain::PostKind::kQuestion;
  mine.title = "How do you prepare for a salary negotiation with a new hire?";
  mine.body =
      "I am hiring my first report and want the offer conversation to go well for both of us. "
      "#negotiation #hiring";
  mine.body_html = domain::RenderMarkdown(mine.body);
  mine.topics = domain::ExtractTopics(mine.title + "\n" + mine.body);
  mine.created_at = mine.updated_at = now - core::kHour * 6;
  HALLWAY_TRY_ASSIGN(mine.id, store::InsertPost(tx, mine, {}));
  HALLWAY_TRY(service::AppendSocialActivity(tx, mine.created_at, demo.id, "Create", "Question",
                                            Id(mine.id), service::AudienceFor(std::nullopt)));
  const char* replies[] = {
      "Know the band before the call and open with the range you can defend. Candidates remember "
      "being "
      "treated fairly far longer than the last 2%.",
      "Ask what matters to them besides salary: start date, learning budget, remote days. It is "
      "often "
      "easier to give than money."};
  for (int r = 0; r < 2; ++r) {
    const domain::Account* who = everyone[7 + 13 * static_cast<std::size_t>(r)];
    domain::Answer answer;
    answer.question_id = mine.id;
    answer.author_id = who->id;
    answer.body = replies[r];
    answer.body_html = domain::RenderMarkdown(answer.body);
    answer.created_at = mine.created_at + core::kHour * (1 + 2 * r);
    HALLWAY_TRY_ASSIGN(answer, store::InsertAnswer(tx, answer));
    const nlohmann::json payload = {{"question_id", mine.id}, {"question_author", demo.id}};
    HALLWAY_TRY(service::AppendSocialActivity(tx, answer.created_at, who->id, "Create", "Answer",
                                              Id(answer.id), service::AudienceFor(std::nullopt),
                                              "Question", Id(mine.id), payload.dump()));
    HALLWAY_TRY_ASSIGN(bool changed, store::SetAnswerVote(tx, answer.id, everyone[30]->id, 1,
                                                          answer.created_at + core::kHour));
    (void)changed;
  }
  return core::Ok();
}

}  // namespace hallway::app
