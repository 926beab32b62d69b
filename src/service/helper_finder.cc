#include "service/helper_finder.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "core/utf8.h"
#include "domain/activity.h"
#include "expertise/expertise_index.h"
#include "service/search_documents.h"
#include "store/activity_log.h"
#include "store/helper_store.h"

namespace hallway::service {

struct HelperFinder::State {
  explicit State(const expertise::ModelParams& p) : index(p) {}

  struct ItemInfo {
    std::string kind;
    std::string title;
    std::string url;
  };

  expertise::ExpertiseIndex index;
  std::unordered_map<std::int64_t, store::HelperCandidate> people;
  std::unordered_map<std::int64_t, std::vector<std::string>> items_of;  // person -> item names
  std::unordered_map<std::string, ItemInfo> items;
  std::uint64_t generation = 0;

  // Items are named "<ref>#<generation>": the index never reuses a name, so
  // a reloaded item gets a new one.
  void Put(store::EvidenceRow e) {
    auto kind = expertise::ParseEvidenceKind(e.kind);
    if (!kind) return;
    expertise::Evidence ev;
    ev.person = e.person;
    ev.kind = *kind;
    ev.item = e.ref + "#" + std::to_string(++generation);
    ev.topics = std::move(e.topics);
    ev.text = std::move(e.text);
    ev.votes = static_cast<double>(e.votes);
    ev.at = e.at;
    if (e.private_group) ev.visibility = {"group:" + std::to_string(*e.private_group)};
    const std::string item = ev.item;
    if (!index.Add(std::move(ev))) return;
    items_of[e.person].push_back(item);
    items[item] = {e.kind, std::move(e.title), std::move(e.url)};
  }

  void Drop(std::int64_t person) {
    auto it = items_of.find(person);
    if (it == items_of.end()) return;
    for (const auto& item : it->second) {
      (void)index.Remove(item);
      items.erase(item);
    }
    items_of.erase(it);
  }

  void SetCandidate(store::HelperCandidate c) {
    index.SetOptedOut(c.id, !c.suggest_me || !c.active);
    people[c.id] = std::move(c);
  }
};

namespace {

bool IsPostType(const std::string& t) {
  return t == "Note" || t == "Article" || t == "Question" || t == "Link" || t == "Post" || t == "Page";
}

std::optional<std::int64_t> ToId(const std::string& s) {
  if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return std::stoll(s);
}

// Topics a need may name: its words, and runs of two or three words joined
// by '-' ("quantum gate" -> "quantum-gate"), which is how topics are
// written. Unknown ones match nothing.
std::vector<std::string> NeedTopics(const std::string& need) {
  std::vector<std::string> words;
  std::string w;
  for (char c : need) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '#' || c == '+' || u >= 0x80 || c == '-' || c == '_') {
      w.push_back(static_cast<char>(std::tolower(u)));
    } else if (!w.empty()) {
      words.push_back(w);
      w.clear();
    }
  }
  if (!w.empty()) words.push_back(w);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < words.size() && i < 40; ++i) {
    std::string t = words[i];
    if (!t.empty() && t[0] == '#') t.erase(0, 1);
    if (t.empty()) continue;
    out.push_back(t);
    if (i + 1 < words.size()) out.push_back(t + "-" + words[i + 1]);
    if (i + 2 < words.size()) out.push_back(t + "-" + words[i + 1] + "-" + words[i + 2]);
  }
  return out;
}

std::string Plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

int SharedCount(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b) {
  int n = 0;
  for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++n;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return n;
}

}  // namespace

HelperFinder::HelperFinder(ServiceContext& ctx, expertise::ModelParams params) : ctx_(ctx), params_(params) {}
HelperFinder::~HelperFinder() = default;

std::size_t HelperFinder::evidence_count() const {
  std::shared_lock lock(mu_);
  return state_ ? state_->index.evidence_count() : 0;
}

core::Status HelperFinder::Rebuild() {
  auto fresh = std::make_unique<State>(params_);
  std::int64_t position = 0;
  std::vector<store::EvidenceRow> rows;
  std::vector<store::HelperCandidate> people;
  // The position is read first: whatever commits meanwhile is replayed.
  HALLWAY_TRY(ctx_.db.Read([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(store::Rows max, tx.Query("SELECT COALESCE(MAX(id), 0) FROM activities"));
    position = max.at(0).Int(0);
    HALLWAY_TRY_ASSIGN(rows, store::LoadHelperEvidence(tx, {}));
    HALLWAY_TRY_ASSIGN(people, store::LoadHelperCandidates(tx, {}));
    return core::Ok();
  }));
  // The index is cheapest to fill in time order.
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
  for (auto& c : people) fresh->SetCandidate(std::move(c));
  for (auto& e : rows) fresh->Put(std::move(e));
  std::unique_lock lock(mu_);
  state_ = std::move(fresh);
  position_ = position;
  return core::Ok();
}

