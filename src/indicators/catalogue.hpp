// catalogue.hpp — the indicator catalogue: measures (SQL aggregates) and the
// indicators built from them. Codes are stable. The catalogue is assembled
// from the record kinds' declarations (domain/indicator_decl.hpp), in the
// order of the kind registry, followed by the indicators over the deadlines
// of every kind (domain/deadline_indicators.hpp).
//
// A measure aggregates rows of one *base*: a table joined to the unit tree,
// restricted to the unit's subtree and to the period by the base's event date.
// Measures of the same base are computed together in one statement, so asking
// for every mediation indicator scans each range of rows once.
//
// SQL fragments may use these named parameters: :lo, :hi (the subtree's path
// range), :from, :to (the period's first and last day), and the parameters a
// measure declares (e.g. :min_fen).
#pragma once

#include "domain/indicator_decl.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace fazhi::indicators {

struct Base {
  std::string name;         // e.g. "mediation_case@received"
  std::string table;        // joined as alias t
  std::string unit_column;  // t's column holding the org_unit id
  std::string period_filter;  // condition on t; "" for none
};

// A parameter of a measure, e.g. min_yuan (default 500000) bound as :min_fen.
using Param = domain::MeasureParam;

struct Measure {
  std::string code;
  std::string label;
  const Base* base = nullptr;
  std::string condition = "1";  // rows counted (SQL on t)
  std::string sum;              // "" counts rows; otherwise sums this expression
  std::string unit = "count";   // of the sum: count | yuan (summed as fen) | hours
  std::vector<Param> params;
  // Non-empty: counts the distinct non-null values of this expression
  // (domain::MeasureDecl::distinct), not additive over a unit tree.
  std::string distinct;
};

struct IndicatorDef {
  std::string code;
  std::string label;
  std::string measure;      // count | ratio | yuan | hours | days
  std::string numerator;    // measure code
  std::string denominator;  // measure code, ratios only
  std::string breakdown;    // column of t to break the numerator down by; ""
  std::string breakdown_labels;  // fz_labels set of the breakdown's codes
  bool should_be_full = false;   // expected at 100% (the report's gaps)
};

const std::vector<Measure>& measures();
const std::vector<IndicatorDef>& catalogue();
// A measure by code: a catalogue measure, or a breakdown member
// "enforcement.actions[penalty]" — the indicator's numerator restricted to
// the rows its breakdown files under that member, so it is the figure the
// indicator's breakdown lists for it (0 where it lists none). Members are
// the codes of the breakdown's label set; they are not in measures().
const Measure* find_measure(const std::string& code);
const IndicatorDef* find_indicator(const std::string& code);

// Why `code` names no indicator, measure or breakdown member of the
// catalogue, in words that name what is wrong and what would be right
// ("'x' is not a member of the breakdown of enforcement.actions (members:
// ...)"); "" when it names one.
std::string why_not_in_catalogue(const std::string& code);

}  // namespace fazhi::indicators
