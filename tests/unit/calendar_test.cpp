// calendar_test.cpp — the working-day calendar against the State Council
// schedules. Expected values were worked out by hand from
// src/calendar/cn_public_holidays*.csv; each test says how.

#include <fazhi/calendar.hpp>
#include <fazhi/error.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <climits>
#include <functional>
#include <initializer_list>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace fazhi {
namespace {

using boost::gregorian::days;

Date D(const char* text) { return parse_date(text); }

const Calendar& cal() { return Calendar::builtin(); }

// Runs fn expecting fazhi::Error(argument) whose message holds every one of
// `needles`; returns the error for further checks.
Error expect_argument_error(const std::function<void()>& fn,
                            std::initializer_list<const char*> needles) {
  try {
    fn();
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), Status::argument) << e.what();
    for (const char* needle : needles) {
      EXPECT_NE(std::string(e.what()).find(needle), std::string::npos)
          << "\"" << e.what() << "\" lacks \"" << needle << "\"";
    }
    return e;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "non-fazhi exception: " << e.what();
    return Error(Status::internal, "wrong exception");
  }
  ADD_FAILURE() << "no exception";
  return Error(Status::internal, "no exception");
}

// ---- builtin schedules -----------------------------------------------------

TEST(CalendarBuiltin, HasSchedules2004To2026) {
  std::set<int> expected;
  for (int y = 2004; y <= 2026; ++y) expected.insert(y);
  EXPECT_EQ(cal().schedule_years(), expected);
  EXPECT_TRUE(cal().has_schedule(2004));
  EXPECT_TRUE(cal().has_schedule(2026));
  EXPECT_FALSE(cal().has_schedule(2003));
  EXPECT_FALSE(cal().has_schedule(2027));
}

TEST(CalendarBuiltin, IsOneInstanceBuiltOnceAcrossThreads) {
  std::vector<const Calendar*> seen(8, nullptr);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&seen, i] { seen[i] = &Calendar::builtin(); });
  }
  for (auto& t : threads) t.join();
  for (const Calendar* c : seen) EXPECT_EQ(c, &Calendar::builtin());
}

TEST(CalendarBuiltin, OrdinaryWeekdaysWorkAndWeekendsRest) {
  EXPECT_TRUE(cal().is_working_day(D("2023-03-15")));   // Wednesday
  EXPECT_FALSE(cal().is_working_day(D("2023-03-18")));  // Saturday
  EXPECT_FALSE(cal().is_working_day(D("2023-03-19")));  // Sunday
}

TEST(CalendarBuiltin, MakeUpWeekendDaysWork) {
  EXPECT_TRUE(cal().is_working_day(D("2024-02-04")));   // Sunday, 春节 2024
  EXPECT_TRUE(cal().is_working_day(D("2026-02-14")));   // Saturday, 春节 2026
  EXPECT_TRUE(cal().is_working_day(D("2023-10-07")));   // Saturday, 国庆 2023
  EXPECT_TRUE(cal().is_working_day(D("2023-10-08")));   // Sunday, 国庆 2023
  EXPECT_TRUE(cal().is_working_day(D("2022-10-08")));   // Saturday, 国庆 2022
}

TEST(CalendarBuiltin, HolidaysRest) {
  for (Date d = D("2022-10-01"); d <= D("2022-10-07"); d += days(1)) {
    EXPECT_FALSE(cal().is_working_day(d)) << format_date(d);
  }
  EXPECT_FALSE(cal().is_working_day(D("2023-10-02")));  // Monday, 国庆
  EXPECT_FALSE(cal().is_working_day(D("2023-09-29")));  // Friday, 中秋
  EXPECT_TRUE(cal().is_working_day(D("2023-10-09")));   // Monday after
}

TEST(CalendarBuiltin, LateDecemberDaysOfTheNextNotice) {
  // 2018-12-29 (Saturday) is a make-up day of the 2019 notice; the two
  // compiled-in files both list it and loading them must keep it.
  EXPECT_TRUE(cal().is_working_day(D("2018-12-29")));
  EXPECT_FALSE(cal().is_working_day(D("2018-12-31")));  // Monday, 元旦 2019
}

