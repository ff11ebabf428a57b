// provisional_calendar_test.cpp — the provisional holiday rule for a year
// without a State Council schedule (calendar.hpp). Expected days were worked
// out by hand from 全国年节及纪念日放假办法 第二条、第六条 and the festival
// dates of src/calendar/cn_festival_dates.csv; each test says how.

#include <fazhi/calendar.hpp>
#include <fazhi/error.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace fazhi {
namespace {

Date D(const char* text) { return parse_date(text); }

const Calendar& cal() { return Calendar::builtin(); }

// The provisional schedule of a year as "MM-DD name" lines.
std::vector<std::string> listed(int year) {
  std::vector<std::string> out;
  for (const ScheduledDay& d : Calendar::provisional_schedule(year)) {
    EXPECT_FALSE(d.working) << format_date(d.date);
    EXPECT_EQ(d.schedule_year, year);
    out.push_back(format_date(d.date).substr(5) + " " + d.holiday);
  }
  return out;
}

TEST(ProvisionalRule, CoversTheYearsOfTheFestivalTable) {
  EXPECT_EQ(Calendar::provisional_first_year(), 2004);
  EXPECT_EQ(Calendar::provisional_last_year(), 2099);
  EXPECT_TRUE(Calendar::provisional_schedule(2003).empty());
  EXPECT_TRUE(Calendar::provisional_schedule(2100).empty());
}

// 2027: 1 January is a Friday. 春节 (正月初一 = 6 February, a Saturday): 除夕
// 5 Feb (Fri) to 初三 8 Feb (Mon), two weekend days made up on Tue 9 and Wed
// 10. 清明 5 April (Mon). 劳动节 1-2 May fall on Sat/Sun: made up on Mon 3 and
// Tue 4. 端午 9 June (Wed), 中秋 15 September (Wed). 国庆 1-3 October: Fri,
// Sat, Sun; the weekend days made up on Mon 4 and Tue 5.
TEST(ProvisionalRule, Year2027ByTheStatute) {
  EXPECT_EQ(listed(2027),
            (std::vector<std::string>{
                "01-01 元旦", "02-05 春节", "02-06 春节", "02-07 春节", "02-08 春节",
                "02-09 春节补假", "02-10 春节补假", "04-05 清明节", "05-01 劳动节",
                "05-02 劳动节", "05-03 劳动节补假", "05-04 劳动节补假", "06-09 端午节",
                "09-15 中秋节", "10-01 国庆节", "10-02 国庆节", "10-03 国庆节",
                "10-04 国庆节补假", "10-05 国庆节补假"}));
}

// 2028: 中秋 falls on 3 October, a National Day holiday (Tuesday). 国庆 1
// October is a Sunday, made up on Wed 4; the doubled 3 October is made up on
// the next free weekday, Thu 5.
TEST(ProvisionalRule, AHolidayOnAnotherHolidayIsMadeUpToo) {
  std::vector<std::string> days = listed(2028);
  std::vector<std::string> october;
  for (const std::string& d : days)
    if (d.rfind("10-", 0) == 0) october.push_back(d);
  EXPECT_EQ(october, (std::vector<std::string>{"10-01 国庆节", "10-02 国庆节", "10-03 中秋节",
                                               "10-04 国庆节补假", "10-05 中秋节补假"}));
}

TEST(ProvisionalRule, RefusedWithoutPermissionNamingTheCommand) {
  try {
    cal().is_working_day(D("2027-01-04"));
    FAIL() << "no exception";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), Status::argument);
    const std::string m = e.what();
    EXPECT_NE(m.find("2027"), std::string::npos) << m;
    EXPECT_NE(m.find("fazhi calendar load DB FILE"), std::string::npos) << m;
  }
}

