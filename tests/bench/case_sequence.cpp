#include "case_sequence.hpp"

namespace bench {

CaseSequence::CaseSequence(const Dataset& d, const WorkingDays& calendar)
    : records_(d, calendar), closes_pass_(d, calendar) {}

bool CaseSequence::next(Case& c, bool& close) {
  if (!in_closes_) {
    if (records_.next(c)) {
      close = false;
      ++lines_;
      return true;
    }
    in_closes_ = true;
  }
  while (closes_pass_.next(c)) {
    if (!c.is_closed()) continue;
    close = true;
    ++lines_;
    ++closes_;
    return true;
  }
  return false;
}

}  // namespace bench
