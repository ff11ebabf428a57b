#include "report/chinese_format.hpp"

#include "percent_text.hpp"

#include <cmath>
#include <cstdio>

namespace fazhi::report {

std::string plain_number(double value, int decimals) { return text::decimal_text(value, decimals); }

std::string table_figure(const nlohmann::json& number_or_null) {
  return number_or_null.is_number() ? plain_number(number_or_null.get<double>(), 2) : "";
}

std::string percent(double numerator, double denominator) {
  return text::ratio_percent(numerator, denominator);
}

std::string percent(double value) { return text::value_percent(value); }

std::string percent(const IndicatorValue& v) {
  if (v.no_data) return "无数据";
  return v.denominator != 0 ? percent(v.numerator, v.denominator) : percent(v.value);
}

std::string yuan(double value) {
  if (std::isnan(value)) return "无数据";
  const double fen = std::round(value * 100);
  // Whole hundreds of yuan are exact in 万元 with two decimals.
  if (std::fabs(value) >= 10000 && std::fmod(fen, 10000) == 0)
    return plain_number(fen / 1000000.0, 2) + "万元";
  return plain_number(fen / 100.0, 2) + "元";
}

std::string chinese_numeral(int n) {
  static const char* const digits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0 || n >= 100) return std::to_string(n);
  if (n < 10) return digits[n];
  return std::string(n >= 20 ? digits[n / 10] : "") + "十" + digits[n % 10];
}

std::string chinese_date(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (iso.size() != 10 || std::sscanf(iso.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return iso;
  return std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日";
}

std::string indicator_value(const IndicatorValue& v) {
  if (v.no_data) return "无数据";
  if (v.measure == "ratio") return percent(v);
  if (v.measure == "hours") return plain_number(v.value, 1) + "小时";
  if (v.measure == "yuan") return yuan(v.value);
  if (v.measure == "days") return plain_number(v.value, 1) + "天";
  return plain_number(v.value, 2);
}

}  // namespace fazhi::report