TEST(ProvisionalRule, AnswersAndNamesTheYearItAssumed) {
  ProvisionalYears years;
  EXPECT_FALSE(cal().is_working_day(D("2027-02-09"), &years));  // 春节补假
  EXPECT_EQ(years, ProvisionalYears{2027});
  years.clear();
  EXPECT_TRUE(cal().is_working_day(D("2027-02-11"), &years));
  EXPECT_EQ(years, ProvisionalYears{2027});
  // 2027-02-04 (Thu) + 1 working day: 5-10 February rest.
  years.clear();
  EXPECT_EQ(cal().add_working_days(D("2027-02-04"), 1, &years), D("2027-02-11"));
  EXPECT_EQ(years, ProvisionalYears{2027});
  // February 2027 starts on a Monday: 20 weekdays, of which 5, 8, 9 and 10
  // February rest (6 and 7 are the weekend): 16 working days.
  years.clear();
  EXPECT_EQ(cal().working_days_between(D("2027-01-31"), D("2027-02-28"), &years), 16);
  EXPECT_EQ(years, ProvisionalYears{2027});
}

TEST(ProvisionalRule, AnOfficialYearIsNotMarked) {
  ProvisionalYears years;
  EXPECT_EQ(cal().calendar_days_deadline(D("2026-06-01"), 15, &years), D("2026-06-16"));
  EXPECT_TRUE(years.empty());
}

// A notice may list the last days of December of the year before (2018-12-29
// to 31 were in the 2019 notice), so an answer over 28-31 December 2026 waits
// for the 2027 notice, while one that ends on 25 December does not.
TEST(ProvisionalRule, LateDecemberWaitsForTheNextNotice) {
  ProvisionalYears years;
  EXPECT_EQ(cal().calendar_days_deadline(D("2026-12-10"), 15, &years), D("2026-12-25"));
  EXPECT_TRUE(years.empty());
  EXPECT_EQ(cal().calendar_days_deadline(D("2026-12-13"), 15, &years), D("2026-12-28"));
  EXPECT_EQ(years, ProvisionalYears{2027});
  // Without permission the same question is still answered: 2026 has its
  // schedule, and the strict calendar checks the date's own year only.
  EXPECT_EQ(cal().calendar_days_deadline(D("2026-12-13"), 15), D("2026-12-28"));
}

TEST(ProvisionalRule, LoadedDaysWinOverTheRule) {
  Calendar c = Calendar::builtin();
  // A 2027 notice that keeps 4 January off and makes Saturday 9 January work.
  c.load(Calendar::parse_csv("2027-01-01,off,元旦,2027\n2027-01-04,off,元旦,2027\n"
                             "2027-01-09,work,元旦,2027\n"));
  ProvisionalYears years;
  EXPECT_FALSE(c.is_working_day(D("2027-01-04"), &years));
  EXPECT_TRUE(c.is_working_day(D("2027-01-09"), &years));
  // 2027 is official now: its February follows the week, not the rule.
  EXPECT_TRUE(c.is_working_day(D("2027-02-09"), &years));
  EXPECT_TRUE(years.empty());
  // 2028 is not: a span into it assumes it. 1 January 2028 is a Saturday,
  // made up on Monday 3 January: of 31 Dec to 4 Jan only 31 Dec and 4 Jan work.
  EXPECT_EQ(c.working_days_between(D("2027-12-30"), D("2028-01-04"), &years), 2);
  EXPECT_EQ(years, ProvisionalYears{2028});
}

TEST(ProvisionalRule, BeyondTheTableStillRefuses) {
  ProvisionalYears years;
  try {
    cal().calendar_days_deadline(D("2099-12-20"), 30, &years);
    FAIL() << "no exception";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), Status::argument);
    EXPECT_NE(std::string(e.what()).find("2100"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("2004-2099"), std::string::npos) << e.what();
  }
  // A huge count stops at the end of the table instead of walking to 9999.
  EXPECT_THROW(cal().add_working_days(D("2027-01-04"), 2000000000, &years), Error);
}

}  // namespace
}  // namespace fazhi
