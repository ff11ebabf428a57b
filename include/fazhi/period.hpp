// period.hpp — the reporting periods indicators are evaluated over.
//
// Forms: "2022" (year), "2022H1" / "2022H2" (half), "2022Q3" (quarter),
// "2022-07" (month), "2022W05" (ISO 8601 week, Monday to Sunday), and an
// explicit inclusive range "2022-01-01/2022-06-30".
#pragma once

#include <fazhi/date.hpp>

#include <string>
#include <string_view>

namespace fazhi {

class Period {
 public:
  enum class Form { year, half, quarter, month, week, range };

  // Throws Error(Status::argument, "period", ...) naming what is wrong, e.g.
  // "2022Q5: quarter must be 1-4" or "2021W53: 2021 has 52 ISO weeks".
  static Period parse(std::string_view text);

  Date first() const { return first_; }
  Date last() const { return last_; }
  Form form() const { return form_; }
  // The canonical text, e.g. "2022Q3".
  const std::string& text() const { return text_; }
  bool contains(Date d) const { return first_ <= d && d <= last_; }
  // Number of days, both ends included.
  int days() const;
  // The period of the same form just before this one: 2021 for 2022, 2022Q2
  // for 2022Q3, 2022W04 for 2022W05; for a range, the range of the same
  // number of days ending the day before this one starts. Throws
  // Error(Status::argument, "period", ...) when that period would start
  // before 1900 (the year 1900, a range starting in it).
  Period previous() const;

 private:
  Period(Form form, Date first, Date last, std::string text)
      : form_(form), first_(first), last_(last), text_(std::move(text)) {}

  Form form_;
  Date first_;
  Date last_;
  std::string text_;
};

}  // namespace fazhi
