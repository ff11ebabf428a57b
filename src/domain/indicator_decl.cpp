#include "domain/indicator_decl.hpp"

namespace fazhi::domain {

Dating by_date(const std::string& column) {
  return {column, "t." + column + " BETWEEN :from AND :to"};
}

Dating on_last_day(std::string condition) { return {"last_day", std::move(condition)}; }

Dating overlapping(const std::string& start, const std::string& end) {
  return {"overlap", "t." + start + " <= :to AND (t." + end + " IS NULL OR t." + end + " >= :from)"};
}

Dating units_in_existence() {
  return on_last_day(
      "(t.active_from IS NULL OR t.active_from <= :to) AND (t.active_to IS NULL OR t.active_to >= :to)");
}

MeasureDecl count_of(std::string code, std::string label, Dating dating, std::string condition) {
  MeasureDecl m;
  m.code = std::move(code);
  m.label = std::move(label);
  m.dating = std::move(dating);
  m.condition = std::move(condition);
  return m;
}

MeasureDecl sum_of(std::string code, std::string label, Dating dating, std::string expression,
                   std::string unit, std::string condition) {
  MeasureDecl m = count_of(std::move(code), std::move(label), std::move(dating), std::move(condition));
  m.sum = std::move(expression);
  m.unit = std::move(unit);
  return m;
}

MeasureDecl distinct_of(std::string code, std::string label, Dating dating, std::string expression,
                        std::string condition) {
  MeasureDecl m = count_of(std::move(code), std::move(label), std::move(dating), std::move(condition));
  m.distinct = std::move(expression);
  return m;
}

IndicatorDecl figure(std::string code, std::string label, std::string numerator, std::string measure) {
  IndicatorDecl d;
  d.code = std::move(code);
  d.label = std::move(label);
  d.measure = std::move(measure);
  d.numerator = std::move(numerator);
  return d;
}

IndicatorDecl rate(std::string code, std::string label, std::string numerator, std::string denominator) {
  IndicatorDecl d = figure(std::move(code), std::move(label), std::move(numerator), "ratio");
  d.denominator = std::move(denominator);
  return d;
}

IndicatorDecl average(std::string code, std::string label, std::string total, std::string count,
                      std::string measure) {
  IndicatorDecl d = figure(std::move(code), std::move(label), std::move(total), std::move(measure));
  d.denominator = std::move(count);
  return d;
}

}  // namespace fazhi::domain
