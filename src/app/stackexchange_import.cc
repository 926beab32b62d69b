#include "app/stackexchange_import.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <unordered_set>

#include "core/utf8.h"
#include "domain/accounts/account.h"
#include "domain/activity.h"
#include "domain/markdown.h"
#include "domain/social/post.h"
#include "stackexchange/dump_reader.h"
#include "stackexchange/html_markdown.h"
#include "store/account_store.h"
#include "store/activity_log.h"
#include "store/stackexchange_import_store.h"

namespace hallway::app {
namespace {

namespace se = stackexchange;

core::Micros ToMicros(se::UnixSeconds s) { return s * 1000000; }

// Tags become topics: Hallway topics are [a-z0-9_-], so "q#" is "q-sharp",
// "c++" "c-plus-plus" and "ibm.q" "ibm-q".
std::optional<std::string> TopicFromTag(const std::string& tag) {
  std::string t;
  for (char c : tag) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_') {
      t.push_back(static_cast<char>(std::tolower(u)));
    } else if (c == '#') {
      t += "-sharp";
    } else if (c == '+') {
      t += "-plus";
    } else if (!t.empty() && t.back() != '-') {
      t.push_back('-');
    }
  }
  while (!t.empty() && t.back() == '-') t.pop_back();
  auto n = domain::NormalizeTopic(t);
  if (!n) return std::nullopt;
  return *n;
}

std::string Truncate(std::string s, std::size_t max) {
  if (s.size() <= max) return s;
  s.resize(max);
  while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
  if (!s.empty() && (static_cast<unsigned char>(s.back()) & 0x80)) s.pop_back();
  return s;
}

std::string VoteTypeName(se::VoteType t) {
  switch (t) {
    case se::VoteType::kAcceptedByOriginator: return "accepted";
    case se::VoteType::kUpMod: return "up";
    case se::VoteType::kDownMod: return "down";
    case se::VoteType::kFavorite: return "favorite";
    case se::VoteType::kClose: return "close";
    case se::VoteType::kReopen: return "reopen";
    case se::VoteType::kBountyStart: return "bounty_start";
    case se::VoteType::kBountyClose: return "bounty_close";
    case se::VoteType::kDeletion: return "deletion";
    case se::VoteType::kUndeletion: return "undeletion";
    case se::VoteType::kSpam: return "spam";
    case se::VoteType::kOffensive: return "offensive";
    default: return "other";
  }
}

struct TouchedQuestion {
  std::int64_t author = 0;
  std::int64_t external_id = 0;
};

class Importer : public se::DumpVisitor {
 public:
  Importer(store::Database& db, const core::Clock& clock, const StackExchangeImportOptions& o,
           StackExchangeImportReport& report)
      : db_(db), clock_(clock), o_(o), r_(report) {}

  core::Status Load(const std::string& source) {
    source_ = source;
    return db_.Read([&](store::Tx& tx) -> core::Status {
      HALLWAY_TRY_ASSIGN(users_, store::LoadExternalIds(tx, source_, "user"));
      HALLWAY_TRY_ASSIGN(questions_, store::LoadExternalIds(tx, source_, "question"));
      HALLWAY_TRY_ASSIGN(answers_, store::LoadExternalIds(tx, source_, "answer"));
      HALLWAY_TRY_ASSIGN(comments_, store::LoadExternalIds(tx, source_, "comment"));
      HALLWAY_TRY_ASSIGN(answer_comments_, store::LoadExternalIds(tx, source_, "answer_comment"));
      if (!o_.group_slug.empty()) {
        HALLWAY_TRY_ASSIGN(auto g, store::GroupBySlug(tx, o_.group_slug));
        group_id_ = g.first;
      }
      return core::Ok();
    });
  }

