// date_test.cpp — parse_date accepts exactly "YYYY-MM-DD" and reports every
// other input as fazhi::Error naming the field.

#include <fazhi/date.hpp>
#include <fazhi/error.hpp>

#include <gtest/gtest.h>

#include <string>

namespace fazhi {
namespace {

using boost::gregorian::days;

// Runs parse_date expecting failure; returns the Error so callers can look
// at the message.
Error parse_failure(const std::string& text, const std::string& field = "date") {
  try {
    parse_date(text, field);
  } catch (const Error& e) {
    return e;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "\"" << text << "\" threw a non-fazhi exception: " << e.what();
    return Error(Status::internal, "wrong exception type");
  }
  ADD_FAILURE() << "\"" << text << "\" was accepted";
  return Error(Status::internal, "accepted");
}

TEST(ParseDate, AcceptsIsoDates) {
  const Date d = parse_date("2023-10-07");
  EXPECT_EQ(d.year(), 2023);
  EXPECT_EQ(d.month(), 10);
  EXPECT_EQ(d.day(), 7);
  EXPECT_EQ(parse_date("2024-02-29"), Date(2024, 2, 29));  // leap year
  EXPECT_EQ(parse_date("2000-02-29"), Date(2000, 2, 29));  // 400-year rule
  EXPECT_EQ(parse_date("2023-12-31"), Date(2023, 12, 31));
}

TEST(ParseDate, AcceptsTheYearBounds) {
  EXPECT_EQ(parse_date("1900-01-01"), Date(1900, 1, 1));
  EXPECT_EQ(parse_date("9999-12-31"), Date(9999, 12, 31));
}

TEST(ParseDate, RejectsDaysThatDoNotExist) {
  const Error e = parse_failure("2023-02-29");
  EXPECT_EQ(e.status(), Status::argument);
  EXPECT_EQ(e.field(), "date");
  EXPECT_NE(std::string(e.what()).find("2023-02-29"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find("28 days"), std::string::npos) << e.what();

  parse_failure("1900-02-29");  // 1900 is not a leap year
  parse_failure("2023-04-31");
  parse_failure("2023-01-32");
  parse_failure("2023-01-00");
  parse_failure("2023-00-10");
  const Error month = parse_failure("2023-13-01");
  EXPECT_NE(std::string(month.what()).find("month"), std::string::npos) << month.what();
}

TEST(ParseDate, RejectsOtherShapes) {
  for (const char* text :
       {"", "2023-2-1", "2023-02-1", " 2023-01-01", "2023-01-01 ",
        "2023-01-01T00:00", "2023/01/01", "20230101", "23-01-01",
        "2023-01-1a", "+023-01-01", "2023-01-01\n", "2023_01_01",
        "\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x93-01-01"}) {
    const Error e = parse_failure(text);
    EXPECT_EQ(e.status(), Status::argument) << text;
    EXPECT_NE(std::string(e.what()).find("expected a date YYYY-MM-DD"),
              std::string::npos)
        << e.what();
  }
}

TEST(ParseDate, RejectsYearsOutside1900To9999) {
  for (const char* text : {"1899-12-31", "0000-01-01", "1400-01-01"}) {
    const Error e = parse_failure(text);
    EXPECT_NE(std::string(e.what()).find("1900-9999"), std::string::npos)
        << e.what();
  }
}

TEST(ParseDate, NamesTheField) {
  const Error e = parse_failure("2023-2-1", "received");
  EXPECT_EQ(e.status(), Status::argument);
  EXPECT_EQ(e.field(), "received");
  EXPECT_EQ(std::string(e.what()),
            "received: '2023-2-1': expected a date YYYY-MM-DD");
}

TEST(ParseDate, BoundsLongInputInTheMessage) {
  const std::string junk(5000, 'x');
  const Error e = parse_failure(junk);
  // The first 200 bytes, and the length of the whole.
  EXPECT_EQ(std::string(e.what()),
            "date: '" + std::string(200, 'x') + "…' (5000 bytes): expected a date YYYY-MM-DD");
}

TEST(FormatDate, WritesIso) {
  EXPECT_EQ(format_date(Date(2023, 1, 5)), "2023-01-05");
  EXPECT_EQ(format_date(Date(1900, 1, 1)), "1900-01-01");
  EXPECT_EQ(format_date(Date(9999, 12, 31)), "9999-12-31");
}

TEST(FormatDate, RoundTripsEveryDayOfThreeYears) {
  for (Date d(1999, 1, 1); d <= Date(2001, 12, 31); d += days(1)) {
    ASSERT_EQ(parse_date(format_date(d)), d);
  }
}

TEST(FormatDate, RefusesValuesThatAreNotDays) {
  EXPECT_THROW(format_date(Date(boost::gregorian::not_a_date_time)), Error);
  EXPECT_THROW(format_date(Date(boost::gregorian::pos_infin)), Error);
  // Past 9999-12-31 boost yields a date whose year it refuses to compute.
  EXPECT_THROW(format_date(Date(9999, 12, 31) + days(1)), Error);
}

}  // namespace
}  // namespace fazhi
