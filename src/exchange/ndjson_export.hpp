// ndjson_export.hpp — the records of a database (or of a unit's subtree) as
// NDJSON that an import reads back into the same records.
//
// Records come kind by kind in dependency order (parents before the records
// that name them), then the actions replayed from the journal in their order.
// An export of a unit ("unit", with "subtree" the units below it too) is
// self-contained, so it imports into an empty database:
//   * every kind that belongs to a unit is exported for the units in scope;
//   * kinds that belong to no unit (adviser) go along for the records of
//     them that an exported record refers to;
//   * the unit itself is exported without its "parent", as a root;
//   * a reference from an exported record to a record of a unit outside the
//     scope is Error(conflict) naming both records: the file would not import.
#pragma once

#include "store/sqlite.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace fazhi::exchange {

struct ExportSelection {
  std::set<std::string> kinds;  // empty: every kind
  std::optional<std::string> unit;
  bool subtree = false;
  // Every personal name the database holds is masked (surname + 某某) in
  // every text of the export: for data that leaves the office. Such a file
  // still imports, with the masked names.
  bool mask = false;

  // fz_export_file's query: null or {"kinds": [...], "unit": key, "subtree":
  // bool, "mask": bool}. Throws Error(argument) naming the bad option.
  static ExportSelection parse(const nlohmann::json& query);
};

// Writes the selected records to `out`, one line per call. The caller holds
// a read transaction, so the export is one consistent snapshot. Throws
// Error(not_found) for an unknown unit, Error(conflict) as described above.
void write_ndjson_export(store::Connection& conn, const ExportSelection& selection,
                         const std::function<void(std::string_view line)>& out);

}  // namespace fazhi::exchange
