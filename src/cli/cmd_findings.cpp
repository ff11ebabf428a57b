// fazhi findings DB [--unit U] [--period P] [--severity S]: the stored
// nonconformities, each with the statute it cites.
#include <memory>
#include <string>

#include "commands.hpp"
#include "console.hpp"
#include "library.hpp"
#include "unit_argument.hpp"
#include "validators.hpp"

namespace fazhi::cli {
namespace {

struct Options {
  std::string path, unit, period, severity, format = "table";
};

void run_findings(const Options& o) {
  Database db(o.path, {{"create", false}, {"read_only", true}});
  nlohmann::json query = nlohmann::json::object();
  if (!o.unit.empty()) {
    query["unit"] = unit_key(db.get(), o.unit);
    query["subtree"] = true;  // the command's --unit is the unit and everything below it
  }
  if (!o.period.empty()) query["period"] = o.period;
  if (!o.severity.empty()) query["severity"] = o.severity;
  FzText result;
  check(fz_findings(db.get(), query.dump().c_str(), result.out()), "查询问题");
  nlohmann::json f = result.json("查询问题");
  if (o.format == "json") {
    console::out(f.dump(2) + "\n");
    return;
  }
  console::out("问题 " + std::to_string(f["total"].get<std::int64_t>()) + " 条\n");
  for (const nlohmann::json& i : f["items"]) {
    std::string severity = i["severity"] == "error" ? "错误" : "提示";
    std::string date = i["date"].is_null() ? "" : i["date"].get<std::string>() + " ";
    console::out("[" + severity + "] " + date + i["kind"].get<std::string>() + " " + i["key"].get<std::string>() +
                 ": " + i["message"].get<std::string>() + "（" + i["source"].get<std::string>() + "）" +
                 (i.value("provisional", false) ? "（暂定：期限按尚未公布的节假日安排推算）" : "") + "\n");
  }
}

}  // namespace

void add_findings_command(CLI::App& app) {
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("findings", "列出记录的问题（违反规则之处）及其依据");
  cmd->add_option("DB", o->path, "数据库文件")->required()->check(existing_database());
  cmd->add_option("--unit", o->unit, "单位编码（含下级）");
  cmd->add_option("--period", o->period, "期间");
  cmd->add_option("--severity", o->severity, "error 或 warning")->check(CLI::IsMember({"error", "warning"}));
  cmd->add_option("--format", o->format, "输出格式")->check(CLI::IsMember({"table", "json"}));
  cmd->callback([o] { run_findings(*o); });
}

}  // namespace fazhi::cli
