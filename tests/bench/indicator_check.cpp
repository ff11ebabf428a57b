#include "indicator_check.hpp"

#include <cmath>
#include <set>
#include <sstream>

namespace bench {
namespace {

Expected count(std::int64_t n) {
  Expected e;
  e.value = static_cast<double>(n);
  e.numerator = static_cast<double>(n);
  return e;
}

Expected ratio(std::int64_t num, std::int64_t den) {
  Expected e;
  e.numerator = static_cast<double>(num);
  e.denominator = static_cast<double>(den);
  if (den != 0) e.value = e.numerator / e.denominator * 100.0;
  return e;
}

bool same(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); }

std::string text(double v) {
  std::ostringstream s;
  s.precision(17);
  s << v;
  return s.str();
}

}  // namespace

std::map<std::string, Expected> expected_indicators(const Figures& f) {
  std::map<std::string, Expected> m;
  m["mediation.committees"] = count(f.committees);
  m["mediation.committee_coverage"] = ratio(f.villages_with_committee, f.villages);
  m["mediation.received"] = count(f.received);
  m["mediation.concluded"] = count(f.concluded);
  m["mediation.succeeded"] = count(f.succeeded);
  m["mediation.success_rate"] = ratio(f.succeeded, f.concluded);
  Expected by_category = count(f.received);
  for (const auto& [category, n] : f.by_category) by_category.breakdown[category] = static_cast<double>(n);
  m["mediation.by_category"] = by_category;
  m["mediation.unnatural_death"] = count(f.unnatural_death);
  m["mediation.large_amount"] = count(f.large_amount);
  m["mediation.mass_incidents_prevented"] = count(f.mass_incidents_prevented);
  m["mediation.criminal_cases_prevented"] = count(f.criminal_cases_prevented);
  Expected amount;
  amount.numerator = static_cast<double>(f.agreement_fen) / 100.0;
  amount.value = amount.numerator;
  m["mediation.amount_yuan"] = amount;
  m["mediation.labour_overdue"] = count(f.labour_overdue);
  return m;
}

std::vector<std::string> compare_indicators(const nlohmann::json& result,
                                            const std::map<std::string, Expected>& expected,
                                            const std::vector<std::string>& codes) {
  std::vector<std::string> diffs;
  std::map<std::string, const nlohmann::json*> got;
  for (const nlohmann::json& item : result.at("indicators")) got[item.at("code").get<std::string>()] = &item;

  for (const std::string& code : codes) {
    auto e = expected.find(code);
    if (e == expected.end()) {
      diffs.push_back(code + ": no hand-written SQL for this catalogue code (extend hand_sql.cpp)");
      continue;
    }
    auto g = got.find(code);
    if (g == got.end()) {
      diffs.push_back(code + ": missing from fz_indicators' result");
      continue;
    }
    const nlohmann::json& item = *g->second;
    const Expected& x = e->second;
    auto field = [&](const char* name, double want) {
      double have = item.at(name).get<double>();
      if (!same(have, want))
        diffs.push_back(code + ": " + name + " fazhi " + text(have) + ", hand SQL " + text(want));
    };
    field("numerator", x.numerator);
    field("denominator", x.denominator);
    const nlohmann::json& value = item.at("value");
    if (!x.value) {
      if (!value.is_null() || item.at("status") != "no_data")
        diffs.push_back(code + ": value fazhi " + value.dump() + " (" + item.at("status").dump() +
                        "), hand SQL no_data");
    } else if (value.is_null() || !same(value.get<double>(), *x.value)) {
      diffs.push_back(code + ": value fazhi " + value.dump() + ", hand SQL " + text(*x.value));
    }
    std::map<std::string, double> breakdown;
    if (item.contains("breakdown"))
      for (auto it = item["breakdown"].begin(); it != item["breakdown"].end(); ++it)
        breakdown[it.key()] = it->get<double>();
    std::set<std::string> keys;
    for (const auto& [k, v] : breakdown) keys.insert(k);
    for (const auto& [k, v] : x.breakdown) keys.insert(k);
    for (const std::string& k : keys) {
      double have = breakdown.count(k) ? breakdown[k] : 0, want = x.breakdown.count(k) ? x.breakdown.at(k) : 0;
      if (!breakdown.count(k) || !x.breakdown.count(k) || !same(have, want))
        diffs.push_back(code + ": breakdown[" + k + "] fazhi " +
                        (breakdown.count(k) ? text(have) : "absent") + ", hand SQL " +
                        (x.breakdown.count(k) ? text(want) : "absent"));
    }
  }
  return diffs;
}

}  // namespace bench
