// calendar.hpp — China's working-day calendar.
//
// Working days follow the State Council's yearly holiday schedule: Monday to
// Friday work and the weekend rests, except the listed holidays (off) and the
// listed make-up working days (work, 调休上班). The schedules 2004-2026 are
// compiled in; a host adds later years with load_csv. A question about a date
// whose year has no schedule throws Error(Status::argument) naming the year:
// the calendar never guesses.
#pragma once

#include <fazhi/date.hpp>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

// One listed day of a schedule.
struct ScheduledDay {
  Date date;
  bool working = false;   // true: make-up working day; false: holiday / rest
  std::string holiday;    // e.g. "国庆节"
  int schedule_year = 0;  // the notice that lists it (late-December New Year
                          // days belong to the next year's notice)
};

class Calendar {
 public:
  // An empty calendar: every question throws until a schedule is loaded.
  Calendar() = default;

  // The compiled-in schedules, 2004-2026.
  static const Calendar& builtin();

  // Parses CSV "date,kind,holiday,schedule_year" (kind off|work; a header line
  // starting with "date" is skipped; blank lines ignored). Throws
  // Error(argument) naming the line and column on bad input.
  static std::vector<ScheduledDay> parse_csv(std::string_view csv);

  // Adds the days; every schedule year named in `days` first loses the days
  // it had, so loading a corrected schedule replaces it.
  void load(const std::vector<ScheduledDay>& days);

  bool has_schedule(int year) const { return years_.count(year) != 0; }
  const std::set<int>& schedule_years() const { return years_; }

  bool is_working_day(Date d) const;

  // The date n working days after d (n < 0: before d). n == 0 returns d.
  // 2023-09-28 + 1 = 2023-10-07 (a make-up Saturday after National Day).
  Date add_working_days(Date d, int n) const;

  // Working days in (from, to]; negative (the count in (to, from]) when to is
  // before from.
  int working_days_between(Date from, Date to) const;

  // The "N日" deadline of 民法典 第二百零一至二百零三条: counting starts the day
  // after `event`; a last day that is a rest day or holiday moves to the next
  // working day.
  Date calendar_days_deadline(Date event, int days) const;

 private:
  void require_schedule(Date d) const;
  // Throws unless every calendar year from first's to last's has a schedule.
  void require_schedules(Date first, Date last) const;
  // Working days in (after, last] for after < last; schedules not checked.
  int count_working_days(Date after, Date last) const;

  std::map<Date, ScheduledDay> days_;
  std::set<int> years_;
};

}  // namespace fazhi
