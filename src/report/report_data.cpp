#include "report/report_data.hpp"

#include "domain/findings.hpp"
#include "domain/kind.hpp"
#include "domain/labels.hpp"
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

// Every personal name fazhi holds: mediation parties who are persons,
// petitioners, and 法律明白人. The whole database, not just the unit: a name
// from a neighbouring village is no less personal.
std::vector<std::string> personal_names(store::Connection& conn) {
  std::vector<std::string> names;
  auto collect = [&](const std::string& sql) {
    auto& q = conn.prepared(sql);
    while (q.executeStep())
      if (!q.getColumn(0).isNull()) names.push_back(q.getColumn(0).getString());
    q.reset();
  };
  collect(
      "SELECT DISTINCT json_extract(p.value, '$.name') FROM mediation_case c, "
      "json_each(c.parties) p WHERE c.parties IS NOT NULL "
      "AND coalesce(json_extract(p.value, '$.type'), 'person') = 'person'");
  collect(
      "SELECT DISTINCT p.value FROM petition t, json_each(t.petitioners) p "
      "WHERE t.petitioners IS NOT NULL AND p.type = 'text'");
  collect("SELECT DISTINCT name FROM legal_literate");
  return names;
}

// Every organisational name fazhi holds, whole database: units, mediation
// committees, law firms, courts, reviewing and filing bodies, and
// organisations that are mediation parties. They are never masked, even when
// a person's name is part of them (张三村村民委员会).
std::vector<std::string> organisation_names(store::Connection& conn) {
  std::vector<std::string> names;
  auto& q = conn.prepared(
      "SELECT name FROM org_unit UNION SELECT name FROM mediation_committee "
      "UNION SELECT firm FROM adviser UNION SELECT confirmation_court FROM mediation_case "
      "UNION SELECT reviewer FROM decision UNION SELECT filed_with FROM normative_document "
      "UNION SELECT json_extract(p.value, '$.name') FROM mediation_case c, json_each(c.parties) p "
      "WHERE c.parties IS NOT NULL AND json_extract(p.value, '$.type') = 'organisation'");
  while (q.executeStep())
    if (!q.getColumn(0).isNull()) names.push_back(q.getColumn(0).getString());
  q.reset();
  return names;
}

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
      domain::list_findings(conn, {{"unit", unit}, {"period", year_text}, {"severity", "error"}})
          .at("items");
  d.activity_labels = domain::labels("leadership_activity.kind");
  for (const IndicatorValue& v : d.indicators)
    if (!v.breakdown_labels.empty() && !d.breakdown_labels.contains(v.breakdown_labels))
      d.breakdown_labels[v.breakdown_labels] = domain::labels(v.breakdown_labels);
  d.personal_names = personal_names(conn);
  d.provisional_records = domain::provisional_record_counts(conn, &unit);
  d.organisation_names = organisation_names(conn);
  return d;
}

}  // namespace fazhi::report
