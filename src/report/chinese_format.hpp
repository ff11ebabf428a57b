// chinese_format.hpp — numbers and dates as a Chinese official report writes
// them: "98.5%", "826.5小时", "838.7万元", "2023年3月2日".
#pragma once

#include <fazhi/indicator.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace fazhi::report {

// A number with at most `decimals` decimals, rounded half away from zero, and
// without trailing zeros: 98.46 -> "98.5" (decimals 1), 100 -> "100".
std::string plain_number(double value, int decimals);

// A table cell: a JSON number with at most two decimals, "" for null.
std::string table_figure(const nlohmann::json& number_or_null);

// Rates follow the rule of percent_text.hpp: one decimal, half up, no
// trailing zero ("98.5%", "100%"), and more decimals where one would show
// 100% or 0% for a rate that is not exactly that ("99.9992%").

// numerator / denominator as a percentage: (132, 134) -> "98.5%",
// (250132, 250134) -> "99.9992%"; "无数据" when the denominator is 0.
std::string percent(double numerator, double denominator);

// A percentage known only by its value (98.5 for 98.5%): "100%" and "0%" only
// for exactly 100 and 0; "无数据" for NaN.
std::string percent(double value);

// A ratio indicator's rate: from its counts when it has them (every catalogue
// ratio), else from its value (a custom indicator); "无数据" for no_data.
std::string percent(const IndicatorValue& v);

// Yuan: below 10000 as "3500元" / "3500.5元"; from 10000 on in 万元 when that is
// exact to two decimals of 万 ("100万元", "838.7万元"), else in 元.
std::string yuan(double value);

// 1 -> "一", 12 -> "十二", 23 -> "二十三" (1..99), for section and item numbers.
std::string chinese_numeral(int n);

// "YYYY-MM-DD" -> "2023年3月2日"; anything else is returned unchanged.
std::string chinese_date(const std::string& iso);

// The indicator's value with its unit, as the report's table shows it:
// ratios "98.5%", hours "826.5小时", yuan as yuan(), counts "132"; no_data
// "无数据".
std::string indicator_value(const IndicatorValue& v);

}  // namespace fazhi::report
