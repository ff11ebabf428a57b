// percent_text.hpp — the one rule for writing a rate, shared by the annual
// report (src/report) and the `fazhi` command's table (src/cli).
//
// A rate is written with the usual decimals (one), rounded half away from
// zero ("98.5%", "100%"). When that would show exactly 100% for a rate that is
// not exactly 100%, or exactly 0% for one that is not exactly 0%, it gets as
// many decimals as it takes to show the first non-zero digit of its distance
// from 100% (from 0%), rounded half up at that digit: 250132 of 250134
// (0.0008 short of 100) is "99.9992%", 1999 of 2000 "99.95%", 1 of 250134
// "0.0004%". So 100% and 0% are only ever written for exactly 100% and 0%.
// At most kMaxPercentDecimals decimals are used: a rate closer to 100% (or 0%)
// than that is written as a bound that holds, ">99.999999%" or "<0.000001%"
// (above 100%: "<100.000001%").
//
// Header-only and standard-library-only: the command is a client of the C ABI
// and does not link the library's internals, yet it must follow the same rule.
#ifndef FAZHI_PERCENT_TEXT_HPP
#define FAZHI_PERCENT_TEXT_HPP

#include <cmath>
#include <cstdio>
#include <string>

namespace fazhi::text {

constexpr int kMaxPercentDecimals = 6;

// `value` times 10^decimals, rounded half away from zero. Half up on the
// decimal value, not on its binary approximation: 98.45 gives 985 at one
// decimal (one official reading of 四舍五入).
inline double scaled_round(double value, int decimals) {
  const double scaled = value * std::pow(10.0, decimals);
  return std::round(scaled + (scaled >= 0 ? 1e-9 : -1e-9));
}

// `value` rounded half away from zero to `decimals` decimals; trailing zeros
// are dropped unless keep_zeros (98.50 -> "98.5", 100.0 -> "100"); never "-0".
inline std::string decimal_text(double value, int decimals, bool keep_zeros = false) {
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, scaled_round(value, decimals) / std::pow(10.0, decimals));
  std::string s = buf;
  if (!keep_zeros && s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

// The percentage `value` by the rule above. off_full and off_zero are the
// rate's signed distances from 100% and from 0%, in percentage points
// (value - 100 and value when nothing better is known); each is 0 exactly when
// the rate is exactly 100% or 0%. Callers with counts compute them from the
// counts, so that no rounding of `value` can hide them. `decimals` is the
// usual number of decimals; keep_zeros keeps the usual ones all ("100.0%",
// "99.0%", for columns that align).
inline std::string percent_text(double value, double off_full, double off_zero, int decimals = 1,
                                bool keep_zeros = false) {
  if (std::isnan(value)) return "无数据";
  const auto shows = [&](int d, double figure) { return scaled_round(value, d) == figure * std::pow(10.0, d); };
  const bool misleads_full = off_full != 0 && shows(decimals, 100);
  const bool misleads_zero = off_zero != 0 && shows(decimals, 0);
  if (!misleads_full && !misleads_zero) return decimal_text(value, decimals, keep_zeros) + "%";
  const double boundary = misleads_full ? 100 : 0;
  const double off = misleads_full ? off_full : off_zero;
  for (int d = decimals + 1; d <= kMaxPercentDecimals; ++d) {
    // The first decimal at which the distance has a non-zero digit (a hair of
    // tolerance for distances such as 0.001 that binary holds as 0.000999...).
    if (std::fabs(off) * std::pow(10.0, d) < 1 - 1e-9 || shows(d, boundary)) continue;
    // A trailing zero goes, as in the usual figure; at least one decimal more
    // than usual stays (99.99901 at four decimals is "99.999").
    return decimal_text(value, d) + "%";
  }
  const double bound = boundary + (off < 0 ? -1 : 1) * std::pow(10.0, -kMaxPercentDecimals);
  return (off < 0 ? ">" : "<") + decimal_text(bound, kMaxPercentDecimals, true) + "%";
}

// numerator / denominator as a percentage: (132, 134) -> "98.5%",
// (250132, 250134) -> "99.9992%"; "无数据" when the denominator is 0.
inline std::string ratio_percent(double numerator, double denominator, int decimals = 1,
                                 bool keep_zeros = false) {
  if (denominator == 0 || std::isnan(numerator) || std::isnan(denominator)) return "无数据";
  return percent_text(numerator / denominator * 100.0, (numerator - denominator) / denominator * 100.0,
                      numerator / denominator * 100.0, decimals, keep_zeros);
}

// A percentage known only by its value (a custom indicator of measure ratio):
// "100%" and "0%" only when the value is exactly 100 or 0.
inline std::string value_percent(double value, int decimals = 1, bool keep_zeros = false) {
  return percent_text(value, value - 100, value, decimals, keep_zeros);
}

}  // namespace fazhi::text

#endif  // FAZHI_PERCENT_TEXT_HPP
