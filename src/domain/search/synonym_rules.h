// Search synonyms: the rules an admin's entry must follow. A term maps to
// the words or phrases that also count when someone searches for it
// (search::SearcherOptions::synonyms). Terms and equivalents are lowercase
// words or phrases: letters, digits, apostrophes and hyphens, words
// separated by single spaces.
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace hallway::domain {

inline constexpr std::size_t kMaxSynonymEquivalents = 20;
inline constexpr std::size_t kMaxSynonymEntries = 500;
inline constexpr std::size_t kMaxSynonymLength = 100;  // bytes of a term or an equivalent

// Returns `phrase` trimmed if it is a lowercase word or phrase.
// Errors: kInvalidArgument naming `field`.
core::Result<std::string> ValidateSynonymPhrase(std::string_view phrase, const std::string& field);

// Returns the equivalents validated, without duplicates or the term itself.
// Errors: kInvalidArgument when the list is empty (after that), longer than
// 20, or holds a bad phrase.
core::Result<std::vector<std::string>> ValidateSynonymEquivalents(const std::string& term,
                                                                  const std::vector<std::string>& equivalents);

}  // namespace hallway::domain
