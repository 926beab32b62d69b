// Searcher::Suggest: typeahead over titles, people and topics.
#include <algorithm>

#include "core/utf8.h"
#include "search/ranking.h"
#include "search/schema.h"
#include "search/searcher.h"
#include "search/searcher_impl.h"
#include "search/stored_fields.h"
#include "search/xapian_errors.h"

namespace hallway::search {
namespace {

constexpr std::size_t kMaxLimit = 50;
constexpr std::size_t kMaxTopics = 3;
constexpr unsigned kTopicCandidates = 50;

// Returns the lower-cased words of `text` in order (no stemming, no stop
// words: a completion must match what is being typed).
std::vector<std::string> Words(const std::string& text) {
  Xapian::Document scratch;
  Xapian::TermGenerator tg;
  tg.set_document(scratch);
  tg.index_text(text);
  std::vector<std::pair<Xapian::termpos, std::string>> by_pos;
  for (auto it = scratch.termlist_begin(); it != scratch.termlist_end(); ++it) {
    for (auto p = it.positionlist_begin(); p != it.positionlist_end(); ++p) {
      by_pos.emplace_back(*p, *it);
    }
  }
  std::sort(by_pos.begin(), by_pos.end());
  std::vector<std::string> words;
  for (auto& [pos, w] : by_pos) words.push_back(std::move(w));
  return words;
}

}  // namespace

core::Result<std::vector<Suggestion>> Searcher::Suggest(const SuggestRequest& request) {
  if (request.visibility.empty()) {
    return core::Error::InvalidArgument("search: the viewer has no visibility terms");
  }
  if (request.limit == 0 || request.limit > kMaxLimit) {
    return core::Error::InvalidArgument("search: suggestion limit must be 1.." +
                                        std::to_string(kMaxLimit));
  }
  if (request.prefix.size() > impl_->options.query.max_query_bytes ||
      !core::IsCleanUtf8(request.prefix)) {
    return core::Error::InvalidArgument("search: typeahead text is too long or not UTF-8");
  }
  HALLWAY_TRY(impl_->Refresh());
  std::vector<Suggestion> out;
  const std::vector<std::string> words = Words(request.prefix);
  if (words.empty()) return out;
  const bool last_is_partial =
      !request.prefix.empty() && request.prefix.back() != ' ' && request.prefix.back() != '\t';
  const std::string title_prefix(schema::kTitle);
  const Xapian::Query visible = VisibilityFilter(request.visibility);

  for (int attempt = 0;; ++attempt) {
    try {
      Xapian::Database& db = impl_->db;
      out.clear();
      // Topics: tags starting with the whole text, most used first, each
      // checked to have a document this viewer may see.
      std::vector<std::pair<Xapian::doccount, std::string>> topics;
      const std::string tag_prefix =
          std::string(schema::kTag) + schema::NormalizeFilterValue(request.prefix);
      unsigned examined = 0;
      for (auto t = db.allterms_begin(tag_prefix);
           t != db.allterms_end(tag_prefix) && examined < kTopicCandidates; ++t, ++examined) {
        Xapian::Enquire enq(db);
        enq.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(*t), visible));
        const Xapian::MSet m = enq.get_mset(0, 0, 1);
        if (m.get_matches_lower_bound() > 0) {
          topics.emplace_back(t.get_termfreq(), (*t).substr(schema::kTag.size()));
        }
      }
      std::stable_sort(topics.begin(), topics.end(),
                       [](const auto& a, const auto& b) { return a.first > b.first; });
      const std::size_t topic_slots = std::min({kMaxTopics, topics.size(), request.limit});

      // Titles and people: every word typed, the last as a prefix.
      std::vector<Xapian::Query> parts;
      for (std::size_t i = 0; i + 1 < words.size(); ++i) parts.emplace_back(title_prefix + words[i]);
      if (last_is_partial) {
        parts.emplace_back(Xapian::Query::OP_WILDCARD, title_prefix + words.back(),
                           kTopicCandidates, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
      } else {
        parts.emplace_back(title_prefix + words.back());
      }
      Xapian::Query titles(Xapian::Query::OP_AND, parts.begin(), parts.end());
      titles = Xapian::Query(Xapian::Query::OP_AND_MAYBE, titles,
                             QualityBoost(impl_->options.quality_weight));
      Xapian::Enquire enq(db);
      enq.set_query(Xapian::Query(Xapian::Query::OP_FILTER, titles, visible));
      const Xapian::MSet mset =
          enq.get_mset(0, static_cast<Xapian::doccount>(request.limit - topic_slots));
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        HALLWAY_TRY_ASSIGN(SearchDocument d, DecodeStoredDocument(it.get_document().get_data()));
        Suggestion s;
        s.type = schema::NormalizeFilterValue(d.kind) == "person" ? Suggestion::Type::kPerson
                                                                  : Suggestion::Type::kTitle;
        s.text = d.title;
        s.id = d.id;
        out.push_back(std::move(s));
      }
      for (std::size_t i = 0; i < topics.size() && out.size() < request.limit; ++i) {
        if (i >= kMaxTopics) break;
        out.push_back({Suggestion::Type::kTopic, topics[i].second, ""});
      }
      return out;
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt >= 2) return FromXapian("suggest", e);
      HALLWAY_TRY(impl_->Refresh());
    } catch (const Xapian::Error& e) {
      return FromXapian("suggest", e);
    }
  }
}

}  // namespace hallway::search
