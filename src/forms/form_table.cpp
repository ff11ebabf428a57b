#include "forms/form_table.hpp"

#include "domain/kind.hpp"
#include "domain/unit_tree.hpp"
#include "percent_text.hpp"
#include "quote.hpp"

#include <fazhi/error.hpp>

#include <cmath>

namespace fazhi::forms {
namespace {

using nlohmann::json;

std::int64_t fen_of(double yuan) { return std::llround(yuan * 100.0); }

// How a column adds up (form_table.hpp), from the catalogue alone.
FilledColumn describe(const FormColumn& c, const json& labels) {
  FilledColumn out;
  out.code = c.code;
  out.group = c.group;
  out.label = !c.label.empty() ? c.label
                               : labels.contains(c.code) ? labels[c.code].get<std::string>() : c.code;
  if (const indicators::IndicatorDef* d = indicators::find_indicator(c.code)) {
    const indicators::Measure* num = indicators::find_measure(d->numerator);
    out.measure = d->measure;
    if (num && !num->distinct.empty()) out.kind = ColumnKind::whole;
    else out.kind = d->denominator.empty() ? ColumnKind::sum : ColumnKind::quotient;
    if (d->measure == "days" && d->denominator.empty()) out.kind = ColumnKind::whole;
  } else if (const indicators::Measure* m = indicators::find_measure(c.code)) {
    out.measure = m->unit;
    out.kind = m->distinct.empty() ? ColumnKind::sum : ColumnKind::whole;
  } else {
    out.kind = ColumnKind::whole;  // a custom indicator: its measure comes with its value
    out.measure = "value";
  }
  return out;
}

FilledCell cell_of(const FilledColumn& col, const IndicatorValue& v) {
  FilledCell cell;
  cell.no_data = v.no_data;
  cell.value = v.no_data ? 0 : v.value;
  if (col.kind == ColumnKind::quotient) {
    cell.numerator = v.numerator;
    cell.denominator = v.denominator;
  }
  return cell;
}

double quotient_scale(const FilledColumn& col) { return col.measure == "ratio" ? 100.0 : 1.0; }

void set_quotient(const FilledColumn& col, FilledCell& cell) {
  cell.no_data = cell.denominator == 0;
  cell.value = cell.no_data ? 0 : cell.numerator / cell.denominator * quotient_scale(col);
}

// The sum of the rows' cells of a sum or quotient column.
FilledCell add_up(const FilledColumn& col, const std::vector<FilledRow>& rows, std::size_t i) {
  FilledCell total;
  if (col.measure == "yuan") {
    std::int64_t fen = 0;
    for (const FilledRow& r : rows) fen += fen_of(r.cells[i].value);
    total.value = static_cast<double>(fen) / 100.0;
  } else if (col.kind == ColumnKind::quotient) {
    for (const FilledRow& r : rows) {
      total.numerator += r.cells[i].numerator;
      total.denominator += r.cells[i].denominator;
    }
    set_quotient(col, total);
  } else {
    for (const FilledRow& r : rows) total.value += r.cells[i].value;
  }
  return total;
}

// `whole` less `part`, for the remainder row; true when anything is left.
bool difference(const FilledColumn& col, const FilledCell& whole, const FilledCell& part, FilledCell& out) {
  if (col.kind == ColumnKind::whole) {
    out.empty = true;
    return false;
  }
  if (col.kind == ColumnKind::quotient) {
    out.numerator = whole.numerator - part.numerator;
    out.denominator = whole.denominator - part.denominator;
    set_quotient(col, out);
    return std::fabs(out.numerator) > 1e-9 || std::fabs(out.denominator) > 1e-9;
  }
  if (col.measure == "yuan") {
    const std::int64_t fen = fen_of(whole.value) - fen_of(part.value);
    out.value = static_cast<double>(fen) / 100.0;
    return fen != 0;
  }
  out.value = whole.value - part.value;
  return std::fabs(out.value) > 1e-9;
}

struct UnitRow {
  std::string key, name;
};

struct TheUnit {
  std::string key, name, path;
  std::int64_t depth = 0;
};

TheUnit read_unit(store::Connection& conn, const std::string& key) {
  auto q = conn.statement("SELECT key, name, path, depth FROM org_unit WHERE key = ?");
  q->bind(1, key);
  if (!q->executeStep()) {
    domain::subtree_range(conn, key);  // throws not_found naming the key, with its did-you-mean
    throw Error(Status::not_found, "unit", "no unit " + quote(key));
  }
  return {q->getColumn(0).getString(), q->getColumn(1).getString(), q->getColumn(2).getString(),
          q->getColumn(3).getInt64()};
}

// The units a unit part lists: `depth` levels below `unit`, in the period,
// of the kinds asked for; in the order they were entered.
std::vector<UnitRow> unit_rows(store::Connection& conn, const TheUnit& unit, const FormPart& part,
                               const Period& period, const std::string& field) {
  const auto [lo, hi] = domain::subtree_range(conn, unit.key);
  // At most kMaxRows + 1 rows are read: one more says there are too many.
  auto q = conn.statement(
      "SELECT key, name, kind FROM org_unit WHERE path >= ? AND path < ? AND depth = ? "
      "AND (active_from IS NULL OR active_from <= ?) AND (active_to IS NULL OR active_to >= ?) ORDER BY id");
  q->bind(1, lo);
  q->bind(2, hi);
  q->bind(3, static_cast<int64_t>(unit.depth + part.depth));
  q->bind(4, format_date(period.last()));
  q->bind(5, format_date(period.first()));
  std::vector<UnitRow> out;
  while (q->executeStep()) {
    const std::string kind = q->getColumn(2).getString();
    bool wanted = part.unit_kinds.empty();
    for (const std::string& k : part.unit_kinds) wanted = wanted || k == kind;
    if (!wanted) continue;
    if (out.size() == kMaxRows)
      throw Error(Status::argument, field,
                  "lists more than " + std::to_string(kMaxRows) + " units below " + quote(unit.key) +
                      "; a form has at most " + std::to_string(kMaxRows) + " rows a part");
    out.push_back({q->getColumn(0).getString(), q->getColumn(1).getString()});
  }
  return out;
}

std::vector<std::string> codes_of(const FormPart& part) {
  std::vector<std::string> codes;
  for (const FormColumn& c : part.columns) codes.push_back(c.code);
  return codes;
}

FilledPart fill_part(store::Connection& conn, indicators::Engine& engine, const FormPart& part,
                     const TheUnit& unit, const Period& period, const json& labels, const std::string& field) {
  FilledPart out;
  out.title = part.title;
  for (const FormColumn& c : part.columns) out.columns.push_back(describe(c, labels));
  const std::vector<std::string> codes = codes_of(part);
  // The unit's own values: the totals row, and what the rows must add up to.
  const std::vector<IndicatorValue> whole = engine.evaluate(codes, unit.key, period, json());
  for (std::size_t i = 0; i < out.columns.size(); ++i)
    if (out.columns[i].measure == "value" || out.columns[i].kind == ColumnKind::whole)
      if (!whole[i].measure.empty()) out.columns[i].measure = whole[i].measure;
  FilledRow unit_total{"", "合计", "total", {}};
  for (std::size_t i = 0; i < out.columns.size(); ++i) unit_total.cells.push_back(cell_of(out.columns[i], whole[i]));

  std::string remainder_label;
  if (part.rows == FormPart::Rows::breakdown) {
    out.row_label = part.row_label.empty() ? "类别" : part.row_label;
    remainder_label = "未分类";
    const indicators::IndicatorDef* d = indicators::find_indicator(part.breakdown);
    const std::string set = d->breakdown_labels;
    const std::size_t dot = set.find('.');
    const domain::Field* f = domain::kind_named(set.substr(0, dot)).find_field(set.substr(dot + 1));
    for (const domain::Code& member : f->codes) {
      FilledRow row{member.code, member.label, "member", {}};
      for (std::size_t i = 0; i < out.columns.size(); ++i) {
        FilledCell cell;
        const auto it = whole[i].breakdown.find(member.code);
        if (it != whole[i].breakdown.end()) cell.value = out.columns[i].measure == "yuan" ? it->second / 100.0 : it->second;
        row.cells.push_back(cell);
      }
      out.rows.push_back(std::move(row));
    }
  } else {
    out.row_label = part.row_label.empty() ? "单位" : part.row_label;
    remainder_label = part.rows == FormPart::Rows::children ? unit.name + "本级" : "其他单位";
    for (const UnitRow& u : unit_rows(conn, unit, part, period, field + ".rows")) {
      const std::vector<IndicatorValue> values = engine.evaluate(codes, u.key, period, json());
      FilledRow row{u.key, u.name, "unit", {}};
      for (std::size_t i = 0; i < out.columns.size(); ++i) row.cells.push_back(cell_of(out.columns[i], values[i]));
      out.rows.push_back(std::move(row));
    }
  }

  // The remainder row, when the rows do not add up to the unit's figures.
  FilledRow remainder{"", remainder_label, "remainder", {}};
  bool left = false;
  for (std::size_t i = 0; i < out.columns.size(); ++i) {
    FilledCell cell;
    if (difference(out.columns[i], unit_total.cells[i], add_up(out.columns[i], out.rows, i), cell)) left = true;
    remainder.cells.push_back(cell);
  }
  if (left) out.rows.push_back(std::move(remainder));

  if (part.totals) {
    FilledRow totals{"", "合计", "total", {}};
    for (std::size_t i = 0; i < out.columns.size(); ++i)
      totals.cells.push_back(out.columns[i].kind == ColumnKind::whole ? unit_total.cells[i]
                                                                      : add_up(out.columns[i], out.rows, i));
    out.totals = std::move(totals);
  }
  return out;
}

json cell_json(const FilledColumn& col, const FilledCell& cell) {
  json j = {{"value", cell.empty || cell.no_data ? json(nullptr) : json(cell.value)}, {"text", cell_text(col, cell)}};
  if (col.kind == ColumnKind::quotient && !cell.empty) {
    j["numerator"] = cell.numerator;
    j["denominator"] = cell.denominator;
  }
  if (col.measure == "yuan" && !cell.empty && !cell.no_data) j["fen"] = fen_of(cell.value);
  return j;
}

json row_json(const FilledPart& part, const FilledRow& row) {
  json cells = json::array();
  for (std::size_t i = 0; i < part.columns.size(); ++i) cells.push_back(cell_json(part.columns[i], row.cells[i]));
  return {{"key", row.key.empty() ? json(nullptr) : json(row.key)},
          {"label", row.label},
          {"role", row.role},
          {"cells", cells}};
}

const char* kind_name(ColumnKind k) {
  switch (k) {
    case ColumnKind::sum: return "sum";
    case ColumnKind::quotient: return "quotient";
    case ColumnKind::whole: return "whole";
  }
  return "whole";
}

}  // namespace

std::string cell_text(const FilledColumn& column, const FilledCell& cell) {
  if (cell.empty) return "";
  if (cell.no_data) return "无数据";
  if (column.measure == "ratio") {
    if (column.kind == ColumnKind::quotient)
      return text::ratio_percent(cell.numerator, cell.denominator, 1, true);
    return text::value_percent(cell.value, 1, true);
  }
  if (column.measure == "yuan") return text::decimal_text(cell.value, 2, true);
  if (column.measure == "count") return text::decimal_text(cell.value, 0);
  return text::decimal_text(cell.value, 2);
}

FilledForm fill_form(store::Connection& conn, indicators::Engine& engine, const FormDefinition& def,
                     const std::string& unit, const Period& period) {
  const TheUnit the_unit = read_unit(conn, unit);
  const json labels = engine.labels();
  FilledForm out;
  out.code = def.code;
  out.title = def.title;
  out.unit_key = the_unit.key;
  out.unit_name = the_unit.name;
  out.period = period.text();
  out.first = format_date(period.first());
  out.last = format_date(period.last());
  for (std::size_t i = 0; i < def.parts.size(); ++i)
    out.parts.push_back(fill_part(conn, engine, def.parts[i], the_unit, period, labels,
                                  "parts[" + std::to_string(i) + "]"));
  out.notes = def.notes;
  return out;
}

json FilledForm::to_json() const {
  json parts_json = json::array();
  for (const FilledPart& p : parts) {
    json cols = json::array();
    for (const FilledColumn& c : p.columns)
      cols.push_back({{"code", c.code},
                      {"label", c.label},
                      {"group", c.group.empty() ? json(nullptr) : json(c.group)},
                      {"kind", kind_name(c.kind)},
                      {"measure", c.measure}});
    json rows = json::array();
    for (const FilledRow& r : p.rows) rows.push_back(row_json(p, r));
    parts_json.push_back({{"title", p.title.empty() ? json(nullptr) : json(p.title)},
                          {"row_label", p.row_label},
                          {"columns", cols},
                          {"rows", rows},
                          {"totals", p.totals ? row_json(p, *p.totals) : json(nullptr)}});
  }
  return {{"form", code},
          {"title", title},
          {"unit", {{"key", unit_key}, {"name", unit_name}}},
          {"period", {{"text", period}, {"first", first}, {"last", last}}},
          {"parts", parts_json},
          {"notes", notes}};
}

}  // namespace fazhi::forms
