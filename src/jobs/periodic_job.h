// PeriodicJob: runs a function on its own thread every `interval_ms` until
// stopped, logging (not throwing) its errors. Used for the mail outbox and
// the activity-log consumers. Stop() wakes it at once and joins.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "core/log.h"
#include "core/result.h"

namespace hallway::jobs {

class PeriodicJob {
 public:
  PeriodicJob(std::string name, int interval_ms, std::function<core::Status()> work, core::Logger& log)
      : name_(std::move(name)), interval_ms_(interval_ms), work_(std::move(work)), log_(log) {}
  ~PeriodicJob() { Stop(); }
  PeriodicJob(const PeriodicJob&) = delete;
  PeriodicJob& operator=(const PeriodicJob&) = delete;

  void Start();
  void Stop();

 private:
  std::string name_;
  int interval_ms_;
  std::function<core::Status()> work_;
  core::Logger& log_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;  // guarded by mu_
  std::thread thread_;
};

}  // namespace hallway::jobs
