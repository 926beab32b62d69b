// Catalog import: reads learning resources from CSV or JSON Lines through a
// column mapping, validates every row, and upserts them by external id, so
// importing the same file twice changes nothing the second time. Rows that
// fail validation are reported with their line and reason and never written.
// Rows that share an external id within a file (a course listed under two
// subjects) are merged: their categories, skills and tags are united.
// Not thread-safe; one import at a time per call.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "store/database.h"

namespace hallway::app {

// The fields a mapping may name, e.g. {"title": "course_title"}. A field may
// join several columns with '+' ("summary+course_description").
//   external_id  upsert key; without it the key is the title and provider
//   kind, title (required), description, provider, url, duration, level,
//   language, cost, skills, tags (comma-separated lists), category ("A > B")
extern const std::vector<std::string> kImportFields;

struct CatalogImportOptions {
  std::string file;
  std::string format;  // "csv", "jsonl", or "" to decide by the file name
  std::map<std::string, std::string> mapping;
  std::string source;                // importer name kept with each row; default: the file's stem
  std::string default_kind = "course";
  // Called as work advances: phase ("read" or "write"), done, total.
  std::function<void(const char* phase, std::size_t done, std::size_t total)> progress;
};

struct ImportRejection {
  std::size_t line = 0;
  std::string title;
  std::string reason;
};

struct CatalogImportReport {
  std::size_t rows = 0;       // data rows read
  std::size_t inserted = 0;   // new resources
  std::size_t updated = 0;    // existing resources that changed
  std::size_t unchanged = 0;  // existing resources already up to date
  std::size_t merged = 0;     // rows folded into an earlier row with the same key
  std::vector<ImportRejection> rejected;
};

// Parses "title=Title,provider=Institution" into a mapping. Errors:
// kInvalidArgument for unknown fields or malformed pairs.
core::Result<std::map<std::string, std::string>> ParseMapping(const std::string& text);

// Runs the import. Errors (nothing written): kInvalidArgument when the file
// cannot be read, the mapping names a column the file lacks or does not map
// title; kUnavailable/kInternal from the database (batches already committed
// stay; re-running the import completes it).
core::Result<CatalogImportReport> ImportCatalog(store::Database& db, const core::Clock& clock,
                                                const CatalogImportOptions& options);

// Writes the rejected rows as CSV (line, title, reason).
core::Status WriteRejectionReport(const std::string& path, const CatalogImportReport& report);

}  // namespace hallway::app
