// Internal to src/search (includes Xapian): counts the values of a
// multi-valued slot (an EncodeStringList) over the documents a search
// examines, for facets such as categories and skills. Not thread-safe;
// one per search.
#pragma once

#include <xapian.h>

#include <map>
#include <string>

namespace hallway::search {

class MultiValueCountSpy : public Xapian::MatchSpy {
 public:
  explicit MultiValueCountSpy(Xapian::valueno slot) : slot_(slot) {}
  void operator()(const Xapian::Document& doc, double weight) override;
  std::string name() const override { return "hallway.MultiValueCountSpy"; }

  const std::map<std::string, Xapian::doccount>& counts() const { return counts_; }

 private:
  Xapian::valueno slot_;
  std::map<std::string, Xapian::doccount> counts_;
};

}  // namespace hallway::search
