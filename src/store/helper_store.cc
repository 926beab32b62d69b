#include "store/helper_store.h"

#include <algorithm>
#include <map>

#include "store/sql_helpers.h"

namespace hallway::store {
namespace {

// " AND <column> IN (...)" for `people`, or "" for everyone; appends the
// parameters.
std::string PeopleFilter(const std::string& column, const std::vector<std::int64_t>& people, Params& params) {
  if (people.empty()) return "";
  const std::size_t first = params.size() + 1;
  for (auto p : people) params.emplace_back(p);
  return " AND " + column + " IN (" + Placeholders(first, people.size()) + ")";
}

// The group of content counts as private when it is closed or private.
std::optional<std::int64_t> PrivateGroup(const Row& r, std::size_t group_col, std::size_t visibility_col) {
  if (r.IsNull(group_col) || r.Text(visibility_col) == "open") return std::nullopt;
  return r.Int(group_col);
}

// Topics of the posts in `post_ids` (or all posts when `all`).
core::Result<std::unordered_map<std::int64_t, std::vector<std::string>>> PostTopics(Tx& tx,
                                                                                   const std::vector<std::int64_t>& ids) {
  std::unordered_map<std::int64_t, std::vector<std::string>> out;
  for (std::size_t start = 0; start < ids.size(); start += 500) {
    const std::size_t n = std::min<std::size_t>(500, ids.size() - start);
    Params params(ids.begin() + static_cast<std::ptrdiff_t>(start), ids.begin() + static_cast<std::ptrdiff_t>(start + n));
    HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT post_id, topic FROM post_topics WHERE post_id IN (" +
                                               Placeholders(1, n) + ")",
                                           params));
    for (const auto& r : rows) out[r.Int(0)].push_back(r.Text(1));
  }
  return out;
}

core::Result<std::unordered_map<std::int64_t, std::vector<std::string>>> ResourceTopics(
    Tx& tx, const std::vector<std::int64_t>& ids) {
  std::unordered_map<std::int64_t, std::vector<std::string>> out;
  for (std::size_t start = 0; start < ids.size(); start += 500) {
    const std::size_t n = std::min<std::size_t>(500, ids.size() - start);
    Params params(ids.begin() + static_cast<std::ptrdiff_t>(start), ids.begin() + static_cast<std::ptrdiff_t>(start + n));
    const std::string in = Placeholders(1, n);
    HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT resource_id, skill FROM resource_skills WHERE resource_id IN (" + in +
                                               ") UNION ALL SELECT resource_id, tag FROM resource_tags WHERE "
                                               "resource_id IN (" + in + ")",
                                           params));
    for (const auto& r : rows) out[r.Int(0)].push_back(r.Text(1));
  }
  return out;
}

// Sets the topics of out[rows[i]] to those `load` finds for ids[i] (ids may
// repeat; each is looked up once).
template <typename Load>
core::Status AttachTopics(Tx& tx, const std::vector<std::int64_t>& ids, const std::vector<std::size_t>& rows,
                          std::vector<EvidenceRow>& out, Load load) {
  std::vector<std::int64_t> unique = ids;
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  HALLWAY_TRY_ASSIGN(auto topics, load(tx, unique));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto it = topics.find(ids[i]);
    if (it != topics.end()) out[rows[i]].topics = it->second;
  }
  return core::Ok();
}

}  // namespace

