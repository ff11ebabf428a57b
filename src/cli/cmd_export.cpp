// fazhi export DB FILE: writes records as NDJSON that `fazhi import` reads
// back into the same records (parents before the records that name them).
#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "console.hpp"
#include "library.hpp"
#include "unit_argument.hpp"
#include "validators.hpp"

namespace fazhi::cli {

namespace {

struct ExportArgs {
  std::string db;
  std::string file;
  std::vector<std::string> kinds;
  std::string unit;
  bool mask = false;
};

// The library does not say how much it wrote; counting the lines of the file
// gives the user a figure to compare with what an import will read.
std::int64_t count_lines(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  std::int64_t lines = 0;
  std::string line;
  while (std::getline(in, line)) ++lines;
  return lines;
}

void run_export(const ExportArgs& args) {
  Database db(args.db, {{"create", false}});
  nlohmann::json query;  // null: every record
  if (!args.kinds.empty()) query["kinds"] = args.kinds;
  if (!args.unit.empty()) {
    query["unit"] = unit_key(db.get(), args.unit);
    query["subtree"] = true;
  }
  if (args.mask) query["mask"] = true;
  const std::string query_text = query.is_null() ? std::string() : query.dump();
  // A refused target (the database itself, a directory, a device) or an
  // unknown kind is the command line's mistake: exit 2, like other usage errors.
  check_user_input(fz_export_file(db.get(), args.file.c_str(),
                                  query.is_null() ? nullptr : query_text.c_str()),
                   "导出到 " + args.file);
  db.close();
  console::out(args.file + ": 写出 " + std::to_string(count_lines(args.file)) + " 行\n");
}

}  // namespace

void add_export_command(CLI::App& app) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand("export", "导出记录为 NDJSON (可再导入)");
  cmd->add_option("DB", args->db, "数据库文件")->required()->check(existing_database());
  cmd->add_option("FILE", args->file, "写入的 NDJSON 文件 (已有则覆盖)")->required();
  cmd->add_option("--kind", args->kinds, "只导出这些记录类型, 如 org_unit (可重复)");
  cmd->add_option("--unit", args->unit,
                  "只导出该单位及其下级单位的记录 (各类记录, 及其引用的法律顾问; 该单位成为根单位)");
  cmd->add_flag("--mask", args->mask, "隐去个人姓名 (姓+某某), 用于对外提供的数据");
  cmd->callback([args] { run_export(*args); });
}

}  // namespace fazhi::cli
