// raw_insert.hpp — the baseline of the import benchmark: the same mediation_case
// rows, column for column, written with one SQLiteCpp prepared INSERT in one
// transaction into a fazhi database file (so: fazhi's tables, indexes,
// constraints, WAL mode; foreign keys on, as fazhi's connection has them).
//
// What the baseline does NOT do, by design: parse JSON, validate fields and
// codes, resolve keys, look the case up for its close action (the closed
// columns go into the same INSERT), derive the labour deadline (the generator
// precomputed it), evaluate rules, store findings, or write the hash-chained
// journal. That difference is what the ratio measures.
#pragma once

#include "synthetic.hpp"

#include <cstddef>
#include <string>

namespace bench {

struct RawRun {
  double seconds = 0;      // BEGIN .. COMMIT, statement preparation included
  double cpu_seconds = 0;  // CPU time of the process meanwhile
  double system_seconds = 0;  // of which in the kernel
  std::size_t rows = 0;
  std::string journal_mode;
  int synchronous = 0;
  int foreign_keys = 0;
};

// `path` is a fazhi database that already holds the dataset's units and
// committees (with the same keys).
RawRun insert_cases_raw(const std::string& path, const Dataset& d);

}  // namespace bench