  core::Status OnUser(const se::User& u) override {
    HALLWAY_TRY(Enter(Phase::kUsers));
    users_buf_.push_back(u);
    if (users_buf_.size() >= o_.batch_size) return FlushUsers();
    return core::Ok();
  }
  core::Status OnTag(const se::Tag&) override {
    ++r_.tags_read;
    return Enter(Phase::kTags);
  }
  core::Status OnPost(const se::Post& p) override {
    HALLWAY_TRY(Enter(Phase::kPosts));
    ++r_.posts_read;
    posts_buf_.push_back(p);
    if (posts_buf_.size() >= o_.batch_size) return FlushPosts();
    return core::Ok();
  }
  core::Status OnComment(const se::Comment& c) override {
    HALLWAY_TRY(Enter(Phase::kComments));
    comments_buf_.push_back(c);
    if (comments_buf_.size() >= o_.batch_size) return FlushComments();
    return core::Ok();
  }
  core::Status OnVote(const se::Vote& v) override {
    HALLWAY_TRY(Enter(Phase::kRest));
    ++r_.votes_by_type[VoteTypeName(v.type)];
    return core::Ok();
  }
  core::Status OnPostLink(const se::PostLink& l) override {
    HALLWAY_TRY(Enter(Phase::kRest));
    ++r_.links_by_type[l.type == se::LinkType::kDuplicate ? "duplicate"
                       : l.type == se::LinkType::kLinked  ? "linked"
                                                          : "other"];
    return core::Ok();
  }
  core::Status OnBadge(const se::Badge&) override {
    HALLWAY_TRY(Enter(Phase::kRest));
    ++r_.badges_read;
    return core::Ok();
  }
  void OnSkip(const se::SkippedRow& s) override { r_.skipped.push_back({s.file, s.line, s.row_id, s.reason}); }
  void OnProgress(const se::DumpProgress& p) override {
    if (o_.progress) o_.progress("read", p.bytes_read, p.total_bytes);
  }

  // Writes what is still buffered and resolves accepted answers.
  core::Status Finish() { return Enter(Phase::kDone); }

  std::int64_t topic_count() const { return static_cast<std::int64_t>(topics_.size()); }

 private:
  enum class Phase { kUsers, kTags, kPosts, kComments, kRest, kDone };

  // Moving to a later file first completes the earlier one.
  core::Status Enter(Phase next) {
    if (next == phase_) return core::Ok();
    if (phase_ <= Phase::kUsers && next > Phase::kUsers) {
      HALLWAY_TRY(FlushUsers());
    }
    if (phase_ <= Phase::kPosts && next > Phase::kPosts) {
      HALLWAY_TRY(FlushPosts());
      HALLWAY_TRY(LinkAcceptedAnswers());
    }
    if (phase_ <= Phase::kComments && next > Phase::kComments) {
      HALLWAY_TRY(FlushComments());
    }
    phase_ = next;
    return core::Ok();
  }

  // Appends one `Add Question` activity per touched question, so search
  // and the helper index pick the question (and its answers) up.
  core::Status AppendActivities(store::Tx& tx, const std::map<std::int64_t, TouchedQuestion>& touched,
                                core::Micros now) {
    for (const auto& [post_id, t] : touched) {
      HALLWAY_TRY(store::RecountQuestion(tx, post_id));
      domain::Activity a;
      a.published_at = now;
      a.actor_id = t.author;
      a.verb = "Add";
      a.object_type = "Question";
      a.object_id = std::to_string(post_id);
      a.audience = group_id_ ? "group:" + std::to_string(*group_id_) : domain::Audience::Organization();
      a.payload = nlohmann::json{{"imported", source_}, {"external_id", t.external_id}}.dump();
      HALLWAY_TRY(store::AppendActivity(tx, a));
      ++r_.activities;
    }
    return core::Ok();
  }

  core::Result<std::string> UniqueHandle(store::Tx& tx, const se::User& u) {
    std::string base = HandleFromDisplayName(u.display_name);
    if (base.empty()) base = "user-" + std::to_string(u.id < 0 ? -u.id : u.id);
    for (int n = 1;; ++n) {
      const std::string h = n == 1 ? base : base + "-" + std::to_string(n);
      if (handles_used_.count(h)) continue;
      HALLWAY_TRY_ASSIGN(bool taken, store::HandleTaken(tx, h));
      if (!taken) {
        handles_used_.insert(h);
        return h;
      }
    }
  }

  std::string Email(std::int64_t id) const {
    std::string local;
    for (char c : source_) local.push_back(std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '-');
    return local + "." + (id < 0 ? "m" + std::to_string(-id) : std::to_string(id)) + "@import.invalid";
  }

