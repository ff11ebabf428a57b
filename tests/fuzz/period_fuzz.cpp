// period_fuzz.cpp — the period parser (fazhi::Period::parse, C++ API: the C
// ABI takes periods only inside other calls).
//
// Invariants, for any text:
//   * parse returns or throws fazhi::Error with status argument, field
//     "period" and a bounded UTF-8 message; nothing else escapes it;
//   * what it returns is well formed: first <= last, days() counts them, the
//     form's shape holds (a year 365 or 366 days, a half or quarter or month
//     starting on its first day, a week Monday to Sunday, 7 days);
//   * the text it accepts is already canonical: text() == the input, and
//     parsing text() gives the same period;
//   * previous() is the period just before, of the same form and, for a range
//     or a week, of the same length, and one parse() accepts; or, when that
//     would start before 1900 (the first year fazhi takes), the same kind of
//     Error.
#include "fuzz_check.hpp"

#include <fazhi/error.hpp>
#include <fazhi/period.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

using fazhi::Period;
using fazhi_fuzz::broken;

namespace {

void check_error(const std::string& input, const fazhi::Error& e) {
  FUZZ_CHECK(e.status() == fazhi::Status::argument, input + " -> " + e.what());
  FUZZ_CHECK(e.field() == "period", input + " -> " + e.what());
  fazhi_fuzz::check_message("Period::parse(" + input + ")", e.what());
}

void check_shape(const std::string& input, const Period& p) {
  const std::string about = input + " -> " + fazhi::format_date(p.first()) + "/" +
                            fazhi::format_date(p.last()) + " (" + p.text() + ")";
  FUZZ_CHECK(p.first() <= p.last(), about);
  FUZZ_CHECK(p.days() == (p.last() - p.first()).days() + 1, about);
  FUZZ_CHECK(p.contains(p.first()) && p.contains(p.last()), about);
  const auto& f = p.first();
  switch (p.form()) {
    case Period::Form::year:
      FUZZ_CHECK(f.month() == 1 && f.day() == 1 && (p.days() == 365 || p.days() == 366), about);
      break;
    case Period::Form::half:
      FUZZ_CHECK((f.month() == 1 || f.month() == 7) && f.day() == 1, about);
      FUZZ_CHECK(p.last().year() == f.year() && p.days() >= 181 && p.days() <= 184, about);
      break;
    case Period::Form::quarter:
      FUZZ_CHECK(f.month() % 3 == 1 && f.day() == 1 && p.last().month() == f.month() + 2, about);
      FUZZ_CHECK(p.last() == p.last().end_of_month(), about);
      break;
    case Period::Form::month:
      FUZZ_CHECK(f.day() == 1 && p.last() == f.end_of_month(), about);
      break;
    case Period::Form::week:
      FUZZ_CHECK(f.day_of_week() == boost::date_time::Monday && p.days() == 7, about);
      break;
    case Period::Form::range:
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(fazhi_fuzz::as_text(data, size));
  std::optional<Period> parsed;
  try {
    parsed = Period::parse(input);
  } catch (const fazhi::Error& e) {
    check_error(input, e);
    return 0;
  }
  const Period& p = *parsed;
  check_shape(input, p);
  FUZZ_CHECK(p.text() == input, input + " is accepted as " + p.text());
  const Period again = Period::parse(p.text());
  FUZZ_CHECK(again.first() == p.first() && again.last() == p.last() && again.form() == p.form() &&
                 again.text() == p.text(),
             input);

  std::optional<Period> before;
  try {
    before = p.previous();
  } catch (const fazhi::Error& e) {
    // Only a period near the start of 1900 has no period before it: for a
    // range or a week, one of the same length would start before 1900.
    const bool same_length = p.form() == Period::Form::range || p.form() == Period::Form::week;
    const long since_1900 = (p.first() - fazhi::Date(1900, 1, 1)).days();
    FUZZ_CHECK(same_length ? since_1900 < p.days() : p.first().year() == 1900,
               input + " has no previous period: " + e.what());
    check_error(input, e);
    return 0;
  }
  check_shape(input + " (previous)", *before);
  // What previous() gives is a period parse() accepts.
  const Period reparsed = Period::parse(before->text());
  FUZZ_CHECK(reparsed.first() == before->first() && reparsed.last() == before->last(),
             input + " -> previous " + before->text());
  FUZZ_CHECK(before->form() == p.form(), input + " -> previous " + before->text());
  FUZZ_CHECK(before->last() + boost::gregorian::days(1) == p.first(),
             input + " -> previous " + before->text());
  if (p.form() == Period::Form::range || p.form() == Period::Form::week)
    FUZZ_CHECK(before->days() == p.days(), input + " -> previous " + before->text());
  return 0;
}
