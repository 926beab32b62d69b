// SearchDocument: what the product hands the search engine for one
// searchable thing (a post, a resource, a person, a question...).
//
// A plain value type; copy it freely between threads. The engine never
// reads the product's storage: everything ranking, filtering, faceting and
// visibility need is in here.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace hallway::search {

// Signals of quality the product has gathered. All zero/false means
// "unknown", and unknown never moves a document up or down.
struct QualitySignals {
  int helpful_votes = 0;         // net positive votes ("this helped me")
  bool accepted_answer = false;  // an accepted answer, or an endorsed resource
  int rating_count = 0;          // how many ratings `SearchDocument::rating` averages
};

struct SearchDocument {
  std::string id;     // unique and stable, "post:42", "resource:7", "person:3"
  std::string kind;   // "post", "resource", "person", "question", "group", ...
  std::string title;  // names a person for kind "person"
  std::string body;   // plain text (the caller strips markup)
  std::vector<std::string> tags;        // free tags and topics ("machine learning")
  std::vector<std::string> skills;      // skill names ("Python", "Negotiation")
  std::vector<std::string> categories;  // taxonomy paths, "Leadership > People management"
  std::string author;    // author id as the product spells it ("3")
  std::string group;     // group id, empty when not in a group
  std::string language;  // BCP 47 tag, "en"
  std::string level;     // "beginner" | "intermediate" | "advanced" | free text
  std::int64_t date = 0;  // seconds since the Unix epoch, 0 when unknown
  double rating = 0;      // average rating 0..5, 0 when unrated
  QualitySignals quality;
  // Who may see the document: it is visible to a viewer who holds at least
  // one of these terms ("public", "group:12", "person:5"). A document with
  // none is visible to nobody.
  std::vector<std::string> visibility;
};

}  // namespace hallway::search
