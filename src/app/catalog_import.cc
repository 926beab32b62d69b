#include "app/catalog_import.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <sstream>

#include "core/csv_reader.h"
#include "core/utf8.h"
#include "domain/accounts/account.h"
#include "domain/activity.h"
#include "domain/catalog/rating_stats.h"
#include "domain/catalog/resource.h"
#include "domain/markdown.h"
#include "domain/social/group.h"
#include "store/activity_log.h"
#include "store/category_store.h"
#include "store/resource_store.h"

namespace hallway::app {

const std::vector<std::string> kImportFields = {"external_id", "kind",     "title",    "description", "provider",
                                                "url",         "duration", "level",    "language",    "cost",
                                                "skills",      "tags",     "category"};

namespace {

// Rows per write transaction: large, so each commit (and its fsync) and
// each touched index page is paid for once per thousands of rows.
constexpr std::size_t kBatch = 5000;

// One input row as field → text, after applying the mapping.
using MappedRow = std::map<std::string, std::string>;

struct PendingResource {
  std::size_t line = 0;
  std::string key;
  domain::ResourceFields fields;
  std::vector<std::string> category_paths;
};

std::vector<std::string> SplitList(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::string item;
  std::istringstream in(text);
  while (std::getline(in, item, sep)) {
    item = domain::Trim(item);
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

std::vector<std::string> SplitColumns(const std::string& spec) { return SplitList(spec, '+'); }

// Builds a resource from a mapped row, or the reasons it is rejected.
core::Result<PendingResource> FromRow(const MappedRow& row, std::size_t line, const std::string& default_kind) {
  auto get = [&](const std::string& f) {
    auto it = row.find(f);
    return it == row.end() ? std::string() : it->second;
  };
  for (const auto& [field, value] : row) {
    if (!core::IsCleanUtf8(value)) {
      return core::Error::InvalidArgument(field + " is not valid UTF-8 text");
    }
  }
  PendingResource p;
  p.line = line;
  domain::ResourceFields& f = p.fields;
  const std::string kind_text = get("kind");
  auto kind = kind_text.empty() ? std::nullopt : domain::KindFromText(kind_text);
  if (!kind) kind = domain::KindFromText(default_kind);
  f.kind = kind.value_or(domain::ResourceKind::kCourse);
  // Titles and other one-line fields arrive with stray newlines in real
  // exports; fold them into spaces rather than reject the row.
  auto one_line = [](std::string s) {
    std::replace_if(s.begin(), s.end(), [](char c) { return c == '\r' || c == '\n' || c == '\t'; }, ' ');
    return domain::Trim(s);
  };
  f.title = one_line(get("title"));
  f.description = get("description");
  f.provider = one_line(get("provider"));
  f.url = one_line(get("url"));
  f.language = one_line(get("language"));
  f.cost = one_line(get("cost"));
  if (f.cost.size() > 100) f.cost.resize(100);
  f.level = domain::LevelFromText(get("level"));
  if (!get("duration").empty()) f.duration_minutes = domain::DurationFromText(get("duration"));
  f.skills = SplitList(get("skills"), ',');
  f.tags = SplitList(get("tags"), ',');
  if (f.kind == domain::ResourceKind::kLink && f.url.empty()) f.kind = domain::ResourceKind::kCourse;
  for (const auto& path : SplitList(get("category"), ';')) p.category_paths.push_back(path);
  auto valid = domain::ValidateResourceFields(f);
  if (!valid) {
    std::string reason;
    for (const auto& e : valid.error().fields()) reason += (reason.empty() ? "" : "; ") + e.field + " " + e.message;
    return core::Error::InvalidArgument(reason.empty() ? valid.error().message() : reason);
  }
  p.fields = *valid;
  const std::string id = domain::Trim(get("external_id"));
  p.key = !id.empty() ? id : "title:" + domain::TitleKey(f.title) + "|" + domain::TitleKey(f.provider);
  return p;
}

void Merge(PendingResource& into, const PendingResource& from) {
  auto unite = [](std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::set<std::string> seen;
    for (const auto& x : a) seen.insert(domain::TagKey(x));
    for (const auto& x : b) {
      if (seen.insert(domain::TagKey(x)).second) a.push_back(x);
    }
  };
  unite(into.fields.skills, from.fields.skills);
  unite(into.fields.tags, from.fields.tags);
  unite(into.category_paths, from.category_paths);
}

// Reads every row of the file into pending resources (merged by key).
class RowSource {
 public:
  RowSource(const CatalogImportOptions& o, CatalogImportReport& report) : o_(o), report_(report) {}

  core::Result<std::vector<PendingResource>> Read() {
    std::error_code ec;
    const auto total = std::filesystem::file_size(o_.file, ec);
    if (ec) return core::Error::InvalidArgument("cannot read " + o_.file + ": " + ec.message());
    std::ifstream in(o_.file, std::ios::binary);
    if (!in) return core::Error::InvalidArgument("cannot open " + o_.file);
    std::string format = o_.format;
    if (format.empty()) {
      const auto ext = std::filesystem::path(o_.file).extension().string();
      format = (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") ? "jsonl" : "csv";
    }
    if (format == "csv") {
      HALLWAY_TRY(ReadCsv(in, total));
    } else if (format == "jsonl") {
      HALLWAY_TRY(ReadJsonLines(in, total));
    } else {
      return core::Error::InvalidArgument("unknown format '" + format + "' (csv or jsonl)");
    }
    std::vector<PendingResource> out;
    out.reserve(order_.size());
    for (const auto& key : order_) out.push_back(std::move(by_key_.at(key)));
    return out;
  }

 private:
  void Accept(const MappedRow& row, std::size_t line) {
    ++report_.rows;
    auto p = FromRow(row, line, o_.default_kind);
    if (!p) {
      auto title = row.count("title") ? row.at("title") : std::string();
      if (!core::IsCleanUtf8(title)) title = "(not valid UTF-8)";
      report_.rejected.push_back({line, title.substr(0, 200), p.error().message()});
      return;
    }
    auto it = by_key_.find(p->key);
    if (it == by_key_.end()) {
      order_.push_back(p->key);
      by_key_.emplace(p->key, std::move(*p));
    } else {
      Merge(it->second, *p);
      ++report_.merged;
    }
  }

  void Progress(std::size_t done, std::size_t total) {
    if (o_.progress) o_.progress("read", done, total);
  }

  core::Status ReadCsv(std::istream& in, std::size_t total) {
    core::CsvReader csv(in);
    std::vector<std::string> header;
    HALLWAY_TRY_ASSIGN(bool any, csv.Next(header));
    if (!any) return core::Error::InvalidArgument(o_.file + " is empty");
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < header.size(); ++i) column[domain::Trim(header[i])] = i;
    // Resolve the mapping once, refusing columns the file lacks.
    std::vector<std::pair<std::string, std::vector<std::size_t>>> plan;
    for (const auto& [field, spec] : o_.mapping) {
      std::vector<std::size_t> cols;
      for (const auto& name : SplitColumns(spec)) {
        auto it = column.find(name);
        if (it == column.end()) {
          return core::Error::InvalidArgument("the mapping names column '" + name + "' (for " + field +
                                              ") but " + o_.file + " has no such column");
        }
        cols.push_back(it->second);
      }
      plan.emplace_back(field, cols);
    }
    std::vector<std::string> fields;
    for (std::size_t n = 0;; ++n) {
      HALLWAY_TRY_ASSIGN(bool more, csv.Next(fields));
      if (!more) break;
      if (fields.size() == 1 && fields[0].empty()) continue;  // blank line
      if (fields.size() != header.size()) {
        ++report_.rows;
        report_.rejected.push_back({csv.record_line(), "", "has " + std::to_string(fields.size()) +
                                                               " columns, the header has " +
                                                               std::to_string(header.size())});
        continue;
      }
      MappedRow row;
      for (const auto& [field, cols] : plan) {
        std::string v;
        for (auto c : cols) {
          if (fields[c].empty()) continue;
          v += (v.empty() ? "" : "\n\n") + fields[c];
        }
        row[field] = std::move(v);
      }
      Accept(row, csv.record_line());
      if (n % 256 == 0) Progress(csv.bytes_read(), total);
    }
    Progress(total, total);
    return core::Ok();
  }

  core::Status ReadJsonLines(std::istream& in, std::size_t total) {
    std::string line;
    std::size_t done = 0;
    bool checked = false;
    for (std::size_t n = 1; std::getline(in, line); ++n) {
      done += line.size() + 1;
      if (domain::Trim(line).empty()) continue;
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object()) {
        ++report_.rows;
        report_.rejected.push_back({n, "", "is not a JSON object"});
        continue;
      }
      if (!checked) {
        // The first object decides whether the mapping fits the file.
        for (const auto& [field, spec] : o_.mapping) {
          for (const auto& name : SplitColumns(spec)) {
            if (!j.contains(name)) {
              return core::Error::InvalidArgument("the mapping names key '" + name + "' (for " + field +
                                                  ") but the first object in " + o_.file + " has no such key");
            }
          }
        }
        checked = true;
      }
      MappedRow row;
      for (const auto& [field, spec] : o_.mapping) {
        std::string v;
        for (const auto& name : SplitColumns(spec)) {
          auto it = j.find(name);
          if (it == j.end() || it->is_null()) continue;
          std::string part;
          if (it->is_string()) {
            part = it->get<std::string>();
          } else if (it->is_array()) {
            for (const auto& x : *it) part += (part.empty() ? "" : ",") + (x.is_string() ? x.get<std::string>() : x.dump());
          } else {
            part = it->dump();
          }
          if (!part.empty()) v += (v.empty() ? "" : "\n\n") + part;
        }
        row[field] = std::move(v);
      }
      Accept(row, n);
      if (n % 256 == 0) Progress(done, total);
    }
    Progress(total, total);
    return core::Ok();
  }

  const CatalogImportOptions& o_;
  CatalogImportReport& report_;
  std::unordered_map<std::string, PendingResource> by_key_;
  std::vector<std::string> order_;
};

// Resolves "A > B" category paths to ids, creating missing ones.
class CategoryResolver {
 public:
  core::Status Load(store::Tx& tx) {
    HALLWAY_TRY_ASSIGN(std::vector<store::Category> all, store::ListCategories(tx));
    const std::vector<std::string> paths = store::CategoryPaths(all);
    for (std::size_t i = 0; i < all.size(); ++i) {
      ids_[Key(paths[i])] = all[i].id;
      slugs_[all[i].id] = all[i].slug;
    }
    return core::Ok();
  }

  core::Result<domain::CategoryId> Resolve(store::Tx& tx, const std::string& path, core::Micros now) {
    std::string so_far;
    std::optional<domain::CategoryId> parent;
    for (const auto& part : SplitList(path, '>')) {
      so_far += (so_far.empty() ? "" : " > ") + part;
      auto it = ids_.find(Key(so_far));
      if (it != ids_.end()) {
        parent = it->second;
        continue;
      }
      store::Category c;
      c.name = part.substr(0, 100);
      HALLWAY_TRY_ASSIGN(std::string slug, domain::SlugFor(c.name));
      c.slug = parent ? slugs_[*parent] + "-" + slug : slug;
      c.parent_id = parent;
      HALLWAY_TRY_ASSIGN(c, store::InsertCategory(tx, c, now));
      ids_[Key(so_far)] = c.id;
      slugs_[c.id] = c.slug;
      parent = c.id;
    }
    if (!parent) return core::Error::InvalidArgument("empty category");
    return *parent;
  }

 private:
  static std::string Key(const std::string& path) { return domain::AsciiLower(path); }
  std::map<std::string, domain::CategoryId> ids_;
  std::map<domain::CategoryId, std::string> slugs_;
};

bool SameFields(const domain::ResourceFields& a, const domain::ResourceFields& b) {
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  return a.kind == b.kind && a.title == b.title && a.description == b.description && a.provider == b.provider &&
         a.url == b.url && a.duration_minutes == b.duration_minutes && a.level == b.level &&
         a.language == b.language && a.cost == b.cost && sorted(a.skills) == sorted(b.skills) &&
         sorted(a.tags) == sorted(b.tags) && a.categories == b.categories;
}

}  // namespace

core::Result<std::map<std::string, std::string>> ParseMapping(const std::string& text) {
  std::map<std::string, std::string> out;
  for (const auto& pair : SplitList(text, ',')) {
    const auto eq = pair.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size()) {
      return core::Error::InvalidArgument("--map entry '" + pair + "' is not field=column");
    }
    const std::string field = domain::Trim(pair.substr(0, eq));
    if (std::find(kImportFields.begin(), kImportFields.end(), field) == kImportFields.end()) {
      std::string known;
      for (const auto& f : kImportFields) known += (known.empty() ? "" : ", ") + f;
      return core::Error::InvalidArgument("--map names unknown field '" + field + "' (fields: " + known + ")");
    }
    out[field] = domain::Trim(pair.substr(eq + 1));
  }
  return out;
}

core::Result<CatalogImportReport> ImportCatalog(store::Database& db, const core::Clock& clock,
                                                const CatalogImportOptions& options) {
  if (!options.mapping.count("title")) {
    return core::Error::InvalidArgument("the mapping must name the title column (--map title=COLUMN)");
  }
  CatalogImportOptions o = options;
  if (o.source.empty()) o.source = std::filesystem::path(o.file).stem().string();
  CatalogImportReport report;
  RowSource source(o, report);
  HALLWAY_TRY_ASSIGN(std::vector<PendingResource> pending, source.Read());

  CategoryResolver categories;
  std::unordered_set<std::string> known;  // keys already imported from this source
  HALLWAY_TRY(db.Read([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY(categories.Load(tx));
    HALLWAY_TRY_ASSIGN(known, store::ListExternalIds(tx, o.source));
    return core::Ok();
  }));
  const std::string payload = nlohmann::json{{"source", o.source}}.dump();
  for (std::size_t start = 0; start < pending.size(); start += kBatch) {
    const std::size_t end = std::min(pending.size(), start + kBatch);
    const core::Micros now = clock.Now();
    std::size_t inserted = 0, updated = 0, unchanged = 0;
    HALLWAY_TRY(db.Write([&](store::Tx& tx) -> core::Status {
      inserted = updated = unchanged = 0;
      for (std::size_t i = start; i < end; ++i) {
        PendingResource& p = pending[i];
        p.fields.categories.clear();
        for (const auto& path : p.category_paths) {
          HALLWAY_TRY_ASSIGN(domain::CategoryId id, categories.Resolve(tx, path, now));
          p.fields.categories.push_back(id);
        }
        std::sort(p.fields.categories.begin(), p.fields.categories.end());
        p.fields.categories.erase(std::unique(p.fields.categories.begin(), p.fields.categories.end()),
                                  p.fields.categories.end());
        std::optional<domain::Resource> existing;
        if (known.count(p.key)) {
          HALLWAY_TRY_ASSIGN(existing, store::FindByExternalId(tx, o.source, p.key));
        }
        domain::Resource r;
        std::string verb;
        if (existing) {
          if (SameFields(existing->fields, p.fields)) {
            ++unchanged;
            continue;
          }
          r = *existing;
          r.fields = p.fields;
          r.description_html = domain::RenderMarkdown(p.fields.description);
          r.updated_at = now;
          HALLWAY_TRY(store::UpdateResource(tx, r));
          verb = "Update";
          ++updated;
        } else {
          r.fields = p.fields;
          r.description_html = domain::RenderMarkdown(p.fields.description);
          r.source = o.source;
          r.external_id = p.key;
          r.score = domain::kPriorMean;
          r.created_at = r.updated_at = now;
          HALLWAY_TRY_ASSIGN(r.id, store::InsertResource(tx, r));
          verb = "Create";
          ++inserted;
        }
        domain::Activity a;
        a.published_at = now;
        a.verb = verb;
        a.object_type = "Resource";
        a.object_id = std::to_string(r.id);
        a.audience = domain::Audience::Organization();
        a.payload = payload;
        HALLWAY_TRY(store::AppendActivity(tx, a));
      }
      return core::Ok();
    }));
    report.inserted += inserted;
    report.updated += updated;
    report.unchanged += unchanged;
    if (o.progress) o.progress("write", end, pending.size());
  }
  if (pending.empty() && o.progress) o.progress("write", 0, 0);
  return report;
}

core::Status WriteRejectionReport(const std::string& path, const CatalogImportReport& report) {
  std::ofstream out(path, std::ios::trunc);
  if (!out) return core::Error::InvalidArgument("cannot write the report to " + path);
  auto quote = [](const std::string& s) {
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  out << "line,title,reason\n";
  for (const auto& r : report.rejected) out << r.line << "," << quote(r.title) << "," << quote(r.reason) << "\n";
  out.flush();
  if (!out) return core::Error::Internal("writing the report to " + path + " failed");
  return core::Ok();
}

}  // namespace hallway::app
