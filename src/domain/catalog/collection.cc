#include "domain/catalog/collection.h"

#include <set>

#include "core/utf8.h"
#include "domain/accounts/account.h"

namespace hallway::domain {
namespace {

bool LengthWithin(const std::string& s, std::size_t min, std::size_t max) {
  if (!core::IsCleanUtf8(s)) return false;
  const std::size_t n = core::CodePointCount(s);
  return n >= min && n <= max;
}

}  // namespace

core::Result<CollectionFields> ValidateCollectionFields(const CollectionFields& in) {
  CollectionFields out = in;
  out.title = Trim(in.title);
  out.description = Trim(in.description);
  std::vector<core::FieldError> errors;
  if (!LengthWithin(out.title, 1, 200)) errors.push_back({"title", "1 to 200 characters"});
  if (!LengthWithin(out.description, 0, 5000)) errors.push_back({"description", "up to 5,000 characters"});
  if (!errors.empty()) return core::Error::InvalidArgument("bad collection", std::move(errors));
  return out;
}

core::Result<std::vector<CollectionItem>> ValidateCollectionItems(const std::vector<CollectionItem>& in) {
  if (in.size() > kMaxCollectionItems) {
    return core::Error::InvalidArgument("too many items", {{"items", "at most 200 resources"}});
  }
  std::set<ResourceId> seen;
  std::vector<CollectionItem> out;
  for (const auto& item : in) {
    if (item.resource_id <= 0) {
      return core::Error::InvalidArgument("bad item", {{"items", "resource ids are positive"}});
    }
    if (!seen.insert(item.resource_id).second) {
      return core::Error::InvalidArgument("duplicate item", {{"items", "resource " + std::to_string(item.resource_id) +
                                                                           " appears twice"}});
    }
    CollectionItem c{item.resource_id, Trim(item.note)};
    if (!LengthWithin(c.note, 0, 2000)) {
      return core::Error::InvalidArgument("bad item", {{"items", "notes are up to 2,000 characters"}});
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace hallway::domain
