// abi_calendar — fz_calendar_load and the calendar queries refuse bad CSV, bad
// dates, years without a schedule and out-of-range counts, and leave their
// outputs and the calendar alone.
//
// Links libfazhi.so only, through fazhi.h; helpers in abi_support.hpp.
#include "abi_support.hpp"

#include <fazhi/fazhi.h>

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace {

using namespace abi_test;

// ---------------------------------------------------------------------------
// Calendar

TEST_F(Abi, CalendarLoadRefusesBadInputAndKeepsTheCalendar) {
  const char* good = "2030-01-01,off,元旦,2030\n";
  EXPECT_FZ_ERR(fz_calendar_load(db_, nullptr, 0), FZ_E_ARGUMENT, "csv");
  EXPECT_FZ_ERR(fz_calendar_load(db_, nullptr, 24), FZ_E_ARGUMENT, "csv");
  EXPECT_FZ_ERR(fz_calendar_load(db_, "", 0), FZ_E_ARGUMENT, "csv");
  EXPECT_FZ_ERR(fz_calendar_load(db_, good, 0), FZ_E_ARGUMENT, "csv");
  EXPECT_FZ_ERR(fz_calendar_load(db_, "date,kind,holiday,schedule_year\n", 32), FZ_E_ARGUMENT,
                "csv");
  struct Case {
    std::string csv;
    const char* mention;
  };
  std::vector<Case> cases = {
      {"hello world", "line 1"},
      {"2030-01-01,off,元旦", "schedule_year"},
      {"2030-01-01,off,元旦,2030,extra", "line 1"},
      {"2030-02-30,off,x,2030", "date"},
      {"2030-1-1,off,x,2030", "date"},
      {"1899-12-31,off,x,1899", "line 1"},
      {"2030-01-01,maybe,元旦,2030", "kind"},
      {"2030-01-01,OFF,元旦,2030", "kind"},
      {"2030-01-01,off,元旦,20x0", "schedule_year"},
      {"2030-01-01,off,元旦,-2030", "schedule_year"},
      {"2030-06-01,off,x,2032", "schedule_year"},
      {"2030-01-01,off,\"元旦,2030", "line 1"},
      // A good line, then a bad one: nothing of the good line is kept.
      {"2030-01-01,off,元旦,2030\n2030-01-02,off,元旦,2030\n2030-13-01,off,x,2030", "line 3"},
      // Conflicting listings of one day.
      {"2030-01-01,off,元旦,2030\n2030-01-01,work,元旦,2030", "2030-01-01"},
      // An embedded NUL inside the given length.
      {std::string("2030-01-01,off,元旦,2030\0junk", 30),
       "csv: line 1: control character U+0000 at offset 26 of the line"},
  };
  for (const std::string& bad : bad_utf8())
    cases.push_back({"2030-01-01,off," + bad + ",2030\n", "csv"});
  for (const Case& c : cases) {
    SCOPED_TRACE(printable(c.csv));
    EXPECT_FZ_ERR(fz_calendar_load(db_, c.csv.data(), c.csv.size()), FZ_E_ARGUMENT, c.mention);
  }
  expect_unchanged();
  std::int32_t w = 4242;
  EXPECT_FZ_ERR(fz_calendar_is_working_day(db_, "2030-01-01", &w), FZ_E_ARGUMENT, "2030");
  EXPECT_EQ(w, 4242);
}

// A schedule is text: NUL or another C0 control character (but tab) anywhere
// on a line refuses the whole load, naming the line, whether the CSV comes
// as a buffer or a file; nothing of the good lines is kept.
TEST_F(Abi, CalendarCsvWithControlCharactersIsRefusedNamingTheLine) {
  const std::string header = "date,kind,holiday,schedule_year\n2027-01-01,off,元旦,2027\n";
  struct Case {
    std::string csv, message;
  };
  const std::vector<Case> cases = {
      {header + std::string("2027-01-02,off,元旦\0,2027\n", 28),
       "csv: line 3: control character U+0000 at offset 21 of the line"},
      {header + "2027-01-03\x01,off,元旦,2027\n",
       "csv: line 3: control character U+0001 at offset 10 of the line"},
      {header + "\n2027-01-03,off,元旦,2027\x0b\r\n",
       "csv: line 4: control character U+000B at offset 26 of the line"},
      {header + "2027-01-03,off,元\r旦,2027\n",
       "csv: line 3: control character U+000D at offset 18 of the line"},
      {std::string("\0", 1) + header, "csv: line 1: control character U+0000 at offset 0"},
  };
  TempDir dir;
  for (const Case& c : cases) {
    SCOPED_TRACE(printable(c.csv));
    EXPECT_FZ_ERR(fz_calendar_load(db_, c.csv.data(), c.csv.size()), FZ_E_ARGUMENT, c.message);
    const std::string path = dir.file("schedule.csv");
    {
      std::FILE* f = std::fopen(path.c_str(), "wb");
      ASSERT_NE(f, nullptr);
      std::fwrite(c.csv.data(), 1, c.csv.size(), f);
      std::fclose(f);
    }
    char* out = kSentinel;
    EXPECT_FZ_ERR(fz_calendar_load_file(db_, path.c_str(), &out), FZ_E_ARGUMENT, c.message);
    EXPECT_EQ(out, kSentinel);
  }
  char* out = nullptr;
  ASSERT_FZ_OK(fz_calendar_years(db_, &out));
  const json years = json::parse(take(out));  // kept alive for the loop
  for (const json& year : years.at("official"))
    EXPECT_NE(year.at("year"), 2027) << "a refused load stored its year";
  expect_unchanged();
  // A tab is a blank, and CRLF line ends are line ends.
  const std::string good = "2027-01-01,\toff\t,元旦,2027\r\n";
  ASSERT_FZ_OK(fz_calendar_load(db_, good.data(), good.size()));
}

// A schedule loaded inside a host transaction that is rolled back is gone
// from the handle as it is from the file: its year is without a schedule
// again. Found by tests/fuzz/calendar_csv_fuzz: the handle kept answering by
// the rolled-back schedule (and fz_calendar_years listed its year as built
// in) until it was closed.
TEST_F(Abi, CalendarLoadRolledBackLeavesTheHandlesCalendarAsItWas) {
  char* out = nullptr;
  ASSERT_FZ_OK(fz_calendar_years(db_, &out));
  const std::string years = take(out);
  const std::string csv = "2030-01-01,off,元旦,2030\n";
  std::int32_t working = -1;
  ASSERT_FZ_OK(fz_begin(db_));
  ASSERT_FZ_OK(fz_calendar_load(db_, csv.data(), csv.size()));
  ASSERT_FZ_OK(fz_calendar_is_working_day(db_, "2030-01-01", &working));
  EXPECT_EQ(working, 0);
  ASSERT_FZ_OK(fz_rollback(db_));
  EXPECT_FZ_ERR(fz_calendar_is_working_day(db_, "2030-01-01", &working), FZ_E_ARGUMENT, "2030");
  ASSERT_FZ_OK(fz_calendar_years(db_, &out));
  EXPECT_EQ(take(out), years);
  expect_unchanged();
  // Committed, it stays.
  ASSERT_FZ_OK(fz_begin(db_));
  ASSERT_FZ_OK(fz_calendar_load(db_, csv.data(), csv.size()));
  ASSERT_FZ_OK(fz_commit(db_));
  working = -1;
  ASSERT_FZ_OK(fz_calendar_is_working_day(db_, "2030-01-01", &working));
  EXPECT_EQ(working, 0);
}

// A schedule year of 20 digits is refused like any other bad year (run in a
// child process: reading it must not overflow, which UBSan would abort on).
TEST_F(Abi, CalendarLoadRefusesAHugeScheduleYear) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  const std::string csv = "2030-01-01,off,元旦,99999999999999999999\n";
  EXPECT_EXIT(
      {
        const fz_status st = fz_calendar_load(db_, csv.data(), csv.size());
        const std::string msg = fz_last_error();
        std::fprintf(stderr, "status %d: %s\n", static_cast<int>(st), msg.c_str());
        std::_Exit(st == FZ_E_ARGUMENT && msg.find("schedule_year") != std::string::npos ? 0
                                                                                          : 1);
      },
      testing::ExitedWithCode(0), "");
  expect_unchanged();
}

