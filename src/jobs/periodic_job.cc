#include "jobs/periodic_job.h"

#include <chrono>

namespace hallway::jobs {

void PeriodicJob::Start() {
  thread_ = std::thread([this] {
    std::unique_lock lock(mu_);
    while (!stopping_) {
      lock.unlock();
      if (auto s = work_(); !s) log_.Error(name_ + ": " + s.error().message());
      lock.lock();
      cv_.wait_for(lock, std::chrono::milliseconds(interval_ms_), [&] { return stopping_; });
    }
  });
}

void PeriodicJob::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace hallway::jobs
