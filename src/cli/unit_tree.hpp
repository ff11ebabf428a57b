// The org-unit tree as text: one unit per line, indented two spaces per level,
// with the unit's name, the Chinese label of its kind and its key in aligned
// columns (aligned by display width, so Chinese names line up).
#ifndef FAZHI_CLI_UNIT_TREE_HPP
#define FAZHI_CLI_UNIT_TREE_HPP

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace fazhi::cli {

// items: org_unit records as fz_list returns them ("key", "name", "kind",
// "parent" = the parent's key, absent for a root; "id", "active_to" optional).
// kind_labels: fz_labels("org_unit.kind"), code -> label; a kind without a
// label is shown by its code.
// root: only this unit and everything below it; otherwise every tree.
// Siblings are listed in the order they were recorded (by id).
std::string render_unit_tree(const nlohmann::json& items, const nlohmann::json& kind_labels,
                             const std::optional<std::string>& root);

}  // namespace fazhi::cli

#endif  // FAZHI_CLI_UNIT_TREE_HPP
