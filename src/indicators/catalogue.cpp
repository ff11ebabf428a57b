#include "indicators/catalogue.hpp"

#include "domain/kind.hpp"

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
};

template <class T>
bool find_in(const std::vector<T>& items, const std::string& code) {
  for (const T& item : items)
    if (item.code == code) return true;
  return false;
}

const Base* base_for(Catalogue& c, const domain::Kind& rows, const domain::Dating& dating) {
  const std::string name = rows.table + "@" + dating.name;
  for (const Base& b : c.bases) {
    if (b.name != name) continue;
    // One name, one meaning: two declarations of a base must agree.
    if (b.period_filter != dating.filter)
      throw Error(Status::internal, "base " + name + " is declared with two different filters");
    return &b;
  }
  if (rows.unit_column.empty())
    throw Error(Status::internal, "measures count rows of " + rows.name + ", which belong to no unit");
  c.bases.push_back({name, rows.table, rows.unit_column, dating.filter});
  return &c.bases.back();
}

Catalogue build() {
  Catalogue c;
  for (const domain::Kind* kind : domain::all_kinds()) {
    for (const domain::MeasureDecl& d : kind->measures) {
      const domain::Kind& rows = d.over.empty() ? *kind : domain::kind_named(d.over);
      if (find_in(c.measures, d.code))
        throw Error(Status::internal, "measure " + d.code + " is declared twice");
      c.measures.push_back({d.code, d.label, base_for(c, rows, d.dating), d.condition, d.sum, d.unit, d.params});
    }
    for (const domain::IndicatorDecl& d : kind->indicators) {
      if (find_in(c.indicators, d.code))
        throw Error(Status::internal, "indicator " + d.code + " is declared twice");
      c.indicators.push_back({d.code, d.label, d.measure, d.numerator, d.denominator, d.breakdown,
                              d.breakdown_labels, d.should_be_full});
    }
  }
  // Every indicator names measures that exist.
  for (const IndicatorDef& d : c.indicators)
    for (const std::string* m : {&d.numerator, &d.denominator})
      if (!m->empty() && !find_in(c.measures, *m))
        throw Error(Status::internal, "indicator " + d.code + " names unknown measure " + *m);
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
  return nullptr;
}

const IndicatorDef* find_indicator(const std::string& code) {
  for (const IndicatorDef& d : catalogue())
    if (d.code == code) return &d;
  return nullptr;
}

}  // namespace fazhi::indicators
