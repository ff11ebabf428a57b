// calendar.cpp — China's working-day calendar.
//
// Only the listed days are stored (a few dozen a year); every other day follows
// the week. Questions are answered from the week arithmetic corrected by the
// listed days in range, so a count over years costs a map range scan, not a
// walk over every day: these calls run once per record in bulk imports.

#include <fazhi/calendar.hpp>
#include <fazhi/error.hpp>

#include "calendar/provisional_rule.hpp"
#include "quote.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <utility>

namespace fazhi::data {
// Generated from src/calendar/*.csv by cmake/EmbedText.cmake.
extern const std::string_view cn_public_holidays_csv;
extern const std::string_view cn_public_holidays_2004_2018_csv;
}  // namespace fazhi::data

namespace fazhi {

namespace {

constexpr const char* kColumnNames[] = {"date", "kind", "holiday",
                                        "schedule_year"};
constexpr int kColumns = 4;

// The year of d, or Error instead of boost's bad_year: arithmetic past
// 9999-12-31 yields a date object whose year() throws.
int year_of(Date d) {
  if (d.is_special()) {
    throw Error(Status::argument, "date",
                "not a calendar date (not-a-date-time or infinity)");
  }
  try {
    return d.year();
  } catch (const std::out_of_range&) {
    throw Error(Status::argument, "date",
                "outside the supported years 1400-9999");
  }
}

// 0 = Sunday ... 6 = Saturday, as boost numbers them.
int weekday_of(Date d) { return d.day_of_week().as_number(); }

bool is_weekday(int day_of_week) {
  return day_of_week != 0 && day_of_week != 6;
}

[[noreturn]] void throw_no_schedule(int year) {
  throw Error(Status::argument, "date",
              "no holiday schedule for " + std::to_string(year) +
                  "; load the State Council's schedule with `fazhi calendar load DB FILE` "
                  "(fz_calendar_load)");
}

[[noreturn]] void throw_no_rule(int year) {
  throw Error(Status::argument, "date",
              "no holiday schedule for " + std::to_string(year) +
                  ", and the provisional rule covers only " +
                  std::to_string(provisional::first_year()) + "-" +
                  std::to_string(provisional::last_year()));
}

bool in_provisional_range(int year) {
  return year >= provisional::first_year() && year <= provisional::last_year();
}

// A schedule lists the days of its own year plus, for a New Year holiday,
// late-December days of the year before; anything further apart is a typo.
bool schedule_year_fits(int schedule_year, int date_year) {
  return schedule_year == date_year || schedule_year == date_year + 1;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

[[noreturn]] void throw_csv(int line, int column, const std::string& message) {
  const char* name = column >= 1 && column <= kColumns
                         ? kColumnNames[column - 1]
                         : "csv";
  throw Error(Status::argument, name,
              "line " + std::to_string(line) + ", column " +
                  std::to_string(column) + ": " + message);
}

// A schedule is text: a C0 control character other than tab (NUL, most
// often, from a file saved as UTF-16 or cut short) means the file is not what
// it seems, and is refused with the line rather than read around.
void check_controls(std::string_view line, int line_no) {
  for (size_t i = 0; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c < 0x20 && c != '\t') {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", c);
      throw Error(Status::argument, "csv",
                  "line " + std::to_string(line_no) + ": control character " + code +
                      " at offset " + std::to_string(i) + " of the line");
    }
  }
}

// Splits one CSV line into fields. Quoted fields ("a,b", "say ""x""") are
// accepted because a host editing the file in a spreadsheet may quote a
// holiday name; unquoted fields are trimmed of surrounding blanks.
std::vector<std::string> split_csv_line(std::string_view line, int line_no) {
  std::vector<std::string> fields;
  size_t i = 0;
  while (true) {
    const int column = static_cast<int>(fields.size()) + 1;
    std::string field;
    size_t j = i;
    while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
    if (j < line.size() && line[j] == '"') {
      ++j;
      bool closed = false;
      while (j < line.size()) {
        if (line[j] == '"') {
          if (j + 1 < line.size() && line[j + 1] == '"') {
            field.push_back('"');
            j += 2;
            continue;
          }
          closed = true;
          ++j;
          break;
        }
        field.push_back(line[j++]);
      }
      if (!closed) throw_csv(line_no, column, "unterminated quoted field");
      while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
      if (j < line.size() && line[j] != ',') {
        throw_csv(line_no, column, "text after a closing quote");
      }
      i = j;
    } else {
      const size_t comma = line.find(',', i);
      const size_t end = comma == std::string_view::npos ? line.size() : comma;
      field = std::string(trim(line.substr(i, end - i)));
      i = end;
    }
    fields.push_back(std::move(field));
    if (i >= line.size()) break;
    ++i;  // the comma
  }
  return fields;
}

}  // namespace

const Calendar& Calendar::builtin() {
  // The two files overlap (the 2004-2018 file carries the first days of the
  // 2019 notice), so they are loaded as one batch: loading them one after the
  // other would let the second drop the first's days of a shared year.
  static const Calendar calendar = [] {
    std::vector<ScheduledDay> days =
        parse_csv(data::cn_public_holidays_2004_2018_csv);
    std::vector<ScheduledDay> recent = parse_csv(data::cn_public_holidays_csv);
    days.insert(days.end(), recent.begin(), recent.end());
    Calendar c;
    c.load(days);
    return c;
  }();
  return calendar;
}

std::vector<ScheduledDay> Calendar::parse_csv(std::string_view csv) {
  // A UTF-8 byte-order mark is what spreadsheet programs put before a CSV.
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (csv.substr(0, kBom.size()) == kBom) csv.remove_prefix(kBom.size());

  std::vector<ScheduledDay> days;
  bool seen_content = false;
  int line_no = 0;
  size_t pos = 0;
  while (pos < csv.size()) {
    const size_t newline = csv.find('\n', pos);
    const size_t end = newline == std::string_view::npos ? csv.size() : newline;
    std::string_view line = csv.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    check_controls(line, line_no);
    if (trim(line).empty()) continue;
    const bool first = !seen_content;
    seen_content = true;
    if (first && trim(line).substr(0, 4) == "date") continue;  // header

    const std::vector<std::string> fields = split_csv_line(line, line_no);
    if (fields.size() < kColumns) {
      const int missing = static_cast<int>(fields.size()) + 1;
      throw_csv(line_no, missing,
                std::string("missing; expected 4 columns "
                            "date,kind,holiday,schedule_year"));
    }
    if (fields.size() > kColumns) {
      throw_csv(line_no, kColumns + 1,
                "unexpected; expected 4 columns date,kind,holiday,schedule_year");
    }

    ScheduledDay day;
    try {
      day.date = parse_date(fields[0], "");
    } catch (const Error& e) {
      throw_csv(line_no, 1, e.what());
    }

    if (fields[1] == "off") {
      day.working = false;
    } else if (fields[1] == "work") {
      day.working = true;
    } else {
      throw_csv(line_no, 2,
                quote(fields[1]) + ": expected off or work");
    }

    for (unsigned char c : fields[2]) {
      if (c < 0x20 || c == 0x7f) throw_csv(line_no, 3, "contains a control character");
    }
    day.holiday = fields[2];

    const std::string& year_text = fields[3];
    bool numeric = year_text.size() == 4;
    int year = 0;
    for (char c : year_text) {
      if (!numeric || c < '0' || c > '9') {  // only four digits are summed: no overflow
        numeric = false;
        break;
      }
      year = year * 10 + (c - '0');
    }
    if (!numeric || year < 1900) {
      throw_csv(line_no, 4,
                quote(year_text) + ": expected a year 1900-9999");
    }
    if (!schedule_year_fits(year, day.date.year())) {
      throw_csv(line_no, 4,
                year_text + " cannot list " + format_date(day.date) +
                    " (a schedule lists its own year and late-December days "
                    "of the year before)");
    }
    day.schedule_year = year;
    days.push_back(std::move(day));
  }
  return days;
}

void Calendar::load(const std::vector<ScheduledDay>& days) {
  // Everything is checked before anything changes, and the new state is built
  // aside and swapped in, so a rejected load leaves the calendar as it was.
  std::map<Date, const ScheduledDay*> incoming;
  std::set<int> years;
  for (const ScheduledDay& day : days) {
    const int year = year_of(day.date);
    if (year < 1900) {
      throw Error(Status::argument, "date",
                  format_date(day.date) + ": expected a year 1900-9999");
    }
    if (!schedule_year_fits(day.schedule_year, year)) {
      throw Error(Status::argument, "schedule_year",
                  std::to_string(day.schedule_year) + " cannot list " +
                      format_date(day.date));
    }
    auto [it, inserted] = incoming.emplace(day.date, &day);
    if (!inserted && it->second->working != day.working) {
      throw Error(Status::argument, "date",
                  format_date(day.date) +
                      " is listed both as off and as work");
    }
    years.insert(day.schedule_year);
  }

  std::map<Date, ScheduledDay> next;
  for (const auto& [date, day] : days_) {
    if (years.count(day.schedule_year) == 0) next.emplace(date, day);
  }
  for (const auto& [date, day] : incoming) next[date] = *day;
  std::set<int> next_years = years_;
  next_years.insert(years.begin(), years.end());

  days_.swap(next);
  years_.swap(next_years);
}

int Calendar::provisional_first_year() { return provisional::first_year(); }
int Calendar::provisional_last_year() { return provisional::last_year(); }

std::vector<ScheduledDay> Calendar::provisional_schedule(int year) {
  std::vector<ScheduledDay> out;
  if (!in_provisional_range(year)) return out;
  const auto& all = provisional::days();
  for (auto it = all.lower_bound(Date(year, 1, 1)); it != all.end() && it->first.year() == year; ++it)
    out.push_back(it->second);
  return out;
}

void Calendar::require_schedules(Date first, Date last, ProvisionalYears* provisional) const {
  const int from = year_of(first);
  const int to = year_of(last);
  // Walks the loaded years instead of probing each year, so a span over
  // centuries costs as much as the years actually loaded (or, with
  // provisional answers allowed, as the years the rule covers).
  auto it = years_.lower_bound(from);
  for (int year = from; year <= to; ++year) {
    if (it != years_.end() && *it == year) {
      ++it;
    } else {
      if (provisional == nullptr) throw_no_schedule(year);
      if (!in_provisional_range(year)) throw_no_rule(year);
      provisional->insert(year);
    }
    // December 28-31 may be listed by the next year's notice (a New Year
    // break): an answer over them waits for that notice too.
    if (provisional != nullptr && last >= Date(year, 12, 28) && years_.count(year + 1) == 0)
      provisional->insert(year + 1);
  }
}

const ScheduledDay* Calendar::listed(Date d) const {
  if (auto it = days_.find(d); it != days_.end()) return &it->second;
  if (years_.count(d.year()) != 0) return nullptr;
  const auto& rule = provisional::days();
  auto it = rule.find(d);
  return it == rule.end() ? nullptr : &it->second;
}

bool Calendar::is_working_day(Date d, ProvisionalYears* provisional) const {
  require_schedules(d, d, provisional);
  if (const ScheduledDay* day = listed(d)) return day->working;
  return is_weekday(weekday_of(d));
}

int Calendar::count_working_days(Date after, Date last) const {
  const long total = (last - after).days();
  long count = total / 7 * 5;
  const int start = weekday_of(after);
  for (long k = 1; k <= total % 7; ++k) {
    if (is_weekday(static_cast<int>((start + k) % 7))) ++count;
  }
  // A listed day changes the count only where it contradicts the week: a
  // weekday holiday removes one, a make-up weekend day adds one. Holidays
  // listed on a weekend (most of them) change nothing.
  auto correct = [&count](const ScheduledDay& day) {
    const bool weekday = is_weekday(weekday_of(day.date));
    if (day.working && !weekday) ++count;
    if (!day.working && weekday) --count;
  };
  for (auto it = days_.upper_bound(after); it != days_.end() && it->first <= last; ++it)
    correct(it->second);
  // Years without a schedule follow the provisional rule (the loaded days
  // already counted above win where both list a day).
  const auto& rule = provisional::days();
  for (auto it = rule.upper_bound(after); it != rule.end() && it->first <= last; ++it)
    if (years_.count(it->first.year()) == 0 && days_.count(it->first) == 0) correct(it->second);
  return static_cast<int>(count);
}

int Calendar::working_days_between(Date from, Date to, ProvisionalYears* provisional) const {
  year_of(from);
  year_of(to);
  if (from == to) return 0;
  const bool forward = from < to;
  const Date after = forward ? from : to;
  const Date last = forward ? to : from;
  require_schedules(after + boost::gregorian::days(1), last, provisional);
  const int count = count_working_days(after, last);
  return forward ? count : -count;
}

Date Calendar::add_working_days(Date d, int n, ProvisionalYears* provisional) const {
  year_of(d);
  if (n == 0) return d;
  const bool forward = n > 0;
  // long long: -INT_MIN does not fit an int.
  long long remaining = forward ? static_cast<long long>(n)
                                : -static_cast<long long>(n);
  Date cur = d;

  // Jump whole weeks while far from the answer. A jump of 7k days holds at
  // most 7k <= remaining - 1 working days, so it never passes the answer and
  // crosses only days the day-by-day walk would have crossed (and checked).
  // Jumps are capped at 52 weeks so that a huge n stops at the first year
  // without a schedule (or a rule), named in the error, rather than leaping
  // past 9999.
  constexpr long long kMaxJump = 52 * 7;
  const boost::gregorian::days one(1);
  while (remaining > 7) {
    const long long span = std::min((remaining - 1) / 7 * 7, kMaxJump);
    const boost::gregorian::days step(static_cast<long>(span));
    if (forward) {
      const Date next = cur + step;
      require_schedules(cur + one, next, provisional);
      remaining -= count_working_days(cur, next);
      cur = next;
    } else {
      // Days [cur - span, cur) are (cur - span - 1, cur - 1].
      const Date prev = cur - step;
      require_schedules(prev, cur - one, provisional);
      remaining -= count_working_days(prev - one, cur - one);
      cur = prev;
    }
  }

  while (remaining > 0) {
    cur = forward ? cur + one : cur - one;
    if (is_working_day(cur, provisional)) --remaining;
  }
  return cur;
}

Date Calendar::calendar_days_deadline(Date event, int days, ProvisionalYears* provisional) const {
  year_of(event);
  if (days < 0) {
    throw Error(Status::argument, "days",
                std::to_string(days) + ": a period of days cannot be negative");
  }
  Date last = event + boost::gregorian::days(days);
  while (!is_working_day(last, provisional)) last += boost::gregorian::days(1);
  return last;
}

}  // namespace fazhi
