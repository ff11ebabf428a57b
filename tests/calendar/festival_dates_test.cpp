// festival_dates_test.cpp — every row of src/calendar/cn_festival_dates.csv
// (正月初一, 清明, 五月初五, 八月十五 of each year) agrees with lunar-date, and
// each festival day is a holiday of that name in the official schedules
// (src/calendar/cn_public_holidays*.csv) of 2008-2026, the years all four
// have been public holidays.

#include <lunar-date/lunar-date.h>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::vector<std::string>> read_csv(const std::string& name) {
  std::ifstream in(std::string(FAZHI_SOURCE_DIR) + "/src/calendar/" + name);
  EXPECT_TRUE(in) << name;
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

bool is_weekend(const std::string& iso) {
  const boost::gregorian::date d(std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)),
                                 std::stoi(iso.substr(8, 2)));
  const int weekday = d.day_of_week().as_number();  // 0 = Sunday
  return weekday == 0 || weekday == 6;
}

struct LunarDate_ {
  LunarDate* d = lunar_date_new();
  // A LunarDate is a GObject whose finalizer does not free its contents:
  // lunar_date_free() releases the contents, the unref the object itself.
  ~LunarDate_() {
    lunar_date_free(d);
    g_object_unref(d);
  }
};

// The Gregorian date of a (non-leap) lunar month and day of `year`.
std::string solar_of(LunarDate* d, int year, int month, int day) {
  GError* error = nullptr;
  lunar_date_set_lunar_date(d, static_cast<GDateYear>(year), static_cast<GDateMonth>(month),
                            static_cast<GDateDay>(day), 12, FALSE, &error);
  if (error) {
    ADD_FAILURE() << error->message;
    g_error_free(error);
    return "";
  }
  gchar* text = lunar_date_strftime(d, "%(year)-%(month)-%(day)");
  int y = 0, m = 0, dd = 0;
  std::sscanf(text, "%d-%d-%d", &y, &m, &dd);
  g_free(text);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, dd);
  return buf;
}

// The solar term of a day, in lunar-date's own spelling (pinyin or Chinese,
// by locale): we only compare it with the term of a known 清明.
std::string solar_term(LunarDate* d, int year, int month, int day) {
  lunar_date_set_solar_date(d, static_cast<GDateYear>(year), static_cast<GDateMonth>(month),
                            static_cast<GDateDay>(day), 12, nullptr);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gchar* text = lunar_date_get_jieri(d, " ");
  G_GNUC_END_IGNORE_DEPRECATIONS
  std::string s = text ? text : "";
  g_free(text);
  return s;
}

TEST(FestivalDates, AgreeWithLunarDate) {
  LunarDate_ ld;
  // 2026-04-05 is 清明 (the 2026 notice: 清明节 4-6 April, the day itself 5 April).
  const std::string qingming = solar_term(ld.d, 2026, 4, 5);
  ASSERT_FALSE(qingming.empty());
  const auto rows = read_csv("cn_festival_dates.csv");
  ASSERT_EQ(rows.size(), 96u);  // 2004-2099
  int expected_year = 2004;
  for (const auto& r : rows) {
    ASSERT_EQ(r.size(), 5u);
    const int year = std::stoi(r[0]);
    EXPECT_EQ(year, expected_year++);
    EXPECT_EQ(r[1], solar_of(ld.d, year, 1, 1)) << year << " 正月初一";
    EXPECT_EQ(r[3], solar_of(ld.d, year, 5, 5)) << year << " 五月初五";
    EXPECT_EQ(r[4], solar_of(ld.d, year, 8, 15)) << year << " 八月十五";
    const int day = std::stoi(r[2].substr(8));
    EXPECT_EQ(r[2].substr(0, 8), std::to_string(year) + "-04-") << year << " 清明";
    EXPECT_EQ(solar_term(ld.d, year, 4, day), qingming) << year << " 清明 " << r[2];
    EXPECT_NE(solar_term(ld.d, year, 4, day - 1), qingming) << year << " 清明 " << r[2];
  }
}

TEST(FestivalDates, AreHolidaysOfThatNameInTheOfficialSchedules) {
  std::map<std::string, std::pair<std::string, std::string>> official;  // date -> (kind, holiday)
  for (const char* file : {"cn_public_holidays_2004_2018.csv", "cn_public_holidays.csv"})
    for (const auto& r : read_csv(file)) official[r[0]] = {r[1], r[2]};
  const char* names[] = {"", "春节", "清明节", "端午节", "中秋节"};
  int checked = 0;
  for (const auto& r : read_csv("cn_festival_dates.csv")) {
    const int year = std::stoi(r[0]);
    if (year < 2008 || year > 2026) continue;
    for (int i = 1; i <= 4; ++i) {
      auto it = official.find(r[i]);
      if (it == official.end()) {
        // The older schedules leave some weekend holidays unlisted (they rest
        // anyway): 2012-06-23, a Saturday of the 端午节 break.
        EXPECT_TRUE(is_weekend(r[i])) << r[i] << " " << names[i] << " is not listed";
        ++checked;
        continue;
      }
      EXPECT_EQ(it->second.first, "off") << r[i];
      // 中秋 in the National Day break may be listed under 国庆节.
      const std::string& listed_as = it->second.second;
      const bool in_national_day = r[i].substr(5) >= "10-01" && r[i].substr(5) <= "10-08";
      EXPECT_TRUE(listed_as.find(names[i]) != std::string::npos ||
                  (in_national_day && listed_as.find("国庆") != std::string::npos))
          << r[i] << " " << names[i] << " is listed as " << listed_as;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 19 * 4);
}

}  // namespace
