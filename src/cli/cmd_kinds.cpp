// fazhi kinds [KIND] and fazhi codes [--db DB]: what exists, in Chinese.
//
//   kinds         every record kind with its Chinese name
//   kinds KIND    the kind's fields with their labels, and the allowed values
//                 (code and label) of each closed set
//   codes         the indicator catalogue, code and label; with --db, the
//                 custom indicators that database defines as well
//
// Everything comes from the library's declarations (fz_labels), so the
// lists are the ones import and the indicators check against.
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "console.hpp"
#include "library.hpp"
#include "utf8_text.hpp"
#include "validators.hpp"

namespace fazhi::cli {
namespace {

using json = nlohmann::json;

json labels(fz_db* db, const std::string& set) {
  FzText out;
  check_user_input(fz_labels(db, set.c_str(), out.out()), "读取 " + set);
  return out.json("读取 " + set);
}

void run_kinds(const std::string& kind) {
  Database db(":memory:", nullptr);
  if (kind.empty()) {
    const json kinds = labels(db.get(), "kinds");
    std::vector<std::vector<std::string>> rows = {{"记录类型", "名称"}};
    for (auto it = kinds.begin(); it != kinds.end(); ++it) rows.push_back({it.key(), it->get<std::string>()});
    console::out(columns(rows));
    return;
  }
  if (!labels(db.get(), "kinds").contains(kind))
    throw CliError(kExitUsage, "没有记录类型“" + kind + "”（fazhi kinds 列出全部）");
  const json fields = labels(db.get(), kind);
  const json sets = labels(db.get(), "codes");
  std::vector<std::vector<std::string>> rows = {{"字段", "名称", "可选值"}};
  for (auto f = fields.begin(); f != fields.end(); ++f) {
    std::string values;
    if (auto set = sets.find(kind + "." + f.key()); set != sets.end())
      for (auto c = set->begin(); c != set->end(); ++c)
        values += (values.empty() ? "" : "，") + c.key() + " " + c->get<std::string>();
    rows.push_back({f.key(), f->get<std::string>(), values});
  }
  console::out(columns(rows));
}

void run_codes(const std::string& path) {
  Database db(path.empty() ? ":memory:" : path,
              path.empty() ? json(nullptr) : json{{"create", false}, {"read_only", true}});
  const json codes = labels(db.get(), "indicators");
  std::vector<std::vector<std::string>> rows = {{"指标代码", "名称"}};
  for (auto it = codes.begin(); it != codes.end(); ++it) rows.push_back({it.key(), it->get<std::string>()});
  console::out(columns(rows));
}

}  // namespace

void add_kinds_command(CLI::App& app) {
  auto kind = std::make_shared<std::string>();
  CLI::App* kinds = app.add_subcommand("kinds", "列出记录类型; 给出类型时列出其字段和可选值");
  kinds->add_option("KIND", *kind, "记录类型, 如 mediation_case");
  kinds->callback([kind] { run_kinds(*kind); });

  auto path = std::make_shared<std::string>();
  CLI::App* codes = app.add_subcommand("codes", "列出指标代码及名称 (给出 --db 时含该库的自定义指标)");
  codes->add_option("--db", *path, "数据库文件")->check(existing_database());
  codes->callback([path] { run_codes(*path); });
}

}  // namespace fazhi::cli
