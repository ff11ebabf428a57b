// fazhi form DB FORM --unit U --period P [--format xlsx|csv|json] [--output FILE]
// fazhi forms DB
// fazhi define-form DB FILE.json [--actor NAME]
//
// A statistics form (统计表) filled for a unit and a period: the library
// fills and writes it (fz_form, fz_form_file), so the command's file is the
// host's file byte for byte. Without --format the output file's extension
// decides (.csv is CSV, anything else XLSX); without --output the CSV or
// JSON goes to the terminal (an XLSX needs a file).
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "console.hpp"
#include "library.hpp"
#include "utf8_text.hpp"
#include "unit_argument.hpp"
#include "validators.hpp"

namespace fazhi::cli {
namespace {

using nlohmann::json;

struct FormArgs {
  std::string path, form, unit, period, format, output, definition;
  std::optional<std::string> actor;
};

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

void run_form(const FormArgs& a) {
  std::string format = a.format;
  if (format.empty()) format = a.output.empty() ? "csv" : ends_with(a.output, ".csv") ? "csv" : "xlsx";
  if (format == "xlsx" && a.output.empty())
    throw CliError(kExitUsage, "--format xlsx 需要 --output FILE (Excel 文件不能输出到终端)");
  if (format == "json" && !a.output.empty()) throw CliError(kExitUsage, "--output 只用于 xlsx 或 csv");
  Database db(a.path, {{"create", false}, {"read_only", true}});
  const json query = {{"unit", unit_key(db.get(), a.unit)}, {"period", a.period}};
  if (!a.output.empty()) {
    const fz_status s = fz_form_file(db.get(), a.form.c_str(), query.dump().c_str(), format.c_str(), a.output.c_str());
    check(s, "写入统计表 " + a.output, s == FZ_E_ARGUMENT && std::string(fz_last_error()).rfind("path", 0) == 0
                                            ? kExitUsage
                                            : kExitData);
    console::out("已写入 " + a.output + "\n");
    return;
  }
  FzText text;
  check(fz_form(db.get(), a.form.c_str(), query.dump().c_str(), format.c_str(), text.out()), "填制统计表 " + a.form);
  console::out(std::string(text.view()) + (format == "json" ? "\n" : ""));
}

void run_forms(const std::string& path) {
  Database db(path, {{"create", false}, {"read_only", true}});
  FzText list;
  check(fz_forms(db.get(), list.out()), "列出统计表");
  std::vector<std::vector<std::string>> rows = {{"代码", "名称", "来源"}};
  for (const json& f : list.json("列出统计表"))
    rows.push_back({f["code"], f["title"], f["builtin"].get<bool>() ? "内置" : "自定义"});
  console::out(columns(rows));
}

void run_define(const FormArgs& a) {
  // A definition is a few kilobytes; 1 MiB is far beyond any form.
  constexpr std::size_t kMaxBytes = 1 << 20;
  std::ifstream in(a.definition, std::ios::binary);
  if (!in) throw CliError(kExitData, "无法读取 " + a.definition);
  std::string text;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxBytes) throw CliError(kExitData, a.definition + " 超过 1 MiB, 不是统计表定义");
  }
  json options = {{"create", false}};
  if (a.actor) options["actor"] = *a.actor;
  Database db(a.path, options);
  check(fz_define_form(db.get(), text.c_str()), "定义统计表 " + a.definition);
  db.close();
  console::out("已定义统计表 " + a.definition + "\n");
}

}  // namespace

void add_form_command(CLI::App& app) {
  auto a = std::make_shared<FormArgs>();
  CLI::App* cmd = app.add_subcommand("form", "填制统计表（Excel 或 CSV）");
  cmd->add_option("DB", a->path, "数据库文件")->required()->check(existing_database());
  cmd->add_option("FORM", a->form, "统计表代码: mediation, enforcement, adviser 或自定义的 custom.*")->required();
  cmd->add_option("--unit", a->unit, "填报单位编码或名称")->required();
  cmd->add_option("--period", a->period, "统计期间: 2022, 2022H1, 2022Q3, 2022-07, 起/止")->required();
  cmd->add_option("--format", a->format, "格式: xlsx, csv (UTF-8 带 BOM), json; 默认按 --output 的扩展名")
      ->check(CLI::IsMember({"xlsx", "csv", "json"}));
  cmd->add_option("--output", a->output, "写入文件 (xlsx 必须)");
  cmd->callback([a] { run_form(*a); });

  auto l = std::make_shared<std::string>();
  CLI::App* list = app.add_subcommand("forms", "列出可填制的统计表");
  list->add_option("DB", *l, "数据库文件")->required()->check(existing_database());
  list->callback([l] { run_forms(*l); });

  auto d = std::make_shared<FormArgs>();
  CLI::App* def = app.add_subcommand("define-form", "定义（或替换）自定义统计表");
  def->add_option("DB", d->path, "数据库文件")->required()->check(existing_database());
  def->add_option("FILE", d->definition, "统计表定义 (JSON)")->required();
  def->add_option("--actor", d->actor, "记入日志的操作人");
  def->callback([d] { run_define(*d); });
}

}  // namespace fazhi::cli
