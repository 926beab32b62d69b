#include "http/file_slice.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/assert.h"

namespace hallway::http {

core::Result<std::shared_ptr<FileSlice>> FileSlice::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return core::Error::NotFound("http: cannot open " + path);
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return core::Error::NotFound("http: not a regular file: " + path);
  }
  return std::shared_ptr<FileSlice>(new FileSlice(fd, static_cast<std::uint64_t>(st.st_size)));
}

FileSlice::~FileSlice() { ::close(fd_); }

void FileSlice::Select(std::uint64_t first, std::uint64_t length) {
  HALLWAY_ASSERT(first + length <= file_size_);
  position_ = first;
  length_ = length;
  sent_ = 0;
}

core::Result<std::size_t> FileSlice::ReadNext(char* buf, std::size_t cap) {
  const std::uint64_t left = length_ - sent_;
  if (left == 0) return std::size_t{0};
  const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(left, cap));
  ssize_t n;
  do {
    n = ::pread(fd_, buf, want, static_cast<off_t>(position_));
  } while (n < 0 && errno == EINTR);
  if (n < 0) return core::Error::Unavailable(std::string("http: read failed: ") + std::strerror(errno));
  if (n == 0) return core::Error::Unavailable("http: the file shrank while being sent");
  position_ += static_cast<std::uint64_t>(n);
  sent_ += static_cast<std::uint64_t>(n);
  return static_cast<std::size_t>(n);
}

}  // namespace hallway::http
