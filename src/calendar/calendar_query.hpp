// calendar_query.hpp — calendar arithmetic asked and answered in JSON, the
// form fz_calendar_query and the bindings use (see fazhi.h for the contract).
#pragma once

#include <fazhi/calendar.hpp>

#include <nlohmann/json.hpp>

namespace fazhi {

// request: {"op": "is_working_day", "date"} | {"op": "add_working_days",
// "date", "days"} | {"op": "working_days_between", "from", "to"} |
// {"op": "days_deadline", "date", "days"}, plus "provisional": false to refuse
// a year without a schedule instead of following the provisional rule.
// Answer: {"working": bool} | {"date": "YYYY-MM-DD"} | {"days": n}, with
// "provisional_years": the years the answer assumed (empty when none).
// Throws Error(argument) naming the key for a malformed request.
nlohmann::json calendar_query_json(const Calendar& calendar, const nlohmann::json& request);

}  // namespace fazhi
