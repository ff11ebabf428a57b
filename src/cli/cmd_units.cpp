// fazhi units DB [--unit KEY]: prints the org-unit tree, indented by depth,
// with the Chinese label of each unit's kind.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "commands.hpp"
#include "console.hpp"
#include "library.hpp"
#include "unit_argument.hpp"
#include "unit_tree.hpp"
#include "validators.hpp"

namespace fazhi::cli {

namespace {

// Large enough that a county's units come in one or two calls, small enough
// that one answer stays a modest allocation.
constexpr std::int64_t kPageSize = 1000;

struct UnitsArgs {
  std::string db;
  std::optional<std::string> unit;
};

// Every org unit, page by page until "total" is reached.
nlohmann::json list_units(fz_db* db) {
  nlohmann::json items = nlohmann::json::array();
  for (std::int64_t offset = 0;;) {
    const std::string query = nlohmann::json{{"limit", kPageSize}, {"offset", offset}}.dump();
    FzText page;
    check(fz_list(db, "org_unit", query.c_str(), page.out()), "列出单位");
    const nlohmann::json result = page.json("列出单位");
    const nlohmann::json& page_items = result.at("items");
    for (const auto& item : page_items) items.push_back(item);
    offset += static_cast<std::int64_t>(page_items.size());
    if (page_items.empty() || offset >= result.value("total", std::int64_t{0})) return items;
  }
}

void run_units(const UnitsArgs& args) {
  Database db(args.db, {{"create", false}});
  // An unknown unit is an error naming it (with the nearest keys and
  // names), not a silent empty tree; a unique name stands for its key.
  std::optional<std::string> unit;
  if (args.unit) unit = unit_key(db.get(), *args.unit);
  const nlohmann::json items = list_units(db.get());
  FzText labels;
  check(fz_labels(db.get(), "org_unit.kind", labels.out()), "读取单位类型名称");
  const nlohmann::json kind_labels = labels.json("读取单位类型名称");
  db.close();

  if (items.empty()) {
    console::err("(数据库中还没有单位; 用 fazhi import 导入)\n");
    return;
  }
  console::out(render_unit_tree(items, kind_labels, unit));
}

}  // namespace

void add_units_command(CLI::App& app) {
  auto args = std::make_shared<UnitsArgs>();
  CLI::App* cmd = app.add_subcommand("units", "按层级列出单位 (名称, 类型, 代码)");
  cmd->add_option("DB", args->db, "数据库文件")->required()->check(existing_database());
  cmd->add_option("--unit", args->unit, "只列出该单位及其下级 (单位代码)");
  cmd->callback([args] { run_units(*args); });
}

}  // namespace fazhi::cli
