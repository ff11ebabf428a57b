#include "indicators/catalogue.hpp"

#include "domain/deadline_indicators.hpp"
#include "domain/kind.hpp"
#include "domain/labels.hpp"
#include "nearest.hpp"
#include "quote.hpp"

#include <fazhi/error.hpp>

#include <deque>

namespace fazhi::indicators {
namespace {

// Everything the kinds declare, resolved once: bases shared by name, measures
// pointing at them, indicators in registry order.
struct Catalogue {
  std::deque<Base> bases;  // stable addresses: measures point at them
  std::vector<Measure> measures;
  std::vector<IndicatorDef> indicators;
  std::vector<Measure> members;  // "code[member]" of every breakdown
};

// "code[member]" as its two parts; false for a code without a member.
bool split_member(const std::string& code, std::string& indicator, std::string& member) {
  const std::size_t open = code.find('[');
  if (open == std::string::npos || code.back() != ']') return false;
  indicator = code.substr(0, open);
  member = code.substr(open + 1, code.size() - open - 2);
  return true;
}

// `text` as an SQL string literal.
std::string sql_literal(const std::string& text) {
  std::string out = "'";
  for (char ch : text) out += ch == '\'' ? std::string("''") : std::string(1, ch);
  return out + "'";
}

// One measure per member of each breakdown: the numerator's rows whose
// breakdown column holds the member's code (a declared code, so it can be
// written into the SQL as a literal).
void add_members(Catalogue& c) {
  for (const IndicatorDef& d : c.indicators) {
    if (d.breakdown.empty() || d.breakdown_labels.empty()) continue;  // free text has no members
    const Measure* numerator = nullptr;
    for (const Measure& m : c.measures)
      if (m.code == d.numerator) numerator = &m;
    const nlohmann::json members = domain::labels(d.breakdown_labels);
    for (auto it = members.begin(); it != members.end(); ++it) {
      Measure m = *numerator;
      m.code = d.code + "[" + it.key() + "]";
      m.label = d.label + "：" + it.value().get<std::string>();
      m.condition = "(" + numerator->condition + ") AND " + d.breakdown + " = " + sql_literal(it.key());
      c.members.push_back(std::move(m));
    }
  }
}

template <class T>
bool find_in(const std::vector<T>& items, const std::string& code) {
  for (const T& item : items)
    if (item.code == code) return true;
  return false;
}

// The base of `table` (a kind's table or a view) under `dating`.
const Base* base_for(Catalogue& c, const std::string& table, const std::string& unit_column,
                     const domain::Dating& dating) {
  const std::string name = table + "@" + dating.name;
  for (const Base& b : c.bases) {
    if (b.name != name) continue;
    // One name, one meaning: two declarations of a base must agree.
    if (b.period_filter != dating.filter)
      throw Error(Status::internal, "base " + name + " is declared with two different filters");
    return &b;
  }
  if (unit_column.empty())
    throw Error(Status::internal, "measures count rows of " + table + ", which belong to no unit");
  c.bases.push_back({name, table, unit_column, dating.filter});
  return &c.bases.back();
}

void add_declared(Catalogue& c, const domain::Kind* kind, const std::vector<domain::MeasureDecl>& measures,
                  const std::vector<domain::IndicatorDecl>& indicators) {
  for (const domain::MeasureDecl& d : measures) {
    if (find_in(c.measures, d.code)) throw Error(Status::internal, "measure " + d.code + " is declared twice");
    // A view's rows name their unit in unit_id, as the kinds' tables do.
    const Base* base = nullptr;
    if (!d.view.empty()) {
      base = base_for(c, d.view, "unit_id", d.dating);
    } else {
      if (!kind && d.over.empty())
        throw Error(Status::internal, "measure " + d.code + " names neither a kind nor a view");
      const domain::Kind& rows = d.over.empty() ? *kind : domain::kind_named(d.over);
      base = base_for(c, rows.table, rows.unit_column, d.dating);
    }
    c.measures.push_back({d.code, d.label, base, d.condition, d.sum, d.unit, d.params, d.distinct});
  }
  for (const domain::IndicatorDecl& d : indicators) {
    if (find_in(c.indicators, d.code))
      throw Error(Status::internal, "indicator " + d.code + " is declared twice");
    c.indicators.push_back({d.code, d.label, d.measure, d.numerator, d.denominator, d.breakdown,
                            d.breakdown_labels, d.should_be_full});
  }
}

Catalogue build() {
  Catalogue c;
  for (const domain::Kind* kind : domain::all_kinds()) add_declared(c, kind, kind->measures, kind->indicators);
  // The deadlines of every kind, from due_date.
  add_declared(c, nullptr, domain::deadline_measures(), domain::deadline_indicators());
  // Every indicator names measures that exist.
  for (const IndicatorDef& d : c.indicators)
    for (const std::string* m : {&d.numerator, &d.denominator})
      if (!m->empty() && !find_in(c.measures, *m))
        throw Error(Status::internal, "indicator " + d.code + " names unknown measure " + *m);
  add_members(c);
  return c;
}

const Catalogue& the_catalogue() {
  static const Catalogue c = build();
  return c;
}

}  // namespace

const std::vector<Measure>& measures() { return the_catalogue().measures; }

const std::vector<IndicatorDef>& catalogue() { return the_catalogue().indicators; }

const Measure* find_measure(const std::string& code) {
  for (const Measure& m : measures())
    if (m.code == code) return &m;
  if (code.find('[') != std::string::npos)
    for (const Measure& m : the_catalogue().members)
      if (m.code == code) return &m;
  return nullptr;
}

const IndicatorDef* find_indicator(const std::string& code) {
  for (const IndicatorDef& d : catalogue())
    if (d.code == code) return &d;
  return nullptr;
}

std::string why_not_in_catalogue(const std::string& code) {
  if (find_indicator(code) || find_measure(code)) return {};
  std::string indicator, member;
  std::vector<std::string> codes;
  for (const IndicatorDef& d : catalogue()) codes.push_back(d.code);
  if (!split_member(code, indicator, member))
    return "unknown indicator code " + quote(code) + did_you_mean(code, codes);
  const IndicatorDef* d = find_indicator(indicator);
  if (!d) return "unknown indicator code " + quote(indicator) + did_you_mean(indicator, codes);
  if (d->breakdown.empty()) return indicator + " has no breakdown, so no member " + quote(member);
  if (d->breakdown_labels.empty())
    return indicator + " is broken down by free text, which has no members to name (" + quote(member) + ")";
  std::string known;
  for (const Measure& m : the_catalogue().members)
    if (m.code.compare(0, indicator.size() + 1, indicator + "[") == 0)
      known += (known.empty() ? "" : ", ") + m.code.substr(indicator.size() + 1, m.code.size() - indicator.size() - 2);
  return quote(member) + " is not a member of the breakdown of " + indicator + " (members: " + known + ")";
}

}  // namespace fazhi::indicators
