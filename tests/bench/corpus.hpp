// corpus.hpp — the benchmark's input files, written once before anything is
// timed, streamed so that no more than a buffer of lines is in memory:
//
//   reference.ndjson  the units and committees every case points to (loaded
//                     into each fresh database by fazhi, untimed: the setup);
//   cases.ndjson      the case records, then their close actions
//                     (case_sequence.hpp): what every import variant imports;
//   calendar.txt      "YYYY-MM-DD 0|1" for every day the labour deadlines can
//                     reach (1 = working day), as fazhi's calendar says: what
//                     the Python importer needs to compute them like fazhi.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "synthetic.hpp"

namespace bench {

class WorkingDays;

struct Corpus {
  std::string reference_path, cases_path, calendar_path;
  std::size_t reference_lines = 0;
  std::size_t cases = 0, closed = 0, lines = 0;  // lines = cases + closed
  std::uint64_t bytes = 0;                       // of cases.ndjson
};

Corpus write_corpus(const Dataset& d, const WorkingDays& calendar, const std::string& reference_path,
                    const std::string& cases_path, const std::string& calendar_path);

}  // namespace bench
