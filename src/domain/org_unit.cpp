// org_unit — 单位: the tree every other record hangs from.
//
// One root per database; `parent` links form a tree without cycles. Each unit
// keeps a materialised path of ids from the root ("/1/5/23/") so that "this
// unit and everything below it" is one index range scan on org_unit.path.
#include "domain/kind.hpp"
#include "domain/record_store.hpp"

#include <fazhi/error.hpp>

namespace fazhi::domain {
namespace {

// Kinds that must have a legal adviser unless the host says otherwise
// (一村（社区）一法律顾问, and every government level above them).
bool requires_adviser_by_default(const std::string& kind) {
  return kind == "government" || kind == "zone_committee" || kind == "township" ||
         kind == "street" || kind == "village" || kind == "community";
}

void complete(Context&, json& v) {
  if (!v.contains("requires_adviser"))
    v["requires_adviser"] = requires_adviser_by_default(v.value("kind", ""));
}

void validate(Context& ctx, const json& v, std::optional<std::int64_t> id) {
  if (v.contains("active_from") && v.contains("active_to") &&
      v["active_to"].get<std::string>() < v["active_from"].get<std::string>())
    throw Error(Status::argument, "active_to", "is before active_from");

  if (!v.contains("parent")) {
    auto q = ctx.conn.statement("SELECT key FROM org_unit WHERE parent_id IS NULL AND id != ?");
    q->bind(1, static_cast<int64_t>(id.value_or(-1)));
    if (q->executeStep()) {
      std::string root = q->getColumn(0).getString();
      q->reset();
      throw Error(Status::rule, "parent",
                  "the unit tree already has its root '" + root +
                      "'; a unit without parent would be a second root");
    }
    q->reset();
    return;
  }
  if (!id) return;  // a new unit cannot be anyone's ancestor yet
  std::int64_t parent = v["parent"].get<std::int64_t>();
  auto q = ctx.conn.statement("SELECT path FROM org_unit WHERE id = ?");
  q->bind(1, static_cast<int64_t>(parent));
  std::string parent_path = q->executeStep() ? q->getColumn(0).getString() : "";
  if (parent == *id || parent_path.find("/" + std::to_string(*id) + "/") != std::string::npos)
    throw Error(Status::rule, "parent",
                "would make the unit its own ancestor (the unit tree cannot have cycles)");
}

void after_write(Context& ctx, std::int64_t id, const json& v, const json* before) {
  std::string path = "/";
  std::int64_t depth = 0;
  if (v.contains("parent")) {
    auto q = ctx.conn.statement("SELECT path, depth FROM org_unit WHERE id = ?");
    q->bind(1, static_cast<int64_t>(v["parent"].get<std::int64_t>()));
    q->executeStep();
    path = q->getColumn(0).getString();
    depth = q->getColumn(1).getInt64() + 1;
  }
  path += std::to_string(id) + "/";

  if (before && before->value("parent", json()) != v.value("parent", json())) {
    // Re-parenting moves the whole subtree: rewrite its paths and depths.
    auto old = ctx.conn.statement("SELECT path, depth FROM org_unit WHERE id = ?");
    old->bind(1, static_cast<int64_t>(id));
    old->executeStep();
    std::string old_path = old->getColumn(0).getString();
    std::int64_t old_depth = old->getColumn(1).getInt64();
    std::string old_end = old_path;
    old_end.back() = '0';
    auto move = ctx.conn.statement(
        "UPDATE org_unit SET path = ? || substr(path, ?), depth = depth + ? "
        "WHERE path > ? AND path < ?");
    move->bind(1, path);
    move->bind(2, static_cast<int64_t>(old_path.size() + 1));
    move->bind(3, static_cast<int64_t>(depth - old_depth));
    move->bind(4, old_path);
    move->bind(5, old_end);
    move->exec();
  }
  auto st = ctx.conn.statement("UPDATE org_unit SET path = ?, depth = ? WHERE id = ?");
  st->bind(1, path);
  st->bind(2, static_cast<int64_t>(depth));
  st->bind(3, static_cast<int64_t>(id));
  st->exec();
}

Kind declare() {
  Kind k("org_unit", "单位");
  k.key_alias = "code";
  k.unit_column = "id";
  k.order_by = "depth, id";
  k.internal_columns = {"path", "depth"};  // the materialised tree (unit_tree.hpp)
  k.fields = {
      text("name", "名称").req().organisational(),
      code("kind", "类型",
           {{"government", "人民政府"},
            {"zone_committee", "管委会"},
            {"department", "部门"},
            {"township", "乡镇"},
            {"street", "街道"},
            {"village", "村"},
            {"community", "社区"},
            {"enforcement_team", "执法队伍"},
            {"other", "其他"}})
          .req(),
      ref("parent", "上级单位", "org_unit"),
      date("active_from", "设立日期"),
      date("active_to", "撤销日期"),
      boolean("requires_adviser", "应聘法律顾问"),
  };
  k.complete = complete;
  k.validate = validate;
  k.after_write = after_write;
  return k;
}

}  // namespace

namespace kinds {
Kind org_unit() { return declare(); }
}  // namespace kinds

}  // namespace fazhi::domain
