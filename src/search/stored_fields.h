// Stored fields: the byte encoding of a SearchDocument kept in the index
// (document data) so that results, snippets and explanations need no trip to
// the product's storage; and of string lists kept in multi-valued slots.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "search/search_document.h"

namespace hallway::search {

// Returns the encoding of `doc` (every field).
std::string EncodeStoredDocument(const SearchDocument& doc);

// Returns the document encoded by EncodeStoredDocument, or kInternal when
// `bytes` is truncated or malformed (a corrupt or foreign index).
core::Result<SearchDocument> DecodeStoredDocument(std::string_view bytes);

// Returns a length-prefixed encoding of `items`, for a multi-valued slot.
std::string EncodeStringList(const std::vector<std::string>& items);

// Returns the items of an EncodeStringList encoding; a malformed tail is
// dropped (facets are best-effort, never an error).
std::vector<std::string> DecodeStringList(std::string_view bytes);

}  // namespace hallway::search