core::Result<std::vector<EvidenceRow>> LoadHelperEvidence(Tx& tx, const std::vector<std::int64_t>& people) {
  std::vector<EvidenceRow> out;
  std::vector<std::int64_t> post_ids;
  std::vector<std::size_t> post_rows;  // out index -> needs topics of post_ids[i]
  {  // Answers, with their question's title and topics.
    Params params;
    const std::string filter = PeopleFilter("a.author_id", people, params);
    HALLWAY_TRY_ASSIGN(Rows rows,
                       tx.Query("SELECT a.id, a.author_id, a.body, a.score, a.created_at, p.id, p.title, p.group_id, "
                                "g.visibility, CASE WHEN p.accepted_answer_id = a.id THEN 1 ELSE 0 END "
                                "FROM answers a JOIN posts p ON p.id = a.question_id "
                                "LEFT JOIN community_groups g ON g.id = p.group_id "
                                "WHERE a.deleted = 0 AND p.deleted = 0 AND p.hidden = 0" + filter,
                                params));
    for (const auto& r : rows) {
      EvidenceRow e;
      e.person = r.Int(1);
      e.kind = r.Int(9) ? "accepted_answer" : "answer";
      e.ref = "answer:" + r.Text(0);
      e.title = r.Text(6);
      e.url = "/posts/" + r.Text(5) + "#answer-" + r.Text(0);
      e.text = r.Text(6) + "\n" + r.Text(2);
      e.votes = r.Int(3);
      e.at = r.Int(4);
      e.private_group = PrivateGroup(r, 7, 8);
      post_ids.push_back(r.Int(5));
      post_rows.push_back(out.size());
      out.push_back(std::move(e));
    }
  }
  {  // Articles the person wrote (questions asked are not evidence of knowing).
    Params params;
    const std::string filter = PeopleFilter("p.author_id", people, params);
    HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT p.id, p.author_id, p.kind, p.title, p.body, p.score, p.created_at, "
                                           "p.group_id, g.visibility, "
                                           "(SELECT COUNT(*) FROM reactions x WHERE x.post_id = p.id) "
                                           "FROM posts p LEFT JOIN community_groups g ON g.id = p.group_id "
                                           "WHERE p.deleted = 0 AND p.hidden = 0 AND p.kind = 'article'" +
                                               filter,
                                           params));
    for (const auto& r : rows) {
      EvidenceRow e;
      e.person = r.Int(1);
      e.kind = r.Text(2);
      e.ref = "post:" + r.Text(0);
      e.title = r.Text(3);
      e.url = "/posts/" + r.Text(0);
      e.text = r.Text(3) + "\n" + r.Text(4);
      e.votes = r.Int(5) + r.Int(9);  // Q&A score plus reactions
      e.at = r.Int(6);
      e.private_group = PrivateGroup(r, 7, 8);
      post_ids.push_back(r.Int(0));
      post_rows.push_back(out.size());
      out.push_back(std::move(e));
    }
  }
  HALLWAY_TRY(AttachTopics(tx, post_ids, post_rows, out, PostTopics));
  std::vector<std::int64_t> resource_ids;
  std::vector<std::size_t> resource_rows;
  {  // Completed resources and well-rated reviews (4 or 5 stars, with text).
    Params params;
    const std::string filter = PeopleFilter("l.account_id", people, params);
    HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT r.id, l.account_id, r.title, r.description, l.updated_at, "
                                           "r.group_id, g.visibility FROM learning_status l "
                                           "JOIN resources r ON r.id = l.resource_id "
                                           "LEFT JOIN community_groups g ON g.id = r.group_id "
                                           "WHERE l.status = 'completed' AND r.deleted = 0" + filter,
                                           params));
    for (const auto& r : rows) {
      EvidenceRow e;
      e.person = r.Int(1);
      e.kind = "resource_completed";
      e.ref = "completed:" + r.Text(1) + ":" + r.Text(0);
      e.title = r.Text(2);
      e.url = "/resources/" + r.Text(0);
      e.text = r.Text(2) + "\n" + r.Text(3).substr(0, 2000);
      e.at = r.Int(4);
      e.private_group = PrivateGroup(r, 5, 6);
      resource_ids.push_back(r.Int(0));
      resource_rows.push_back(out.size());
      out.push_back(std::move(e));
    }
  }
  {
    Params params;
    const std::string filter = PeopleFilter("x.account_id", people, params);
    HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT x.id, x.account_id, r.id, r.title, x.review, x.helpful - x.unhelpful, "
                                           "x.updated_at, r.group_id, g.visibility FROM ratings x "
                                           "JOIN resources r ON r.id = x.resource_id "
                                           "LEFT JOIN community_groups g ON g.id = r.group_id "
                                           "WHERE x.stars >= 4 AND x.review <> '' AND r.deleted = 0" + filter,
                                           params));
    for (const auto& r : rows) {
      EvidenceRow e;
      e.person = r.Int(1);
      e.kind = "review";
      e.ref = "review:" + r.Text(0);
      e.title = "Review of " + r.Text(3);
      e.url = "/resources/" + r.Text(2) + "#review-" + r.Text(0);
      e.text = r.Text(3) + "\n" + r.Text(4);
      e.votes = r.Int(5);
      e.at = r.Int(6);
      e.private_group = PrivateGroup(r, 7, 8);
      resource_ids.push_back(r.Int(2));
      resource_rows.push_back(out.size());
      out.push_back(std::move(e));
    }
  }
  HALLWAY_TRY(AttachTopics(tx, resource_ids, resource_rows, out, ResourceTopics));
  {  // Endorsements: one piece of evidence per endorsed skill the person
     // still lists, its votes the number of active endorsers (the ranking
     // counts votes with diminishing returns: many people weigh more than one).
    Params params;
    const std::string filter = PeopleFilter("e.endorsee_id", people, params);
    HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT e.endorsee_id, e.skill, MIN(t.label), MIN(p.handle), COUNT(*), "
                                           "MAX(e.created_at) FROM endorsements e JOIN accounts a ON a.id = "
                                           "e.endorser_id AND a.status = 'active' JOIN accounts p ON p.id = "
                                           "e.endorsee_id JOIN account_tags t ON t.account_id = e.endorsee_id AND "
                                           "t.kind = 'skill' AND t.tag = e.skill WHERE 1 = 1" + filter +
                                           " GROUP BY e.endorsee_id, e.skill ORDER BY e.endorsee_id, e.skill",
                                           params));
    for (const auto& r : rows) {
      EvidenceRow e;
      e.person = r.Int(0);
      e.kind = "endorsement";
      e.ref = "endorsement:" + r.Text(0) + ":" + r.Text(1);
      const std::int64_t n = r.Int(4);
      e.title = "Endorsed for " + r.Text(2) + " by " + std::to_string(n) + (n == 1 ? " colleague" : " colleagues");
      e.url = "/people/" + r.Text(3) + "#endorsements";
      e.text = r.Text(2);
      e.topics.push_back(r.Text(2));
      e.votes = n;
      e.at = r.Int(5);
      out.push_back(std::move(e));
    }
  }
  {  // Declared skills: one piece of evidence per person.
    Params params;
    const std::string filter = PeopleFilter("t.account_id", people, params);
    HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT t.account_id, t.label, a.handle, a.updated_at FROM account_tags t "
                                           "JOIN accounts a ON a.id = t.account_id WHERE t.kind = 'skill'" + filter +
                                           " ORDER BY t.account_id, t.position",
                                           params));
    std::map<std::int64_t, EvidenceRow> by_person;
    for (const auto& r : rows) {
      EvidenceRow& e = by_person[r.Int(0)];
      if (e.ref.empty()) {
        e.person = r.Int(0);
        e.kind = "declared_skill";
        e.ref = "skills:" + r.Text(0);
        e.title = "Declared skills";
        e.url = "/people/" + r.Text(2);
        e.at = r.Int(3);
      }
      e.topics.push_back(r.Text(1));
      e.text += (e.text.empty() ? "" : ", ") + r.Text(1);
    }
    for (auto& [id, e] : by_person) {
      e.title = "Declared skills: " + e.text;
      out.push_back(std::move(e));
    }
  }
  return out;
}

