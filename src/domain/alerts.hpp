// alerts.hpp — what is due and what is overdue, as of a day.
//
// The open statutory deadlines of a unit's subtree (the derived table
// due_date, due_dates.hpp) that are past (红色，超期), due that day (今日到期)
// or within a horizon of working days (黄色，临期), ordered by due date, then
// key. A deadline that lapses (a window, an option) is listed up to its last
// day and never as overdue. The answer is read from the table's index; the
// working days left are counted with the handle's calendar.
#pragma once

#include "store/sqlite.hpp"

#include <fazhi/calendar.hpp>

#include <nlohmann/json.hpp>

namespace fazhi::domain {

// Most working days a horizon may reach ahead, and most items one answer
// lists (a caller pages with offset beyond that).
constexpr int kMaxAlertHorizon = 250;
constexpr std::int64_t kMaxAlertItems = 100000;
constexpr std::int64_t kDefaultAlertItems = 1000;

// query: {"unit": key (required; its subtree), "as_of": "YYYY-MM-DD"
// (required), "horizon": working days for every rule (default: each rule's
// own, 3 for most), "horizons": {rule: working days}, "limit": n (default
// 1000, at most 100000), "offset": n}.
// Result: {"unit", "as_of", "total", "counts": {"overdue", "due", "upcoming"},
// "items": [{"kind", "kind_label", "key", "unit", "unit_name", "rule",
// "label", "due", "counted_from", "counting", "counting_label", "status":
// "overdue"|"due"|"upcoming", "working_days": signed (left, or overdue when
// negative), "source", "provisional", "message"}]}.
// Throws Error(argument) naming the option, Error(not_found, "unit").
nlohmann::json alerts(store::Connection& conn, const Calendar& calendar, const nlohmann::json& query);

// "2023年10月7日".
std::string chinese_date(const std::string& iso_date);

}  // namespace fazhi::domain
