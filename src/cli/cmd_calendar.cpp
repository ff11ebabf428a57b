// fazhi calendar ...: working-day arithmetic on China's State Council holiday
// schedules, as the library's deadline rules count them, and the schedules
// themselves: which years are official, and loading a new year's notice.
//
// The arithmetic answers a year without a schedule by the provisional rule,
// as records do, and says so on stderr; stdout keeps only the answer. Without
// --db it uses the built-in schedules (a private in-memory database).
#include <cstdint>
#include <memory>
#include <string>

#include "commands.hpp"
#include "console.hpp"
#include "library.hpp"
#include "validators.hpp"

namespace fazhi::cli {

namespace {

struct CalendarArgs {
  std::string db;  // optional for the arithmetic, required for load / years
  std::string date;
  std::string to;
  std::int32_t days = 0;
  std::string file;
};

// fz_calendar_query on the database (or the built-in schedules); prints the
// provisional note on stderr when the answer assumed years without a schedule.
nlohmann::json query(const CalendarArgs& args, const nlohmann::json& request,
                     const std::string& doing) {
  Database db(args.db.empty() ? ":memory:" : args.db,
              args.db.empty() ? nlohmann::json() : nlohmann::json{{"create", false}});
  FzText out;
  check_user_input(fz_calendar_query(db.get(), request.dump().c_str(), out.out()), doing);
  nlohmann::json answer = out.json(doing);
  const nlohmann::json& years = answer["provisional_years"];
  if (!years.empty()) {
    std::string list;
    for (const nlohmann::json& y : years) list += (list.empty() ? "" : "、") + y.dump() + "年";
    console::err("注意: " + list +
                 "的节假日安排尚未载入, 以上结果按《全国年节及纪念日放假办法》推算 (暂定), "
                 "国务院公布后可用 fazhi calendar load DB FILE 载入\n");
  }
  return answer;
}

void run_add_working_days(const CalendarArgs& args) {
  nlohmann::json a = query(args, {{"op", "add_working_days"}, {"date", args.date}, {"days", args.days}},
                           "计算 " + args.date + " 加 " + std::to_string(args.days) + " 个工作日");
  console::out(a["date"].get<std::string>() + "\n");
}

void run_working_days(const CalendarArgs& args) {
  nlohmann::json a = query(args, {{"op", "working_days_between"}, {"from", args.date}, {"to", args.to}},
                           "计算 " + args.date + " 至 " + args.to + " 的工作日");
  console::out(std::to_string(a["days"].get<std::int64_t>()) + "\n");
}

void run_is_working_day(const CalendarArgs& args) {
  nlohmann::json a = query(args, {{"op", "is_working_day"}, {"date", args.date}},
                           "判断 " + args.date + " 是否工作日");
  console::out(a["working"].get<bool>() ? "工作日\n" : "休息日\n");
}

void run_load(const CalendarArgs& args) {
  Database db(args.db, {{"create", false}});
  FzText out;
  check(fz_calendar_load_file(db.get(), args.file.c_str(), out.out()), "载入节假日安排 " + args.file);
  nlohmann::json s = out.json("载入节假日安排");
  db.close();
  std::string years;
  for (const nlohmann::json& y : s["years"]) years += (years.empty() ? "" : "、") + y.dump();
  console::out(args.file + ": 载入 " + years + " 年节假日安排 " + s["days"].dump() + " 天, 重算 " +
               s["recomputed"].dump() + " 条记录的期限\n");
}

// "2004-2026" for runs of consecutive years.
std::string year_ranges(const std::vector<int>& years) {
  std::string out;
  for (std::size_t i = 0; i < years.size();) {
    std::size_t j = i;
    while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
    out += (out.empty() ? "" : "、") + std::to_string(years[i]);
    if (j > i) out += "-" + std::to_string(years[j]);
    i = j + 1;
  }
  return out;
}

void run_years(const CalendarArgs& args) {
  Database db(args.db, {{"create", false}});
  FzText out;
  check(fz_calendar_years(db.get(), out.out()), "查询节假日安排");
  nlohmann::json y = out.json("查询节假日安排");
  std::vector<int> builtin, loaded;
  for (const nlohmann::json& o : y["official"])
    (o["source"] == "loaded" ? loaded : builtin).push_back(o["year"].get<int>());
  if (!builtin.empty()) console::out("国务院公布 (内置): " + year_ranges(builtin) + "\n");
  if (!loaded.empty()) console::out("国务院公布 (已载入): " + year_ranges(loaded) + "\n");
  const nlohmann::json& p = y["provisional"];
  console::out("其他年份至 " + p["last"].dump() + " 年: 暂定, 按" + p["rule"].get<std::string>() + "推算\n");
  for (const nlohmann::json& pending : y["pending"])
    console::out(pending["year"].dump() + " 年: " + pending["records"].dump() +
                 " 条记录的期限按暂定安排计算, 待载入该年安排后重算\n");
}

}  // namespace

void add_calendar_command(CLI::App& app) {
  auto args = std::make_shared<CalendarArgs>();
  CLI::App* calendar = app.add_subcommand(
      "calendar", "工作日计算与节假日安排 (按国务院节假日安排, 含调休上班日)");
  calendar->require_subcommand(1);
  const char* db_help = "使用该数据库中载入的节假日安排 (默认: 内置安排)";

  CLI::App* add = calendar->add_subcommand(
      "add-working-days", "DATE 之后第 N 个工作日 (N 为负数时往前数)");
  add->add_option("DATE", args->date, "日期, YYYY-MM-DD")->required();
  add->add_option("N", args->days, "工作日数")->required();
  add->add_option("--db", args->db, db_help)->check(existing_database());
  add->callback([args] { run_add_working_days(*args); });

  CLI::App* between = calendar->add_subcommand(
      "working-days", "FROM 之后到 TO (含) 之间的工作日数; TO 早于 FROM 时为负数");
  between->add_option("FROM", args->date, "起始日期 (不计入), YYYY-MM-DD")->required();
  between->add_option("TO", args->to, "截止日期 (计入), YYYY-MM-DD")->required();
  between->add_option("--db", args->db, db_help)->check(existing_database());
  between->callback([args] { run_working_days(*args); });

  CLI::App* is_working = calendar->add_subcommand("is-working-day", "DATE 是工作日还是休息日");
  is_working->add_option("DATE", args->date, "日期, YYYY-MM-DD")->required();
  is_working->add_option("--db", args->db, db_help)->check(existing_database());
  is_working->callback([args] { run_is_working_day(*args); });

  CLI::App* load = calendar->add_subcommand(
      "load", "载入国务院公布的节假日安排 (CSV: date,kind,holiday,schedule_year), 并重算暂定期限");
  load->add_option("DB", args->db, "数据库文件")->required()->check(existing_database());
  load->add_option("FILE", args->file, "节假日安排 CSV 文件")->required()->check(input_file());
  load->callback([args] { run_load(*args); });

  CLI::App* years = calendar->add_subcommand("years", "哪些年份的节假日安排已公布, 哪些为暂定");
  years->add_option("DB", args->db, "数据库文件")->required()->check(existing_database());
  years->callback([args] { run_years(*args); });
}

}  // namespace fazhi::cli
