// report_data.hpp — everything the annual report says, read from the database
// in one place: the indicators of the year, the monthly mediation counts, the
// narratives, the leadership activities, the error findings, the units without
// a legal adviser, the personal names the report must not print and the
// organisational names it keeps as they are.
#pragma once

#include "indicators/engine.hpp"
#include "store/sqlite.hpp"

#include <fazhi/indicator.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <map>
#include <string>
#include <vector>

namespace fazhi::report {

struct ReportData {
  std::string unit;       // the org unit's key
  std::string unit_name;  // its name, as the title uses it
  int year = 0;
  std::vector<IndicatorValue> indicators;  // every code, for the year, unit and subtree
  std::array<double, 12> mediation_received_by_month{};
  std::vector<std::string> units_without_adviser;  // names, in the coverage's order
  nlohmann::json narratives = nlohmann::json::array();  // the unit's own, for the year
  nlohmann::json activities = nlohmann::json::array();  // leadership activities in the subtree
  nlohmann::json error_findings = nlohmann::json::array();  // severity error, subtree, year
  nlohmann::json activity_labels = nlohmann::json::object();  // leadership_activity.kind
  // Labels of the breakdowns' codes, by label set: {"adviser_service.kind": {...}}.
  nlohmann::json breakdown_labels = nlohmann::json::object();
  // Every name to be masked: each held in a personal field anywhere in the
  // database (not only in the reported subtree), and those the host asked
  // for (the report option "mask_names").
  std::vector<std::string> personal_names;
  // Records of the subtree whose deadlines wait for a year's holiday
  // schedule (computed by the provisional rule): year -> records.
  std::map<int, std::int64_t> provisional_records;
  std::vector<std::string> organisation_names;  // every one held, never masked
  // The journal's head ({"seq", "hash"}) when the report prints it as
  // 全过程记录校验码 (the report option "journal_head"); null otherwise.
  nlohmann::json journal_head;

  // The value of `code` (a catalogue code of `indicators`). Throws
  // Error(internal) for a code that was not evaluated.
  const IndicatorValue& value(const std::string& code) const;
};

// Reads the report's data for `unit` and its subtree in `year`. `params` go to
// the indicators (e.g. {"min_yuan": 100000}); `mask_names` are masked as well
// as the names held. Throws Error(not_found) for an unknown unit,
// Error(argument) for a year without a valid period.
ReportData read_report_data(store::Connection& conn, indicators::Engine& engine,
                            const std::string& unit, int year, const nlohmann::json& params,
                            const std::vector<std::string>& mask_names = {});

// Only what the report takes from records as text, and the names: unit,
// unit_name, year, narratives, activities, personal_names (with
// `mask_names`) and organisation_names — no indicator is computed. Enough
// for name_review (report/name_review.hpp), and cheap.
ReportData read_report_texts(store::Connection& conn, const std::string& unit, int year,
                             const std::vector<std::string>& mask_names = {});

// The names a host asks to mask (the option "mask_names"): a list of at most
// 10 000 names of 2 to 64 characters. Throws Error(argument) naming
// "mask_names[i]" for anything else.
std::vector<std::string> checked_mask_names(const nlohmann::json* names);

}  // namespace fazhi::report
