// period.cpp — parsing reporting periods.
//
// Every form starts with a four-digit year; what follows decides the form.
// Errors say which part is wrong ("quarter must be Q1-Q4") rather than only
// "bad period", because the text usually comes from a person filling in a
// report request.

#include <fazhi/error.hpp>
#include <fazhi/period.hpp>

#include "quote.hpp"

#include <cstdio>
#include <stdexcept>

namespace fazhi {

namespace {

using Days = boost::gregorian::days;

constexpr const char* kForms =
    "expected a period: 2022, 2022H1, 2022Q3, 2022-07, 2022W05 or "
    "2022-01-01/2022-06-30";

[[noreturn]] void fail(std::string_view text, const std::string& why) {
  throw Error(Status::argument, "period", quote(text) + ": " + why);
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string two_digits(int v) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%02d", v);
  return buf;
}

Date make_date(int year, int month, int day) {
  return Date(static_cast<unsigned short>(year),
              static_cast<unsigned short>(month),
              static_cast<unsigned short>(day));
}

Date end_of_month(int year, int month) {
  return make_date(year, month, 1).end_of_month();
}

// Monday of ISO week 1: the week holding 4 January (equivalently, the first
// Thursday), which may begin in the previous December.
Date iso_week_one(int year) {
  const Date jan4 = make_date(year, 1, 4);
  const int from_monday = (jan4.day_of_week().as_number() + 6) % 7;
  return jan4 - Days(from_monday);
}

// 28 December always lies in the last ISO week of its year.
int iso_weeks_in(int year) { return make_date(year, 12, 28).week_number(); }

}  // namespace

Period Period::parse(std::string_view text) {
  if (text.size() < 4 || !all_digits(text.substr(0, 4))) fail(text, kForms);
  const int year = to_int(text.substr(0, 4));
  const std::string year_text(text.substr(0, 4));
  const std::string_view rest = text.substr(4);

  // A range is checked first: its first date carries its own year, which the
  // date parser validates with a better message than ours.
  const size_t slash = text.find('/');
  if (slash != std::string_view::npos) {
    const std::string_view a = text.substr(0, slash);
    const std::string_view b = text.substr(slash + 1);
    Date first, last;
    try {
      first = parse_date(a, "");
      last = parse_date(b, "");
    } catch (const Error& e) {
      fail(text, std::string(e.what()) +
                     " (a range is YYYY-MM-DD/YYYY-MM-DD, both days included)");
    }
    if (last < first) {
      fail(text, "the first day " + format_date(first) + " is after the last " +
                     format_date(last));
    }
    return Period(Form::range, first, last,
                  format_date(first) + "/" + format_date(last));
  }

  if (year < 1900) fail(text, "year must be 1900-9999");

  if (rest.empty()) {
    return Period(Form::year, make_date(year, 1, 1), make_date(year, 12, 31),
                  year_text);
  }

  const char kind = rest[0];
  const std::string_view number = rest.substr(1);

  if (kind == 'H') {
    if (number != "1" && number != "2") fail(text, "half must be H1 or H2");
    const int h = to_int(number);
    return Period(Form::half, make_date(year, h == 1 ? 1 : 7, 1),
                  h == 1 ? make_date(year, 6, 30) : make_date(year, 12, 31),
                  year_text + "H" + std::string(number));
  }

  if (kind == 'Q') {
    if (number.size() != 1 || number[0] < '1' || number[0] > '4') {
      fail(text, "quarter must be Q1-Q4");
    }
    const int q = to_int(number);
    const int first_month = (q - 1) * 3 + 1;
    return Period(Form::quarter, make_date(year, first_month, 1),
                  end_of_month(year, first_month + 2),
                  year_text + "Q" + std::string(number));
  }

  if (kind == '-') {
    if (number.size() != 2 || !all_digits(number)) {
      fail(text, std::string("a month is written YYYY-MM; ") + kForms);
    }
    const int month = to_int(number);
    if (month < 1 || month > 12) fail(text, "month must be 01-12");
    return Period(Form::month, make_date(year, month, 1),
                  end_of_month(year, month),
                  year_text + "-" + std::string(number));
  }

  if (kind == 'W') {
    if (number.size() != 2 || !all_digits(number)) {
      fail(text, "an ISO week is written YYYYWww, W01-W53");
    }
    const int week = to_int(number);
    if (week < 1 || week > 53) fail(text, "week must be W01-W53");
    const int weeks = iso_weeks_in(year);
    if (week > weeks) {
      fail(text, year_text + " has " + std::to_string(weeks) + " ISO weeks");
    }
    const Date first = iso_week_one(year) + Days(7 * (week - 1));
    const Date last = first + Days(6);
    try {
      // The last weeks of 9999 end in year 10000, which boost cannot
      // represent: its date arithmetic succeeds but year() then throws.
      (void)last.year();
    } catch (const std::out_of_range&) {
      fail(text, "the week ends after 9999-12-31");
    }
    return Period(Form::week, first, last, year_text + "W" + two_digits(week));
  }

  fail(text, kForms);
}

int Period::days() const { return static_cast<int>((last_ - first_).days()) + 1; }

Period Period::previous() const {
  const int year = first_.year();
  const int month = first_.month();
  switch (form_) {
    case Form::year:
      return parse(std::to_string(year - 1));
    case Form::half:
      return parse(month == 1 ? std::to_string(year - 1) + "H2" : std::to_string(year) + "H1");
    case Form::quarter:
      return parse(month == 1 ? std::to_string(year - 1) + "Q4"
                              : std::to_string(year) + "Q" + std::to_string((month - 1) / 3));
    case Form::month:
      return parse(month == 1 ? std::to_string(year - 1) + "-12"
                              : std::to_string(year) + "-" + two_digits(month - 1));
    case Form::week: {
      // The ISO year of a week is the year of its Thursday.
      const Date thursday = first_ - Days(7) + Days(3);
      return parse(std::to_string(thursday.year()) + "W" + two_digits(thursday.week_number()));
    }
    case Form::range:
      break;
  }
  // As every other form's (parse refuses 1899), the range before must start
  // in 1900 or later: a range that parse would refuse is no period, and one
  // reaching below boost's year 1400 cannot even be written.
  const Date last = first_ - Days(1);
  if ((last - make_date(1900, 1, 1)).days() < days() - 1)
    fail(text_, "the period of the same length before it would start before 1900-01-01");
  const Date first = last - Days(days() - 1);
  return Period(Form::range, first, last, format_date(first) + "/" + format_date(last));
}

}  // namespace fazhi