TEST(CalendarBuiltin, Historical2008) {
  EXPECT_FALSE(cal().is_working_day(D("2008-05-01")));  // Thursday, 劳动节
  EXPECT_FALSE(cal().is_working_day(D("2008-05-02")));  // Friday
  EXPECT_TRUE(cal().is_working_day(D("2008-05-04")));   // Sunday make-up
  EXPECT_TRUE(cal().is_working_day(D("2007-12-29")));   // Saturday, 元旦 2008
  // 04-30 Wed; 05-01..03 off; 05-04 Sun (1), 05-05 Mon (2), 05-06 Tue (3).
  EXPECT_EQ(cal().add_working_days(D("2008-04-30"), 3), D("2008-05-06"));
  EXPECT_EQ(cal().working_days_between(D("2007-12-31"), D("2008-12-31")), 251);
}

// ---- years without a schedule ----------------------------------------------

TEST(CalendarMissingYear, IsWorkingDayNamesTheYear) {
  const Error e = expect_argument_error(
      [] { cal().is_working_day(D("2027-01-04")); },
      {"2027", "fz_calendar_load"});
  EXPECT_EQ(e.field(), "date");
  expect_argument_error([] { cal().is_working_day(D("2003-12-31")); }, {"2003"});
}

TEST(CalendarMissingYear, SpansCheckEveryYearTheyCross) {
  expect_argument_error(
      [] { cal().add_working_days(D("2026-12-30"), 5); }, {"2027"});
  expect_argument_error(
      [] { cal().add_working_days(D("2004-01-06"), -5); }, {"2003"});
  expect_argument_error(
      [] { cal().working_days_between(D("2026-12-01"), D("2027-01-10")); },
      {"2027"});
  expect_argument_error(
      [] { cal().working_days_between(D("2027-01-10"), D("2026-12-01")); },
      {"2027"});
  // A gap in the middle of a span is found too.
  Calendar holes;
  holes.load(Calendar::parse_csv("2020-01-01,off,元旦,2020\n"
                                 "2022-01-03,off,元旦,2022\n"));
  expect_argument_error(
      [&] { holes.working_days_between(D("2020-06-01"), D("2022-06-01")); },
      {"2021"});
  expect_argument_error(
      [&] { holes.add_working_days(D("2020-06-01"), 400); }, {"2021"});
}

TEST(CalendarMissingYear, HugeCountsFailFastInsteadOfLooping) {
  expect_argument_error([] { cal().add_working_days(D("2023-01-01"), INT_MAX); },
                        {"2027"});
  expect_argument_error([] { cal().add_working_days(D("2023-01-01"), INT_MIN); },
                        {"2003"});
}

TEST(CalendarMissingYear, RunningPast9999IsAFazhiError) {
  Calendar c;
  c.load(Calendar::parse_csv("9999-12-31,off,x,9999\n"));
  expect_argument_error([&] { c.add_working_days(D("9999-12-30"), 2); },
                        {"9999"});
  expect_argument_error([&] { c.calendar_days_deadline(D("9999-12-30"), 1); },
                        {"9999"});
}

TEST(CalendarMissingYear, EmptyCalendarAnswersNothing) {
  Calendar empty;
  EXPECT_TRUE(empty.schedule_years().empty());
  expect_argument_error([&] { empty.is_working_day(D("2023-10-02")); }, {"2023"});
}

TEST(CalendarMissingYear, SpanOnlyNeedsTheYearsOfItsDays) {
  // (2003-12-31, 2026-12-31] holds no day of 2003. 2004-01-01 is a listed
  // holiday, so the count equals the one from 2004-01-01.
  EXPECT_EQ(cal().working_days_between(D("2003-12-31"), D("2026-12-31")), 5744);
  EXPECT_EQ(cal().working_days_between(D("2004-01-01"), D("2026-12-31")), 5744);
}

// ---- loading ---------------------------------------------------------------

// A made-up 2027 schedule: the real notice is not out when this is written.
constexpr const char* k2027 =
    "date,kind,holiday,schedule_year\n"
    "2027-01-01,off,元旦,2027\n"
    "2027-01-02,off,元旦,2027\n"
    "2027-01-03,off,元旦,2027\n"
    "2027-01-09,work,元旦,2027\n";

