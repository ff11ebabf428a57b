// fazhi calendar ...: working-day arithmetic on China's State Council holiday
// schedules, as the library's deadline rules count them. Uses a private
// in-memory database: the built-in schedules need no file.
#include <cstdint>
#include <memory>
#include <string>

#include "commands.hpp"
#include "console.hpp"
#include "library.hpp"

namespace fazhi::cli {

namespace {

struct CalendarArgs {
  std::string date;
  std::string to;
  std::int32_t days = 0;
};

void run_add_working_days(const CalendarArgs& args) {
  Database db(":memory:", nullptr);
  char out[11] = {};
  check_user_input(fz_calendar_add_working_days(db.get(), args.date.c_str(), args.days, out),
                   "计算 " + args.date + " 加 " + std::to_string(args.days) + " 个工作日");
  console::out(std::string(out) + "\n");
}

void run_working_days(const CalendarArgs& args) {
  Database db(":memory:", nullptr);
  std::int32_t days = 0;
  check_user_input(
      fz_calendar_working_days_between(db.get(), args.date.c_str(), args.to.c_str(), &days),
      "计算 " + args.date + " 至 " + args.to + " 的工作日");
  console::out(std::to_string(days) + "\n");
}

void run_is_working_day(const CalendarArgs& args) {
  Database db(":memory:", nullptr);
  std::int32_t working = 0;
  check_user_input(fz_calendar_is_working_day(db.get(), args.date.c_str(), &working),
                   "判断 " + args.date + " 是否工作日");
  console::out(working != 0 ? "工作日\n" : "休息日\n");
}

}  // namespace

void add_calendar_command(CLI::App& app) {
  auto args = std::make_shared<CalendarArgs>();
  CLI::App* calendar = app.add_subcommand(
      "calendar", "工作日计算 (按国务院节假日安排, 含调休上班日)");
  calendar->require_subcommand(1);

  CLI::App* add = calendar->add_subcommand(
      "add-working-days", "DATE 之后第 N 个工作日 (N 为负数时往前数)");
  add->add_option("DATE", args->date, "日期, YYYY-MM-DD")->required();
  add->add_option("N", args->days, "工作日数")->required();
  add->callback([args] { run_add_working_days(*args); });

  CLI::App* between = calendar->add_subcommand(
      "working-days", "FROM 之后到 TO (含) 之间的工作日数; TO 早于 FROM 时为负数");
  between->add_option("FROM", args->date, "起始日期 (不计入), YYYY-MM-DD")->required();
  between->add_option("TO", args->to, "截止日期 (计入), YYYY-MM-DD")->required();
  between->callback([args] { run_working_days(*args); });

  CLI::App* is_working = calendar->add_subcommand("is-working-day", "DATE 是工作日还是休息日");
  is_working->add_option("DATE", args->date, "日期, YYYY-MM-DD")->required();
  is_working->callback([args] { run_is_working_day(*args); });
}

}  // namespace fazhi::cli
