// Ratings import: reads ratings (and reviews) from CSV or JSON Lines through
// a column mapping, resolves people by handle and resources by external id
// (or numeric id), and upserts one rating per person and resource, exactly
// as if each person had rated through the API: a new revision only when the
// stars or the review changed, and at the end of each batch, once per
// resource that received ratings (not per row), its distribution and score
// recomputed from its ratings and one "Update" activity saying how many
// ratings it received (so consumers reload it once; nobody is notified of
// each historical rating). Re-importing a file
// changes nothing. Rows that cannot be imported are reported with their line
// and reason and never written; rows for the same person and resource are
// merged (the last one wins). Not thread-safe; one import at a time per call.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "app/catalog_import.h"
#include "core/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace hallway::app {

// The fields a ratings mapping may name:
//   person (required; a handle), resource (required; an external id, or a
//   resource id), stars (required; 1..5, "4.0" accepted), review (text, up to
//   20,000 characters), rated_at (RFC 3339, YYYY-MM-DD or Unix seconds;
//   default: the time of the import).
extern const std::vector<std::string> kRatingImportFields;

struct RatingImportOptions {
  std::string file;
  std::string format;  // "csv", "jsonl", or "" to decide by the file name
  std::map<std::string, std::string> mapping;
  // Called as work advances: phase ("read" or "write"), done, total.
  std::function<void(const char* phase, std::size_t done, std::size_t total)> progress;
};

struct RatingImportReport {
  std::size_t rows = 0;       // data rows read
  std::size_t inserted = 0;   // new ratings
  std::size_t updated = 0;    // ratings whose stars or review changed
  std::size_t unchanged = 0;  // ratings already as in the file
  std::size_t merged = 0;     // rows superseded by a later row for the same person and resource
  std::size_t resources = 0;  // resources whose aggregates were recomputed
  std::vector<ImportRejection> rejected;
};

// Parses "person=user,resource=item,stars=rating". Errors: kInvalidArgument
// for unknown fields or malformed pairs.
core::Result<std::map<std::string, std::string>> ParseRatingMapping(const std::string& text);

// Runs the import. Errors (nothing written): kInvalidArgument when the file
// cannot be read or the mapping lacks person, resource or stars or names a
// column the file lacks; kUnavailable/kInternal from the database (batches
// already committed stay; re-running the import completes it).
core::Result<RatingImportReport> ImportRatings(store::Database& db, const core::Clock& clock,
                                               const RatingImportOptions& options);

// Writes the rejected rows as CSV (line, title, reason); `title` holds "person → resource".
core::Status WriteRatingRejectionReport(const std::string& path, const RatingImportReport& report);

}  // namespace hallway::app
