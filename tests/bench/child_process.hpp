// child_process.hpp — every import run happens in a child process of its own,
// so that its peak RSS, CPU time and bytes written are its own and nothing
// the benchmark holds (or a previous run left behind) is counted:
//
//   run_forked   an in-process variant (fz_import, the C++ baselines): fork,
//                run, send the run's own timed figures back through a pipe;
//   run_command  the CLI or the Python importer: fork and exec, timed from
//                fork to exit.
//
// Both read /proc/<pid>/io of the exited child before reaping it (write_bytes:
// what it sent towards the disk, the WAL and checkpoints included) and take
// ru_maxrss and the CPU time from wait4.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace bench {

// What a run timed of itself: wall, user and system seconds.
struct RunFigures {
  double wall = 0, user = 0, sys = 0;
};

struct ChildOutcome {
  RunFigures timed;                         // run_forked: the run's segments; run_command: the whole process
  RunFigures process;                       // the whole child, fork to exit (wall) and wait4 (CPU)
  std::uint64_t write_bytes = 0;            // /proc/<pid>/io at exit
  std::uint64_t cancelled_write_bytes = 0;  // (truncated or deleted before writeback)
  long max_rss_kb = 0;                      // ru_maxrss: peak resident set
  bool ok = false;
  std::string error;  // why not ok
};

ChildOutcome run_forked(const std::function<RunFigures()>& run);

// argv[0] is the program's path; the child's stdout and stderr go to
// output_path (kept for the error message when it fails).
ChildOutcome run_command(const std::vector<std::string>& argv, const std::string& output_path);

// The benchmark's own resident set now (VmRSS), in KiB.
long current_rss_kb();

}  // namespace bench
