#include "search/search_types.h"

namespace hallway::search {

const char* FacetName(Facet facet) {
  switch (facet) {
    case Facet::kKind: return "kind";
    case Facet::kCategory: return "category";
    case Facet::kSkill: return "skill";
    case Facet::kGroup: return "group";
    case Facet::kYear: return "year";
  }
  return "unknown";
}

}  // namespace hallway::search
