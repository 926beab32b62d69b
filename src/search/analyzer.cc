#include "search/analyzer.h"

#include <algorithm>
#include <ctime>
#include <set>

#include "search/analyzer_impl.h"
#include "search/quality_score.h"
#include "search/schema.h"
#include "search/stop_words.h"
#include "search/stored_fields.h"

namespace hallway::search {
namespace {

std::string Year(std::int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return {};
  return std::to_string(tm.tm_year + 1900);
}

void AddFilterTerm(Xapian::Document& xdoc, std::string_view prefix, std::string_view value) {
  std::string v = schema::NormalizeFilterValue(value);
  if (v.empty()) return;
  std::string term(prefix);
  term += v;
  // Xapian's term length limit is 245 bytes; a longer value cannot be a
  // filter anyway.
  if (term.size() <= 240) xdoc.add_boolean_term(term);
}

}  // namespace

Analyzer::Impl::Impl(AnalyzerOptions o) : options(o), stemmer("english") {
  if (options.stop_words) {
    for (auto w : EnglishStopWords()) stopper.add(std::string(w));
  }
}

Xapian::TermGenerator Analyzer::Impl::MakeTermGenerator() const {
  Xapian::TermGenerator tg;
  tg.set_stemmer(stemmer);
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME_FULL_POS);
  if (options.stop_words) {
    tg.set_stopper(&stopper);
    tg.set_stopper_strategy(Xapian::TermGenerator::STOP_STEMMED);
  }
  return tg;
}

void Analyzer::Impl::AddStemmedTwins(Xapian::Document& xdoc) const {
  struct Twin {
    std::string term;
    Xapian::termcount wdf;  // 0 for a stop word
    std::vector<Xapian::termpos> positions;
  };
  std::vector<Twin> twins;
  const char title = schema::kTitle[0];
  for (auto t = xdoc.termlist_begin(); t != xdoc.termlist_end(); ++t) {
    const std::string& term = *t;
    const auto first = static_cast<unsigned char>(term[0]);
    const bool titled = first == static_cast<unsigned char>(title);
    if (!titled && first >= 'A' && first <= 'Z') continue;  // a stem, or another field
    const std::string word = term.substr(titled ? 1 : 0);
    if (word.empty()) continue;
    const bool number = word[0] >= '0' && word[0] <= '9';
    const bool stop = options.stop_words && stopper(word);
    if (!number && !stop) continue;
    const std::string stem = stemmer(word);
    if (stem.empty()) continue;
    Twin twin{"Z" + term.substr(0, titled ? 1 : 0) + stem, number ? t.get_wdf() : 0, {}};
    for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
      twin.positions.push_back(*p);
    }
    twins.push_back(std::move(twin));
  }
  for (const auto& twin : twins) {
    for (Xapian::termpos p : twin.positions) xdoc.add_posting(twin.term, p, 0);
    if (twin.wdf > 0) xdoc.add_term(twin.term, twin.wdf);
  }
}

