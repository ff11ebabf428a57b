// indicator_decl.hpp — what a record kind declares for the indicators: its
// measures (counts and sums of rows, computed in SQL) and the indicators
// built from them. The catalogue (indicators/catalogue.hpp) is assembled
// from the declarations of every kind, in the order of the kind registry.
//
// A measure counts (or sums over) the rows of one table that belong to the
// unit's subtree and fall in the period by its *dating*: an event date
// (by_date), the state on the period's last day (on_last_day) or an overlap
// with the period (overlapping). Measures of one table and dating share a
// base and are computed together in one statement. SQL fragments are on the
// row alias `t` and may use :from and :to (the period's first and last day)
// and the named parameters the measure declares.
//
// Counts and sums add up over a unit tree: a county's figure is the sum of
// its parts'. A distinct count (distinct_of) does not: an agency that took
// part in the coordination of two townships is one agency of the county.
// Every measure is computed by one SQL statement over the whole subtree, so
// a distinct count is counted once there and never summed from the parts.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace fazhi::domain {

// When a row counts in a period. Bases are named "<table>@<name>".
struct Dating {
  std::string name;    // "received", "last_day", "overlap", ...
  std::string filter;  // SQL condition on t, with :from / :to
};

// Rows whose `column` lies in the period (its name is the column's).
Dating by_date(const std::string& column);
// Rows as they stand on the period's last day, restricted by `condition`
// ("1" for every row).
Dating on_last_day(std::string condition = "1");
// Rows whose [start, end] (end NULL: open) overlaps the period.
Dating overlapping(const std::string& start, const std::string& end);
// Org units in existence on the period's last day (for measures over units,
// such as the villages a coverage counts).
Dating units_in_existence();

// A parameter of a measure, e.g. min_yuan (default 500000) bound as :min_fen.
struct MeasureParam {
  std::string name;      // as the host gives it: "min_yuan"
  std::string sql_name;  // ":min_fen"
  std::string type;      // "yuan" (bound as fen) | "integer"
  double default_value = 0;
};

struct MeasureDecl {
  std::string code;
  std::string label;
  Dating dating;
  std::string condition = "1";  // rows counted (SQL on t)
  std::string sum;              // "" counts rows; otherwise sums this expression
  std::string unit = "count";   // of the sum: count | yuan (summed as fen) | hours
  // Non-empty: the measure counts the distinct non-null values of this
  // expression over the rows (count and sum are then unused); explain lists
  // those values instead of the rows' keys, so the expression should give a
  // key (an org unit's, for a count of distinct units).
  std::string distinct;
  std::vector<MeasureParam> params;
  std::string over;  // the kind whose rows are counted; "" = the declaring kind
  // Non-empty: the rows are those of this SQL view (declared by a migration,
  // with a unit_id column) instead of a kind's table — for a measure over
  // rows no table holds one by one, such as the agencies of several kinds'
  // records.
  std::string view;

  // Chained modifiers: count_of(...).with({"min_yuan", ...}).rows_of("org_unit")
  MeasureDecl&& with(MeasureParam p) && {
    params.push_back(std::move(p));
    return std::move(*this);
  }
  MeasureDecl&& rows_of(std::string kind) && {
    over = std::move(kind);
    return std::move(*this);
  }
  MeasureDecl&& rows_of_view(std::string name) && {
    view = std::move(name);
    return std::move(*this);
  }
};

// Rows counted.
MeasureDecl count_of(std::string code, std::string label, Dating dating, std::string condition = "1");
// `expression` summed over the rows; unit count | yuan | hours.
MeasureDecl sum_of(std::string code, std::string label, Dating dating, std::string expression,
                   std::string unit, std::string condition = "1");
// The distinct non-null values of `expression` over the rows counted: not
// additive over a unit tree (see above).
MeasureDecl distinct_of(std::string code, std::string label, Dating dating, std::string expression,
                        std::string condition = "1");

struct IndicatorDecl {
  std::string code;
  std::string label;
  std::string measure;      // count | ratio | yuan | hours | days
  std::string numerator;    // measure code
  std::string denominator;  // measure code, ratios only
  std::string breakdown;         // column of t the numerator is broken down by; ""
  std::string breakdown_labels;  // fz_labels set of the breakdown's codes
  // The law or the assessment expects this ratio at 100%: the annual report
  // lists it among the shortcomings when it is below.
  bool should_be_full = false;

  IndicatorDecl&& by(std::string column, std::string labels) && {
    breakdown = std::move(column);
    breakdown_labels = std::move(labels);
    return std::move(*this);
  }
  IndicatorDecl&& full() && {
    should_be_full = true;
    return std::move(*this);
  }
};

// A figure read off one measure: measure is count | yuan | hours | days.
IndicatorDecl figure(std::string code, std::string label, std::string numerator,
                     std::string measure = "count");
// numerator / denominator, as a percentage.
IndicatorDecl rate(std::string code, std::string label, std::string numerator,
                   std::string denominator);
// numerator / denominator as it is: an average such as working days per
// licence (a sum over a count); measure days | hours | yuan | count.
IndicatorDecl average(std::string code, std::string label, std::string total, std::string count,
                      std::string measure);

}  // namespace fazhi::domain
