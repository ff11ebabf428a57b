// engine.hpp — evaluates indicators: catalogue entries and the host's custom
// indicators, for one unit's subtree and one period, by SQL aggregates.
#pragma once

#include "indicators/catalogue.hpp"
#include "indicators/expression.hpp"
#include "store/journal.hpp"
#include "store/sqlite.hpp"

#include <fazhi/indicator.hpp>
#include <fazhi/period.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fazhi::indicators {

// How a subtree's rows are read (engine.cpp says when each is chosen).
enum class Plan {
  per_unit,      // unit by unit through the (unit, date) indexes
  scan_subtree,  // one pass over each table, testing membership of the subtree
  scan_all,      // one pass over each table: the subtree is the whole tree
};

class Engine {
 public:
  explicit Engine(store::Connection& conn) : conn_(conn) {}

  // Values of `codes` (catalogue codes, measure codes or custom.* codes) for
  // `unit` and its subtree over `period`. params: {"min_yuan": 100000, ...};
  // a parameter no requested indicator takes is an error.
  std::vector<IndicatorValue> evaluate(const std::vector<std::string>& codes,
                                       const std::string& unit, const Period& period,
                                       const nlohmann::json& params);

  // Every catalogue code, then every custom code, in order.
  std::vector<std::string> all_codes();

  // {"code", "unit", "period", "value": {...}, "numerator": {"measure", "label",
  //  "keys": [...]}, "denominator": {...} | null, "missing": [...]}: the keys of
  // the records counted (for a distinct count, the distinct values counted,
  // e.g. the keys of the agencies); "missing" lists the denominator's keys
  // not in the numerator (for coverage: the units without), and
  // "missing_records" the same records each as {"key", "summary"}, the
  // summary saying in Chinese what the record is (domain/record_summary.hpp;
  // null for a value of a distinct count). Each part names the "kind" (and
  // "kind_label") whose records it counts, null for a distinct count.
  nlohmann::json explain(const std::string& code, const std::string& unit,
                         const Period& period, const nlohmann::json& params);

  // Stores {"code": "custom.x", "label": "...", "expression": "...",
  // "measure": "value"|"count"|"ratio"|"yuan"|...}; must run in a write
  // transaction. Journaled as kind custom_indicator.
  void define(const nlohmann::json& definition, store::Journal& journal, const std::string& actor);

  // Chinese labels of every code.
  nlohmann::json labels();

  // The plan `unit`'s subtree is read with: the whole tree and a subtree of
  // at least an eighth of the units in one pass per table, a smaller one unit
  // by unit (engine.cpp says why).
  Plan plan_for(const std::string& unit);

  // Reads every subtree with `plan` instead of choosing one (nullopt: choose
  // again). For tests, which prove that every plan gives the same values.
  void force_plan(std::optional<Plan> plan) { forced_ = plan; }

 private:
  struct Custom {
    std::string label, measure, text;
    Expression expression;
  };
  using Values = std::map<std::string, double>;  // measure code -> raw value (fen for money)
  // A unit's subtree (its path range) and the plan that reads it.
  struct Scope {
    std::string lo, hi;
    Plan plan = Plan::per_unit;
  };

  const Custom& custom(const std::string& code);
  Scope scope_of(const std::string& unit);
  Plan plan_for_range(const std::string& lo, const std::string& hi);
  Values compute(const std::vector<const Measure*>& needed, const Scope& scope, const Period& period,
                 const std::map<std::string, double>& bound);
  IndicatorValue from_catalogue(const IndicatorDef& def, const Values& v) const;
  std::map<std::string, double> bind_params(const std::vector<const Measure*>& needed,
                                            const nlohmann::json& params, nlohmann::json& in_effect);
  void bind_common(SQLite::Statement& st, const Scope& scope, const Period& period,
                   const std::map<std::string, double>& bound);

  store::Connection& conn_;
  std::map<std::string, Custom> customs_;  // parsed definitions, by code
  std::optional<Plan> forced_;
};

}  // namespace fazhi::indicators
