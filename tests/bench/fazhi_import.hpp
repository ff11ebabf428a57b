// fazhi_import.hpp — the fazhi side of the import benchmark: NDJSON through
// fz_import, timed around the fz_import calls only (building the NDJSON text
// is the host's business and is not counted).
#pragma once

#include "synthetic.hpp"

#include <fazhi/fazhi.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace bench {

struct ImportRun {
  double seconds = 0;      // wall-clock time inside fz_import
  double cpu_seconds = 0;  // CPU time of the process meanwhile
  double system_seconds = 0;  // of which in the kernel
  std::size_t calls = 0;
  std::size_t lines = 0;
  std::size_t bytes = 0;
  std::int64_t inserted = 0, updated = 0, unchanged = 0, actions = 0;

  void add(const ImportRun& other);
};

// One fz_import call on `text` with {"batch": batch}. Any rejected line throws
// (the benchmark's data is valid by construction: a rejection is a bug).
ImportRun import_text(fz_db* db, const std::string& text, std::size_t batch);

// The case records then their close actions, in fz_import calls of `chunk`
// lines each, each call with {"batch": chunk}.
ImportRun import_cases(fz_db* db, const Dataset& d, std::size_t chunk);

}  // namespace bench
