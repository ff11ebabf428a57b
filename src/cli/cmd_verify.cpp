// fazhi verify DB: recomputes the journal's hash chain (全过程记录) and says
// whether every entry still matches; a broken chain is a data error (exit 1).
#include <cstdint>
#include <memory>
#include <string>

#include "commands.hpp"
#include "console.hpp"
#include "library.hpp"
#include "validators.hpp"

namespace fazhi::cli {

namespace {

void run_verify(const std::string& path) {
  Database db(path, {{"create", false}});
  FzText result;
  check(fz_journal_verify(db.get(), result.out()), "校验日志");
  const nlohmann::json check_result = result.json("校验日志");
  db.close();

  const std::int64_t entries = check_result.value("entries", std::int64_t{0});
  const std::string head = "日志 " + std::to_string(entries) + " 条: ";
  if (check_result.value("ok", false)) {
    console::out(head + "完好\n");
    return;
  }
  const auto first_bad = check_result.find("first_bad");
  const std::string where = first_bad != check_result.end() && first_bad->is_number_integer()
                                ? "第 " + std::to_string(first_bad->get<std::int64_t>()) + " 条"
                                : "某条";
  console::out(head + "从" + where + "起不符\n");
  const std::string message = check_result.value("message", std::string());
  throw CliError(kExitData, "校验日志 " + path + ": " + where + "不符" +
                                (message.empty() ? "" : ": " + message));
}

}  // namespace

void add_verify_command(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("verify", "校验日志哈希链; 链断开时退出码为 1");
  cmd->add_option("DB", *path, "数据库文件")->required()->check(existing_database());
  cmd->callback([path] { run_verify(*path); });
}

}  // namespace fazhi::cli
