// Schema: the term prefixes and value slots the index uses, shared by the
// indexer, the query builder and the searcher. Constants only; thread-safe.
//
// Terms follow Xapian's conventions: unprefixed terms are the free text of
// title, body, tags and skills (title counted several times); "Z" marks a
// stemmed term; capital prefixes mark fields. Filter values are normalised
// with NormalizeFilterValue() before they become terms.
#pragma once

#include <string>
#include <string_view>

namespace hallway::search::schema {

// Probabilistic field: the title's words, so that title:word works and the
// explanation can say which words matched in the title.
inline constexpr std::string_view kTitle = "S";
// Boolean (filter) fields.
inline constexpr std::string_view kId = "Q";
inline constexpr std::string_view kAuthor = "A";
inline constexpr std::string_view kTag = "K";
inline constexpr std::string_view kLanguage = "L";
inline constexpr std::string_view kSkill = "XS";
inline constexpr std::string_view kCategory = "XC";  // the path and each ancestor path
inline constexpr std::string_view kGroup = "XG";
inline constexpr std::string_view kKind = "XK";
inline constexpr std::string_view kLevel = "XL";
inline constexpr std::string_view kVisibility = "XV";

// Value slots.
enum Slot : unsigned {
  kSlotDate = 0,        // sortable_serialise(seconds)
  kSlotRating = 1,      // sortable_serialise(0..5)
  kSlotQuality = 2,     // sortable_serialise(0..1), absent when no signals
  kSlotKind = 3,        // kind, normalised (facet)
  kSlotCategories = 4,  // encoded list of paths and ancestors (facet)
  kSlotSkills = 5,      // encoded list of skills (facet)
  kSlotGroup = 6,       // group id (facet)
  kSlotYear = 7,        // "2024" (date-bucket facet)
  kSlotAuthor = 8,      // author id (network boost, explanation)
};

// The visibility term every signed-out viewer holds; only documents carrying
// it feed the spelling dictionary.
inline constexpr std::string_view kPublic = "public";

// User metadata naming the analysis an index was built with. Bump
// kAnalysisVersion whenever the Analyzer changes the terms a document gets:
// a server that finds its index stamped otherwise (or not at all, as before
// version 2) rebuilds it in the background (jobs/search_rebuild.h), because
// the query side always asks in the current terms.
//   2: stemmed twins of numbers and stop words (27001, "state of the art").
inline constexpr std::string_view kAnalysisKey = "hallway.analysis";
inline constexpr std::string_view kAnalysisVersion = "2";

// Category path separator as users write it.
inline constexpr std::string_view kPathSeparator = ">";

// Returns `value` lower-cased (ASCII), trimmed, inner whitespace collapsed to
// one space, and category separators written as " > ". Used for every
// filter term and facet value so "Tag:Machine  Learning" finds the tag.
std::string NormalizeFilterValue(std::string_view value);

}  // namespace hallway::search::schema