  core::Status FlushUsers() {
    if (users_buf_.empty()) return core::Ok();
    const core::Micros now = clock_.Now();
    HALLWAY_TRY(db_.Write([&](store::Tx& tx) -> core::Status {
      for (const auto& u : users_buf_) {
        std::string name = Truncate(domain::Trim(u.display_name), 100);
        if (name.empty() || !core::IsCleanUtf8(name)) name = "user " + std::to_string(u.id);
        const std::string bio = Truncate(se::HtmlToMarkdown(u.about_me_html), 5000);
        const std::string location = Truncate(domain::Trim(u.location), 100);
        auto it = users_.find(u.id);
        if (it != users_.end()) {
          HALLWAY_TRY_ASSIGN(domain::Account a, store::GetAccount(tx, it->second));
          if (a.display_name == name && a.bio == bio && a.location == location) {
            ++r_.people.unchanged;
            continue;
          }
          a.display_name = name;
          a.bio = bio;
          a.bio_html = domain::RenderMarkdown(bio);
          a.location = location;
          HALLWAY_TRY(store::UpdateProfile(tx, a, now));
          ++r_.people.updated;
          continue;
        }
        domain::Account a;
        HALLWAY_TRY_ASSIGN(a.handle, UniqueHandle(tx, u));
        a.email = Email(u.id);
        a.password_hash = "";  // no password verifies against an empty hash
        a.status = domain::AccountStatus::kDisabled;
        a.display_name = name;
        a.location = location;
        a.bio = bio;
        a.bio_html = domain::RenderMarkdown(bio);
        a.created_at = ToMicros(u.created_at);
        HALLWAY_TRY_ASSIGN(a, store::InsertAccount(tx, a));
        HALLWAY_TRY(store::SaveExternalId(tx, source_, "user", u.id, a.id));
        users_[u.id] = a.id;
        ++r_.people.inserted;
      }
      return core::Ok();
    }));
    users_buf_.clear();
    return core::Ok();
  }

  void Skip(const se::Post& p, const std::string& reason) {
    r_.skipped.push_back({"Posts.xml", 0, std::to_string(p.id), reason});
  }

  std::optional<std::int64_t> Owner(const se::Post& p) {
    if (!p.owner_user_id) {
      Skip(p, "no owner (OwnerUserId missing: a deleted user" +
                  (p.owner_display_name.empty() ? std::string() : " '" + p.owner_display_name + "'") + ")");
      return std::nullopt;
    }
    auto it = users_.find(*p.owner_user_id);
    if (it == users_.end()) {
      Skip(p, "dangling owner: OwnerUserId " + std::to_string(*p.owner_user_id) + " is not in Users.xml");
      return std::nullopt;
    }
    return it->second;
  }

  std::string Body(const se::Post& p) { return Truncate(se::HtmlToMarkdown(p.body_html), 50000); }

  core::Status FlushPosts() {
    if (posts_buf_.empty()) return core::Ok();
    const core::Micros now = clock_.Now();
    HALLWAY_TRY(db_.Write([&](store::Tx& tx) -> core::Status {
      std::map<std::int64_t, TouchedQuestion> touched;
      for (const auto& p : posts_buf_) {
        const core::Micros created = ToMicros(p.created_at);
        const core::Micros updated = ToMicros(p.last_edit_at.value_or(p.created_at));
        if (p.type == se::PostType::kQuestion) {
          auto owner = Owner(p);
          if (!owner) continue;
          const std::string title = Truncate(domain::Trim(p.title), 200);
          if (title.empty()) {
            Skip(p, "missing Title");
            continue;
          }
          store::ImportedQuestion q;
          q.author_id = *owner;
          q.title = title;
          q.body = Body(p);
          q.body_html = domain::RenderMarkdown(q.body);
          q.group_id = group_id_;
          q.score = p.score;
          q.created_at = created;
          q.updated_at = updated;
          for (const auto& tag : p.tags) {
            auto t = TopicFromTag(tag);
            if (!t) {
              Skip(p, "tag '" + tag + "' cannot be a topic (kept the question without it)");
              continue;
            }
            q.topics.push_back(*t);
            topics_.insert(*t);
          }
          auto it = questions_.find(p.id);
          std::int64_t id = 0;
          if (it == questions_.end()) {
            HALLWAY_TRY_ASSIGN(id, store::InsertImportedQuestion(tx, q));
            HALLWAY_TRY(store::SaveExternalId(tx, source_, "question", p.id, id));
            questions_[p.id] = id;
            ++r_.questions.inserted;
            touched[id] = {*owner, p.id};
          } else {
            id = it->second;
            HALLWAY_TRY_ASSIGN(bool changed, store::UpdateImportedQuestion(tx, id, q));
            if (changed) {
              ++r_.questions.updated;
              touched[id] = {*owner, p.id};
            } else {
              ++r_.questions.unchanged;
            }
          }
          accepted_.push_back({id, p.id, p.accepted_answer_id});
        } else if (p.type == se::PostType::kAnswer) {
          if (!p.parent_id) {
            Skip(p, "answer without ParentId");
            continue;
          }
          auto parent = questions_.find(*p.parent_id);
          if (parent == questions_.end()) {
            Skip(p, "dangling parent: question " + std::to_string(*p.parent_id) + " was not imported");
            continue;
          }
          auto owner = Owner(p);
          if (!owner) continue;
          store::ImportedAnswer a;
          a.question_id = parent->second;
          a.author_id = *owner;
          a.body = Body(p);
          a.body_html = domain::RenderMarkdown(a.body);
          a.score = p.score;
          a.created_at = created;
          a.updated_at = updated;
          auto it = answers_.find(p.id);
          bool changed = true;
          if (it == answers_.end()) {
            HALLWAY_TRY_ASSIGN(std::int64_t id, store::InsertImportedAnswer(tx, a));
            HALLWAY_TRY(store::SaveExternalId(tx, source_, "answer", p.id, id));
            answers_[p.id] = id;
            ++r_.answers.inserted;
          } else {
            HALLWAY_TRY_ASSIGN(changed, store::UpdateImportedAnswer(tx, it->second, a));
            ++(changed ? r_.answers.updated : r_.answers.unchanged);
          }
          if (changed) touched.try_emplace(a.question_id, TouchedQuestion{0, *p.parent_id});
        } else if (p.type == se::PostType::kTagWiki || p.type == se::PostType::kTagWikiExcerpt ||
                   p.type == se::PostType::kOrphanedTagWiki) {
          Skip(p, std::string("post type ") + se::PostTypeName(p.type) + ": topics have no description in Hallway");
        } else {
          Skip(p, "unsupported post type " + std::to_string(p.post_type_id) + " (" + se::PostTypeName(p.type) + ")");
        }
      }
      HALLWAY_TRY(ResolveAuthors(tx, touched));
      return AppendActivities(tx, touched, now);
    }));
    posts_buf_.clear();
    return core::Ok();
  }

