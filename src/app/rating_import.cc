#include "app/rating_import.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <unordered_map>

#include "core/csv_reader.h"
#include "core/utf8.h"
#include "domain/accounts/account.h"
#include "domain/activity.h"
#include "domain/markdown.h"
#include "store/activity_log.h"
#include "store/rating_import_store.h"
#include "store/rating_store.h"
#include "store/resource_store.h"

namespace hallway::app {

const std::vector<std::string> kRatingImportFields = {"person", "resource", "stars", "review", "rated_at"};

namespace {

// Ratings per write transaction: large, so that each resource's aggregates
// are recomputed, its activity written (and each commit paid for) once per
// many rows.
constexpr std::size_t kBatch = 250000;
constexpr std::size_t kMaxReview = 20000;

struct PendingRating {
  std::size_t line = 0;
  std::string person;
  std::string resource;
  int stars = 0;
  std::string review;
  std::optional<core::Micros> rated_at;
};

std::string Field(const std::map<std::string, std::string>& row, const char* name) {
  auto it = row.find(name);
  return it == row.end() ? std::string() : domain::Trim(it->second);
}

std::optional<core::Micros> ParseRatedAt(const std::string& text) {
  if (text.empty()) return std::nullopt;
  if (std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) && text.size() <= 12) {
    return std::stoll(text) * core::kSecond;
  }
  if (text.size() == 10) return core::ParseRfc3339(text + "T00:00:00Z");
  return core::ParseRfc3339(text);
}

// Builds a rating from a mapped row, or the reason it is rejected.
core::Result<PendingRating> FromRow(const std::map<std::string, std::string>& row, std::size_t line) {
  PendingRating p;
  p.line = line;
  for (const auto& [field, value] : row) {
    if (!core::IsCleanUtf8(value)) return core::Error::InvalidArgument(field + " is not valid UTF-8 text");
  }
  p.person = domain::AsciiLower(Field(row, "person"));
  if (!p.person.empty() && p.person[0] == '@') p.person.erase(0, 1);
  p.resource = Field(row, "resource");
  if (p.person.empty()) return core::Error::InvalidArgument("person is empty");
  if (p.resource.empty()) return core::Error::InvalidArgument("resource is empty");
  const std::string stars = Field(row, "stars");
  double value = 0;
  const auto [end, ec] = std::from_chars(stars.data(), stars.data() + stars.size(), value);
  if (ec != std::errc() || end != stars.data() + stars.size() || value != std::floor(value) || value < 1 ||
      value > 5) {
    return core::Error::InvalidArgument("stars '" + stars.substr(0, 20) + "' is not a whole number from 1 to 5");
  }
  p.stars = static_cast<int>(value);
  p.review = Field(row, "review");
  if (core::CodePointCount(p.review) > kMaxReview) {
    return core::Error::InvalidArgument("review is longer than " + std::to_string(kMaxReview) + " characters");
  }
  const std::string when = Field(row, "rated_at");
  p.rated_at = ParseRatedAt(when);
  if (!when.empty() && !p.rated_at) {
    return core::Error::InvalidArgument("rated_at '" + when.substr(0, 40) + "' is not a date (RFC 3339, YYYY-MM-DD or Unix seconds)");
  }
  return p;
}

// Streams the file's rows through the mapping into `accept(row, line)`.
core::Status ReadRows(const RatingImportOptions& o, RatingImportReport& report,
                      const std::function<void(const std::map<std::string, std::string>&, std::size_t)>& accept) {
  std::error_code ec;
  const auto total = std::filesystem::file_size(o.file, ec);
  if (ec) return core::Error::InvalidArgument("cannot read " + o.file + ": " + ec.message());
  std::ifstream in(o.file, std::ios::binary);
  if (!in) return core::Error::InvalidArgument("cannot open " + o.file);
  std::string format = o.format;
  if (format.empty()) {
    const auto ext = std::filesystem::path(o.file).extension().string();
    format = (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") ? "jsonl" : "csv";
  }
  auto progress = [&](std::size_t done) {
    if (o.progress) o.progress("read", done, total);
  };
  if (format == "csv") {
    core::CsvReader csv(in);
    std::vector<std::string> header;
    HALLWAY_TRY_ASSIGN(bool any, csv.Next(header));
    if (!any) return core::Error::InvalidArgument(o.file + " is empty");
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < header.size(); ++i) column[domain::Trim(header[i])] = i;
    std::vector<std::pair<std::string, std::size_t>> plan;
    for (const auto& [field, name] : o.mapping) {
      auto it = column.find(name);
      if (it == column.end()) {
        return core::Error::InvalidArgument("the mapping names column '" + name + "' (for " + field + ") but " +
                                            o.file + " has no such column");
      }
      plan.emplace_back(field, it->second);
    }
    std::vector<std::string> fields;
    std::map<std::string, std::string> row;
    for (std::size_t n = 0;; ++n) {
      HALLWAY_TRY_ASSIGN(bool more, csv.Next(fields));
      if (!more) break;
      if (fields.size() == 1 && fields[0].empty()) continue;
      if (fields.size() != header.size()) {
        ++report.rows;
        report.rejected.push_back({csv.record_line(), "", "has " + std::to_string(fields.size()) +
                                                              " columns, the header has " + std::to_string(header.size())});
        continue;
      }
      for (const auto& [field, c] : plan) row[field] = fields[c];
      accept(row, csv.record_line());
      if (n % 4096 == 0) progress(csv.bytes_read());
    }
  } else if (format == "jsonl") {
    std::string line;
    std::size_t done = 0;
    std::map<std::string, std::string> row;
    for (std::size_t n = 1; std::getline(in, line); ++n) {
      done += line.size() + 1;
      if (domain::Trim(line).empty()) continue;
      auto j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object()) {
        ++report.rows;
        report.rejected.push_back({n, "", "is not a JSON object"});
        continue;
      }
      row.clear();
      for (const auto& [field, name] : o.mapping) {
        auto it = j.find(name);
        if (it == j.end() || it->is_null()) continue;
        row[field] = it->is_string() ? it->get<std::string>() : it->dump();
      }
      accept(row, n);
      if (n % 4096 == 0) progress(done);
    }
  } else {
    return core::Error::InvalidArgument("unknown format '" + format + "' (csv or jsonl)");
  }
  progress(total);
  return core::Ok();
}