TEST(CalendarLoad, AddingAYearMakesItAnswer) {
  Calendar c = Calendar::builtin();
  c.load(Calendar::parse_csv(k2027));
  EXPECT_TRUE(c.has_schedule(2027));
  EXPECT_TRUE(c.is_working_day(D("2027-01-04")));   // Monday
  EXPECT_FALSE(c.is_working_day(D("2027-01-01")));  // Friday, listed off
  EXPECT_TRUE(c.is_working_day(D("2027-01-09")));   // Saturday, listed work
  // (2026-12-31, 2027-01-11]: 01-04..01-08 (5), 01-09 Sat (6), 01-11 (7).
  EXPECT_EQ(c.working_days_between(D("2026-12-31"), D("2027-01-11")), 7);
  // The builtin calendar itself is untouched.
  EXPECT_FALSE(Calendar::builtin().has_schedule(2027));
}

TEST(CalendarLoad, ACorrectedYearReplacesTheOldDays) {
  Calendar c = Calendar::builtin();
  c.load(Calendar::parse_csv(k2027));
  c.load(Calendar::parse_csv("2027-01-01,off,元旦,2027\n"));
  EXPECT_FALSE(c.is_working_day(D("2027-01-01")));
  EXPECT_FALSE(c.is_working_day(D("2027-01-09")));  // make-up day withdrawn
  EXPECT_TRUE(c.is_working_day(D("2027-01-04")));
  // Other years keep their days.
  EXPECT_FALSE(c.is_working_day(D("2026-02-16")));
  EXPECT_TRUE(c.is_working_day(D("2026-02-14")));
}

TEST(CalendarLoad, ReplacingAYearDropsItsDaysInTheYearBefore) {
  // The 2019 notice lists 2018-12-29 (make-up Saturday) and 2018-12-31;
  // a corrected 2019 schedule without them leaves them to the week.
  Calendar c = Calendar::builtin();
  c.load(Calendar::parse_csv("2019-01-01,off,元旦,2019\n"));
  EXPECT_FALSE(c.is_working_day(D("2018-12-29")));  // Saturday again
  EXPECT_TRUE(c.is_working_day(D("2018-12-31")));   // Monday again
  // 2019-02-05 (Tuesday, 春节 in the original notice) is a weekday again.
  EXPECT_TRUE(c.is_working_day(D("2019-02-05")));
  EXPECT_FALSE(Calendar::builtin().is_working_day(D("2019-02-05")));
}

TEST(CalendarLoad, ARejectedLoadChangesNothing) {
  Calendar c = Calendar::builtin();
  std::vector<ScheduledDay> days = Calendar::parse_csv(k2027);
  ScheduledDay clash = days[0];
  clash.working = true;  // 2027-01-01 both off and work
  days.push_back(clash);
  expect_argument_error([&] { c.load(days); }, {"2027-01-01"});
  EXPECT_FALSE(c.has_schedule(2027));

  ScheduledDay stray;
  stray.date = D("2025-05-01");
  stray.schedule_year = 2027;
  expect_argument_error([&] { c.load({stray}); }, {"2027", "2025-05-01"});

  ScheduledDay nothing;  // date not-a-date-time
  nothing.schedule_year = 2027;
  expect_argument_error([&] { c.load({nothing}); }, {"not a calendar date"});
  EXPECT_FALSE(c.has_schedule(2027));
}

// ---- CSV -------------------------------------------------------------------

TEST(CalendarCsv, ParsesRowsWithOrWithoutHeader) {
  const auto with = Calendar::parse_csv(k2027);
  ASSERT_EQ(with.size(), 4u);
  EXPECT_EQ(with[0].date, D("2027-01-01"));
  EXPECT_FALSE(with[0].working);
  EXPECT_EQ(with[0].holiday, "元旦");
  EXPECT_EQ(with[0].schedule_year, 2027);
  EXPECT_TRUE(with[3].working);

  const auto without = Calendar::parse_csv("2027-01-09,work,元旦,2027");
  ASSERT_EQ(without.size(), 1u);
  EXPECT_TRUE(without[0].working);
  EXPECT_EQ(without[0].schedule_year, 2027);
}

TEST(CalendarCsv, ToleratesCrlfBlankLinesBomAndQuotes) {
  const auto days = Calendar::parse_csv(
      "\xEF\xBB\xBF"
      "date,kind,holiday,schedule_year\r\n"
      "\r\n"
      "2026-12-31,off,\"元旦, New Year\",2027\r\n"
      "   \n"
      "2027-01-09, work ,\"say \"\"hi\"\"\",2027\r\n");
  ASSERT_EQ(days.size(), 2u);
  EXPECT_EQ(days[0].date, D("2026-12-31"));
  EXPECT_EQ(days[0].holiday, "元旦, New Year");
  EXPECT_EQ(days[0].schedule_year, 2027);  // late December, next notice
  EXPECT_TRUE(days[1].working);
  EXPECT_EQ(days[1].holiday, "say \"hi\"");
  EXPECT_TRUE(Calendar::parse_csv("").empty());
  EXPECT_TRUE(Calendar::parse_csv("date,kind,holiday,schedule_year\n").empty());
}

