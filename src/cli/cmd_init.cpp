// fazhi init DB: creates a database, or opens an existing one, which migrates
// a file made by an older fazhi, so init is safe to run again.
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include "commands.hpp"
#include "console.hpp"
#include "library.hpp"

namespace fazhi::cli {

namespace {

void run_init(const std::string& path) {
  std::error_code ec;
  const bool existed = std::filesystem::exists(path, ec);
  Database db(path, {{"create", true}});
  db.close();
  console::out((existed ? "数据库已存在, 已检查: " : "已创建数据库: ") + path + "\n");
}

}  // namespace

void add_init_command(CLI::App& app) {
  auto path = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("init", "新建数据库 (已有的数据库只检查并升级, 不清空)");
  cmd->add_option("DB", *path, "数据库文件")->required();
  cmd->callback([path] { run_init(*path); });
}

}  // namespace fazhi::cli
