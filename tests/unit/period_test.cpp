// period_test.cpp — every period form's bounds, its canonical text, and the
// rejection of everything else with a message saying what is wrong.

#include <fazhi/error.hpp>
#include <fazhi/period.hpp>

#include "utf8.hpp"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>

namespace fazhi {
namespace {

using boost::gregorian::days;

Date D(const char* text) { return parse_date(text); }

// Checks form, bounds, text and that contains() holds exactly on
// [first, last].
void expect_period(const char* text, Period::Form form, const char* first,
                   const char* last, const char* canonical, int day_count) {
  SCOPED_TRACE(text);
  const Period p = Period::parse(text);
  EXPECT_EQ(p.form(), form);
  EXPECT_EQ(p.first(), D(first));
  EXPECT_EQ(p.last(), D(last));
  EXPECT_EQ(p.text(), canonical);
  EXPECT_EQ(p.days(), day_count);
  EXPECT_TRUE(p.contains(D(first)));
  EXPECT_TRUE(p.contains(D(last)));
  EXPECT_FALSE(p.contains(D(first) - days(1)));
  EXPECT_FALSE(p.contains(D(last) + days(1)));
  // The canonical text parses back to the same period.
  const Period again = Period::parse(p.text());
  EXPECT_EQ(again.first(), p.first());
  EXPECT_EQ(again.last(), p.last());
}

void expect_rejected(const std::string& text,
                     std::initializer_list<const char*> needles) {
  SCOPED_TRACE(text);
  try {
    Period::parse(text);
    ADD_FAILURE() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), Status::argument);
    EXPECT_EQ(e.field(), "period");
    const std::string what = e.what();
    EXPECT_EQ(what.rfind("period: ", 0), 0u) << what;
    for (const char* needle : needles) {
      EXPECT_NE(what.find(needle), std::string::npos)
          << "\"" << what << "\" lacks \"" << needle << "\"";
    }
  } catch (const std::exception& e) {
    ADD_FAILURE() << "non-fazhi exception: " << e.what();
  }
}

using F = Period::Form;

TEST(PeriodParse, Year) {
  expect_period("2022", F::year, "2022-01-01", "2022-12-31", "2022", 365);
  expect_period("2024", F::year, "2024-01-01", "2024-12-31", "2024", 366);
  expect_period("1900", F::year, "1900-01-01", "1900-12-31", "1900", 365);
  expect_period("9999", F::year, "9999-01-01", "9999-12-31", "9999", 365);
}

TEST(PeriodParse, Half) {
  expect_period("2022H1", F::half, "2022-01-01", "2022-06-30", "2022H1", 181);
  expect_period("2022H2", F::half, "2022-07-01", "2022-12-31", "2022H2", 184);
  expect_period("2024H1", F::half, "2024-01-01", "2024-06-30", "2024H1", 182);
}

TEST(PeriodParse, Quarter) {
  expect_period("2022Q1", F::quarter, "2022-01-01", "2022-03-31", "2022Q1", 90);
  expect_period("2022Q2", F::quarter, "2022-04-01", "2022-06-30", "2022Q2", 91);
  expect_period("2022Q3", F::quarter, "2022-07-01", "2022-09-30", "2022Q3", 92);
  expect_period("2022Q4", F::quarter, "2022-10-01", "2022-12-31", "2022Q4", 92);
  expect_period("2024Q1", F::quarter, "2024-01-01", "2024-03-31", "2024Q1", 91);
}

TEST(PeriodParse, Month) {
  expect_period("2022-07", F::month, "2022-07-01", "2022-07-31", "2022-07", 31);
  expect_period("2022-01", F::month, "2022-01-01", "2022-01-31", "2022-01", 31);
  expect_period("2022-12", F::month, "2022-12-01", "2022-12-31", "2022-12", 31);
  expect_period("2023-02", F::month, "2023-02-01", "2023-02-28", "2023-02", 28);
  expect_period("2024-02", F::month, "2024-02-01", "2024-02-29", "2024-02", 29);
  expect_period("2022-04", F::month, "2022-04-01", "2022-04-30", "2022-04", 30);
}