core::Status HelperFinder::Reload(const std::vector<std::int64_t>& people) {
  if (people.empty()) return core::Ok();
  std::vector<store::EvidenceRow> rows;
  std::vector<store::HelperCandidate> candidates;
  HALLWAY_TRY(ctx_.db.Read([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(rows, store::LoadHelperEvidence(tx, people));
    HALLWAY_TRY_ASSIGN(candidates, store::LoadHelperCandidates(tx, people));
    return core::Ok();
  }));
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.at < b.at; });
  std::unique_lock lock(mu_);
  for (auto p : people) {
    state_->Drop(p);
    state_->people.erase(p);
    state_->index.SetOptedOut(p, true);  // until its candidate row says otherwise
  }
  for (auto& c : candidates) state_->SetCandidate(std::move(c));
  for (auto& e : rows) state_->Put(std::move(e));
  return core::Ok();
}

core::Status HelperFinder::CatchUp() {
  {
    std::shared_lock lock(mu_);
    if (!state_) {
      lock.unlock();
      return Rebuild();
    }
  }
  constexpr int kBatch = 1000;
  constexpr std::size_t kMaxReload = 2000;  // beyond this a rebuild is cheaper
  for (;;) {
    std::vector<domain::Activity> batch;
    std::unordered_set<std::int64_t> dirty;
    bool rebuild = false;
    HALLWAY_TRY(ctx_.db.Read([&](store::Tx& tx) -> core::Status {
      HALLWAY_TRY_ASSIGN(batch, store::ReadActivitiesAfter(tx, position_, kBatch));
      for (const auto& a : batch) {
        if (a.actor_id) dirty.insert(*a.actor_id);
        if (a.object_type == "Group" && a.verb != "Create") rebuild = true;
        for (const auto& [type, id_text] : {std::pair{a.object_type, a.object_id}, {a.target_type, a.target_id}}) {
          const auto id = ToId(id_text);
          if (!id) continue;
          std::vector<std::int64_t> authors;
          if (IsPostType(type)) {
            HALLWAY_TRY_ASSIGN(authors, store::PostEvidenceAuthors(tx, *id));
          } else if (type == "Answer") {
            HALLWAY_TRY_ASSIGN(authors, store::AnswerAuthor(tx, *id));
          } else if (type == "Person") {
            authors.push_back(*id);
          }
          dirty.insert(authors.begin(), authors.end());
        }
      }
      return core::Ok();
    }));
    if (batch.empty()) return core::Ok();
    if (rebuild || dirty.size() > kMaxReload) return Rebuild();
    HALLWAY_TRY(Reload({dirty.begin(), dirty.end()}));
    position_ = batch.back().id;
    if (batch.size() < static_cast<std::size_t>(kBatch)) return core::Ok();
  }
}

