#include "expertise/text_analyzer.h"

#include <gtest/gtest.h>

namespace hallway::expertise {
namespace {

TEST(ExpertiseTextTest, StemsRelatedFormsTogether) {
  struct Case {
    const char* a;
    const char* b;
  };
  const Case same[] = {{"qubits", "qubit"},        {"gates", "gate"},
                       {"entangled", "entangle"},  {"entangling", "entangle"},
                       {"states", "state"},        {"queries", "query"},
                       {"classes", "class"},       {"computing", "computed"}};
  for (const auto& c : same) EXPECT_EQ(StemLite(c.a), StemLite(c.b)) << c.a << " vs " << c.b;
  // Words that only look like plurals or participles stay whole.
  EXPECT_EQ(StemLite("basis"), "basis");
  EXPECT_EQ(StemLite("modulus"), "modulus");
  EXPECT_EQ(StemLite("string"), "string");
  EXPECT_EQ(StemLite("is"), "is");
}

TEST(ExpertiseTextTest, AnalyzesTextIntoTerms) {
  EXPECT_EQ(AnalyzeText("How do I apply the Hadamard gate to 2 qubits? (Q# or Qiskit)"),
            (std::vector<std::string>{"apply", "hadamard", "gate", "qubit", "qiskit"}));
  EXPECT_EQ(AnalyzeText("Schr\xC3\xB6" "dinger's cat"),
            (std::vector<std::string>{"schr\xC3\xB6" "dinger", "cat"}));
  EXPECT_EQ(AnalyzeText("one two three four", 2).size(), 2u);
  EXPECT_TRUE(AnalyzeText("how do I ... ?").empty());
  EXPECT_EQ(NormalizeTopic("  Quantum-Gate "), "quantum-gate");
}

}  // namespace
}  // namespace hallway::expertise
