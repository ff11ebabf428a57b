// indicator_bench.hpp — what a report costs: fz_indicators of the whole
// catalogue (every code: only mediation_case has rows here, but a report asks
// for everything) for the year 2022, at the root and at one leaf village,
// against the best hand-written SQL (hand_sql.hpp) for the mediation figures:
//
//   root    the per-unit indexed plan, the plain scan, and the plain scan with
//           memory-mapped reads; the best of the three is the bar;
//   leaves  the per-unit indexed plan (a scan of the whole table for one
//           village is no contender), at two villages: the probe village,
//           whose cases are the same few hundred at every --n (synthetic.hpp),
//           so that its time should not move as the table grows; and a
//           typical village of this data set, whose cases grow with --n (1000
//           units share them: at 15 million, thousands a year per village).
//
// A warm-up run of each gives the values: fazhi's mediation.* indicators must
// equal the hand figures, and the hand plans must agree with each other
// (else MISMATCH). Then the timed runs, interleaved (fazhi, then each hand
// plan, again and again), medians of wall and CPU time. The database was just
// written, so its pages are mostly in the OS cache: these are warm figures.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "synthetic.hpp"

namespace bench {

struct QueryTiming {
  double wall = 0, cpu = 0;  // medians, seconds
};

struct LeafTiming {
  const Unit* unit = nullptr;
  std::int64_t received = 0;  // cases received in the year
  QueryTiming fazhi, per_unit;
};

struct IndicatorResults {
  std::string year;
  const Unit* root = nullptr;
  std::size_t catalogue_codes = 0, mediation_codes = 0;
  std::int64_t root_received = 0;
  int root_runs = 0, leaf_runs = 0;
  QueryTiming root_fazhi, root_per_unit, root_scan, root_scan_mmap;
  LeafTiming probe, typical;
  std::vector<std::string> mismatches;

  // The fastest hand plan at the root, and its name.
  const QueryTiming& root_best() const;
  const char* root_best_name() const;
};

// `root_runs` timed runs at the root; the leaf, where a run is sub-millisecond,
// gets at least 21 (three samples of a fraction of a millisecond say little).
IndicatorResults run_indicators(const std::string& db_path, const Dataset& d, int root_runs);

}  // namespace bench
