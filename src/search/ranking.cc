#include "search/ranking.h"

#include "search/schema.h"

namespace hallway::search {
namespace {

Xapian::Query AnyOf(std::string_view prefix, const std::vector<std::string>& values) {
  std::vector<Xapian::Query> terms;
  for (const auto& v : values) {
    const std::string norm = schema::NormalizeFilterValue(v);
    // An empty value can match nothing; keep it so the filter still filters.
    terms.emplace_back(norm.empty() ? Xapian::Query::MatchNothing
                                    : Xapian::Query(std::string(prefix) + norm));
  }
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// Returns the stems of `text` joined by single spaces, padded with spaces,
// so whole-word containment is a substring test.
std::string StemLine(const std::string& text, const Analyzer& analyzer) {
  std::string line = " ";
  for (const auto& s : analyzer.Stems(text)) line += s + " ";
  return line;
}

}  // namespace

Xapian::Query VisibilityFilter(const std::vector<std::string>& visibility) {
  return AnyOf(schema::kVisibility, visibility);
}

Xapian::Query RequestFilters(const SearchRequest& r) {
  std::vector<Xapian::Query> parts;
  const std::pair<std::string_view, const std::vector<std::string>*> lists[] = {
      {schema::kKind, &r.kinds},       {schema::kTag, &r.tags},
      {schema::kSkill, &r.skills},     {schema::kCategory, &r.categories},
      {schema::kAuthor, &r.authors},   {schema::kGroup, &r.groups},
      {schema::kLanguage, &r.languages}, {schema::kLevel, &r.levels}};
  for (const auto& [prefix, values] : lists) {
    if (!values->empty()) parts.push_back(AnyOf(prefix, *values));
  }
  if (r.date_from || r.date_to) {
    const double lo = r.date_from ? static_cast<double>(*r.date_from) : -1e300;
    const double hi = r.date_to ? static_cast<double>(*r.date_to) : 1e300;
    parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate,
                       Xapian::sortable_serialise(lo), Xapian::sortable_serialise(hi));
  }
  if (r.min_rating) {
    parts.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kSlotRating,
                       Xapian::sortable_serialise(*r.min_rating));
  }
  if (parts.empty()) return Xapian::Query::MatchAll;
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Xapian::Query SynonymExpansion(const std::string& text, const Analyzer& analyzer,
                               const SearcherOptions& options) {
  if (options.synonyms.empty()) return Xapian::Query::MatchNothing;
  const std::string line = StemLine(text, analyzer);
  std::vector<Xapian::Query> alternatives;
  for (const auto& [key, values] : options.synonyms) {
    const std::string key_line = StemLine(key, analyzer);
    if (key_line.size() <= 1 || line.find(key_line) == std::string::npos) continue;
    for (const auto& value : values) {
      const auto stems = analyzer.Stems(value);
      if (stems.empty()) continue;
      std::vector<Xapian::Query> words;
      for (const auto& s : stems) words.emplace_back("Z" + s);
      // A multi-word synonym must appear whole (all words), though not
      // necessarily adjacent: stems carry no positions.
      alternatives.emplace_back(stems.size() == 1 ? Xapian::Query::OP_OR : Xapian::Query::OP_AND,
                                words.begin(), words.end());
    }
  }
  if (alternatives.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()),
                       options.synonym_weight);
}

std::vector<std::string> MatchedCategoryTerms(const std::string& text, const Analyzer& analyzer,
                                              const std::vector<std::string>& taxonomy) {
  std::vector<std::string> terms;
  if (taxonomy.empty()) return terms;
  const std::string line = StemLine(text, analyzer);
  for (const auto& path : taxonomy) {
    const std::string norm = schema::NormalizeFilterValue(path);
    const std::size_t cut = norm.rfind(" > ");
    const std::string name = cut == std::string::npos ? norm : norm.substr(cut + 3);
    const std::string name_line = StemLine(name, analyzer);
    if (name_line.size() <= 1 || line.find(name_line) == std::string::npos) continue;
    terms.push_back(std::string(schema::kCategory) + norm);
  }
  return terms;
}

Xapian::Query ConstantBoost(const std::vector<std::string>& terms, double weight) {
  if (terms.empty() || weight <= 0) return Xapian::Query::MatchNothing;
  Xapian::Query any(Xapian::Query::OP_OR, terms.begin(), terms.end());
  return Xapian::Query(Xapian::Query::OP_FILTER,
                       Xapian::Query((new Xapian::FixedWeightPostingSource(weight))->release()),
                       any);
}

Xapian::Query QualityBoost(double weight) {
  if (weight <= 0) return Xapian::Query::MatchNothing;
  return Xapian::Query(
      Xapian::Query::OP_SCALE_WEIGHT,
      Xapian::Query((new Xapian::ValueWeightPostingSource(schema::kSlotQuality))->release()),
      weight);
}

std::vector<std::string> AuthorTerms(const std::vector<std::string>& authors) {
  std::vector<std::string> terms;
  for (const auto& a : authors) {
    const std::string norm = schema::NormalizeFilterValue(a);
    if (!norm.empty()) terms.push_back(std::string(schema::kAuthor) + norm);
  }
  return terms;
}

}  // namespace hallway::search
