#include "indicators/engine.hpp"

#include "domain/labels.hpp"
#include "domain/record_state.hpp"
#include "domain/record_store.hpp"
#include "domain/record_summary.hpp"
#include "domain/unit_tree.hpp"
#include "quote.hpp"

#include <fazhi/error.hpp>

#include <cmath>
#include <limits>
#include <set>
#include <tuple>

namespace fazhi::indicators {
namespace {

using json = nlohmann::json;

// A distinct count is one aggregate over all of the subtree's rows, whatever
// the plan: SQL counts each value once however many units' rows hold it.
std::string aggregate(const Measure& m) {
  if (!m.distinct.empty())
    return "count(DISTINCT " + m.distinct + ")" +
           (m.condition == "1" ? "" : " FILTER (WHERE " + m.condition + ")");
  if (!m.sum.empty())
    return "coalesce(sum(" + m.sum + ")" + (m.condition == "1" ? "" : " FILTER (WHERE " + m.condition + ")") + ", 0)";
  return m.condition == "1" ? "count(*)" : "count(*) FILTER (WHERE " + m.condition + ")";
}

// A small subtree is read unit by unit through the (unit, date) indexes; a
// subtree holding a large share of the units is read in one pass over the
// table instead. Measured with tests/bench at 1 000 000 mediation cases: a
// row reached through the per-unit indexes costs about eleven times a row of
// the plain scan, so the scan wins once the subtree holds more than about an
// eighth of the rows; the units' share stands in for the rows' share.
constexpr double kScanShare = 0.125;

// FROM ... WHERE ... of a base under a plan. Per unit: the subtree's units
// first, then each unit's index range of rows in the period. Scan: the table
// once; the whole tree needs no unit condition but that the row has a unit,
// a part of it a membership test (the unary + keeps SQLite from turning the
// test back into per-unit index lookups).
std::string from_where(const Base& b, Plan plan) {
  const std::string period = b.period_filter.empty() ? "" : " AND " + b.period_filter;
  switch (plan) {
    case Plan::per_unit:
      return " FROM org_unit u CROSS JOIN " + b.table + " t ON t." + b.unit_column +
             " = u.id WHERE u.path >= :lo AND u.path < :hi" + period;
    case Plan::scan_subtree:
      return " FROM " + b.table + " t WHERE +t." + b.unit_column +
             " IN (SELECT id FROM org_unit WHERE path >= :lo AND path < :hi)" + period;
    case Plan::scan_all:
      break;
  }
  return " FROM " + b.table + " t WHERE t." + b.unit_column + " IS NOT NULL" + period;
}

// A measure's aggregate inside a one-pass scan of its table, where rows of
// several bases (received in the period, closed in it, ...) pass by: its own
// base's period joins its condition.
std::string scan_aggregate(const Measure& m) {
  std::string where = m.condition;
  if (!m.base->period_filter.empty()) where = "(" + m.base->period_filter + ") AND (" + where + ")";
  if (!m.distinct.empty()) return "count(DISTINCT " + m.distinct + ") FILTER (WHERE " + where + ")";
  if (!m.sum.empty()) return "coalesce(sum(" + m.sum + ") FILTER (WHERE " + where + "), 0)";
  return "count(*) FILTER (WHERE " + where + ")";
}

// Money is summed in fen and reported in yuan.
double raw_to_value(const Measure& m, double raw) { return m.unit == "yuan" ? raw / 100.0 : raw; }

const Measure& measure(const std::string& code) {
  const Measure* m = find_measure(code);
  if (!m) throw Error(Status::internal, "catalogue names unknown measure " + code);
  return *m;
}

}  // namespace

const Engine::Custom& Engine::custom(const std::string& code) {
  auto q = conn_.statement("SELECT label, measure, expression FROM custom_indicator WHERE code = ?");
  q->bind(1, code);
  if (!q->executeStep()) {
    q->reset();
    throw Error(Status::argument, "code", why_not_in_catalogue(code));
  }
  std::string label = q->getColumn(0).getString(), measure_kind = q->getColumn(1).getString(),
              text = q->getColumn(2).getString();
  auto it = customs_.find(code);
  if (it == customs_.end() || it->second.text != text || it->second.label != label ||
      it->second.measure != measure_kind) {
    Expression e = Expression::parse(text, why_not_in_catalogue);
    customs_.erase(code);
    it = customs_.emplace(code, Custom{label, measure_kind, text, std::move(e)}).first;
  }
  return it->second;
}

std::vector<std::string> Engine::all_codes() {
  std::vector<std::string> codes;
  for (const IndicatorDef& d : catalogue()) codes.push_back(d.code);
  auto q = conn_.statement("SELECT code FROM custom_indicator ORDER BY code");
  while (q->executeStep()) codes.push_back(q->getColumn(0).getString());
  return codes;
}

std::map<std::string, double> Engine::bind_params(const std::vector<const Measure*>& needed,
                                                  const json& params, json& in_effect) {
  if (!params.is_null() && !params.is_object())
    throw Error(Status::argument, "params", "expected a JSON object");
  std::map<std::string, const Param*> declared;
  for (const Measure* m : needed)
    for (const Param& p : m->params) declared[p.name] = &p;
  std::map<std::string, double> bound;
  for (const auto& [name, p] : declared) {
    double v = p->default_value;
    if (params.is_object() && params.contains(name)) {
      const json& given = params[name];
      if (!given.is_number() || given.get<double>() < 0 || !std::isfinite(given.get<double>()))
        throw Error(Status::argument, name, "expected a non-negative number");
      v = given.get<double>();
    }
    in_effect[name] = v;
    bound[p->sql_name] = p->type == "yuan" ? std::llround(v * 100.0) : v;
  }
  if (params.is_object())
    for (auto it = params.begin(); it != params.end(); ++it)
      if (!declared.count(it.key()))
        throw Error(Status::argument, it.key(), "is not a parameter of the requested indicators");
  return bound;
}

void Engine::bind_common(SQLite::Statement& st, const Scope& scope, const Period& period,
                         const std::map<std::string, double>& bound) {
  auto bind_text = [&](const char* name, const std::string& v) {
    if (st.getIndex(name) > 0) st.bind(name, v);
  };
  bind_text(":lo", scope.lo);
  bind_text(":hi", scope.hi);
  bind_text(":from", format_date(period.first()));
  bind_text(":to", format_date(period.last()));
  for (const auto& [name, v] : bound)
    if (st.getIndex(name.c_str()) > 0) {
      if (std::floor(v) == v) st.bind(name.c_str(), static_cast<int64_t>(v));
      else st.bind(name.c_str(), v);
    }
}

Plan Engine::plan_for(const std::string& unit) {
  const auto [lo, hi] = domain::subtree_range(conn_, unit);
  return plan_for_range(lo, hi);
}

Plan Engine::plan_for_range(const std::string& lo, const std::string& hi) {
  if (forced_) return *forced_;
  const std::int64_t in = domain::units_in_range(conn_, lo, hi);
  const std::int64_t all = domain::units_in_all(conn_);
  if (in >= all) return Plan::scan_all;
  if (static_cast<double>(in) >= kScanShare * static_cast<double>(all)) return Plan::scan_subtree;
  return Plan::per_unit;
}

Engine::Scope Engine::scope_of(const std::string& unit) {
  Scope scope;
  std::tie(scope.lo, scope.hi) = domain::subtree_range(conn_, unit);
  scope.plan = plan_for_range(scope.lo, scope.hi);
  return scope;
}

Engine::Values Engine::compute(const std::vector<const Measure*>& needed, const Scope& scope,
                               const Period& period, const std::map<std::string, double>& bound) {
  Values out;
  auto run = [&](const std::string& sql, const std::vector<const Measure*>& list) {
    auto st = conn_.statement(sql);
    bind_common(*st, scope, period, bound);
    st->executeStep();
    for (std::size_t i = 0; i < list.size(); ++i)
      out[list[i]->code] = st->getColumn(static_cast<int>(i)).getDouble();
  };
  if (scope.plan == Plan::per_unit) {
    // One statement per base computes all of its measures in one pass.
    std::map<const Base*, std::vector<const Measure*>> by_base;
    for (const Measure* m : needed) by_base[m->base].push_back(m);
    for (auto& [base, list] : by_base) {
      std::string select;
      for (const Measure* m : list) select += (select.empty() ? "" : ", ") + aggregate(*m);
      run("SELECT " + select + from_where(*base, scope.plan), list);
    }
    return out;
  }
  // One pass per table for all of its bases: the rows of any of their
  // periods are read once, each measure counting those of its own.
  std::map<std::string, std::vector<const Measure*>> by_table;
  for (const Measure* m : needed) by_table[m->base->table].push_back(m);
  for (auto& [table, list] : by_table) {
    std::string select;
    std::set<std::string> periods;
    bool every_row = false;  // a base without a period reads the whole table
    for (const Measure* m : list) {
      select += (select.empty() ? "" : ", ") + scan_aggregate(*m);
      if (m->base->period_filter.empty()) every_row = true;
      else periods.insert(m->base->period_filter);
    }
    Base pass = *list.front()->base;
    pass.period_filter.clear();
    if (!every_row)
      for (const std::string& p : periods)
        pass.period_filter += (pass.period_filter.empty() ? "(" : " OR (") + p + ")";
    if (periods.size() > 1 && !every_row) pass.period_filter = "(" + pass.period_filter + ")";
    run("SELECT " + select + from_where(pass, scope.plan), list);
  }
  return out;
}

IndicatorValue Engine::from_catalogue(const IndicatorDef& def, const Values& v) const {
  IndicatorValue r;
  r.code = def.code;
  r.label = def.label;
  r.measure = def.measure;
  const Measure& num = measure(def.numerator);
  r.numerator = raw_to_value(num, v.at(num.code));
  if (!def.denominator.empty()) {
    r.denominator = raw_to_value(measure(def.denominator), v.at(def.denominator));
    r.no_data = r.denominator == 0;
    // A ratio is a percentage; an average (days per licence) is the quotient.
    const double scale = def.measure == "ratio" ? 100.0 : 1.0;
    r.value = r.no_data ? std::numeric_limits<double>::quiet_NaN() : r.numerator / r.denominator * scale;
  } else {
    r.value = r.numerator;
  }
  return r;
}

std::vector<IndicatorValue> Engine::evaluate(const std::vector<std::string>& codes,
                                             const std::string& unit, const Period& period,
                                             const json& params) {
  const Scope scope = scope_of(unit);
  // Which measures, for this period and for the previous one (prev()).
  std::set<const Measure*> now, before;
  auto need = [&](const std::string& code, bool previous) {
    std::set<const Measure*>& into = previous ? before : now;
    if (const IndicatorDef* d = find_indicator(code)) {
      into.insert(&measure(d->numerator));
      if (!d->denominator.empty()) into.insert(&measure(d->denominator));
    } else {
      into.insert(&measure(code));
    }
  };
  for (const std::string& code : codes) {
    if (find_indicator(code) || find_measure(code)) {
      need(code, false);
    } else {
      for (const CodeRef& ref : custom(code).expression.references()) need(ref.code, ref.previous);
    }
  }
  std::vector<const Measure*> all(now.begin(), now.end());
  all.insert(all.end(), before.begin(), before.end());
  json in_effect = json::object();
  std::map<std::string, double> bound = bind_params(all, params, in_effect);
  Values current = compute({now.begin(), now.end()}, scope, period, bound);
  Values previous;
  if (!before.empty()) previous = compute({before.begin(), before.end()}, scope, period.previous(), bound);

  auto params_of = [&](const std::vector<const Measure*>& ms) {
    json p = json::object();
    for (const Measure* m : ms)
      for (const Param& x : m->params) p[x.name] = in_effect[x.name];
    return p;
  };

  std::vector<IndicatorValue> out;
  for (const std::string& code : codes) {
    IndicatorValue r;
    if (const IndicatorDef* d = find_indicator(code)) {
      r = from_catalogue(*d, current);
      std::vector<const Measure*> ms = {&measure(d->numerator)};
      if (!d->denominator.empty()) ms.push_back(&measure(d->denominator));
      r.params = params_of(ms);
      if (!d->breakdown.empty()) {
        r.broken_down = true;
        r.breakdown_labels = d->breakdown_labels;
        const Measure& m = measure(d->numerator);
        // Only the rows the numerator counts form groups: a breakdown lists
        // no member at 0 (the kinds of action that are not non-coercive).
        auto st = conn_.statement("SELECT " + d->breakdown + ", " + aggregate(m) +
                                  from_where(*m.base, scope.plan) + " AND (" + m.condition +
                                  ") GROUP BY 1 ORDER BY 1");
        bind_common(*st, scope, period, bound);
        while (st->executeStep())
          if (!st->getColumn(0).isNull()) r.breakdown[st->getColumn(0).getString()] = st->getColumn(1).getDouble();
      }
    } else if (const Measure* m = find_measure(code)) {
      r.code = code;
      r.label = m->label;
      r.measure = m->unit;
      r.value = r.numerator = raw_to_value(*m, current.at(code));
      r.params = params_of({m});
    } else {
      const Custom& c = custom(code);
      r.code = code;
      r.label = c.label;
      r.measure = c.measure;
      auto value_of = [&](const CodeRef& ref) -> std::optional<double> {
        const Values& v = ref.previous ? previous : current;
        if (const IndicatorDef* d = find_indicator(ref.code)) {
          IndicatorValue iv = from_catalogue(*d, v);
          return iv.no_data ? std::nullopt : std::optional<double>(iv.value);
        }
        return raw_to_value(measure(ref.code), v.at(ref.code));
      };
      std::optional<double> v = c.expression.evaluate(value_of);
      r.no_data = !v;
      r.value = r.numerator = v ? *v : std::numeric_limits<double>::quiet_NaN();
      if (!v) r.numerator = 0;
    }
    out.push_back(std::move(r));
  }
  return out;
}

json Engine::explain(const std::string& code, const std::string& unit, const Period& period,
                     const json& params) {
  IndicatorValue value = evaluate({code}, unit, period, params).at(0);
  std::string num_code, den_code;
  if (const IndicatorDef* d = find_indicator(code)) {
    num_code = d->numerator;
    den_code = d->denominator;
  } else if (find_measure(code)) {
    num_code = code;
  } else {
    throw Error(Status::argument, "code",
                quote(code) + " is a custom indicator; explain the codes its expression uses");
  }
  const Scope scope = scope_of(unit);
  json in_effect = json::object();
  std::vector<const Measure*> ms = {&measure(num_code)};
  if (!den_code.empty()) ms.push_back(&measure(den_code));
  std::map<std::string, double> bound = bind_params(ms, params, in_effect);
  // The records counted; for a distinct count, the distinct values counted
  // (the keys of the agencies, say), each once.
  auto keys_of = [&](const Measure& m) {
    json keys = json::array();
    std::string cond = m.condition;
    if (!m.sum.empty()) cond = "(" + cond + ") AND " + m.sum + " IS NOT NULL AND " + m.sum + " <> 0";
    const std::string select =
        m.distinct.empty() ? "SELECT t.key" : "SELECT DISTINCT " + m.distinct;
    cond = m.distinct.empty() ? cond : "(" + cond + ") AND " + m.distinct + " IS NOT NULL";
    auto st = conn_.statement(select + from_where(*m.base, scope.plan) + " AND (" + cond + ") ORDER BY 1");
    bind_common(*st, scope, period, bound);
    while (st->executeStep()) keys.push_back(st->getColumn(0).getString());
    return keys;
  };
  // The kind whose records a measure counts; null for a distinct count,
  // whose keys are values (agencies), not records.
  auto kind_of = [](const Measure& m) -> const domain::Kind* {
    if (!m.distinct.empty()) return nullptr;
    for (const domain::Kind* k : domain::all_kinds())
      if (k->table == m.base->table) return k;
    return nullptr;
  };
  auto part = [&](const Measure& m) {
    json p = {{"measure", m.code}, {"label", m.label}, {"keys", keys_of(m)}};
    const domain::Kind* k = kind_of(m);
    p["kind"] = k ? json(k->name) : json(nullptr);
    p["kind_label"] = k ? json(k->label) : json(nullptr);
    return p;
  };
  const Measure& num = measure(num_code);
  json out = {{"code", code}, {"unit", unit}, {"period", period.text()}, {"value", value.to_json()}};
  out["numerator"] = part(num);
  out["denominator"] = nullptr;
  if (!den_code.empty()) {
    const Measure& den = measure(den_code);
    out["denominator"] = part(den);
    std::set<std::string> counted(out["numerator"]["keys"].begin(), out["numerator"]["keys"].end());
    json missing = json::array(), described = json::array();
    const domain::Kind* k = kind_of(den);
    for (const json& key : out["denominator"]["keys"]) {
      if (counted.count(key.get<std::string>())) continue;
      missing.push_back(key);
      // What each left-out record is, in Chinese (its dates and its codes'
      // labels: 调解结果：调解不成), which is what a user asks of a rate below
      // 100%. Read one by one: these are the exceptions, few where it matters.
      json summary = nullptr;
      if (k)
        if (const auto id = domain::find_record(conn_, *k, key.get<std::string>()))
          summary = domain::record_summary(*k, domain::get_record(conn_, *k, *id));
      described.push_back({{"key", key}, {"summary", summary}});
    }
    out["missing"] = missing;
    out["missing_records"] = described;
  }
  return out;
}

void Engine::define(const json& def, store::Journal& journal, const std::string& actor) {
  if (!def.is_object()) throw Error(Status::argument, "definition", "expected a JSON object");
  for (auto it = def.begin(); it != def.end(); ++it)
    if (it.key() != "code" && it.key() != "label" && it.key() != "expression" && it.key() != "measure")
      throw Error(Status::argument, it.key(), "unknown field of an indicator definition");
  auto need = [&](const char* name) {
    if (!def.contains(name) || !def[name].is_string() || def[name].get<std::string>().empty())
      throw Error(Status::argument, name, "is required (a non-empty string)");
    return def[name].get<std::string>();
  };
  std::string code = need("code"), label = need("label"), text = need("expression");
  // custom.name[.name...], names of a-z 0-9 _.
  bool well_formed = code.size() > 7 && code.compare(0, 7, "custom.") == 0 && code.back() != '.';
  for (std::size_t i = 7; well_formed && i < code.size(); ++i) {
    char c = code[i];
    well_formed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (c == '.' && code[i - 1] != '.');
  }
  if (!well_formed)
    throw Error(Status::argument, "code", quote(code) + ": custom codes look like custom.name (a-z, 0-9, _)");
  std::string measure_kind = def.contains("measure") && def["measure"].is_string() ? def["measure"].get<std::string>() : "value";
  static const std::set<std::string> kinds = {"value", "count", "ratio", "hours", "yuan", "days"};
  if (!kinds.count(measure_kind))
    throw Error(Status::argument, "measure", "expected value|count|ratio|hours|yuan|days");
  Expression::parse(text, why_not_in_catalogue);

  auto q = conn_.statement(
      "INSERT INTO custom_indicator (code, label, expression, measure) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (code) DO UPDATE SET label = excluded.label, expression = excluded.expression, "
      "measure = excluded.measure");
  q->bind(1, code);
  q->bind(2, label);
  q->bind(3, text);
  q->bind(4, measure_kind);
  q->exec();
  auto id = conn_.statement("SELECT rowid FROM custom_indicator WHERE code = ?");
  id->bind(1, code);
  id->executeStep();
  std::int64_t rowid = id->getColumn(0).getInt64();
  journal.append(actor, "custom_indicator", code, rowid, "define",
                 {{"label", label}, {"expression", text}, {"measure", measure_kind}}, false,
                 domain::custom_indicator_state(rowid, code, label, text, measure_kind));
}

json Engine::labels() {
  json out = json::object();
  for (const IndicatorDef& d : catalogue()) out[d.code] = d.label;
  for (const Measure& m : measures())
    if (!out.contains(m.code)) out[m.code] = m.label;
  auto q = conn_.statement("SELECT code, label FROM custom_indicator ORDER BY code");
  while (q->executeStep()) out[q->getColumn(0).getString()] = q->getColumn(1).getString();
  return out;
}

}  // namespace fazhi::indicators

namespace fazhi {

nlohmann::json IndicatorValue::to_json() const {
  nlohmann::json j = {{"code", code},           {"label", label},
                      {"measure", measure},     {"numerator", numerator},
                      {"denominator", denominator}, {"status", no_data ? "no_data" : "ok"}};
  j["value"] = no_data ? nlohmann::json(nullptr) : nlohmann::json(value);
  // Money also as exact fen, as records give it.
  if (measure == "yuan" && !no_data) j["fen"] = std::llround(value * 100.0);
  if (broken_down) {
    j["breakdown"] = breakdown;
    if (!breakdown_labels.empty()) j["breakdown_labels"] = breakdown_labels;
  }
  if (params.is_object() && !params.empty()) j["params"] = params;
  return j;
}

}  // namespace fazhi
