#include "recommend/dataset_loader.h"

#include <charconv>
#include <cmath>
#include <filesystem>
#include <vector>

#include "core/file_io.h"

namespace hallway::recommend {
namespace {

using core::Error;

// Splits `line` on spaces/tabs (runs count as one separator).
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

bool ParseInt(std::string_view s, std::int64_t* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool ParseDouble(std::string_view s, double* out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size() && std::isfinite(*out);
}

Error LineError(std::string_view source, std::size_t line, const std::string& what) {
  return Error::InvalidArgument("recommend: " + std::string(source) + ":" + std::to_string(line) +
                                ": " + what);
}

// Calls fn(fields, line_number) for every non-blank line; stops at the first error.
template <typename Fn>
core::Status ForEachLine(std::string_view text, Fn fn) {
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::vector<std::string_view> f = Fields(line);
    if (f.empty()) continue;
    HALLWAY_TRY(fn(f, line_no));
  }
  return core::Ok();
}

}  // namespace

core::Status ParseRatings(std::string_view text, DatasetLayout layout, std::string_view source,
                          RatingData* data) {
  const bool tang = layout == DatasetLayout::kTang;
  return ForEachLine(text, [&](const std::vector<std::string_view>& f, std::size_t line) -> core::Status {
    const std::size_t min_fields = tang ? 4 : 3;
    const std::size_t max_fields = tang ? 5 : 4;  // LibRec may carry a timestamp
    if (f.size() < min_fields || f.size() > max_fields) {
      return LineError(source, line, "expected " + std::to_string(min_fields) + " fields, got " +
                                         std::to_string(f.size()));
    }
    std::int64_t user = 0, item = 0, category = -1, time = 0;
    double value = 0;
    if (!ParseInt(f[0], &user)) return LineError(source, line, "bad user id '" + std::string(f[0]) + "'");
    if (!ParseInt(f[1], &item)) return LineError(source, line, "bad item id '" + std::string(f[1]) + "'");
    const std::string_view rating = tang ? f[3] : f[2];
    if (tang && !ParseInt(f[2], &category)) {
      return LineError(source, line, "bad category id '" + std::string(f[2]) + "'");
    }
    if (!ParseDouble(rating, &value)) return LineError(source, line, "bad rating '" + std::string(rating) + "'");
    if (!tang && f.size() == 4 && !ParseInt(f[3], &time)) {
      return LineError(source, line, "bad timestamp '" + std::string(f[3]) + "'");
    }
    data->AddRating(user, item, static_cast<float>(value), category, time);
    return core::Ok();
  });
}

core::Status ParseTrust(std::string_view text, DatasetLayout layout, std::string_view source,
                        RatingData* data) {
  const bool tang = layout == DatasetLayout::kTang;
  return ForEachLine(text, [&](const std::vector<std::string_view>& f, std::size_t line) -> core::Status {
    const std::size_t expected = tang ? 2 : 3;
    if (f.size() != expected && !(tang && f.size() == 3)) {
      return LineError(source, line, "expected " + std::to_string(expected) + " fields, got " +
                                         std::to_string(f.size()));
    }
    std::int64_t truster = 0, trustee = 0;
    double weight = 1;
    if (!ParseInt(f[0], &truster)) return LineError(source, line, "bad truster id '" + std::string(f[0]) + "'");
    if (!ParseInt(f[1], &trustee)) return LineError(source, line, "bad trustee id '" + std::string(f[1]) + "'");
    if (f.size() == 3 && !ParseDouble(f[2], &weight)) {
      return LineError(source, line, "bad trust value '" + std::string(f[2]) + "'");
    }
    if (weight <= 0) return core::Ok();
    data->AddTrust(truster, trustee, static_cast<float>(std::min(weight, 1.0)));
    return core::Ok();
  });
}

core::Result<DatasetLayout> DetectLayout(const std::string& dir) {
  namespace fs = std::filesystem;
  if (fs::exists(fs::path(dir) / "ratings.tsv")) return DatasetLayout::kTang;
  if (fs::exists(fs::path(dir) / "ratings.txt")) return DatasetLayout::kLibRec;
  return Error::NotFound("recommend: no ratings.tsv or ratings.txt in " + dir);
}

core::Result<LoadedDataset> LoadDataset(const std::string& dir) {
  namespace fs = std::filesystem;
  LoadedDataset out;
  HALLWAY_TRY_ASSIGN(out.layout, DetectLayout(dir));
  out.name = fs::path(dir).lexically_normal().filename().string();
  if (out.name.empty()) out.name = fs::path(dir).lexically_normal().parent_path().filename().string();
  const bool tang = out.layout == DatasetLayout::kTang;
  const std::string ratings_path = (fs::path(dir) / (tang ? "ratings.tsv" : "ratings.txt")).string();
  const std::string trust_path = (fs::path(dir) / (tang ? "trust.tsv" : "trust.txt")).string();
  std::string text;
  HALLWAY_TRY_ASSIGN(text, core::ReadFile(ratings_path));
  HALLWAY_TRY(ParseRatings(text, out.layout, ratings_path, &out.data));
  if (fs::exists(trust_path)) {
    HALLWAY_TRY_ASSIGN(text, core::ReadFile(trust_path));
    HALLWAY_TRY(ParseTrust(text, out.layout, trust_path, &out.data));
  }
  out.stats = out.data.Finalize();
  return out;
}

}  // namespace hallway::recommend
