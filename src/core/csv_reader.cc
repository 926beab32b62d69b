#include "core/csv_reader.h"

namespace hallway::core {

Result<bool> CsvReader::Next(std::vector<std::string>& fields) {
  // Characters come straight from the stream buffer: istream::get builds a
  // sentry per call, which made reading a third of a catalog import.
  std::streambuf& in = *in_.rdbuf();
  constexpr int kEof = std::char_traits<char>::eof();
  fields.clear();
  if (!started_) {
    started_ = true;
    if (in.sgetc() == 0xEF) {
      int bom[3];
      for (int& b : bom) b = in.sbumpc();
      bytes_ += 3;
      if (!(bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)) {
        for (int i = 2; i >= 0; --i) {
          if (bom[i] != kEof) in.sputbackc(static_cast<char>(bom[i]));
        }
        bytes_ -= 3;
      }
    }
  }
  if (in.sgetc() == kEof) return false;
  record_line_ = line_;
  std::string field;
  bool quoted = false;
  bool after_quote = false;  // just closed a quoted section
  std::size_t size = 0;
  for (;;) {
    const int c = in.sbumpc();
    if (c == kEof) {
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
        if (in.sgetc() == '"') {
          in.sbumpc();
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
    } else if (ch == '\r' && in.sgetc() == '\n') {
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