TEST_F(Abi, CalendarQueriesRefuseBadDatesAndLeaveOutputsAlone) {
  std::int32_t w = 4242, n = 4242;
  char buf[16];
  std::memset(buf, 'Z', sizeof buf);
  const auto untouched = [&] {
    for (char c : buf)
      if (c != 'Z') return false;
    return true;
  };

  EXPECT_FZ_ERR(fz_calendar_is_working_day(db_, nullptr, &w), FZ_E_ARGUMENT, "date");
  EXPECT_FZ_ERR(fz_calendar_is_working_day(db_, "2024-02-04", nullptr), FZ_E_ARGUMENT,
                "out_bool");
  EXPECT_FZ_ERR(fz_calendar_add_working_days(db_, nullptr, 1, buf), FZ_E_ARGUMENT, "date");
  EXPECT_FZ_ERR(fz_calendar_add_working_days(db_, "2023-09-28", 1, nullptr), FZ_E_ARGUMENT,
                "out_date");
  EXPECT_FZ_ERR(fz_calendar_working_days_between(db_, nullptr, "2023-10-08", &n), FZ_E_ARGUMENT,
                "from");
  EXPECT_FZ_ERR(fz_calendar_working_days_between(db_, "2023-09-28", nullptr, &n), FZ_E_ARGUMENT,
                "to");
  EXPECT_FZ_ERR(fz_calendar_working_days_between(db_, "2023-09-28", "2023-10-08", nullptr),
                FZ_E_ARGUMENT, "out_n");

  std::vector<std::string> bad_dates = {"",           "2023-13-01", "2023-00-10", "2023-02-29",
                                        "2023-04-31", "2023-01-00", "20230101",   "2023/01/01",
                                        "2023-1-1",   "23-01-01",   "2023-01-01T00:00:00",
                                        " 2023-01-01", "2023-01-0a", "-023-01-01", "+2023-01-1",
                                        "1899-12-31", "0000-01-01", "明天"};
  for (const std::string& bad : bad_utf8()) bad_dates.push_back(bad);
  for (const std::string& d : bad_dates) {
    SCOPED_TRACE(printable(d));
    EXPECT_FZ_ERR(fz_calendar_is_working_day(db_, d.c_str(), &w), FZ_E_ARGUMENT, "date");
    EXPECT_FZ_ERR(fz_calendar_add_working_days(db_, d.c_str(), 1, buf), FZ_E_ARGUMENT, "date");
    EXPECT_FZ_ERR(fz_calendar_add_working_days(db_, d.c_str(), 0, buf), FZ_E_ARGUMENT, "date");
    EXPECT_FZ_ERR(fz_calendar_working_days_between(db_, d.c_str(), "2023-10-08", &n),
                  FZ_E_ARGUMENT, "from");
    EXPECT_FZ_ERR(fz_calendar_working_days_between(db_, "2023-09-28", d.c_str(), &n),
                  FZ_E_ARGUMENT, "to");
  }

  // Years without a schedule: named, never guessed.
  EXPECT_FZ_ERR(fz_calendar_is_working_day(db_, "2099-01-05", &w), FZ_E_ARGUMENT, "2099");
  EXPECT_FZ_ERR(fz_calendar_is_working_day(db_, "1990-01-05", &w), FZ_E_ARGUMENT, "1990");
  EXPECT_FZ_ERR(fz_calendar_is_working_day(db_, "9999-12-31", &w), FZ_E_ARGUMENT, "9999");
  EXPECT_FZ_ERR(fz_calendar_working_days_between(db_, "2023-01-01", "2099-01-01", &n),
                FZ_E_ARGUMENT, "2027");
  EXPECT_FZ_ERR(fz_calendar_working_days_between(db_, "2099-01-01", "2023-01-01", &n),
                FZ_E_ARGUMENT, "2027");
  EXPECT_FZ_ERR(fz_calendar_working_days_between(db_, "1900-01-01", "2023-01-01", &n),
                FZ_E_ARGUMENT, "1900");
  EXPECT_FZ_ERR(fz_calendar_working_days_between(db_, "1900-01-01", "9999-12-31", &n),
                FZ_E_ARGUMENT, "1900");

  // Huge and negative n run into the first year without a schedule quickly.
  EXPECT_FZ_ERR(fz_calendar_add_working_days(db_, "2023-09-28",
                                             std::numeric_limits<std::int32_t>::max(), buf),
                FZ_E_ARGUMENT, "2027");
  EXPECT_FZ_ERR(fz_calendar_add_working_days(db_, "2023-09-28",
                                             std::numeric_limits<std::int32_t>::min(), buf),
                FZ_E_ARGUMENT, "2003");
  EXPECT_FZ_ERR(fz_calendar_add_working_days(db_, "2026-12-31", 1, buf), FZ_E_ARGUMENT, "2027");
  EXPECT_FZ_ERR(fz_calendar_add_working_days(db_, "2004-01-02", -2, buf), FZ_E_ARGUMENT, "2003");
  EXPECT_FZ_ERR(fz_calendar_add_working_days(db_, "9999-12-31", 1, buf), FZ_E_ARGUMENT, "date");
  EXPECT_FZ_ERR(fz_calendar_add_working_days(db_, "9999-12-31",
                                             std::numeric_limits<std::int32_t>::max(), buf),
                FZ_E_ARGUMENT, "date");
  EXPECT_FZ_ERR(fz_calendar_add_working_days(db_, "1900-01-01",
                                             std::numeric_limits<std::int32_t>::min(), buf),
                FZ_E_ARGUMENT, "date");

  EXPECT_EQ(w, 4242);
  EXPECT_EQ(n, 4242);
  EXPECT_TRUE(untouched()) << "out_date was written on failure";

  // The edge that succeeds writes exactly 11 bytes.
  ASSERT_FZ_OK(fz_calendar_add_working_days(db_, "2023-09-28", 0, buf));
  EXPECT_EQ(std::memcmp(buf, "2023-09-28", 11), 0);
  for (std::size_t i = 11; i < sizeof buf; ++i) EXPECT_EQ(buf[i], 'Z') << "byte " << i;
  expect_unchanged();
}

}  // namespace
