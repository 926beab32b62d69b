#include "app/progress_bar.h"

#include <unistd.h>

namespace hallway::app {

ProgressBar::ProgressBar(std::string command, std::FILE* out)
    : command_(std::move(command)), out_(out), tty_(isatty(fileno(out)) != 0) {}

void ProgressBar::Update(const char* phase, std::uint64_t done, std::uint64_t total) {
  const bool finished = done >= total;
  const int percent = total ? static_cast<int>(done * 100 / total) : 100;
  if (percent == last_percent_ && !finished) return;
  last_percent_ = finished ? -1 : percent;
  if (!tty_ && percent % 25 != 0 && !finished) return;
  constexpr int kWidth = 30;
  const int filled = percent * kWidth / 100;
  std::fprintf(out_, "%s%s: %-5s [%s%s] %3d%% (%ju/%ju)%s", tty_ ? "\r" : "", command_.c_str(), phase,
               std::string(filled, '#').c_str(), std::string(kWidth - filled, '.').c_str(), percent,
               static_cast<std::uintmax_t>(done), static_cast<std::uintmax_t>(total), tty_ && !finished ? "" : "\n");
  std::fflush(out_);
}

}  // namespace hallway::app