  // Touched questions found through an answer or comment need their author
  // as the activity's actor.
  core::Status ResolveAuthors(store::Tx& tx, std::map<std::int64_t, TouchedQuestion>& touched) {
    for (auto& [post_id, t] : touched) {
      if (t.author != 0) continue;
      HALLWAY_TRY_ASSIGN(store::Rows rows, tx.Query("SELECT author_id FROM posts WHERE id = $1", {post_id}));
      if (!rows.empty()) t.author = rows[0].Int(0);
    }
    return core::Ok();
  }

  core::Status LinkAcceptedAnswers() {
    for (std::size_t start = 0; start < accepted_.size(); start += o_.batch_size) {
      const std::size_t end = std::min(accepted_.size(), start + o_.batch_size);
      const core::Micros now = clock_.Now();
      HALLWAY_TRY(db_.Write([&](store::Tx& tx) -> core::Status {
        std::map<std::int64_t, TouchedQuestion> touched;
        for (std::size_t i = start; i < end; ++i) {
          const Accepted& a = accepted_[i];
          std::optional<std::int64_t> local;
          if (a.answer) {
            auto it = answers_.find(*a.answer);
            if (it == answers_.end()) {
              r_.skipped.push_back({"Posts.xml", 0, std::to_string(a.question_external),
                                    "accepted answer " + std::to_string(*a.answer) + " was not imported"});
            } else {
              local = it->second;
              ++r_.accepted_linked;
            }
          }
          HALLWAY_TRY_ASSIGN(bool changed, store::SetAcceptedAnswer(tx, a.question, local));
          if (changed) {
            ++r_.accepted_changed;
            touched[a.question] = {0, a.question_external};
          }
        }
        HALLWAY_TRY(ResolveAuthors(tx, touched));
        return AppendActivities(tx, touched, now);
      }));
    }
    accepted_.clear();
    return core::Ok();
  }

