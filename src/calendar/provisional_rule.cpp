// provisional_rule.cpp — see provisional_rule.hpp.
//
// The lunar festivals (春节, 端午节, 中秋节) and the solar term 清明 do not follow
// the Gregorian calendar; their dates come from a compiled-in table
// (cn_festival_dates.csv, one row per year: 正月初一, 清明, 五月初五, 八月十五),
// checked by tests/calendar against Debian's lunar-date library and against
// the official schedules of 2008-2026.
#include "calendar/provisional_rule.hpp"

#include <fazhi/error.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fazhi::data {
// Generated from src/calendar/cn_festival_dates.csv by cmake/EmbedText.cmake.
extern const std::string_view cn_festival_dates_csv;
}  // namespace fazhi::data

namespace fazhi::provisional {
namespace {

using boost::gregorian::days;

struct FestivalDates {
  int year = 0;
  Date spring_festival, qingming, dragon_boat, mid_autumn;
};

// The table is the project's own data, so a malformed row is a build defect:
// it throws Error(internal) naming the row rather than guessing.
std::vector<FestivalDates> festival_table() {
  std::vector<FestivalDates> rows;
  std::string_view text = data::cn_festival_dates_csv;
  int line_no = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++line_no;
    if (line.empty() || line.substr(0, 4) == "year") continue;
    std::vector<std::string_view> cells;
    for (std::size_t pos = 0;;) {
      const std::size_t comma = line.find(',', pos);
      cells.push_back(line.substr(pos, comma - pos));
      if (comma == std::string_view::npos) break;
      pos = comma + 1;
    }
    if (cells.size() != 5)
      throw Error(Status::internal, "cn_festival_dates.csv line " + std::to_string(line_no) +
                                        ": expected 5 columns");
    FestivalDates row;
    row.spring_festival = parse_date(cells[1]);
    row.qingming = parse_date(cells[2]);
    row.dragon_boat = parse_date(cells[3]);
    row.mid_autumn = parse_date(cells[4]);
    row.year = row.spring_festival.year();
    if (std::to_string(row.year) != cells[0])
      throw Error(Status::internal, "cn_festival_dates.csv line " + std::to_string(line_no) +
                                        ": dates of another year");
    rows.push_back(row);
  }
  return rows;
}

const std::vector<FestivalDates>& table() {
  static const std::vector<FestivalDates> rows = festival_table();
  return rows;
}

bool is_weekend(Date d) {
  const int w = d.day_of_week().as_number();
  return w == 0 || w == 6;
}

// A statutory holiday: its name and its consecutive days (第二条).
struct Holiday {
  std::string name;
  Date first;
  int length;
};

std::vector<Holiday> statutory_holidays(const FestivalDates& f) {
  const int y = f.year;
  return {
      {"元旦", Date(y, 1, 1), 1},
      {"春节", f.spring_festival - days(1), 4},  // 农历除夕、正月初一至初三
      {"清明节", f.qingming, 1},
      {"劳动节", Date(y, 5, 1), 2},
      {"端午节", f.dragon_boat, 1},
      {"中秋节", f.mid_autumn, 1},
      {"国庆节", Date(y, 10, 1), 3},
  };
}

// One year's listed days. A holiday day on a weekend, or on a day another
// holiday already took (中秋 on 1 October), is made up on the first weekday
// after its holiday that is neither a holiday day nor already off (第六条).
void add_year(const FestivalDates& f, std::map<Date, ScheduledDay>& out) {
  std::vector<Holiday> holidays = statutory_holidays(f);
  std::sort(holidays.begin(), holidays.end(),
            [](const Holiday& a, const Holiday& b) { return a.first < b.first; });
  std::set<Date> statutory;
  for (const Holiday& h : holidays)
    for (int i = 0; i < h.length; ++i) statutory.insert(h.first + days(i));

  std::set<Date> off;
  for (const Holiday& h : holidays) {
    int owed = 0;
    for (int i = 0; i < h.length; ++i) {
      const Date d = h.first + days(i);
      if (is_weekend(d) || !off.insert(d).second) ++owed;
      out[d] = ScheduledDay{d, false, h.name, f.year};
    }
    for (Date d = h.first + days(h.length); owed > 0; d += days(1)) {
      if (is_weekend(d) || statutory.count(d) || off.count(d)) continue;
      off.insert(d);
      out[d] = ScheduledDay{d, false, h.name + "补假", f.year};
      --owed;
    }
  }
}

}  // namespace

int first_year() { return table().front().year; }
int last_year() { return table().back().year; }

const std::map<Date, ScheduledDay>& days() {
  static const std::map<Date, ScheduledDay> listed = [] {
    std::map<Date, ScheduledDay> m;
    for (const FestivalDates& f : table()) add_year(f, m);
    return m;
  }();
  return listed;
}

}  // namespace fazhi::provisional