core::Result<std::vector<HelperCandidate>> LoadHelperCandidates(Tx& tx, const std::vector<std::int64_t>& people) {
  std::vector<HelperCandidate> out;
  std::unordered_map<std::int64_t, std::size_t> index;
  {
    Params params;
    const std::string filter = PeopleFilter("a.id", people, params);
    HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT a.id, a.handle, a.display_name, a.avatar_file, a.team, a.status, "
                                           "COALESCE(h.suggest_me, 1) FROM accounts a "
                                           "LEFT JOIN helper_settings h ON h.account_id = a.id WHERE 1 = 1" + filter,
                                           params));
    for (const auto& r : rows) {
      HelperCandidate c;
      c.id = r.Int(0);
      c.handle = r.Text(1);
      c.display_name = r.Text(2);
      c.avatar_file = r.OptText(3);
      c.team = r.Text(4);
      c.active = r.Text(5) == "active";
      c.suggest_me = r.Int(6) != 0;
      index[c.id] = out.size();
      out.push_back(std::move(c));
    }
  }
  {
    Params params;
    const std::string filter = PeopleFilter("account_id", people, params);
    HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT account_id, group_id FROM group_members WHERE state = 'active'" +
                                               filter + " ORDER BY account_id, group_id",
                                           params));
    for (const auto& r : rows) {
      auto it = index.find(r.Int(0));
      if (it != index.end()) out[it->second].groups.push_back(r.Int(1));
    }
  }
  {
    Params params;
    const std::string filter = PeopleFilter("q.account_id", people, params);
    HALLWAY_TRY_ASSIGN(Rows rows,
                       tx.Query("SELECT q.account_id, COUNT(*) FROM question_routes q JOIN posts p ON p.id = q.post_id "
                                "WHERE p.deleted = 0 AND p.accepted_answer_id IS NULL AND NOT EXISTS (SELECT 1 FROM "
                                "answers a WHERE a.question_id = q.post_id AND a.author_id = q.account_id AND "
                                "a.deleted = 0)" + filter + " GROUP BY q.account_id",
                                params));
    for (const auto& r : rows) {
      auto it = index.find(r.Int(0));
      if (it != index.end()) out[it->second].open_routed = static_cast<int>(r.Int(1));
    }
  }
  return out;
}

