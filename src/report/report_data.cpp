#include "report/report_data.hpp"

#include "domain/findings.hpp"
#include "domain/kind.hpp"
#include "domain/labels.hpp"
#include "domain/personal_names.hpp"
#include "domain/record_store.hpp"
#include "utf8.hpp"

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

std::vector<std::string> checked_mask_names(const json* names) {
  std::vector<std::string> out;
  if (names == nullptr || names->is_null()) return out;
  if (!names->is_array()) throw Error(Status::argument, "mask_names", "expected a list of names");
  if (names->size() > 10000)
    throw Error(Status::argument, "mask_names",
                "holds " + std::to_string(names->size()) + " names; at most 10000");
  for (std::size_t i = 0; i < names->size(); ++i) {
    const json& n = (*names)[i];
    const std::string at = "mask_names[" + std::to_string(i) + "]";
    if (!n.is_string()) throw Error(Status::argument, at, "expected a name (a string)");
    const std::string& name = n.get_ref<const std::string&>();
    if (!is_valid_utf8(name)) throw Error(Status::argument, at, "is not valid UTF-8");
    const std::size_t chars = utf8_length(name);
    // A one-character "name" would mask ordinary words everywhere.
    if (chars < 2 || chars > 64)
      throw Error(Status::argument, at, "a name has 2 to 64 characters, not " + std::to_string(chars));
    out.push_back(name);
  }
  return out;
}

ReportData read_report_texts(store::Connection& conn, const std::string& unit, int year,
                             const std::vector<std::string>& mask_names) {
  if (year < 1900 || year > 9999) throw Error(Status::argument, "year", "expected a year such as 2022");
  ReportData d;
  d.unit = unit;
  d.year = year;
  const domain::Kind& org_unit = domain::kind_named("org_unit");
  const json unit_record =
      domain::get_record(conn, org_unit, domain::require_record(conn, org_unit, unit));
  d.unit_name = unit_record.at("name").get<std::string>();

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
  d.personal_names = domain::personal_names(conn);
  d.personal_names.insert(d.personal_names.end(), mask_names.begin(), mask_names.end());
  d.organisation_names = domain::organisation_names(conn);
  return d;
}

ReportData read_report_data(store::Connection& conn, indicators::Engine& engine,
                            const std::string& unit, int year, const json& params,
                            const std::vector<std::string>& mask_names) {
  ReportData d = read_report_texts(conn, unit, year, mask_names);
  const Period period = Period::parse(std::to_string(year));
  d.indicators = engine.evaluate(engine.all_codes(), unit, period, params);
  for (int m = 1; m <= 12; ++m)
    d.mediation_received_by_month[static_cast<std::size_t>(m - 1)] =
        engine.evaluate({"mediation.received"}, unit, Period::parse(month_period(year, m)), json())
            .at(0)
            .value;

  const domain::Kind& org_unit = domain::kind_named("org_unit");
  const json coverage = engine.explain("adviser.coverage", unit, period, json());
  for (const json& key : coverage.at("missing")) {
    const json u = domain::get_record(
        conn, org_unit, domain::require_record(conn, org_unit, key.get<std::string>()));
    d.units_without_adviser.push_back(u.at("name").get<std::string>());
  }

  d.error_findings =
      domain::list_findings(conn, {{"unit", unit}, {"subtree", true}, {"period", std::to_string(year)}, {"severity", "error"}})
          .at("items");
  d.activity_labels = domain::labels("leadership_activity.kind");
  for (const IndicatorValue& v : d.indicators)
    if (!v.breakdown_labels.empty() && !d.breakdown_labels.contains(v.breakdown_labels))
      d.breakdown_labels[v.breakdown_labels] = domain::labels(v.breakdown_labels);
  d.provisional_records = domain::provisional_record_counts(conn, &unit);
  return d;
}

}  // namespace fazhi::report