Xapian::Document Analyzer::Impl::Build(const SearchDocument& doc) const {
  Xapian::Document xdoc;
  Xapian::TermGenerator tg = MakeTermGenerator();
  tg.set_document(xdoc);
  tg.index_text(doc.title, options.title_weight);
  tg.increase_termpos();
  tg.index_text(doc.title, 1, std::string(schema::kTitle));
  tg.increase_termpos();
  tg.index_text(doc.body);
  for (const auto& t : doc.tags) {
    tg.increase_termpos();
    tg.index_text(t, options.tag_weight);
  }
  for (const auto& s : doc.skills) {
    tg.increase_termpos();
    tg.index_text(s, options.tag_weight);
  }
  AddStemmedTwins(xdoc);

  xdoc.add_boolean_term(std::string(schema::kId) + doc.id);
  AddFilterTerm(xdoc, schema::kKind, doc.kind);
  AddFilterTerm(xdoc, schema::kAuthor, doc.author);
  AddFilterTerm(xdoc, schema::kGroup, doc.group);
  AddFilterTerm(xdoc, schema::kLanguage, doc.language);
  AddFilterTerm(xdoc, schema::kLevel, doc.level);
  for (const auto& t : doc.tags) AddFilterTerm(xdoc, schema::kTag, t);
  for (const auto& s : doc.skills) AddFilterTerm(xdoc, schema::kSkill, s);
  for (const auto& v : doc.visibility) AddFilterTerm(xdoc, schema::kVisibility, v);

  std::set<std::string> paths;
  for (const auto& c : doc.categories) {
    for (auto& p : CategoryAncestry(c)) paths.insert(std::move(p));
  }
  for (const auto& p : paths) AddFilterTerm(xdoc, schema::kCategory, p);
  if (!paths.empty()) {
    xdoc.add_value(schema::kSlotCategories,
                   EncodeStringList(std::vector<std::string>(paths.begin(), paths.end())));
  }
  std::vector<std::string> skills;
  for (const auto& s : doc.skills) {
    auto v = schema::NormalizeFilterValue(s);
    if (!v.empty()) skills.push_back(std::move(v));
  }
  if (!skills.empty()) xdoc.add_value(schema::kSlotSkills, EncodeStringList(skills));

  if (doc.date != 0) {
    xdoc.add_value(schema::kSlotDate, Xapian::sortable_serialise(static_cast<double>(doc.date)));
    xdoc.add_value(schema::kSlotYear, Year(doc.date));
  }
  if (doc.rating > 0) xdoc.add_value(schema::kSlotRating, Xapian::sortable_serialise(doc.rating));
  if (auto q = QualityScore(doc.quality, doc.rating)) {
    xdoc.add_value(schema::kSlotQuality, Xapian::sortable_serialise(*q));
  }
  if (auto k = schema::NormalizeFilterValue(doc.kind); !k.empty()) {
    xdoc.add_value(schema::kSlotKind, k);
  }
  if (auto g = schema::NormalizeFilterValue(doc.group); !g.empty()) {
    xdoc.add_value(schema::kSlotGroup, g);
  }
  if (auto a = schema::NormalizeFilterValue(doc.author); !a.empty()) {
    xdoc.add_value(schema::kSlotAuthor, a);
  }
  xdoc.set_data(EncodeStoredDocument(doc));
  return xdoc;
}

std::vector<std::string> SpellingWords(const Xapian::Document& doc) {
  std::vector<std::string> words;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string& t = *it;
    if (t.empty()) continue;
    const auto c = static_cast<unsigned char>(t[0]);
    if (c >= 'A' && c <= 'Z') continue;  // prefixed, or a Z stem
    if (t.size() < 3) continue;          // too short to correct usefully
    words.push_back(t);
  }
  return words;
}

std::vector<std::string> CategoryAncestry(const std::string& path) {
  const std::string norm = schema::NormalizeFilterValue(path);
  std::vector<std::string> out;
  const std::string sep = " > ";
  std::size_t pos = 0;
  while (true) {
    const std::size_t next = norm.find(sep, pos);
    if (next == std::string::npos) break;
    out.push_back(norm.substr(0, next));
    pos = next + sep.size();
  }
  if (!norm.empty()) out.push_back(norm);
  return out;
}

Analyzer::Analyzer(AnalyzerOptions options) : impl_(std::make_unique<Impl>(options)) {}
Analyzer::~Analyzer() = default;

const AnalyzerOptions& Analyzer::options() const { return impl_->options; }

std::vector<std::string> Analyzer::Stems(std::string_view text) const {
  Xapian::Document scratch;
  Xapian::TermGenerator tg = impl_->MakeTermGenerator();
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
  tg.set_stopper_strategy(Xapian::TermGenerator::STOP_ALL);
  tg.set_document(scratch);
  tg.index_text(std::string(text));
  // Order by position so callers see the words as written.
  std::vector<std::pair<Xapian::termpos, std::string>> by_pos;
  for (auto it = scratch.termlist_begin(); it != scratch.termlist_end(); ++it) {
    for (auto p = it.positionlist_begin(); p != it.positionlist_end(); ++p) {
      by_pos.emplace_back(*p, (*it).substr(1));  // drop the "Z"
    }
  }
  std::sort(by_pos.begin(), by_pos.end());
  std::vector<std::string> out;
  out.reserve(by_pos.size());
  for (auto& [pos, term] : by_pos) out.push_back(std::move(term));
  return out;
}

}  // namespace hallway::search
