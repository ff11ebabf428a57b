// calendar.hpp — China's working-day calendar.
//
// Working days follow the State Council's yearly holiday schedule: Monday to
// Friday work and the weekend rests, except the listed holidays (off) and the
// listed make-up working days (work, 调休上班). The schedules 2004-2026 are
// compiled in; a host adds later years with load (fz_calendar_load, `fazhi
// calendar load DB FILE`).
//
// A year without a schedule. Every question takes an optional
// `ProvisionalYears*`:
//   * null (the default): the calendar never guesses; a question that needs a
//     year without a schedule throws Error(argument) naming the year and how
//     to load its schedule;
//   * non-null: such a year follows the provisional rule, and the year is
//     added to the set, so that the caller can mark what it computed as
//     provisional and compute it again once the schedule is loaded.
// The provisional rule is the law the yearly notices apply (全国年节及纪念日
// 放假办法, as revised in 2024): weekends rest; the statutory holidays of its
// 第二条 rest on their own days — 元旦 (1 January), 春节 (农历除夕 to 正月初三),
// 清明节 (the day of the solar term), 劳动节 (1-2 May), 端午节 (五月初五), 中秋节
// (八月十五), 国庆节 (1-3 October); and, per 第六条, every holiday day that
// falls on a Saturday or Sunday (or on another holiday day) is made up by the
// next weekday that is not itself a holiday. The notices usually add make-up
// working days (调休) to form longer breaks; the rule cannot predict those,
// which is why its answers are marked. The lunar and solar-term dates come
// from a table for 2004-2099 (provisional_first_year .. provisional_last_year);
// outside it a missing schedule throws even when provisional answers are
// allowed.
//
// A notice may also list the last days of December of the year before (a New
// Year break). So a provisional question about December 28-31 of year Y, when
// schedule Y+1 is missing, adds Y+1 to the set even though the rule lists no
// December days: the answer may change when Y+1 is loaded.
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

// The schedule years a provisional answer assumed (see the header comment).
using ProvisionalYears = std::set<int>;

class Calendar {
 public:
  // An empty calendar: every question throws until a schedule is loaded (or
  // is answered by the provisional rule when the caller allows it).
  Calendar() = default;

  // The compiled-in schedules, 2004-2026.
  static const Calendar& builtin();

  // Parses CSV "date,kind,holiday,schedule_year" (kind off|work; a header line
  // starting with "date" is skipped; blank lines ignored; a UTF-8 byte order
  // mark at the start is skipped). Throws Error(argument) naming the line and
  // column on bad input, control characters in a holiday name included.
  static std::vector<ScheduledDay> parse_csv(std::string_view csv);

  // Adds the days; every schedule year named in `days` first loses the days
  // it had, so loading a corrected schedule replaces it.
  void load(const std::vector<ScheduledDay>& days);

  bool has_schedule(int year) const { return years_.count(year) != 0; }
  const std::set<int>& schedule_years() const { return years_; }

  // The years the provisional rule covers.
  static int provisional_first_year();
  static int provisional_last_year();
  // The days the provisional rule lists for `year` (holidays and their make-up
  // days off, all with working = false); empty outside the covered years.
  static std::vector<ScheduledDay> provisional_schedule(int year);

  bool is_working_day(Date d, ProvisionalYears* provisional = nullptr) const;

  // The date n working days after d (n < 0: before d). n == 0 returns d.
  // 2023-09-28 + 1 = 2023-10-07 (a make-up Saturday after National Day).
  Date add_working_days(Date d, int n, ProvisionalYears* provisional = nullptr) const;

  // Working days in (from, to]; negative (the count in (to, from]) when to is
  // before from.
  int working_days_between(Date from, Date to, ProvisionalYears* provisional = nullptr) const;

  // The "N日" deadline of 民法典 第二百零一至二百零三条: counting starts the day
  // after `event`; a last day that is a rest day or holiday moves to the next
  // working day.
  Date calendar_days_deadline(Date event, int days,
                              ProvisionalYears* provisional = nullptr) const;

 private:
  // Throws unless every calendar year from first's to last's has a schedule
  // or, when `provisional` is given, a provisional rule (then noted).
  void require_schedules(Date first, Date last, ProvisionalYears* provisional) const;
  // Working days in (after, last] for after < last; schedules not checked.
  int count_working_days(Date after, Date last) const;
  // The listed day d: from the loaded schedules, else, for a year without
  // one, from the provisional rule; null when d follows the week.
  const ScheduledDay* listed(Date d) const;

  std::map<Date, ScheduledDay> days_;
  std::set<int> years_;
};

}  // namespace fazhi