TEST(CalendarCsv, ErrorsNameLineAndColumn) {
  Error e = expect_argument_error(
      [] { Calendar::parse_csv("date,kind,holiday,schedule_year\n"
                               "2027-01-01,off,元旦,2027\n"
                               "2027-01-02,of,元旦,2027\n"); },
      {"line 3", "column 2", "'of'", "off or work"});
  EXPECT_EQ(e.field(), "kind");

  e = expect_argument_error(
      [] { Calendar::parse_csv("2027-02-30,off,x,2027\n"); },
      {"line 1", "column 1", "2027-02-30"});
  EXPECT_EQ(e.field(), "date");

  e = expect_argument_error(
      [] { Calendar::parse_csv("\n\n2027-01-01,off,x\n"); },
      {"line 3", "column 4", "missing"});
  EXPECT_EQ(e.field(), "schedule_year");

  expect_argument_error(
      [] { Calendar::parse_csv("2027-01-01,off,x,2027,extra\n"); },
      {"line 1", "column 5"});
  expect_argument_error(
      [] { Calendar::parse_csv("2027-01-01,off,x,20x7\n"); },
      {"line 1", "column 4", "20x7"});
  expect_argument_error(
      [] { Calendar::parse_csv("2025-05-01,off,x,2027\n"); },
      {"line 1", "column 4", "2025-05-01"});
  expect_argument_error(
      [] { Calendar::parse_csv("2027-01-01,off,\"x,2027\n"); },
      {"line 1", "column 3", "quote"});
  // A header is only recognised as the first line.
  expect_argument_error(
      [] { Calendar::parse_csv("2027-01-01,off,x,2027\n"
                               "date,kind,holiday,schedule_year\n"); },
      {"line 2", "column 1"});
}

// ---- counting --------------------------------------------------------------

TEST(CalendarCount, AddWorkingDaysAcrossNationalDay2023) {
  // 09-28 Thu; 09-29..10-06 off; 10-07 Saturday is the next working day.
  EXPECT_EQ(cal().add_working_days(D("2023-09-28"), 1), D("2023-10-07"));
  // From 09-27 Wed: 09-28 (1), 10-07 (2), 10-08 (3), 10-09 (4), 10-10 (5),
  // 10-11 (6), 10-12 (7).
  EXPECT_EQ(cal().add_working_days(D("2023-09-27"), 7), D("2023-10-12"));
  EXPECT_EQ(cal().working_days_between(D("2023-09-27"), D("2023-10-12")), 7);
}

TEST(CalendarCount, AddWorkingDaysBackwards) {
  EXPECT_EQ(cal().add_working_days(D("2023-10-07"), -1), D("2023-09-28"));
  // 10-08 (1), 10-07 (2), 09-28 (3).
  EXPECT_EQ(cal().add_working_days(D("2023-10-09"), -3), D("2023-09-28"));
  // 2019-01-02 back 2: 2019-01-01..2018-12-30 off, 12-29 Sat work (1),
  // 12-28 Fri (2).
  EXPECT_EQ(cal().add_working_days(D("2019-01-02"), -2), D("2018-12-28"));
}

TEST(CalendarCount, ZeroReturnsTheDayItself) {
  EXPECT_EQ(cal().add_working_days(D("2023-10-02"), 0), D("2023-10-02"));
}

TEST(CalendarCount, LongSpans) {
  EXPECT_EQ(cal().add_working_days(D("2023-09-27"), 250), D("2024-09-27"));
  EXPECT_EQ(cal().add_working_days(D("2004-01-02"), 5000), D("2024-01-05"));
  EXPECT_EQ(cal().add_working_days(D("2026-12-31"), -5000), D("2006-12-20"));
  EXPECT_EQ(cal().add_working_days(D("2024-01-05"), -5000), D("2004-01-02"));
}

