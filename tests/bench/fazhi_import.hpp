// fazhi_import.hpp — the fazhi side of the import benchmark, in-process (run
// them in a child: child_process.hpp):
//
//   setup_database   a fresh database with the units and committees
//                    (reference.ndjson through fz_import_file): not timed;
//   import_chunks    the cases file through fz_import in calls of `chunk`
//                    lines, each with {"batch": chunk}: what a host that reads
//                    its input in pieces does. Timed: fz_open, the calls,
//                    fz_close; reading the next chunk is not;
//   import_whole_file  the cases file through one fz_import_file call with
//                    {"batch": chunk}, between fz_open and fz_close, all timed.
//
// With `bulk`, import_chunks opens a bulk load after fz_open and ends it
// (timed) after the last call; import_whole_file adds "bulk": true.
//
// Every line must be accepted and the counts must be the corpus's: anything
// else throws (the data is valid by construction: a rejection is a bug).
#pragma once

#include "child_process.hpp"
#include "corpus.hpp"

#include <cstddef>
#include <string>

namespace bench {

void setup_database(const std::string& db_path, const Corpus& corpus, std::size_t chunk);

RunFigures import_chunks(const std::string& db_path, const Corpus& corpus, std::size_t chunk,
                         bool bulk);

RunFigures import_whole_file(const std::string& db_path, const Corpus& corpus, std::size_t chunk,
                             bool bulk);

}  // namespace bench
