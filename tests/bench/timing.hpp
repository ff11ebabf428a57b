// timing.hpp — clocks: a steady-clock stopwatch with the process's CPU time
// beside it (to tell computing from waiting on I/O), a clock that sums only
// the timed segments of a run, and the median of samples.
#pragma once

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <chrono>
#include <vector>

namespace bench {

inline double process_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

inline double seconds_of(const timeval& tv) {
  return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) * 1e-6;
}

// User and kernel-mode CPU seconds of this process so far.
struct CpuTimes {
  double user = 0, sys = 0;
  static CpuTimes now() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return {seconds_of(ru.ru_utime), seconds_of(ru.ru_stime)};
  }
};

class Stopwatch {
 public:
  Stopwatch() : start_(std::chrono::steady_clock::now()), cpu_start_(process_cpu_seconds()) {}
  // Wall-clock seconds since construction.
  double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  // CPU seconds (user + system, all threads) since construction.
  double cpu_seconds() const { return process_cpu_seconds() - cpu_start_; }

 private:
  std::chrono::steady_clock::time_point start_;
  double cpu_start_;
};

// Wall, user and system time summed over start()..stop() segments: a run
// times its database work and leaves out producing its input (generating the
// next cases, reading the next chunk of the file).
class SegmentClock {
 public:
  void start() {
    wall_start_ = std::chrono::steady_clock::now();
    cpu_start_ = CpuTimes::now();
  }
  void stop() {
    CpuTimes cpu = CpuTimes::now();
    wall += std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start_).count();
    user += cpu.user - cpu_start_.user;
    sys += cpu.sys - cpu_start_.sys;
  }
  double wall = 0, user = 0, sys = 0;

 private:
  std::chrono::steady_clock::time_point wall_start_;
  CpuTimes cpu_start_;
};

// The 1-minute load average of the machine (-1 when unknown): on a shared
// machine it says how much the figures beside it were contested.
inline double load_average() {
  double load = -1;
  if (std::FILE* f = std::fopen("/proc/loadavg", "r")) {
    if (std::fscanf(f, "%lf", &load) != 1) load = -1;
    std::fclose(f);
  }
  return load;
}

// Median of the samples (mean of the middle two for an even count).
inline double median(std::vector<double> samples) {
  if (samples.empty()) return 0;
  std::sort(samples.begin(), samples.end());
  std::size_t mid = samples.size() / 2;
  return samples.size() % 2 ? samples[mid] : (samples[mid - 1] + samples[mid]) / 2;
}

}  // namespace bench