TEST(PeriodParse, IsoWeek) {
  // 2022-01-03 is the Monday of the week holding 4 January.
  expect_period("2022W01", F::week, "2022-01-03", "2022-01-09", "2022W01", 7);
  expect_period("2022W05", F::week, "2022-01-31", "2022-02-06", "2022W05", 7);
  expect_period("2022W52", F::week, "2022-12-26", "2023-01-01", "2022W52", 7);
  // Week 1 starting in the previous December.
  expect_period("2020W01", F::week, "2019-12-30", "2020-01-05", "2020W01", 7);
  expect_period("2009W01", F::week, "2008-12-29", "2009-01-04", "2009W01", 7);
  // 1 January 2021 (a Friday) belongs to 2020W53, so 2021W01 starts 01-04.
  expect_period("2021W01", F::week, "2021-01-04", "2021-01-10", "2021W01", 7);
  // Years with 53 weeks: Thursday 1 January (2015, 2026), or a leap year
  // starting on Wednesday (2020).
  expect_period("2020W53", F::week, "2020-12-28", "2021-01-03", "2020W53", 7);
  expect_period("2015W53", F::week, "2015-12-28", "2016-01-03", "2015W53", 7);
  expect_period("2026W53", F::week, "2026-12-28", "2027-01-03", "2026W53", 7);
  expect_period("1900W01", F::week, "1900-01-01", "1900-01-07", "1900W01", 7);
  // Every week starts on a Monday.
  EXPECT_EQ(Period::parse("2022W05").first().day_of_week(),
            boost::date_time::Monday);
}

TEST(PeriodParse, Range) {
  expect_period("2022-01-01/2022-06-30", F::range, "2022-01-01", "2022-06-30",
                "2022-01-01/2022-06-30", 181);
  expect_period("2022-03-01/2022-03-01", F::range, "2022-03-01", "2022-03-01",
                "2022-03-01/2022-03-01", 1);
  expect_period("2021-12-15/2022-01-15", F::range, "2021-12-15", "2022-01-15",
                "2021-12-15/2022-01-15", 32);
}

TEST(PeriodReject, UnknownShapes) {
  for (const char* text :
       {"", "22", "202", "20220", "2022 ", " 2022", "2022X1", "2022q1",
        "2022h1", "2022w05", "2022-07-01", "Q1-2022", "2022年"}) {
    expect_rejected(text, {"expected a period"});
  }
}

TEST(PeriodReject, Year) {
  expect_rejected("1899", {"1900-9999"});
  expect_rejected("0000Q1", {"1900-9999"});
}

TEST(PeriodReject, Half) {
  expect_rejected("2022H3", {"H1 or H2"});
  expect_rejected("2022H0", {"H1 or H2"});
  expect_rejected("2022H", {"H1 or H2"});
  expect_rejected("2022H12", {"H1 or H2"});
}

TEST(PeriodReject, Quarter) {
  expect_rejected("2022Q5", {"2022Q5", "quarter must be Q1-Q4"});
  expect_rejected("2022Q0", {"Q1-Q4"});
  expect_rejected("2022Q", {"Q1-Q4"});
  expect_rejected("2022Q12", {"Q1-Q4"});
}

TEST(PeriodReject, Month) {
  expect_rejected("2022-13", {"month must be 01-12"});
  expect_rejected("2022-00", {"month must be 01-12"});
  expect_rejected("2022-7", {"YYYY-MM"});
  expect_rejected("2022-1a", {"YYYY-MM"});
}

TEST(PeriodReject, Week) {
  expect_rejected("2021W53", {"2021 has 52 ISO weeks"});
  expect_rejected("2022W53", {"2022 has 52 ISO weeks"});
  expect_rejected("2022W00", {"W01-W53"});
  expect_rejected("2022W54", {"W01-W53"});
  expect_rejected("2022W5", {"YYYYWww"});
  expect_rejected("2022W005", {"YYYYWww"});
  // 9999W52 would end on 10000-01-02.
  expect_rejected("9999W52", {"9999-12-31"});
}

