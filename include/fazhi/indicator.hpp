// indicator.hpp — the value of one indicator for a unit (with its subtree)
// and a period.
//
// Ratios are sum(numerator) / sum(denominator) over the whole subtree, never
// an average of ratios, and their value is a percentage (98.5 for 98.5%). A
// ratio whose denominator is zero has status no_data and value NaN: fazhi
// never makes up a 0% or a 100%. Money values are in yuan.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <string>

namespace fazhi {

struct IndicatorValue {
  std::string code;      // e.g. "mediation.success_rate"
  std::string label;     // Chinese label, e.g. "调解成功率"
  std::string measure;   // count | ratio | hours | yuan | days | value
  double value = 0;      // NaN when no_data
  double numerator = 0;
  double denominator = 0;  // 0 for non-ratio measures
  bool no_data = false;
  // For breakdowns (mediation.by_category): category code -> count; for a
  // breakdown by a free-text field (enforcement.by_violation): text -> count.
  bool broken_down = false;  // the indicator has a breakdown (it may list nothing)
  std::map<std::string, double> breakdown;
  std::string breakdown_labels;  // the fz_labels set naming the codes; "" for free text
  nlohmann::json params;  // the parameters in effect, e.g. {"min_yuan": 500000}

  nlohmann::json to_json() const;
};

}  // namespace fazhi
