#include "report/report_data.hpp"

#include "domain/findings.hpp"
#include "domain/kind.hpp"
#include "domain/labels.hpp"
#include "domain/personal_names.hpp"
#include "domain/record_store.hpp"

#include <fazhi/error.hpp>
#include <fazhi/period.hpp>

#include <algorithm>
#include <cstdio>

namespace fazhi::report {

using json = nlohmann::json;

const IndicatorValue& ReportData::value(const std::string& code) const {
  for (const IndicatorValue& v : indicators)
    if (v.code == code) return v;
  throw Error(Status::internal, "the report needs indicator " + code);
}

namespace {

std::string month_period(int year, int month) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

}  // namespace

ReportData read_report_data(store::Connection& conn, indicators::Engine& engine,
                            const std::string& unit, int year, const json& params) {
  if (year < 1900 || year > 9999) throw Error(Status::argument, "year", "expected a year such as 2022");
  ReportData d;
  d.unit = unit;
  d.year = year;
  const domain::Kind& org_unit = domain::kind_named("org_unit");
  const json unit_record =
      domain::get_record(conn, org_unit, domain::require_record(conn, org_unit, unit));
  d.unit_name = unit_record.at("name").get<std::string>();

  const Period period = Period::parse(std::to_string(year));
  d.indicators = engine.evaluate(engine.all_codes(), unit, period, params);
  for (int m = 1; m <= 12; ++m)
    d.mediation_received_by_month[static_cast<std::size_t>(m - 1)] =
        engine.evaluate({"mediation.received"}, unit, Period::parse(month_period(year, m)), json())
            .at(0)
            .value;

  const json coverage = engine.explain("adviser.coverage", unit, period, json());
  for (const json& key : coverage.at("missing")) {
    const json u = domain::get_record(
        conn, org_unit, domain::require_record(conn, org_unit, key.get<std::string>()));
    d.units_without_adviser.push_back(u.at("name").get<std::string>());
  }

  const std::string year_text = std::to_string(year);
  d.narratives = domain::list_records(conn, domain::kind_named("narrative"),
                                      {{"unit", unit}, {"where", {{"year", year}}}})
                     .at("items");
  std::stable_sort(d.narratives.begin(), d.narratives.end(), [](const json& a, const json& b) {
    const auto order = [](const json& n) { return n.value("order", std::int64_t{0}); };
    return order(a) != order(b) ? order(a) < order(b)
                                : a.at("key").get<std::string>() < b.at("key").get<std::string>();
  });
  d.activities = domain::list_records(conn, domain::kind_named("leadership_activity"),
                                      {{"unit", unit}, {"subtree", true}, {"period", year_text}})
                     .at("items");
  std::stable_sort(d.activities.begin(), d.activities.end(), [](const json& a, const json& b) {
    const std::string da = a.value("date", ""), db = b.value("date", "");
    return da != db ? da < db : a.at("key").get<std::string>() < b.at("key").get<std::string>();
  });
  d.error_findings =
      domain::list_findings(conn, {{"unit", unit}, {"subtree", true}, {"period", year_text}, {"severity", "error"}})
          .at("items");
  d.activity_labels = domain::labels("leadership_activity.kind");
  for (const IndicatorValue& v : d.indicators)
    if (!v.breakdown_labels.empty() && !d.breakdown_labels.contains(v.breakdown_labels))
      d.breakdown_labels[v.breakdown_labels] = domain::labels(v.breakdown_labels);
  d.personal_names = domain::personal_names(conn);
  d.provisional_records = domain::provisional_record_counts(conn, &unit);
  d.organisation_names = domain::organisation_names(conn);
  return d;
}

}  // namespace fazhi::report
