// timing.hpp — a steady-clock stopwatch (with the process's CPU time beside
// it, to tell computing from waiting on I/O) and the median of timings.
#pragma once

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <vector>

namespace bench {

inline double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Kernel-mode CPU time of the process (system calls: file I/O, locks).
inline double process_system_seconds() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_stime.tv_sec) + static_cast<double>(ru.ru_stime.tv_usec) * 1e-6;
}

class Stopwatch {
 public:
  Stopwatch()
      : start_(std::chrono::steady_clock::now()),
        cpu_start_(process_cpu_seconds()),
        system_start_(process_system_seconds()) {}
  // Wall-clock seconds since construction.
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  // CPU seconds (user + system, all threads) since construction.
  double cpu_seconds() const { return process_cpu_seconds() - cpu_start_; }
  // The kernel-mode part of it.
  double system_seconds() const { return process_system_seconds() - system_start_; }

 private:
  std::chrono::steady_clock::time_point start_;
  double cpu_start_;
  double system_start_;
};

// Median of the samples (mean of the middle two for an even count).
inline double median(std::vector<double> samples) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  std::size_t mid = samples.size() / 2;
  return samples.size() % 2 ? samples[mid] : (samples[mid - 1] + samples[mid]) / 2;
}

}  // namespace bench
