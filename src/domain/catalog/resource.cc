#include "domain/catalog/resource.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>
#include <sstream>

#include "core/utf8.h"
#include "domain/accounts/account.h"

namespace hallway::domain {
namespace {

constexpr std::array<const char*, 8> kKindNames = {"course",  "video",    "article",  "book",
                                                   "podcast", "offering", "document", "link"};

bool IsHttpUrl(std::string_view url) {
  const std::string lower = AsciiLower(url.substr(0, 8));
  return (lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0) && url.size() > 8 &&
         url.size() <= 2000 && url.find_first_of(" \r\n\t<>\"") == std::string_view::npos;
}

std::set<std::string> Words(std::string_view key) {
  std::set<std::string> out;
  std::istringstream in{std::string(key)};
  for (std::string w; in >> w;) out.insert(w);
  return out;
}

}  // namespace

const char* ResourceKindName(ResourceKind k) { return kKindNames[static_cast<std::size_t>(k)]; }

core::Result<ResourceKind> ParseResourceKind(std::string_view name) {
  for (std::size_t i = 0; i < kKindNames.size(); ++i) {
    if (name == kKindNames[i]) return static_cast<ResourceKind>(i);
  }
  return core::Error::InvalidArgument(
      "unknown resource kind", {{"kind", "one of course, video, article, book, podcast, offering, document, link"}});
}

std::string LevelFromText(std::string_view text) {
  const std::string t = AsciiLower(Trim(text));
  if (t.empty()) return "";
  for (const char* l : kLevels) {
    if (t == l) return l;
  }
  if (t.find("beginner") != std::string::npos || t.find("introduct") != std::string::npos ||
      t.find("basic") != std::string::npos || t == "mixed") {
    return t == "mixed" ? "" : "introductory";
  }
  if (t.find("intermediate") != std::string::npos) return "intermediate";
  if (t.find("advanced") != std::string::npos || t.find("expert") != std::string::npos) return "advanced";
  return "";
}

std::optional<ResourceKind> KindFromText(std::string_view text) {
  const std::string t = AsciiLower(Trim(text));
  if (auto exact = ParseResourceKind(t)) return *exact;
  const std::pair<const char*, ResourceKind> kWords[] = {
      {"video", ResourceKind::kVideo},       {"podcast", ResourceKind::kPodcast},
      {"book", ResourceKind::kBook},         {"article", ResourceKind::kArticle},
      {"document", ResourceKind::kDocument}, {"workshop", ResourceKind::kOffering},
      {"classroom", ResourceKind::kOffering}, {"course", ResourceKind::kCourse}};
  for (const auto& [word, kind] : kWords) {
    if (t.find(word) != std::string::npos) return kind;
  }
  return std::nullopt;
}

std::optional<std::int64_t> DurationFromText(std::string_view text) {
  const std::string t = AsciiLower(Trim(text));
  double upper = -1;
  for (std::size_t i = 0; i < t.size();) {
    if (std::isdigit(static_cast<unsigned char>(t[i]))) {
      std::size_t j = i;
      while (j < t.size() && (std::isdigit(static_cast<unsigned char>(t[j])) || t[j] == '.')) ++j;
      upper = std::max(upper, std::atof(t.substr(i, j - i).c_str()));
      i = j;
    } else {
      ++i;
    }
  }
  if (upper <= 0) return std::nullopt;
  double minutes = upper;  // a bare number is minutes
  if (t.find("month") != std::string::npos) minutes = upper * 4.33 * 3 * 60;
  else if (t.find("week") != std::string::npos) minutes = upper * 3 * 60;
  else if (t.find("hour") != std::string::npos || t.find("hr") != std::string::npos) minutes = upper * 60;
  else if (t.find("day") != std::string::npos) minutes = upper * 8 * 60;
  const auto m = static_cast<std::int64_t>(minutes + 0.5);
  if (m < 1 || m > 100000) return std::nullopt;
  return m;
}

core::Result<ResourceFields> ValidateResourceFields(const ResourceFields& in) {
  ResourceFields out = in;
  std::vector<core::FieldError> errors;
  auto line = [&](std::string& v, const char* field, std::size_t max, bool required) {
    v = Trim(v);
    if (!core::IsCleanUtf8(v) || v.find_first_of("\r\n") != std::string::npos) {
      errors.push_back({field, "must be one line of text"});
    } else if (core::CodePointCount(v) > max) {
      errors.push_back({field, "at most " + std::to_string(max) + " characters"});
    } else if (required && v.empty()) {
      errors.push_back({field, "is required"});
    }
  };
  line(out.title, "title", 300, true);
  line(out.provider, "provider", 200, false);
  line(out.language, "language", 60, false);
  line(out.cost, "cost", 100, false);
  out.url = Trim(out.url);
  if (!out.url.empty() && !IsHttpUrl(out.url)) errors.push_back({"url", "must be an http or https address"});
  if (out.url.empty() && out.kind == ResourceKind::kLink) errors.push_back({"url", "is required for a link"});
  if (!core::IsCleanUtf8(out.description)) {
    errors.push_back({"description", "must be valid UTF-8 text"});
  } else if (core::CodePointCount(out.description) > 50000) {
    errors.push_back({"description", "at most 50,000 characters"});
  }
  out.level = AsciiLower(Trim(out.level));
  if (!out.level.empty() && LevelFromText(out.level) != out.level) {
    errors.push_back({"level", "one of introductory, intermediate, advanced"});
  }
  if (out.duration_minutes && (*out.duration_minutes < 1 || *out.duration_minutes > 100000)) {
    errors.push_back({"duration_minutes", "from 1 to 100,000"});
  }
  for (auto [list, field] : {std::pair{&out.skills, "skills"}, std::pair{&out.tags, "tags"}}) {
    // Catalog vocabularies run longer than profile tags ("Artificial
    // Intelligence and Machine Learning (AI/ML)").
    auto n = NormalizeTags(*list, field, 100);
    if (n) *list = *n;
    else errors.insert(errors.end(), n.error().fields().begin(), n.error().fields().end());
  }
  std::set<CategoryId> cats(out.categories.begin(), out.categories.end());
  out.categories.assign(cats.begin(), cats.end());
  if (out.categories.size() > 10) errors.push_back({"categories", "at most 10"});
  if (!out.sessions.empty() && out.kind != ResourceKind::kOffering) {
    errors.push_back({"sessions", "only internal offerings have sessions"});
  }
  for (auto& s : out.sessions) {
    line(s.location, "sessions", 200, false);
    if (s.ends_at <= s.starts_at) errors.push_back({"sessions", "a session must end after it starts"});
    if (s.seats && *s.seats < 1) errors.push_back({"sessions", "seats must be at least 1"});
  }
  if (out.sessions.size() > 50) errors.push_back({"sessions", "at most 50"});
  if (!errors.empty()) return core::Error::InvalidArgument("resource has invalid fields", std::move(errors));
  return out;
}

std::string UrlKey(std::string_view url) {
  std::string u = Trim(url);
  if (auto hash = u.find('#'); hash != std::string::npos) u.erase(hash);
  if (auto scheme = u.find("://"); scheme != std::string::npos) u.erase(0, scheme + 3);
  auto path_start = u.find('/');
  std::string host = AsciiLower(u.substr(0, path_start));
  std::string rest = path_start == std::string::npos ? "" : u.substr(path_start);
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  // Drop tracking parameters; keep the others in their order.
  std::string query;
  if (auto q = rest.find('?'); q != std::string::npos) {
    std::istringstream params(rest.substr(q + 1));
    rest.erase(q);
    for (std::string p; std::getline(params, p, '&');) {
      if (p.empty() || p.rfind("utm_", 0) == 0) continue;
      query += (query.empty() ? "?" : "&") + p;
    }
  }
  while (!rest.empty() && rest.back() == '/') rest.pop_back();
  return host + rest + query;
}

std::string TitleKey(std::string_view title) {
  std::string out;
  bool space = false;
  for (unsigned char c : title) {
    if (std::isalnum(c) || c >= 0x80 || c == '+' || c == '#') {  // "C++" is not "C#"
      if (space && !out.empty()) out += ' ';
      out += static_cast<char>(std::tolower(c));
      space = false;
    } else {
      space = true;
    }
  }
  return out;
}

bool TitlesAreClose(std::string_view a, std::string_view b) {
  if (a == b) return !a.empty();
  const auto wa = Words(a);
  const auto wb = Words(b);
  if (wa.empty() || wb.empty()) return false;
  std::size_t common = 0;
  for (const auto& w : wa) common += wb.count(w);
  const std::size_t all = wa.size() + wb.size() - common;
  return common * 5 >= all * 4;
}

}  // namespace hallway::domain
