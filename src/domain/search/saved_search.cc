#include "domain/search/saved_search.h"

#include <algorithm>

#include "core/utf8.h"

namespace hallway::domain {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

core::Result<std::string> Decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%') {
      if (i + 2 >= s.size()) {
        return core::Error::InvalidArgument("saved search: bad escape in the query", {{"query", "bad % escape"}});
      }
      const int hi = HexValue(s[i + 1]), lo = HexValue(s[i + 2]);
      if (hi < 0 || lo < 0) {
        return core::Error::InvalidArgument("saved search: bad escape in the query", {{"query", "bad % escape"}});
      }
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += s[i];
    }
  }
  if (!core::IsCleanUtf8(out)) {
    return core::Error::InvalidArgument("saved search: the query is not valid UTF-8", {{"query", "invalid UTF-8"}});
  }
  return out;
}

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t comma = std::min(s.find(',', start), s.size());
    if (comma > start) out.push_back(s.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

}  // namespace

core::Result<SavedQuery> ParseSavedQuery(std::string_view query) {
  if (!query.empty() && query.front() == '?') query.remove_prefix(1);
  if (query.size() > kMaxSavedQuery) {
    return core::Error::InvalidArgument("saved search: the query is too long",
                                        {{"query", "at most 2000 characters"}});
  }
  SavedQuery out;
  bool any_filter = false;
  std::size_t start = 0;
  while (start < query.size()) {
    const std::size_t amp = std::min(query.find('&', start), query.size());
    const std::string_view pair = query.substr(start, amp - start);
    start = amp + 1;
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    HALLWAY_TRY_ASSIGN(std::string key, Decode(pair.substr(0, eq)));
    HALLWAY_TRY_ASSIGN(std::string value,
                       Decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1)));
    if (key == "q") {
      out.text = value;
    } else if (key == "sort") {
      if (value != "relevance" && value != "date" && value != "rating") {
        return core::Error::InvalidArgument("saved search: sort must be relevance, date or rating",
                                            {{"query", "sort must be relevance, date or rating"}});
      }
      out.sort = value;
    } else if (key == "kind" || key == "skill" || key == "category" || key == "group" || key == "tag") {
      auto list = SplitList(value);
      any_filter = any_filter || !list.empty();
      auto& target = key == "kind"       ? out.kinds
                     : key == "skill"    ? out.skills
                     : key == "category" ? out.categories
                     : key == "group"    ? out.groups
                                         : out.tags;
      target = std::move(list);
    } else if (key == "offset" || key == "limit" || key == "explain") {
      // paging and debugging are not part of what is saved
    } else {
      return core::Error::InvalidArgument("saved search: unknown parameter '" + key + "' in the query",
                                          {{"query", "unknown parameter " + key}});
    }
  }
  bool blank = true;
  for (char c : out.text) blank = blank && (c == ' ' || c == '\t');
  if (blank && !any_filter) {
    return core::Error::InvalidArgument("saved search: the query is empty", {{"query", "needs words or a filter"}});
  }
  return out;
}

core::Result<std::string> ValidateSavedSearchName(std::string_view name) {
  while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.remove_prefix(1);
  while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
  if (!core::IsCleanUtf8(name) || name.empty() || core::CodePointCount(name) > kMaxSavedSearchName) {
    return core::Error::InvalidArgument("saved search: the name must be 1 to 100 characters",
                                        {{"name", "1 to 100 characters"}});
  }
  for (char c : name) {
    if (static_cast<unsigned char>(c) < 0x20) {
      return core::Error::InvalidArgument("saved search: the name has control characters",
                                          {{"name", "no control characters"}});
    }
  }
  return std::string(name);
}

bool Watermark::IsNew(const std::string& id, std::int64_t date) const {
  if (date != seconds) return date > seconds;
  return std::find(ids.begin(), ids.end(), id) == ids.end();
}

void Watermark::Advance(const std::vector<std::pair<std::string, std::int64_t>>& matches) {
  std::int64_t newest = seconds;
  for (const auto& [id, date] : matches) {
    if (IsNew(id, date)) newest = std::max(newest, date);
  }
  std::vector<std::string> at_newest = newest == seconds ? ids : std::vector<std::string>{};
  for (const auto& [id, date] : matches) {
    if (date == newest && std::find(at_newest.begin(), at_newest.end(), id) == at_newest.end()) {
      at_newest.push_back(id);
    }
  }
  seconds = newest;
  ids = std::move(at_newest);
}

std::string Watermark::IdsText() const {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ",") + id;
  return out;
}

std::vector<std::string> Watermark::SplitIds(std::string_view text) { return SplitList(std::string(text)); }

}  // namespace hallway::domain
