// options.hpp — the command line of fazhi_bench.
#pragma once

#include <cstddef>
#include <string>

namespace bench {

struct Options {
  std::size_t cases = 100000;  // --n: mediation cases
  int units = 1000;            // --units: org units (root, townships/streets, villages)
  std::string dir;             // --dir: where the databases go ("" = a fresh mkdtemp dir)
  bool keep = false;           // --keep: leave the databases behind
  std::size_t chunk = 10000;   // --chunk: NDJSON lines per fz_import call (and its batch)
  int repeat = 20;             // --repeat: timed runs of each indicator query
};

// Parses argv; prints usage and exits 0 on --help, exits 2 on a bad flag.
Options parse_options(int argc, char** argv);

}  // namespace bench
