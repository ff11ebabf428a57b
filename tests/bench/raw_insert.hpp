// raw_insert.hpp — baseline (a), the floor: every mediation_case row, column
// for column as fazhi stores it (the close columns already filled in), with
// one SQLiteCpp prepared INSERT per case, committing every `chunk` cases, into
// a fazhi database that holds the units and committees (so: fazhi's tables,
// indexes, constraints, WAL mode; see direct_sqlite.hpp).
//
// What it does NOT do, by design: parse JSON, validate, resolve keys, apply
// the close as a second statement, derive the labour deadline (the generator
// did), evaluate rules, store findings, or write the hash-chained journal.
// Baseline (b) does all the SQLite and hashing work (equivalent_import.hpp).
// Timed: opening, the transactions, closing; generating the next cases is not.
#pragma once

#include "child_process.hpp"
#include "synthetic.hpp"

#include <cstddef>
#include <string>

namespace bench {

class WorkingDays;

// With `bulk`, the reporting indexes are dropped first and created last
// (DeferredCaseIndexes), in timed work.
RunFigures insert_cases_raw(const std::string& path, const Dataset& d, const WorkingDays& calendar,
                            std::size_t chunk, bool bulk);

}  // namespace bench