TEST(CalendarCount, BetweenIsSignedOverHalfOpenRanges) {
  // (from, to]: the first day is not counted, the last is.
  EXPECT_EQ(cal().working_days_between(D("2023-09-27"), D("2023-09-28")), 1);
  EXPECT_EQ(cal().working_days_between(D("2023-09-28"), D("2023-09-29")), 0);
  EXPECT_EQ(cal().working_days_between(D("2023-09-28"), D("2023-10-07")), 1);
  EXPECT_EQ(cal().working_days_between(D("2023-10-07"), D("2023-09-28")), -1);
  EXPECT_EQ(cal().working_days_between(D("2023-10-12"), D("2023-09-27")), -7);
  EXPECT_EQ(cal().working_days_between(D("2023-10-02"), D("2023-10-02")), 0);
  // Crossing the 2019 notice's late-December days: 12-29 Sat (1), 01-02 (2).
  EXPECT_EQ(cal().working_days_between(D("2018-12-28"), D("2019-01-02")), 2);
}

TEST(CalendarCount, Year2023Has249WorkingDays) {
  // 260 weekdays - 18 weekday holidays + 7 make-up weekend days.
  EXPECT_EQ(cal().working_days_between(D("2022-12-31"), D("2023-12-31")), 249);
}

TEST(CalendarCount, AgreesWithADayByDayWalkEverywhere) {
  // The arithmetic count must match summing is_working_day, over every day of
  // the compiled-in schedules.
  const Date start = D("2004-01-01");
  int running = 0;
  for (Date d = start + days(1); d <= D("2026-12-31"); d += days(1)) {
    if (cal().is_working_day(d)) ++running;
    ASSERT_EQ(cal().working_days_between(start, d), running) << format_date(d);
    ASSERT_EQ(cal().working_days_between(d, start), -running) << format_date(d);
  }
  // And add_working_days inverts it from a working day, both ways.
  for (int n = 1; n <= 300; n += 7) {
    const Date from = D("2015-06-01");  // Monday
    const Date to = cal().add_working_days(from, n);
    ASSERT_TRUE(cal().is_working_day(to));
    ASSERT_EQ(cal().working_days_between(from, to), n) << n;
    ASSERT_EQ(cal().add_working_days(to, -n), from) << n;
  }
}

TEST(CalendarCount, TenYearSpanIsFast) {
  const auto begin = std::chrono::steady_clock::now();
  int total = 0;
  for (int i = 0; i < 1000; ++i) {
    total += cal().working_days_between(D("2016-12-31"), D("2026-12-31"));
  }
  const auto elapsed = std::chrono::steady_clock::now() - begin;
  EXPECT_EQ(total, 2493 * 1000);
  // Well under a millisecond each, even in a sanitizer build.
  EXPECT_LT(elapsed, std::chrono::seconds(1));
}

// ---- 民法典 N日 deadlines ---------------------------------------------------

TEST(CalendarDeadline, LastDayOnAHolidayMovesToTheNextWorkingDay) {
  // 2022-09-16 + 15 days = 2022-10-01 (国庆); 10-01..10-07 off, 10-08 is a
  // make-up Saturday.
  EXPECT_EQ(cal().calendar_days_deadline(D("2022-09-16"), 15), D("2022-10-08"));
}

TEST(CalendarDeadline, LastDayOnAWorkingDayStays) {
  // 2023-03-01 + 15 = 2023-03-16, a Thursday.
  EXPECT_EQ(cal().calendar_days_deadline(D("2023-03-01"), 15), D("2023-03-16"));
  // Holidays inside the period do not extend it: 2023-09-20 + 30 = 10-20.
  EXPECT_EQ(cal().calendar_days_deadline(D("2023-09-20"), 30), D("2023-10-20"));
}

TEST(CalendarDeadline, LastDayOnAWeekendMovesToMonday) {
  // 2023-03-01 + 10 = 2023-03-11, a Saturday.
  EXPECT_EQ(cal().calendar_days_deadline(D("2023-03-01"), 10), D("2023-03-13"));
}

TEST(CalendarDeadline, RejectsNegativeDaysAndMissingYears) {
  const Error e = expect_argument_error(
      [] { cal().calendar_days_deadline(D("2023-03-01"), -1); }, {"negative"});
  EXPECT_EQ(e.field(), "days");
  // 2026-12-20 + 12 = 2027-01-01.
  expect_argument_error(
      [] { cal().calendar_days_deadline(D("2026-12-20"), 12); }, {"2027"});
}

}  // namespace
}  // namespace fazhi
