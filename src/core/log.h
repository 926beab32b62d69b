// Logger: writes one JSON object per line (JSON Lines) to a FILE*.
//
// Used for the access log and for server events. Thread-safe: each line is
// written whole under a mutex, so lines from different threads never mix.
// The logger does not own the FILE*.
#pragma once

#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>

namespace hallway::core {

// Builds one JSON object field by field, escaping strings. Not thread-safe.
class JsonLine {
 public:
  JsonLine& Str(std::string_view key, std::string_view value);
  JsonLine& Int(std::string_view key, std::int64_t value);
  JsonLine& Num(std::string_view key, double value);
  // Returns the finished object text, e.g. {"a":"b","n":1}.
  std::string Finish() const { return body_ + "}"; }

 private:
  void Key(std::string_view key);
  std::string body_ = "{";
};

// Appends `s` to `out` as JSON string content (without quotes), escaping
// quotes, backslashes and control characters.
void AppendJsonEscaped(std::string& out, std::string_view s);

class Logger {
 public:
  explicit Logger(std::FILE* out) : out_(out) {}
  // Writes `line` followed by a newline and flushes.
  void Write(const std::string& line);
  // Convenience for server events: {"level":..,"msg":..}.
  void Info(std::string_view msg);
  void Error(std::string_view msg);

 private:
  std::mutex mu_;
  std::FILE* out_;  // guarded by mu_
};

}  // namespace hallway::core
