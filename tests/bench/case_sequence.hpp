// case_sequence.hpp — the order in which every import variant meets the
// cases: every case record first, then the close action of every closed case,
// as two separate lines (the order of an export: records before actions, so
// the close of a case always finds it written, possibly in an earlier
// transaction). Streamed: two passes of the CaseGenerator, one Case in memory.
#pragma once

#include <cstddef>

#include "synthetic.hpp"

namespace bench {

class CaseSequence {
 public:
  CaseSequence(const Dataset& d, const WorkingDays& calendar);

  // The next line into `c`: the case record (close == false), or the case
  // whose close action this line is (close == true). False after the last.
  bool next(Case& c, bool& close);
  // Lines yielded so far, and of them close actions.
  std::size_t lines() const { return lines_; }
  std::size_t closes() const { return closes_; }

 private:
  CaseGenerator records_, closes_pass_;
  bool in_closes_ = false;
  std::size_t lines_ = 0, closes_ = 0;
};

}  // namespace bench