TEST(PeriodReject, Range) {
  expect_rejected("2022-06-30/2022-01-01", {"2022-06-30", "after"});
  expect_rejected("2022-02-30/2022-03-01", {"2022-02-30", "YYYY-MM-DD"});
  expect_rejected("2022-01-01/2022-6-30", {"2022-6-30"});
  expect_rejected("2022-01-01/", {"YYYY-MM-DD"});
  expect_rejected("2022/07", {"YYYY-MM-DD"});
  expect_rejected("2022-01-01/2022-06-30/2022-07-01", {"YYYY-MM-DD"});
  expect_rejected("2022-01-01 / 2022-06-30", {"YYYY-MM-DD"});
  expect_rejected("1899-12-31/2022-01-01", {"1900-9999"});
}

TEST(PeriodReject, LongInputIsCutInTheMessage) {
  const std::string junk = "2022" + std::string(4000, 'Z');
  try {
    Period::parse(junk);
    ADD_FAILURE() << "accepted";
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind("period: '2022" + std::string(196, 'Z') + "…' (4004 bytes): ", 0), 0u)
        << message;
    EXPECT_LT(message.size(), 400u);
  }
}

TEST(PeriodPrevious, IsThePeriodJustBeforeOfTheSameForm) {
  for (const auto& [text, before] : std::initializer_list<std::pair<const char*, const char*>>{
           {"2022", "2021"},
           {"2022H1", "2021H2"},
           {"2022H2", "2022H1"},
           {"2022Q1", "2021Q4"},
           {"2022-01", "2021-12"},
           {"2021W01", "2020W53"},
           {"2022-03-01/2022-03-10", "2022-02-19/2022-02-28"},
           {"1900-01-02/1900-01-02", "1900-01-01/1900-01-01"},
       }) {
    SCOPED_TRACE(text);
    EXPECT_EQ(Period::parse(text).previous().text(), before);
  }
}

// No period starts before 1900: each form's previous() refuses one alike,
// naming the period. Found by tests/fuzz/period_fuzz: the range before
// 2024-02-29/8052-03-01 was refused as a "date" outside the years 1400-9999,
// and a range before one starting in 1900 was a range parse refuses.
TEST(PeriodPrevious, NoPeriodStartsBefore1900) {
  for (const char* text : {"1900", "1900H1", "1900Q1", "1900-01", "1900W01",
                           "1900-01-01/1900-12-31", "1900-06-01/1900-12-31",
                           "2024-02-29/8052-03-01"}) {
    SCOPED_TRACE(text);
    try {
      Period::parse(text).previous();
      ADD_FAILURE() << "has a previous period";
    } catch (const Error& e) {
      EXPECT_EQ(e.status(), Status::argument);
      EXPECT_EQ(e.field(), "period") << e.what();
    }
  }
}

// The C ABI refuses a period that is not UTF-8 before parsing it; a C++
// host's string reaches the parser as it is. The message (UTF-8, as every
// message is) shows those bytes escaped. Found by tests/fuzz/period_fuzz.
TEST(PeriodReject, BytesThatAreNotUtf8AreEscapedInTheMessage) {
  expect_rejected("10\xFF\xFF\xFF" "90", {"'10\\xFF\\xFF\\xFF90'"});
  expect_rejected("2022Q\xE4\xB8", {"'2022Q\\xE4\\xB8'"});
  for (const char* text : {"10\xFF\xFF\xFF" "90", "2022Q\xE4\xB8", "2022-01-01/\xC0\xAF"}) {
    try {
      Period::parse(text);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_TRUE(is_valid_utf8(e.what())) << e.what();
    }
  }
}

}  // namespace
}  // namespace fazhi
