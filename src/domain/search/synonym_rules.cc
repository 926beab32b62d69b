#include "domain/search/synonym_rules.h"

#include <algorithm>

#include "core/utf8.h"

namespace hallway::domain {

core::Result<std::string> ValidateSynonymPhrase(std::string_view phrase, const std::string& field) {
  while (!phrase.empty() && phrase.front() == ' ') phrase.remove_prefix(1);
  while (!phrase.empty() && phrase.back() == ' ') phrase.remove_suffix(1);
  auto bad = [&](const std::string& why) {
    return core::Error::InvalidArgument("synonyms: " + field + " " + why, {{field, why}});
  };
  if (phrase.empty()) return bad("is empty");
  if (phrase.size() > kMaxSynonymLength) return bad("is longer than 100 characters");
  if (!core::IsCleanUtf8(phrase)) return bad("is not valid UTF-8");
  char previous = ' ';
  for (char c : phrase) {
    const auto u = static_cast<unsigned char>(c);
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || c == '-' || u >= 0x80 ||
                    (c == ' ' && previous != ' ');
    if (c >= 'A' && c <= 'Z') return bad("must be lowercase");
    if (!ok) return bad("must be words of letters, digits, hyphens or apostrophes separated by single spaces");
    previous = c;
  }
  return std::string(phrase);
}

core::Result<std::vector<std::string>> ValidateSynonymEquivalents(const std::string& term,
                                                                  const std::vector<std::string>& equivalents) {
  if (equivalents.size() > kMaxSynonymEquivalents) {
    return core::Error::InvalidArgument("synonyms: at most 20 equivalents per term",
                                        {{"equivalents", "at most 20"}});
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < equivalents.size(); ++i) {
    HALLWAY_TRY_ASSIGN(std::string e, ValidateSynonymPhrase(equivalents[i], "equivalents[" + std::to_string(i) + "]"));
    if (e != term && std::find(out.begin(), out.end(), e) == out.end()) out.push_back(std::move(e));
  }
  if (out.empty()) {
    return core::Error::InvalidArgument("synonyms: a term needs at least one equivalent other than itself",
                                        {{"equivalents", "at least one"}});
  }
  return out;
}

}  // namespace hallway::domain
