// FileSlice: an open file and the byte range of it to send as a response
// body. A handler opens it on the blocking pool (so the file checked is the
// file sent, even if it is deleted meanwhile) and hands it to the server
// through Request::send_file; the server streams it in chunks without
// holding the file in memory. Not thread-safe: one reader at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/result.h"

namespace hallway::http {

class FileSlice {
 public:
  // Opens `path` for reading, the whole file selected.
  // Errors: kNotFound if it cannot be opened.
  static core::Result<std::shared_ptr<FileSlice>> Open(const std::string& path);
  ~FileSlice();
  FileSlice(const FileSlice&) = delete;
  FileSlice& operator=(const FileSlice&) = delete;

  // The file's size in bytes when opened.
  std::uint64_t file_size() const { return file_size_; }
  // Selects `length` bytes from `first`. REQUIRES: first + length <= file_size().
  void Select(std::uint64_t first, std::uint64_t length);
  std::uint64_t length() const { return length_; }
  // Reads the next bytes of the selection into `buf` (at most `cap`).
  // Returns how many (0 when the selection is done). Errors: kUnavailable.
  core::Result<std::size_t> ReadNext(char* buf, std::size_t cap);

 private:
  FileSlice(int fd, std::uint64_t size) : fd_(fd), file_size_(size), length_(size) {}
  int fd_;
  std::uint64_t file_size_;
  std::uint64_t position_ = 0;  // next byte to read
  std::uint64_t length_;
  std::uint64_t sent_ = 0;
};

}  // namespace hallway::http
