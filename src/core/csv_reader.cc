#include "core/csv_reader.h"

namespace hallway::core {

Result<bool> CsvReader::Next(std::vector<std::string>& fields) {
  fields.clear();
  if (!started_) {
    started_ = true;
    if (in_.peek() == 0xEF) {
      char bom[3];
      in_.read(bom, 3);
      bytes_ += 3;
      if (!(bom[0] == '\xEF' && bom[1] == '\xBB' && bom[2] == '\xBF')) {
        for (int i = 2; i >= 0; --i) in_.putback(bom[i]);
        bytes_ -= 3;
      }
    }
  }
  if (in_.peek() == std::char_traits<char>::eof()) return false;
  record_line_ = line_;
  std::string field;
  bool quoted = false;
  bool after_quote = false;  // just closed a quoted section
  std::size_t size = 0;
  for (;;) {
    const int c = in_.get();
    if (c == std::char_traits<char>::eof()) {
      if (quoted) {
        return Error::InvalidArgument("unterminated quoted field starting on line " + std::to_string(record_line_));
      }
      fields.push_back(std::move(field));
      return true;
    }
    ++bytes_;
    if (++size > (16u << 20)) {
      return Error::InvalidArgument("record on line " + std::to_string(record_line_) + " is over 16 MiB");
    }
    const char ch = static_cast<char>(c);
    if (ch == '\n') ++line_;
    if (quoted) {
      if (ch == '"') {
        if (in_.peek() == '"') {
          in_.get();
          ++bytes_;
          field += '"';
        } else {
          quoted = false;
          after_quote = true;
        }
      } else {
        field += ch;
      }
      continue;
    }
    if (ch == '"' && field.empty() && !after_quote) {
      quoted = true;
    } else if (ch == ',') {
      fields.push_back(std::move(field));
      field.clear();
      after_quote = false;
    } else if (ch == '\r' && in_.peek() == '\n') {
      continue;  // the \n ends the record
    } else if (ch == '\n') {
      fields.push_back(std::move(field));
      return true;
    } else {
      field += ch;  // lenient: text after a closing quote is kept
    }
  }
}

}  // namespace hallway::core
