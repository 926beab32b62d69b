// Metrics: request counts and latency histograms by route, method and
// status, exposed in the Prometheus text format at /metrics. Thread-safe
// (one mutex; an observation is a map lookup and a few increments).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace hallway::http {

class Metrics {
 public:
  void Observe(const std::string& route, const std::string& method, int status, double seconds);
  void SetGauge(const std::string& name, double value);
  // Returns every metric in Prometheus text exposition format 0.0.4.
  std::string Render() const;

 private:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> buckets{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;  // guarded by mu_
  std::map<std::pair<std::string, std::string>, Histogram> latency_;            // guarded by mu_
  std::map<std::string, double> gauges_;                                          // guarded by mu_
};

}  // namespace hallway::http
