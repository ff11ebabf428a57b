// Progress of a long import on stderr: lines done, lines per second, and how
// far through the file.
//
// Short runs print nothing (nothing appears before the first second), so the
// output of quick commands and of the tests stays exact. On a terminal the
// line is redrawn in place; in a log file a new line is written every few
// seconds instead, so that the log stays readable.
#ifndef FAZHI_CLI_PROGRESS_HPP
#define FAZHI_CLI_PROGRESS_HPP

#include <chrono>
#include <cstdint>
#include <string>

namespace fazhi::cli {

class Progress {
 public:
  // label names the work, e.g. "导入 units.ndjson"; total_bytes may be 0 when
  // the size is unknown (no percentage then).
  Progress(std::string label, std::uint64_t total_bytes, bool enabled);

  void update(std::int64_t lines, std::uint64_t bytes);
  // Ends an in-place line so that what follows starts on a fresh one.
  void finish(std::int64_t lines, std::uint64_t bytes);

 private:
  using Clock = std::chrono::steady_clock;

  void print(std::int64_t lines, std::uint64_t bytes);

  std::string label_;
  std::uint64_t total_bytes_;
  bool enabled_;
  bool terminal_;
  bool printed_ = false;
  Clock::time_point start_;
  Clock::time_point last_;
};

}  // namespace fazhi::cli

#endif  // FAZHI_CLI_PROGRESS_HPP
