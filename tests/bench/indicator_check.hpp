// indicator_check.hpp — what keeps the indicator benchmark honest: fazhi's
// fz_indicators result must equal the figures of the hand-written SQL, code
// by code (value, numerator, denominator, breakdown).
#pragma once

#include "hand_sql.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace bench {

struct Expected {
  std::optional<double> value;  // nullopt: no_data (a ratio over nothing)
  double numerator = 0;
  double denominator = 0;  // 0 unless a ratio
  std::map<std::string, double> breakdown;
};

// The mediation.* indicators of the catalogue, as the hand figures give them.
std::map<std::string, Expected> expected_indicators(const Figures& f);

// Every difference between fz_indicators' result and the expectation, for the
// given codes (a code without a hand-written expectation is a difference).
std::vector<std::string> compare_indicators(const nlohmann::json& fazhi_result,
                                            const std::map<std::string, Expected>& expected,
                                            const std::vector<std::string>& codes);

}  // namespace bench
