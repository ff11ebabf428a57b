// fazhi history DB KIND KEY [--format markdown|json]: a record's full-process
// record (全过程记录), every journal entry in order with the chain's check.
#include <memory>
#include <string>

#include "commands.hpp"
#include "console.hpp"
#include "library.hpp"
#include "validators.hpp"

namespace fazhi::cli {
namespace {

struct Options {
  std::string path, kind, key, format = "markdown";
};

void run_history(const Options& o) {
  Database db(o.path, {{"create", false}, {"read_only", true}});
  FzText text;
  check(fz_history_text(db.get(), o.kind.c_str(), o.key.c_str(), o.format.c_str(), text.out()),
        "读取全过程记录 " + o.kind + " " + o.key);
  console::out(std::string(text.view()) + "\n");
}

}  // namespace

void add_history_command(CLI::App& app) {
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("history", "输出一条记录的全过程记录");
  cmd->add_option("DB", o->path, "数据库文件")->required()->check(existing_database());
  cmd->add_option("KIND", o->kind, "记录类型, 如 decision")->required();
  cmd->add_option("KEY", o->key, "记录编号")->required();
  cmd->add_option("--format", o->format, "输出格式")->check(CLI::IsMember({"markdown", "json"}));
  cmd->callback([o] { run_history(*o); });
}

}  // namespace fazhi::cli