core::Result<ViewerRelations> LoadViewerRelations(Tx& tx, std::int64_t viewer) {
  ViewerRelations v;
  HALLWAY_TRY_ASSIGN(Rows follows, tx.Query("SELECT followee_id FROM person_follows WHERE follower_id = $1", {viewer}));
  for (const auto& r : follows) v.follows.insert(r.Int(0));
  HALLWAY_TRY_ASSIGN(Rows followers, tx.Query("SELECT follower_id FROM person_follows WHERE followee_id = $1", {viewer}));
  for (const auto& r : followers) v.followed_by.insert(r.Int(0));
  HALLWAY_TRY_ASSIGN(Rows blocks, tx.Query("SELECT blocked_id FROM person_blocks WHERE blocker_id = $1 AND kind = 'block' "
                                           "UNION SELECT blocker_id FROM person_blocks WHERE blocked_id = $1 AND "
                                           "kind = 'block'",
                                           {viewer}));
  for (const auto& r : blocks) v.blocked.insert(r.Int(0));
  return v;
}

core::Result<bool> GetSuggestMe(Tx& tx, std::int64_t account) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT suggest_me FROM helper_settings WHERE account_id = $1", {account}));
  return rows.empty() || rows[0].Int(0) != 0;
}

core::Status SetSuggestMe(Tx& tx, std::int64_t account, bool suggest_me, core::Micros now) {
  HALLWAY_TRY(tx.Exec("INSERT INTO helper_settings (account_id, suggest_me, updated_at) VALUES ($1, $2, $3) "
                      "ON CONFLICT (account_id) DO UPDATE SET suggest_me = excluded.suggest_me, "
                      "updated_at = excluded.updated_at",
                      {account, std::int64_t{suggest_me ? 1 : 0}, now}));
  return core::Ok();
}

core::Result<std::vector<std::int64_t>> PostEvidenceAuthors(Tx& tx, std::int64_t post_id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT author_id FROM posts WHERE id = $1 UNION "
                                         "SELECT author_id FROM answers WHERE question_id = $1",
                                         {post_id}));
  std::vector<std::int64_t> out;
  for (const auto& r : rows) out.push_back(r.Int(0));
  return out;
}

core::Result<std::vector<std::int64_t>> AnswerAuthor(Tx& tx, std::int64_t answer_id) {
  HALLWAY_TRY_ASSIGN(Rows rows, tx.Query("SELECT author_id FROM answers WHERE id = $1", {answer_id}));
  std::vector<std::int64_t> out;
  for (const auto& r : rows) out.push_back(r.Int(0));
  return out;
}

}  // namespace hallway::store
