#include "core/log.h"

#include <cstdio>

namespace hallway::core {

void AppendJsonEscaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
}

void JsonLine::Key(std::string_view key) {
  if (body_.size() > 1) body_ += ',';
  body_ += '"';
  AppendJsonEscaped(body_, key);
  body_ += "\":";
}

JsonLine& JsonLine::Str(std::string_view key, std::string_view value) {
  Key(key);
  body_ += '"';
  AppendJsonEscaped(body_, value);
  body_ += '"';
  return *this;
}

JsonLine& JsonLine::Int(std::string_view key, std::int64_t value) {
  Key(key);
  body_ += std::to_string(value);
  return *this;
}

JsonLine& JsonLine::Num(std::string_view key, double value) {
  Key(key);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", value);
  body_ += buf;
  return *this;
}

void Logger::Write(const std::string& line) {
  std::lock_guard lock(mu_);
  std::fwrite(line.data(), 1, line.size(), out_);
  std::fputc('\n', out_);
  std::fflush(out_);
}

void Logger::Info(std::string_view msg) {
  Write(JsonLine().Str("level", "info").Str("msg", msg).Finish());
}

void Logger::Error(std::string_view msg) {
  Write(JsonLine().Str("level", "error").Str("msg", msg).Finish());
}

}  // namespace hallway::core
