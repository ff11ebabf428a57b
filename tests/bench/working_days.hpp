// working_days.hpp — fazhi's working-day calendar over a range of days, read
// once through fz_calendar_is_working_day, for computing the statutory labour
// deadline (劳动争议调解仲裁法 第十四条: 15 days from receipt, a last day on a
// rest day moving to the next working day) that the raw baseline must store.
#pragma once

#include <fazhi/fazhi.h>

#include <string>
#include <vector>

namespace bench {

class WorkingDays {
 public:
  // Days [first, last] (day numbers, see dates.hpp).
  WorkingDays(fz_db* db, int first, int last);

  // "N日" deadline: the day `days` after `event`, moved to the next working day.
  std::string deadline(int event, int days) const;

  int first() const { return first_; }
  int last() const { return first_ + static_cast<int>(working_.size()) - 1; }
  bool is_working(int day) const;

 private:
  int first_;
  std::vector<bool> working_;
};

}  // namespace bench
