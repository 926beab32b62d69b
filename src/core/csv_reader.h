// CsvReader: streams RFC 4180 records (quoted fields with embedded commas,
// quotes and newlines; CRLF or LF line ends; a UTF-8 byte-order mark is
// skipped) from an input stream, one record at a time, so a large file
// never has to fit in memory. Not thread-safe (one reader, one thread).
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "core/result.h"

namespace hallway::core {

class CsvReader {
 public:
  explicit CsvReader(std::istream& in) : in_(in) {}

  // Reads the next record into `fields`. Returns false at the end of input.
  // Errors: kInvalidArgument for an unterminated quoted field (with the
  // line it started on) or a record over 16 MiB.
  Result<bool> Next(std::vector<std::string>& fields);
  // The physical line the last record started on (1-based).
  std::size_t record_line() const { return record_line_; }
  // Bytes consumed so far (for progress).
  std::size_t bytes_read() const { return bytes_; }

 private:
  std::istream& in_;
  std::size_t line_ = 1;
  std::size_t record_line_ = 0;
  std::size_t bytes_ = 0;
  bool started_ = false;
};

}  // namespace hallway::core
