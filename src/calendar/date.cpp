// date.cpp — the one textual form of a date fazhi accepts and writes.
//
// Parsing is done by hand rather than with boost::gregorian::from_string:
// boost accepts forms we must reject (single-digit months, trailing text,
// month names) and reports failure with its own exception types, which must
// never escape to the C ABI.

#include <fazhi/date.hpp>
#include <fazhi/error.hpp>

#include "quote.hpp"

#include <cstdio>
#include <stdexcept>

namespace fazhi {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Value of the `count` ASCII digits at text[pos]; -1 if any is not a digit.
int digits(std::string_view text, size_t pos, size_t count) {
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (!is_digit(text[i])) return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

Date parse_date(std::string_view text, std::string_view field) {
  // The message is built only on failure: dates are parsed on every calendar
  // call and every record, and a valid one should cost no allocation.
  auto fail = [&](const std::string& detail) -> Error {
    return Error(Status::argument, std::string(field),
                 quote(text) + ": expected a date YYYY-MM-DD" + detail);
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') throw fail("");
  const int year = digits(text, 0, 4);
  const int month = digits(text, 5, 2);
  const int day = digits(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) throw fail("");
  if (year < 1900) throw fail(" with a year 1900-9999");
  if (month < 1 || month > 12) throw fail(" (month must be 01-12)");
  // Checked before constructing so that boost never gets to throw: its
  // bad_day_of_month would otherwise be the only report of 2023-02-29.
  const int month_days = boost::gregorian::gregorian_calendar::end_of_month_day(
      static_cast<unsigned short>(year), static_cast<unsigned short>(month));
  if (day < 1 || day > month_days) {
    char detail[64];
    std::snprintf(detail, sizeof(detail), " (%04d-%02d has %d days)", year,
                  month, month_days);
    throw fail(detail);
  }
  try {
    return Date(static_cast<unsigned short>(year),
                static_cast<unsigned short>(month),
                static_cast<unsigned short>(day));
  } catch (const std::exception&) {
    // Unreachable after the checks above; kept so no boost type escapes.
    throw fail("");
  }
}

std::string format_date(Date d) {
  if (d.is_special()) {
    throw Error(Status::argument, "date",
                "not a calendar date (not-a-date-time or infinity)");
  }
  int year = 0, month = 0, day = 0;
  try {
    const auto ymd = d.year_month_day();
    year = ymd.year;
    month = ymd.month;
    day = ymd.day;
  } catch (const std::out_of_range&) {
    // Arithmetic past 9999-12-31 yields a date whose year boost refuses.
    throw Error(Status::argument, "date", "outside the supported years 1400-9999");
  }
  char buf[48];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, month, day);
  return buf;
}

}  // namespace fazhi