// A resolved rating, ready to write.
struct Resolved {
  PendingRating rating;
  domain::AccountId account = 0;
  store::RatingTarget target;
};

std::string AudienceOf(const store::RatingTarget& t) {
  if (!t.group_id || t.open_group) return domain::Audience::Organization();
  return "group:" + std::to_string(*t.group_id);
}

}  // namespace

core::Result<std::map<std::string, std::string>> ParseRatingMapping(const std::string& text) {
  std::map<std::string, std::string> out;
  std::istringstream in(text);
  std::string pair;
  while (std::getline(in, pair, ',')) {
    pair = domain::Trim(pair);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size()) {
      return core::Error::InvalidArgument("--map entry '" + pair + "' is not field=column");
    }
    const std::string field = domain::Trim(pair.substr(0, eq));
    if (std::find(kRatingImportFields.begin(), kRatingImportFields.end(), field) == kRatingImportFields.end()) {
      return core::Error::InvalidArgument("--map names unknown field '" + field +
                                          "' (fields: person, resource, stars, review, rated_at)");
    }
    out[field] = domain::Trim(pair.substr(eq + 1));
  }
  return out;
}

core::Result<RatingImportReport> ImportRatings(store::Database& db, const core::Clock& clock,
                                               const RatingImportOptions& o) {
  for (const char* required : {"person", "resource", "stars"}) {
    if (!o.mapping.count(required)) {
      return core::Error::InvalidArgument(std::string("the mapping must name the ") + required +
                                          " column (--map " + required + "=COLUMN)");
    }
  }
  RatingImportReport report;
  std::unordered_map<std::string, domain::AccountId> people;
  store::RatingTargets targets;
  HALLWAY_TRY(db.Read([&](store::Tx& tx) -> core::Status {
    HALLWAY_TRY_ASSIGN(people, store::LoadAccountHandles(tx));
    HALLWAY_TRY_ASSIGN(targets, store::LoadRatingTargets(tx));
    return core::Ok();
  }));

  // Read, validate and resolve every row; the last row for a (person,
  // resource) pair wins.
  std::vector<Resolved> pending;
  std::map<std::pair<domain::ResourceId, domain::AccountId>, std::size_t> slot;
  HALLWAY_TRY(ReadRows(o, report, [&](const std::map<std::string, std::string>& row, std::size_t line) {
    ++report.rows;
    auto p = FromRow(row, line);
    const std::string label = Field(row, "person").substr(0, 100) + " → " + Field(row, "resource").substr(0, 100);
    if (!p) {
      report.rejected.push_back({line, core::IsCleanUtf8(label) ? label : "(not valid UTF-8)", p.error().message()});
      return;
    }
    auto person = people.find(p->person);
    if (person == people.end()) {
      report.rejected.push_back({line, label, "unknown person '" + p->person + "'"});
      return;
    }
    const store::RatingTarget* target = nullptr;
    if (auto it = targets.by_external_id.find(p->resource); it != targets.by_external_id.end()) {
      target = &it->second;
    } else if (std::all_of(p->resource.begin(), p->resource.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
               p->resource.size() < 19) {
      if (auto by_id = targets.by_id.find(std::stoll(p->resource)); by_id != targets.by_id.end()) target = &by_id->second;
    }
    if (!target) {
      report.rejected.push_back({line, label, "unknown resource '" + p->resource + "'"});
      return;
    }
    auto [it, fresh] = slot.try_emplace({target->id, person->second}, pending.size());
    if (fresh) {
      pending.push_back({std::move(*p), person->second, *target});
    } else {
      pending[it->second].rating = std::move(*p);
      ++report.merged;
    }
  }));

  std::unordered_map<domain::ResourceId, store::RatingTarget> pending_target;
  for (const auto& r : pending) pending_target.emplace(r.target.id, r.target);
  const core::Micros now = clock.Now();
  for (std::size_t start = 0; start < pending.size(); start += kBatch) {
    const std::size_t end = std::min(pending.size(), start + kBatch);
    std::size_t inserted = 0, updated = 0, unchanged = 0, resources = 0;
    HALLWAY_TRY(db.Write([&](store::Tx& tx) -> core::Status {
      inserted = updated = unchanged = resources = 0;
      std::set<domain::ResourceId> locked;
      std::map<domain::ResourceId, std::int64_t> changed;  // resource → ratings written
      for (std::size_t i = start; i < end; ++i) {
        const Resolved& r = pending[i];
        const PendingRating& p = r.rating;
        if (locked.insert(r.target.id).second) {
          HALLWAY_TRY(store::LockResource(tx, r.target.id));
        }
        HALLWAY_TRY_ASSIGN(auto existing, store::FindRating(tx, r.target.id, r.account));
        store::Rating out;
        if (existing) {
          if (existing->stars == p.stars && existing->review == p.review) {
            ++unchanged;
            continue;
          }
          out = *existing;
          out.stars = p.stars;
          out.review = p.review;
          out.review_html = p.review.empty() ? std::string() : domain::RenderMarkdown(p.review);
          out.revision += 1;
          out.updated_at = p.rated_at.value_or(now);
          HALLWAY_TRY(store::UpdateRating(tx, out));
          ++updated;
        } else {
          out.resource_id = r.target.id;
          out.account_id = r.account;
          out.stars = p.stars;
          out.review = p.review;
          out.review_html = p.review.empty() ? std::string() : domain::RenderMarkdown(p.review);
          out.created_at = p.rated_at.value_or(now);
          HALLWAY_TRY_ASSIGN(out, store::InsertRating(tx, out));
          ++inserted;
        }
        ++changed[r.target.id];
        if ((i - start) % 4096 == 0 && o.progress) o.progress("write", i, pending.size());
      }
      // Per changed resource, once per batch: its aggregates, recomputed from
      // the ratings themselves, and one activity for the ratings it received
      // (consumers reload the resource; history is not news, so nobody is
      // notified of imported ratings one by one).
      for (const auto& [id, n] : changed) {
        HALLWAY_TRY(store::RefreshRatingAggregates(tx, id));
        domain::Activity a;
        a.published_at = now;
        a.verb = "Update";
        a.object_type = "Resource";
        a.object_id = std::to_string(id);
        a.audience = AudienceOf(pending_target.at(id));
        a.payload = "{\"imported_ratings\":" + std::to_string(n) + "}";
        HALLWAY_TRY(store::AppendActivity(tx, a));
      }
      resources = changed.size();
      return core::Ok();
    }));
    report.inserted += inserted;
    report.updated += updated;
    report.unchanged += unchanged;
    report.resources += resources;
    if (o.progress) o.progress("write", end, pending.size());
  }
  if (pending.empty() && o.progress) o.progress("write", 0, 0);
  return report;
}

core::Status WriteRatingRejectionReport(const std::string& path, const RatingImportReport& report) {
  CatalogImportReport as_catalog;
  as_catalog.rejected = report.rejected;
  return WriteRejectionReport(path, as_catalog);
}

}  // namespace hallway::app
