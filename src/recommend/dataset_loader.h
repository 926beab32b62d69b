// Loaders for trust-and-ratings data sets on disk, in the two layouts the
// evaluation uses:
//   * kLibRec: `ratings.txt` "user item rating" and `trust.txt`
//     "truster trustee value", whitespace-separated (FilmTrust);
//   * kTang:   `ratings.tsv` "user item category rating [helpfulness]" and
//     `trust.tsv` "truster trustee", tab-separated (Epinions, Ciao).
// Ids must be integers; ratings and trust values finite numbers; trust
// values <= 0 are dropped (distrust is not trust). Blank lines and a CR
// before the newline are accepted. Duplicates are handled by
// RatingData::Finalize() (last rating wins; self-loops dropped).
//
// Thread-safety: stateless functions; safe to call concurrently.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "recommend/rating_data.h"

namespace hallway::recommend {

enum class DatasetLayout { kLibRec, kTang };

struct LoadedDataset {
  std::string name;  // the directory's last path component
  DatasetLayout layout = DatasetLayout::kLibRec;
  RatingData data;   // finalized
  FinalizeStats stats;
};

// Parses ratings text in `layout` into `data` (not finalized).
// Returns InvalidArgument "recommend: <source>:<line>: ..." on a malformed
// line (wrong field count, non-integer id, non-finite rating).
core::Status ParseRatings(std::string_view text, DatasetLayout layout, std::string_view source,
                          RatingData* data);
// Parses trust text in `layout` into `data`; same errors as ParseRatings.
core::Status ParseTrust(std::string_view text, DatasetLayout layout, std::string_view source,
                        RatingData* data);

// Returns the layout of directory `dir` (kTang when ratings.tsv exists, else
// kLibRec when ratings.txt exists); NotFound when neither does.
core::Result<DatasetLayout> DetectLayout(const std::string& dir);

// Loads and finalizes the data set in `dir` (trust file optional).
// Errors: NotFound (no ratings file), Unavailable (unreadable file), or the
// parse errors above.
core::Result<LoadedDataset> LoadDataset(const std::string& dir);

}  // namespace hallway::recommend
