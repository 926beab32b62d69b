// QualityScore: folds a document's quality signals into one number in [0, 1]
// that the ranker adds (scaled) to the text score. Pure; thread-safe.
#pragma once

#include <optional>

#include "search/search_document.h"

namespace hallway::search {

// Returns a score in [0, 1] from helpful votes (saturating, log scale), an
// accepted answer, and the average rating shrunk towards neutral when few
// people rated. Returns nullopt when the document has no signal at all, so
// that documents without signals are neither boosted nor penalised.
std::optional<double> QualityScore(const QualitySignals& signals, double rating);

}  // namespace hallway::search
