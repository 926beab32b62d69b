#include "search/facet_spy.h"

#include "search/stored_fields.h"

namespace hallway::search {

void MultiValueCountSpy::operator()(const Xapian::Document& doc, double /*weight*/) {
  const std::string raw = doc.get_value(slot_);
  if (raw.empty()) return;
  for (auto& v : DecodeStringList(raw)) ++counts_[std::move(v)];
}

}  // namespace hallway::search
