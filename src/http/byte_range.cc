#include "http/byte_range.h"

#include <charconv>

namespace hallway::http {
namespace {

bool ParseNumber(std::string_view s, std::uint64_t* out) {
  if (s.empty() || s.size() > 19) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

RangeDecision DecideRange(std::string_view range, std::string_view if_range, std::uint64_t size,
                          std::string_view etag) {
  RangeDecision whole;
  range = Trim(range);
  if (range.empty()) return whole;
  if (!Trim(if_range).empty() && Trim(if_range) != etag) return whole;
  constexpr std::string_view kUnit = "bytes=";
  if (range.size() < kUnit.size()) return whole;
  for (std::size_t i = 0; i < kUnit.size(); ++i) {
    const char c = range[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c) != kUnit[i]) return whole;
  }
  const std::string_view spec = Trim(range.substr(kUnit.size()));
  if (spec.find(',') != std::string_view::npos) return whole;  // several ranges: send it all
  const auto dash = spec.find('-');
  if (dash == std::string_view::npos) return whole;
  const std::string_view a = Trim(spec.substr(0, dash)), b = Trim(spec.substr(dash + 1));
  RangeDecision out;
  if (a.empty()) {
    // Suffix: the last N bytes.
    std::uint64_t n = 0;
    if (!ParseNumber(b, &n)) return whole;
    if (n == 0 || size == 0) return {RangeOutcome::kUnsatisfiable, 0, 0};
    if (n > size) n = size;
    return {RangeOutcome::kPartial, size - n, n};
  }
  std::uint64_t first = 0, last = 0;
  if (!ParseNumber(a, &first)) return whole;
  if (b.empty()) {
    last = size == 0 ? 0 : size - 1;
  } else {
    if (!ParseNumber(b, &last) || last < first) return whole;  // invalid: ignore the header
    if (size > 0 && last >= size) last = size - 1;
  }
  if (first >= size) return {RangeOutcome::kUnsatisfiable, 0, 0};
  out.outcome = RangeOutcome::kPartial;
  out.first = first;
  out.length = last - first + 1;
  return out;
}

}  // namespace hallway::http
