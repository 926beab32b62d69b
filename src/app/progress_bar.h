// ProgressBar: the progress line of long CLI work (imports, index builds,
// the demo seed). On a terminal it redraws one line; in a log (CI) it
// writes a line at 0, 25, 50, 75 and 100% so logs stay short. Not
// thread-safe: one bar, one thread.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace hallway::app {

class ProgressBar {
 public:
  // `command` prefixes every line ("import"); lines go to `out`.
  ProgressBar(std::string command, std::FILE* out);
  // Shows `done` of `total` for `phase` ("read", "write"). A phase ends when
  // done == total, which ends its line.
  void Update(const char* phase, std::uint64_t done, std::uint64_t total);

 private:
  std::string command_;
  std::FILE* out_;
  bool tty_;
  int last_percent_ = -1;
};

}  // namespace hallway::app
