// fazhi alerts DB --unit U --as-of DATE [--horizon N] [--format table|json|ics]:
// the statutory deadlines of a unit and everything below it that are past
// (超期), due that day (今日到期) or within N working days (临期).
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "console.hpp"
#include "ics_calendar.hpp"
#include "library.hpp"
#include "unit_argument.hpp"
#include "utf8_text.hpp"
#include "validators.hpp"

namespace fazhi::cli {
namespace {

struct Options {
  std::string path, unit, as_of, format = "table";
  int horizon = -1;  // -1: each rule's own
  std::int64_t limit = 1000;
};

std::string status_label(const std::string& status) {
  if (status == "overdue") return "超期";
  if (status == "due") return "今日到期";
  return "临期";
}

void print_table(const nlohmann::json& a, const std::string& unit_name) {
  const nlohmann::json& c = a["counts"];
  console::out(unit_name + "（含下级） 截至 " + a["as_of"].get<std::string>() + "：超期 " +
               std::to_string(c["overdue"].get<std::int64_t>()) + " 项，今日到期 " +
               std::to_string(c["due"].get<std::int64_t>()) + " 项，临期 " +
               std::to_string(c["upcoming"].get<std::int64_t>()) + " 项\n");
  if (a["items"].empty()) return;
  std::vector<std::vector<std::string>> rows = {{"状态", "期限", "单位", "提醒", "依据"}};
  for (const nlohmann::json& i : a["items"])
    rows.push_back({status_label(i["status"]) + (i["provisional"].get<bool>() ? "（暂定）" : ""),
                    i["due"].get<std::string>(), i["unit_name"].get<std::string>(), i["message"].get<std::string>(),
                    i["source"].get<std::string>()});
  console::out(columns(rows));
  const std::size_t shown = a["items"].size();
  if (static_cast<std::int64_t>(shown) < a["total"].get<std::int64_t>())
    console::out("（仅列出前 " + std::to_string(shown) + " 项，共 " + std::to_string(a["total"].get<std::int64_t>()) +
                 " 项；用 --limit 列出更多）\n");
}

void run_alerts(const Options& o) {
  Database db(o.path, {{"create", false}, {"read_only", true}});
  const std::string key = unit_key(db.get(), o.unit);
  nlohmann::json query = {{"unit", key}, {"as_of", o.as_of}, {"limit", o.limit}};
  if (o.horizon >= 0) query["horizon"] = o.horizon;
  FzText result;
  check_user_input(fz_alerts(db.get(), query.dump().c_str(), result.out()), "查询期限提醒");
  const nlohmann::json a = result.json("查询期限提醒");
  if (o.format == "json") {
    console::out(a.dump(2) + "\n");
    return;
  }
  FzText unit;
  check(fz_get(db.get(), "org_unit", key.c_str(), unit.out()), "查找单位 " + key);
  const std::string unit_name = unit.json("查找单位")["name"].get<std::string>();
  if (o.format == "ics") {
    console::out(alerts_to_ics(a, unit_name + " 法定期限"));
    return;
  }
  print_table(a, unit_name);
}

}  // namespace

void add_alerts_command(CLI::App& app) {
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("alerts", "期限提醒：单位（含下级）超期、今日到期和临期的法定期限");
  cmd->add_option("DB", o->path, "数据库文件")->required()->check(existing_database());
  cmd->add_option("--unit", o->unit, "单位编码或名称（含下级）")->required();
  cmd->add_option("--as-of", o->as_of, "截至日期 YYYY-MM-DD")->required();
  cmd->add_option("--horizon", o->horizon, "临期：到期前多少个工作日起提醒（默认按规则：多数为3，证件和聘期为22）")
      ->check(CLI::Range(0, 250));
  cmd->add_option("--limit", o->limit, "最多列出多少项（默认1000）")->check(CLI::Range(1, 100000));
  cmd->add_option("--format", o->format, "输出格式：table、json 或 ics（iCalendar，可订阅）")
      ->check(CLI::IsMember({"table", "json", "ics"}));
  cmd->callback([o] { run_alerts(*o); });
}

}  // namespace fazhi::cli