  core::Status FlushComments() {
    if (comments_buf_.empty()) return core::Ok();
    HALLWAY_TRY(db_.Write([&](store::Tx& tx) -> core::Status {
      std::map<std::int64_t, TouchedQuestion> touched;
      for (const auto& c : comments_buf_) {
        auto skip = [&](const std::string& reason) {
          r_.skipped.push_back({"Comments.xml", 0, std::to_string(c.id), reason});
        };
        store::ImportedComment ic;
        auto q = questions_.find(c.post_id);
        auto a = answers_.find(c.post_id);
        if (q != questions_.end()) {
          ic.parent_id = q->second;
        } else if (a != answers_.end()) {
          ic.parent_id = a->second;
          ic.on_answer = true;
        } else {
          skip("dangling post: PostId " + std::to_string(c.post_id) + " was not imported");
          continue;
        }
        if (!c.user_id) {
          skip("no author (UserId missing: a deleted user)");
          continue;
        }
        auto author = users_.find(*c.user_id);
        if (author == users_.end()) {
          skip("dangling author: UserId " + std::to_string(*c.user_id) + " is not in Users.xml");
          continue;
        }
        ic.author_id = author->second;
        ic.body = Truncate(domain::Trim(c.text), 5000);
        if (ic.body.empty()) {
          skip("missing Text");
          continue;
        }
        ic.body_html = domain::RenderMarkdown(ic.body);
        ic.created_at = ToMicros(c.created_at);
        auto& map = ic.on_answer ? answer_comments_ : comments_;
        ImportCounts& counts = ic.on_answer ? r_.answer_comments : r_.comments;
        auto it = map.find(c.id);
        bool changed = true;
        if (it == map.end()) {
          HALLWAY_TRY_ASSIGN(std::int64_t id, store::InsertImportedComment(tx, ic));
          HALLWAY_TRY(store::SaveExternalId(tx, source_, ic.on_answer ? "answer_comment" : "comment", c.id, id));
          map[c.id] = id;
          ++counts.inserted;
        } else {
          HALLWAY_TRY_ASSIGN(changed, store::UpdateImportedComment(tx, it->second, ic));
          ++(changed ? counts.updated : counts.unchanged);
        }
        if (changed && !ic.on_answer) touched.try_emplace(ic.parent_id, TouchedQuestion{0, c.post_id});
      }
      HALLWAY_TRY(ResolveAuthors(tx, touched));
      return AppendActivities(tx, touched, clock_.Now());
    }));
    comments_buf_.clear();
    return core::Ok();
  }

  struct Accepted {
    std::int64_t question = 0;           // local post id
    std::int64_t question_external = 0;  // dump id
    std::optional<std::int64_t> answer;  // dump id of the accepted answer
  };

  store::Database& db_;
  const core::Clock& clock_;
  const StackExchangeImportOptions& o_;
  StackExchangeImportReport& r_;
  std::string source_;
  std::optional<std::int64_t> group_id_;
  Phase phase_ = Phase::kUsers;
  // Dump id -> local id: the only state that grows with the dump (16 bytes
  // a row), so a large dump's content never has to fit in memory.
  store::ExternalIdMap users_, questions_, answers_, comments_, answer_comments_;
  std::unordered_set<std::string> handles_used_;
  std::set<std::string> topics_;
  std::vector<Accepted> accepted_;
  std::vector<se::User> users_buf_;
  std::vector<se::Post> posts_buf_;
  std::vector<se::Comment> comments_buf_;
};

}  // namespace

std::string HandleFromDisplayName(const std::string& display_name) {
  std::string h;
  for (char c : display_name) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x80 && std::isalnum(u)) {
      h.push_back(static_cast<char>(std::tolower(u)));
    } else if (u < 0x80 && !h.empty() && h.back() != '-') {
      h.push_back('-');
    }
  }
  if (h.size() > 24) h.resize(24);
  while (!h.empty() && h.back() == '-') h.pop_back();
  return h.size() >= 2 ? h : "";
}

core::Result<StackExchangeImportReport> ImportStackExchange(store::Database& db, const core::Clock& clock,
                                                            const StackExchangeImportOptions& options) {
  std::error_code ec;
  if (!std::filesystem::is_directory(options.directory, ec)) {
    return core::Error::NotFound("import: " + options.directory + " is not a directory");
  }
  if (options.batch_size == 0) return core::Error::InvalidArgument("import: the batch size must be positive");
  StackExchangeImportReport report;
  report.source = options.source;
  if (report.source.empty()) {
    auto name = std::filesystem::path(options.directory).lexically_normal().filename().string();
    if (name.empty()) name = std::filesystem::path(options.directory).lexically_normal().parent_path().filename().string();
    report.source = "stackexchange:" + name;
  }
  Importer importer(db, clock, options, report);
  HALLWAY_TRY(importer.Load(report.source));
  HALLWAY_TRY(se::DumpReader(options.directory).Read(importer));
  HALLWAY_TRY(importer.Finish());
  report.topics = importer.topic_count();
  return report;
}

core::Status WriteSkipReport(const std::string& path, const StackExchangeImportReport& report) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return core::Error::Unavailable("import: cannot write " + path);
  auto field = [](const std::string& s) {
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  out << "file,line,id,reason\n";
  for (const auto& s : report.skipped) {
    out << s.file << ',' << s.line << ',' << field(s.id) << ',' << field(s.reason) << '\n';
  }
  if (!out) return core::Error::Unavailable("import: cannot write " + path);
  return core::Ok();
}

}  // namespace hallway::app
