#include "working_days.hpp"

#include "dates.hpp"
#include "fazhi_api.hpp"

#include <stdexcept>

namespace bench {

WorkingDays::WorkingDays(fz_db* db, int first, int last) : first_(first) {
  for (int d = first; d <= last; ++d) {
    int32_t working = 0;
    check(fz_calendar_is_working_day(db, day_text(d).c_str(), &working),
          "fz_calendar_is_working_day " + day_text(d));
    working_.push_back(working != 0);
  }
}

bool WorkingDays::is_working(int day) const {
  std::size_t i = static_cast<std::size_t>(day - first_);
  if (day < first_ || i >= working_.size())
    throw std::runtime_error("working-day table does not cover " + day_text(day));
  return working_[i];
}

std::string WorkingDays::deadline(int event, int days) const {
  int d = event + days;
  while (!is_working(d)) ++d;
  return day_text(d);
}

}  // namespace bench