core::Result<std::vector<HelperSuggestion>> HelperFinder::Find(const Principal& who, const std::string& need,
                                                               std::size_t limit) {
  const std::string text = need;
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return core::Error::InvalidArgument("describe what you need help with", {{"q", "is required"}});
  }
  if (text.size() > 1000 || !core::IsCleanUtf8(text)) {
    return core::Error::InvalidArgument("the need must be text of at most 1,000 characters",
                                        {{"q", "at most 1,000 characters of text"}});
  }
  if (limit < 1 || limit > 50) {
    return core::Error::InvalidArgument("limit must be from 1 to 50", {{"limit", "from 1 to 50"}});
  }
  std::vector<std::string> terms;
  store::ViewerRelations rel;
  HALLWAY_TRY(ctx_.db.Read([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(terms, ViewerTerms(tx, who.account_id));
    HALLWAY_TRY_ASSIGN(rel, store::LoadViewerRelations(tx, who.account_id));
    return core::Ok();
  }));
  std::shared_lock lock(mu_);
  if (!state_) return core::Error::Unavailable("who can help is still starting up; try again in a moment");
  const State& s = *state_;
  store::HelperCandidate viewer;
  if (auto it = s.people.find(who.account_id); it != s.people.end()) viewer = it->second;

  expertise::ExpertiseQuery q;
  q.need_text = text;
  q.topics = NeedTopics(text);
  q.as_of = ctx_.clock.Now() + 1;
  q.viewer_terms = terms;
  q.exclude = {who.account_id};
  q.limit = limit;
  q.evidence_per_person = 3;
  q.candidate_filter = [&](expertise::PersonId id) {
    auto it = s.people.find(id);
    return it != s.people.end() && it->second.active && it->second.suggest_me && !rel.blocked.count(id);
  };
  q.context = [&](expertise::PersonId id) {
    expertise::CandidateContext c;
    const auto& p = s.people.at(id);
    c.open_assigned = p.open_routed;
    c.same_team = !viewer.team.empty() && p.team == viewer.team;
    c.shared_groups = SharedCount(viewer.groups, p.groups);
    c.network_distance = rel.follows.count(id) || rel.followed_by.count(id) ? 1 : 0;
    return c;
  };
  HALLWAY_TRY_ASSIGN(std::vector<expertise::RankedPerson> ranked, s.index.Rank(q));

  std::vector<HelperSuggestion> out;
  for (const auto& r : ranked) {
    const auto& p = s.people.at(r.person);
    HelperSuggestion h;
    h.account_id = p.id;
    h.handle = p.handle;
    h.display_name = p.display_name;
    if (p.avatar_file) h.avatar_url = "/media/avatars/" + *p.avatar_file;
    h.score = r.score;
    std::map<std::string, std::size_t> kinds;
    for (const auto& e : r.evidence) {
      auto it = s.items.find(e.item);
      if (it == s.items.end()) continue;
      h.evidence.push_back({it->second.kind, it->second.title, it->second.url});
      ++kinds[it->second.kind];
    }
    static const std::pair<const char*, std::pair<const char*, const char*>> kReasonText[] = {
        {"accepted_answer", {"accepted answer", "accepted answers"}},
        {"answer", {"answer", "answers"}},
        {"article", {"article", "articles"}},
        {"resource_completed", {"completed resource", "completed resources"}},
        {"review", {"well-rated review", "well-rated reviews"}},
        {"question", {"question asked", "questions asked"}},
    };
    for (const auto& [kind, words] : kReasonText) {
      auto it = kinds.find(kind);
      if (it != kinds.end()) h.reasons.push_back(Plural(it->second, words.first, words.second) + " on this");
    }
    if (kinds.count("endorsement")) h.reasons.push_back("Endorsed by colleagues for a matching skill");
    if (kinds.count("declared_skill")) h.reasons.push_back("Lists a matching skill");
    if (!viewer.team.empty() && p.team == viewer.team) h.reasons.push_back("On your team (" + p.team + ")");
    if (const int shared = SharedCount(viewer.groups, p.groups); shared > 0) {
      h.reasons.push_back("In " + Plural(static_cast<std::size_t>(shared), "group", "groups") + " with you");
    }
    if (rel.follows.count(p.id)) h.reasons.push_back("You follow them");
    if (rel.followed_by.count(p.id)) h.reasons.push_back("Follows you");
    if (p.open_routed > 0) {
      h.reasons.push_back("Already has " + Plural(static_cast<std::size_t>(p.open_routed), "open question", "open questions") +
                          " routed to them");
    }
    out.push_back(std::move(h));
  }
  return out;
}

core::Result<bool> HelperFinder::SuggestMe(const Principal& who) {
  return store::ReadTx(ctx_.db, [&](store::Tx& tx) { return store::GetSuggestMe(tx, who.account_id); });
}

core::Result<bool> HelperFinder::SetSuggestMe(const Principal& who, bool suggest_me) {
  const core::Micros now = ctx_.clock.Now();
  HALLWAY_TRY(ctx_.db.Write([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY(store::SetSuggestMe(tx, who.account_id, suggest_me, now));
    domain::Activity a;
    a.published_at = now;
    a.actor_id = who.account_id;
    a.verb = "Update";
    a.object_type = "HelperSettings";
    a.object_id = std::to_string(who.account_id);
    a.audience = domain::Audience::OnlyAccount(who.account_id);
    a.payload = std::string("{\"suggest_me\":") + (suggest_me ? "true" : "false") + "}";
    HALLWAY_TRY(store::AppendActivity(tx, a));
    return core::Ok();
  }));
  // Applied at once, so an opted-out person disappears with this response.
  std::unique_lock lock(mu_);
  if (state_) {
    auto it = state_->people.find(who.account_id);
    if (it != state_->people.end()) {
      it->second.suggest_me = suggest_me;
      state_->index.SetOptedOut(who.account_id, !suggest_me || !it->second.active);
    }
  }
  return suggest_me;
}

}  // namespace hallway::service
