#include "unit_tree.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "utf8_text.hpp"

namespace fazhi::cli {

namespace {

struct Unit {
  std::int64_t id = 0;
  std::string key;
  std::string name;
  std::string kind;
  std::string parent;     // empty for a root
  std::string active_to;  // empty while active
};

struct Row {
  std::size_t depth;
  const Unit* unit;
};

std::string field(const nlohmann::json& item, const char* name) {
  const auto it = item.find(name);
  return it != item.end() && it->is_string() ? it->get<std::string>() : std::string();
}

class Tree {
 public:
  explicit Tree(const nlohmann::json& items) {
    for (const auto& item : items) {
      Unit unit;
      const auto id = item.find("id");
      unit.id = id != item.end() && id->is_number_integer() ? id->get<std::int64_t>() : 0;
      unit.key = field(item, "key");
      unit.name = field(item, "name");
      unit.kind = field(item, "kind");
      unit.parent = field(item, "parent");
      unit.active_to = field(item, "active_to");
      units_.emplace(unit.key, std::move(unit));
    }
    for (const auto& [key, unit] : units_) {
      // A parent outside the list (should not happen) makes the unit a root
      // rather than hiding it.
      const bool has_parent = !unit.parent.empty() && units_.count(unit.parent) > 0;
      children_[has_parent ? unit.parent : std::string()].push_back(&unit);
    }
    for (auto& [parent, children] : children_) {
      std::sort(children.begin(), children.end(), [](const Unit* a, const Unit* b) {
        return a->id != b->id ? a->id < b->id : a->key < b->key;
      });
    }
  }

  std::vector<Row> rows(const std::optional<std::string>& root) {
    std::vector<Row> rows;
    if (root) {
      const auto it = units_.find(*root);
      if (it != units_.end()) walk(&it->second, 0, rows);
      return rows;
    }
    for (const Unit* top : children_[std::string()]) walk(top, 0, rows);
    // Units on a parent cycle are reachable from no root; the library forbids
    // cycles, but if one slipped in it must show, not vanish.
    for (const auto& [key, unit] : units_) {
      if (visited_.count(key) == 0) walk(&unit, 0, rows);
    }
    return rows;
  }

 private:
  // Depth first, children in order. With a stack of its own rather than
  // recursion: a tree is as deep as the host made it, and a chain of units a
  // hundred thousand long must not exhaust this program's stack.
  void walk(const Unit* top, std::size_t top_depth, std::vector<Row>& rows) {
    std::vector<Row> pending = {{top_depth, top}};
    while (!pending.empty()) {
      const Row row = pending.back();
      pending.pop_back();
      if (!visited_.insert(row.unit->key).second) continue;
      rows.push_back(row);
      const auto it = children_.find(row.unit->key);
      if (it == children_.end()) continue;
      for (auto child = it->second.rbegin(); child != it->second.rend(); ++child)
        pending.push_back({row.depth + 1, *child});
    }
  }

  std::map<std::string, Unit> units_;
  std::map<std::string, std::vector<const Unit*>> children_;  // "" = roots
  std::set<std::string> visited_;
};

}  // namespace

std::string render_unit_tree(const nlohmann::json& items, const nlohmann::json& kind_labels,
                             const std::optional<std::string>& root) {
  Tree tree(items);
  const std::vector<Row> rows = tree.rows(root);

  const auto label = [&](const Unit& unit) {
    const auto it = kind_labels.find(unit.kind);
    return it != kind_labels.end() && it->is_string() ? it->get<std::string>() : unit.kind;
  };
  const auto indented_name = [](const Row& row) {
    return std::string(2 * row.depth, ' ') + row.unit->name;
  };

  std::size_t name_width = 0;
  std::size_t label_width = 0;
  for (const Row& row : rows) {
    name_width = std::max(name_width, display_width(indented_name(row)));
    label_width = std::max(label_width, display_width(label(*row.unit)));
  }

  std::string out;
  for (const Row& row : rows) {
    out += pad_right(indented_name(row), name_width) + "  " +
           pad_right(label(*row.unit), label_width) + "  " + row.unit->key;
    if (!row.unit->active_to.empty()) out += "  (至 " + row.unit->active_to + ")";
    out += "\n";
  }
  return out;
}

}  // namespace fazhi::cli
