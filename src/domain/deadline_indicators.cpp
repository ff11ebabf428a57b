#include "domain/deadline_indicators.hpp"

namespace fazhi::domain {
namespace {

// The due date as it stood on `day` (an SQL expression): an extension
// recorded after that day had not yet moved it.
std::string due_as_of(const std::string& day) {
  return "(CASE WHEN t.moved_on > " + day + " THEN t.due_before ELSE t.due END)";
}

}  // namespace

const std::vector<MeasureDecl>& deadline_measures() {
  static const std::vector<MeasureDecl> measures = {
      count_of("alerts.overdue", "期末超期未办的事项",
               on_last_day("t.lapses = 0 AND (t.met IS NULL OR t.met > :to) AND " + due_as_of(":to") + " < :to"))
          .rows_of_view("due_date"),
      count_of("alerts.concluded_late", "期限届满后办理的事项", by_date("met"),
               "t.lapses = 0 AND t.met > " + due_as_of("t.met"))
          .rows_of_view("due_date"),
  };
  return measures;
}

const std::vector<IndicatorDecl>& deadline_indicators() {
  static const std::vector<IndicatorDecl> indicators = {
      figure("alerts.overdue", "期末超期未办事项数", "alerts.overdue").by("t.kind", "kinds"),
      figure("alerts.concluded_late", "逾期办理事项数", "alerts.concluded_late").by("t.kind", "kinds"),
  };
  return indicators;
}

}  // namespace fazhi::domain
