// Text analysis for the expertise index: the need ("how do I ...") and the
// evidence text are cut into the same terms. Lower-cases ASCII, splits on
// anything that is not a letter or digit (bytes >= 0x80 count as letters, so
// non-English words survive whole), drops English stop words and terms of
// one character or over 40 bytes, and applies a light suffix stemmer
// (plural -s/-es/-ies, -ing, -ed, -ly) so "gates" meets "gate". Pure
// functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hallway::expertise {

// Returns the terms of `text` in order, duplicates kept (callers count
// them). At most `max_terms` are returned (the rest of a long text is
// ignored, which bounds index memory per item).
std::vector<std::string> AnalyzeText(std::string_view text, std::size_t max_terms = 4000);

// Returns the stem of an already lower-cased word ("qubits" -> "qubit",
// "entangled" -> "entangl", "entangling" -> "entangl").
std::string StemLite(std::string word);

// Returns `topic` lower-cased (ASCII) and trimmed: how topics are compared.
std::string NormalizeTopic(std::string_view topic);

}  // namespace hallway::expertise
