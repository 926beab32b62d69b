#include "stackexchange/field_parsing.h"

#include <charconv>
#include <string>

namespace hallway::stackexchange {
namespace {

// Days from 1970-01-01 to the civil date y-m-d (proleptic Gregorian), after
// Howard Hinnant's public-domain days_from_civil derivation.
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool IsLeap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Reads exactly `width` digits at `pos`; false if any is not a digit.
bool Digits(std::string_view s, std::size_t pos, std::size_t width, int* out) {
  if (pos + width > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

core::Result<std::int64_t> ParseDumpInt(std::string_view text) {
  std::int64_t v = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (text.empty() || ec != std::errc() || ptr != end) {
    return core::Error::InvalidArgument("not an integer: \"" + std::string(text.substr(0, 40)) + "\"");
  }
  return v;
}

core::Result<UnixSeconds> ParseDumpDate(std::string_view s) {
  int y, mo, d, h, mi, sec;
  const bool shape = Digits(s, 0, 4, &y) && s.size() >= 19 && s[4] == '-' &&
                     Digits(s, 5, 2, &mo) && s[7] == '-' && Digits(s, 8, 2, &d) &&
                     s[10] == 'T' && Digits(s, 11, 2, &h) && s[13] == ':' &&
                     Digits(s, 14, 2, &mi) && s[16] == ':' && Digits(s, 17, 2, &sec);
  bool tail_ok = s.size() == 19;
  if (shape && s.size() > 19 && s[19] == '.') {
    tail_ok = s.size() > 20;
    for (std::size_t i = 20; i < s.size(); ++i) tail_ok = tail_ok && s[i] >= '0' && s[i] <= '9';
  }
  static constexpr int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool range = shape && mo >= 1 && mo <= 12 && d >= 1 &&
                     d <= kMonthDays[mo - 1] + (mo == 2 && IsLeap(y) ? 1 : 0) && h <= 23 &&
                     mi <= 59 && sec <= 60;
  if (!shape || !tail_ok || !range) {
    return core::Error::InvalidArgument("not a dump timestamp: \"" + std::string(s.substr(0, 40)) +
                                        "\"");
  }
  return DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 +
         h * 3600 + mi * 60 + sec;
}

std::vector<std::string> SplitDumpTags(std::string_view text) {
  std::vector<std::string> tags;
  std::string current;
  const bool pipes = !text.empty() && text.front() == '|';
  for (char c : text) {
    const bool separator = pipes ? c == '|' : (c == '<' || c == '>');
    if (separator) {
      if (!current.empty()) tags.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) tags.push_back(std::move(current));
  return tags;
}

}  // namespace hallway::stackexchange
