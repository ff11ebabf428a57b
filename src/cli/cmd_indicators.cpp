// fazhi indicators DB --unit U --period P [--code C...] [--format table|json|csv|xlsx]
//                   [--output FILE]
// fazhi explain DB CODE --unit U --period P
//
// The table is for people: Chinese labels, rates as 98.5%, no_data as 无数据,
// columns aligned by display width so Chinese text lines up in a terminal.
// Rates follow the report's rule (src/percent_text.hpp), with one decimal
// always shown: 100.0% only when exactly 100%, 99.9992% for 250132/250134.
// The CSV and XLSX are for offices and programs alike: Chinese headers,
// each indicator's value in full (a rate's every digit, shortest round
// trip) beside the value as the table shows it, and a row per member of a
// breakdown under its indicator.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "../percent_text.hpp"
#include "commands.hpp"
#include "console.hpp"
#include "library.hpp"
#include "sheet_writer.hpp"
#include "store/file_target.hpp"
#include "unit_argument.hpp"
#include "utf8_text.hpp"
#include "validators.hpp"

namespace fazhi::cli {
namespace {

using nlohmann::json;

std::string number(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// How an official writes the value: 98.5%, 826.5小时, 1000000.00元, 134.
std::string shown_value(const json& item) {
  if (item["value"].is_null()) return "无数据";
  double v = item["value"].get<double>();
  std::string measure = item.value("measure", "");
  if (measure == "ratio") {
    const double den = item.value("denominator", 0.0);
    // A custom ratio indicator has no counts, only its value.
    return den != 0 ? text::ratio_percent(item.value("numerator", 0.0), den, 1, true)
                    : text::value_percent(v, 1, true);
  }
  if (measure == "yuan") return number(v, 2) + "元";
  if (measure == "hours") return (std::floor(v) == v ? number(v, 0) : number(v, 1)) + "小时";
  if (measure == "days") return (std::floor(v) == v ? number(v, 0) : number(v, 1)) + "天";
  return std::floor(v) == v ? number(v, 0) : number(v, 2);
}

std::string plain(double v) { return std::floor(v) == v ? number(v, 0) : number(v, 2); }

// Every digit a double needs to read back the same, in fixed notation:
// 250132/250134 as 99.99920042857269, never rounded to 100.
std::string full(double v) {
  char buf[512];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  return r.ec == std::errc() ? std::string(buf, r.ptr) : number(v, 17);
}

// The CSV's value: a rate in full, other measures as plain() writes them.
std::string csv_value(const json& item) {
  if (item["value"].is_null()) return "";
  const double v = item["value"].get<double>();
  return item.value("measure", "") == "ratio" ? full(v) : plain(v);
}

struct Options {
  std::string path, unit, period, format = "table", output;
  std::vector<std::string> codes;
};

// A breakdown's member labels (breakdown_labels names the set); a breakdown
// by free text (违法行为) has no label set: its keys are the text.
json breakdown_names(fz_db* db, const json& item) {
  const std::string set = item.value("breakdown_labels", "");
  FzText labels;
  if (!set.empty() && fz_labels(db, set.c_str(), labels.out()) == FZ_OK) return labels.json("读取标签");
  return json::object();
}

SheetCell text_cell(std::string text) { return {std::move(text), std::nullopt}; }
SheetCell number_cell(std::string text, double v) { return {std::move(text), v}; }

// The unit's name, for the sheet: the key when it has none.
std::string unit_name(fz_db* db, const std::string& key) {
  FzText unit;
  if (fz_get(db, "org_unit", key.c_str(), unit.out()) != FZ_OK) return key;
  return unit.json("读取单位").value("name", key);
}

// The rows of --format csv|xlsx: one per indicator, then one per member of
// its breakdown ("enforcement.actions[penalty]", the code fz_indicator
// takes for that figure).
std::vector<SheetRow> sheet_rows(fz_db* db, const std::string& unit, const json& all) {
  std::vector<SheetRow> rows;
  rows.push_back({text_cell("指标代码"), text_cell("指标"), text_cell("分项"), text_cell("数值"),
                  text_cell("显示值"), text_cell("分子"), text_cell("分母"), text_cell("单位"),
                  text_cell("单位编码"), text_cell("期间"), text_cell("起始日"), text_cell("截止日")});
  const std::string name = unit_name(db, unit);
  const std::string period = all.value("period", ""), first = all.value("first", ""), last = all.value("last", "");
  const auto tail = [&](SheetRow& row) {
    for (const std::string& t : {name, unit, period, first, last}) row.push_back(text_cell(t));
  };
  for (const json& i : all["indicators"]) {
    const std::string code = i["code"], label = i["label"];
    SheetRow row = {text_cell(code), text_cell(label), text_cell("")};
    row.push_back(i["value"].is_null() ? text_cell("") : number_cell(csv_value(i), i["value"].get<double>()));
    row.push_back(text_cell(shown_value(i)));
    const bool fraction = i.value("measure", "") == "ratio" || i.value("denominator", 0.0) != 0;
    if (fraction) {
      const double num = i["numerator"].get<double>(), den = i["denominator"].get<double>();
      row.push_back(number_cell(plain(num), num));
      row.push_back(number_cell(plain(den), den));
    } else {
      row.push_back(text_cell(""));
      row.push_back(text_cell(""));
    }
    tail(row);
    rows.push_back(std::move(row));
    if (!i.contains("breakdown")) continue;
    const json names = breakdown_names(db, i);
    for (auto it = i["breakdown"].begin(); it != i["breakdown"].end(); ++it) {
      const double v = it->get<double>();
      SheetRow member = {text_cell(code + "[" + it.key() + "]"), text_cell(label),
                         text_cell(names.value(it.key(), it.key())), number_cell(plain(v), v),
                         text_cell(plain(v)), text_cell(""), text_cell("")};
      tail(member);
      rows.push_back(std::move(member));
    }
  }
  return rows;
}

void write_sheet(fz_db* db, const Options& o, const std::string& unit, const json& all) {
  const std::vector<SheetRow> rows = sheet_rows(db, unit, all);
  const std::string bytes = o.format == "csv" ? csv_text(rows) : xlsx_bytes(rows, "指标");
  if (o.output.empty()) {
    console::out(bytes);
    return;
  }
  // By the rules of every file fazhi writes (store/file_target.hpp).
  try {
    store::FileTarget file(o.output, store::database_files(o.path));
    file.write(bytes);
    file.commit();
  } catch (const store::FileTargetError& e) {
    throw CliError(e.reason() == store::FileTargetError::Reason::refused ? kExitUsage : kExitData,
                   "写入 " + o.output + ": " + e.what());
  }
  console::out("已写入 " + o.output + "\n");
}

void run_indicators(const Options& o) {
  if (o.format == "xlsx" && o.output.empty())
    throw CliError(kExitUsage, "--format xlsx 需要 --output FILE (Excel 文件不能输出到终端)");
  if (!o.output.empty() && o.format != "csv" && o.format != "xlsx")
    throw CliError(kExitUsage, "--output 只用于 --format csv 或 xlsx");
  Database db(o.path, {{"create", false}, {"read_only", true}});
  const std::string unit = unit_key(db.get(), o.unit);
  json query = {{"unit", unit}, {"period", o.period}};
  if (!o.codes.empty()) query["codes"] = o.codes;
  FzText result;
  check(fz_indicators(db.get(), query.dump().c_str(), result.out()), "计算指标");
  json all = result.json("计算指标");
  if (o.format == "json") {
    console::out(all.dump(2) + "\n");
    return;
  }
  const json& items = all["indicators"];
  if (o.format == "csv" || o.format == "xlsx") {
    write_sheet(db.get(), o, unit, all);
    return;
  }
  std::vector<std::vector<std::string>> rows = {{"指标", "数值", "分子/分母", "代码"}};
  for (const json& i : items) {
    std::string fraction = i["measure"] == "ratio"
                               ? plain(i["numerator"].get<double>()) + "/" + plain(i["denominator"].get<double>())
                               : "";
    rows.push_back({i["label"], shown_value(i), fraction, i["code"]});
    if (i.contains("breakdown")) {
      const json names = breakdown_names(db.get(), i);
      for (auto it = i["breakdown"].begin(); it != i["breakdown"].end(); ++it)
        rows.push_back({"  " + names.value(it.key(), it.key()), plain(it->get<double>()), "", ""});
    }
  }
  console::out(unit + " " + all["period"].get<std::string>() + "（" + all["first"].get<std::string>() + " 至 " +
               all["last"].get<std::string>() + "）\n");
  console::out(columns(rows));
}

void run_explain(const std::string& path, const std::string& code, const std::string& unit,
                 const std::string& period) {
  Database db(path, {{"create", false}, {"read_only", true}});
  FzText result;
  const std::string key = unit_key(db.get(), unit);
  check(fz_explain(db.get(), code.c_str(), key.c_str(), period.c_str(), nullptr, result.out()),
        "解释指标 " + code);
  json e = result.json("解释指标");
  const json& value = e["value"];
  console::out(value["label"].get<std::string>() + "（" + code + "）: " + shown_value(value) + "\n");
  auto list = [&](const char* title, const json& part) {
    if (part.is_null()) return;
    console::out(std::string(title) + " " + part["label"].get<std::string>() + "（" +
                 std::to_string(part["keys"].size()) + "）:\n");
    for (const json& k : part["keys"]) console::out("  " + k.get<std::string>() + "\n");
  };
  // What a user asks of a rate first: which records kept it from 100% (the
  // failed, late or missing ones), each with what it is in Chinese (its dates
  // and its codes' labels: 调解结果：调解不成), then everything counted.
  if (e.contains("missing_records")) {
    const json& den = e["denominator"];
    const std::string what = den["kind_label"].is_string() ? den["kind_label"].get<std::string>() : "";
    console::out("计入分母但未计入分子的" + what + "（" + std::to_string(e["missing_records"].size()) + "）:\n");
    for (const json& r : e["missing_records"]) {
      std::string line = "  " + r["key"].get<std::string>();
      if (r["summary"].is_string() && !r["summary"].get<std::string>().empty())
        line += "  " + r["summary"].get<std::string>();
      console::out(line + "\n");
    }
  }
  list("分子", e["numerator"]);
  list("分母", e["denominator"]);
}

}  // namespace

void add_indicators_command(CLI::App& app) {
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("indicators", "计算单位（含下级）在某一期间的指标");
  cmd->add_option("DB", o->path, "数据库文件")->required()->check(existing_database());
  cmd->add_option("--unit", o->unit, "单位编码")->required();
  cmd->add_option("--period", o->period, "期间: 2022, 2022H1, 2022Q3, 2022-07, 2022W05, 起/止")->required();
  cmd->add_option("--code", o->codes, "只计算这些指标（可重复）");
  cmd->add_option("--format", o->format,
                  "输出格式: table (默认), json, csv (UTF-8 带 BOM, 中文表头, 含分项行), xlsx (Excel, 需 --output)")
      ->check(CLI::IsMember({"table", "json", "csv", "xlsx"}));
  cmd->add_option("--output", o->output, "写入文件 (csv 默认输出到终端)");
  cmd->callback([o] { run_indicators(*o); });

  auto e = std::make_shared<Options>();
  CLI::App* ex = app.add_subcommand("explain", "列出指标分子、分母所计入的记录");
  ex->add_option("DB", e->path, "数据库文件")->required()->check(existing_database());
  ex->add_option("CODE", e->format, "指标代码")->required();
  ex->add_option("--unit", e->unit, "单位编码")->required();
  ex->add_option("--period", e->period, "期间")->required();
  ex->callback([e] { run_explain(e->path, e->format, e->unit, e->period); });
}

}  // namespace fazhi::cli
