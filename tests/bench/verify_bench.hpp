// verify_bench.hpp — what proving the records by the journal costs (issue
// 13): fz_journal_verify (the hash chain and every record against its
// latest entry's state, on as many readers side by side as it chooses)
// against one full read of the same tables with SQLite — every row of every
// table the file holds, every column's bytes touched — on the same file,
// warm cache, medians. The same verification on one reader ({"threads": 1})
// and the chain alone ({"records": false, "threads": 1}) are timed beside
// them. The verification must find the file intact, else the run fails.
#pragma once

#include <cstdint>
#include <string>

namespace bench {

struct VerifyResults {
  int runs = 0;
  double verify_wall = 0, verify_cpu = 0;  // fz_journal_verify, medians
  int readers = 0;                         // the readers it chose
  double serial_wall = 0, serial_cpu = 0;  // the same on one reader
  double chain_wall = 0, chain_cpu = 0;    // the chain alone
  double read_wall = 0, read_cpu = 0;      // one full read of every table
  std::int64_t entries = 0;                // journal entries verified
  std::int64_t records = 0;                // records proven
  std::int64_t rows_read = 0;              // rows of the full read
  bool ok = false;                         // the verification found it intact
  std::string message;                     // its message
};

VerifyResults run_verify(const std::string& path, int repeat);

// Prints the figures and the ratio verify ÷ full read; false when the
// verification did not find the file intact.
bool print_verify(const VerifyResults& r);

}  // namespace bench
