// import_bench.hpp — every import variant, --repeat times each, each run into
// a fresh database (set up with the units and committees, untimed) and in a
// child process of its own (child_process.hpp). The runs go round-robin (run
// 1 of every variant, then run 2, ...) so that a change in the machine's load
// spreads over all variants instead of landing on one; medians are reported.
//
//   raw             baseline (a), raw_insert.hpp
//   equivalent      baseline (b), equivalent_import.hpp
//   fz_import       fz_import in calls of --chunk lines (fazhi_import.hpp)
//   fz_import_file  one fz_import_file call on the whole file
//   cli             `fazhi import DB FILE --batch CHUNK -q` (with --cli)
//   python          python_importer.py, the equivalent work in Python's
//                   standard library (with --python)
//
// Every variant's first database is digested (db_digest.hpp) and then, like
// every run's, deleted, except the last fazhi database, which is kept for the
// storage breakdown and the indicators.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "corpus.hpp"
#include "db_digest.hpp"
#include "options.hpp"
#include "synthetic.hpp"

namespace bench {

class ScratchDir;
class WorkingDays;

struct VariantResult {
  std::string name, label;
  bool journal = true;  // writes the journal and findings (all but raw)
  std::vector<ChildOutcome> runs;
  std::vector<std::uint64_t> file_bytes;  // db + WAL after each run
  std::vector<double> load;               // 1-minute load average before each run
  DbDigest digest;                        // of the first run's database

  // Medians over the runs.
  double wall() const;
  double cpu() const;  // user + system
  double sys() const;
  double write_bytes() const;
  double file() const;
  double rss_kb() const;
};

struct ImportResults {
  std::vector<VariantResult> variants;  // in the order they are printed
  std::string kept_database;            // the last fazhi run's, for the indicators
  std::string kept_label;               // and its variant's name
  const VariantResult* find(const std::string& name) const;
};

ImportResults run_imports(const Options& opt, const Dataset& d, const WorkingDays& calendar,
                          const Corpus& corpus, ScratchDir& dir);

}  // namespace bench
