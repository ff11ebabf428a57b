// options.hpp — the command line of fazhi_bench.
#pragma once

#include <cstddef>
#include <set>
#include <string>

namespace bench {

struct Options {
  std::size_t cases = 100000;  // --n: mediation cases
  int units = 1000;            // --units: org units (root, townships/streets, villages)
  std::string dir;             // --dir: scratch directory ("" = a fresh mkdtemp dir)
  bool keep = false;           // --keep: leave the input files and the last fazhi database
  std::size_t chunk = 10000;   // --chunk: NDJSON lines per fz_import call = lines per transaction
  int repeat = 3;              // --repeat: runs of every import and root query (medians)
  std::string cli;             // --cli: the fazhi command ("" = skip that variant)
  std::string python;          // --python: the interpreter ("" = skip the Python importer)
  std::string python_script;   // --python-script: python_importer.py
  std::set<std::string> skip;  // --skip: import variants left out (see kVariantNames)
  bool bulk = true;            // --bulk on|off: every variant but Python defers the
                               // reporting indexes (fz_bulk_begin, by hand in (a), (b))
};

// The names --skip accepts, comma-separated.
extern const char* const kVariantNames;

// Parses argv; prints usage and exits 0 on --help, exits 2 on a bad flag.
Options parse_options(int argc, char** argv);

}  // namespace bench
