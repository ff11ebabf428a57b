// deferred_indexes.hpp — reporting indexes set aside during a bulk load and
// built again, in one sorted pass each, at its end.
//
// Why: a record table's reporting indexes — (unit_id, <event date>) and the
// one-column index of a reference such as a case's committee — receive the
// rows of a large import in no useful order. Each row lands on another leaf
// page; once the index outgrows the page cache every commit writes thousands
// of pages to the WAL and the checkpoint writes them again (at 300 000
// mediation cases: 5.4 GB written for a 159 MB file, 41 s). Without them the
// same import writes 0.4 GB in 12 s, and CREATE INDEX rebuilds the three of
// them in 0.7 s.
//
// Which: a non-unique, non-partial index that SQLite did not create itself,
// on a record table other than org_unit, whose first column is unit_id or
// whose only column ends in _id. No write path looks rows up through such an
// index (lookups go by key, by id or through indexes of several columns that
// start with a reference, such as an adviser's engagements), so rules,
// references and findings cost the same during a bulk load; queries stay
// correct, only slower, until the indexes are back.
//
// Durability: the CREATE statement of each dropped index is stored in meta
// as "deferred_index:<name>" in the transaction that drops it. A load that
// is interrupted (killed, power lost) leaves a correct file whose missing
// indexes any writable handle's restore() builds again (fz_bulk_end).
#pragma once

#include <cstddef>
#include <set>
#include <string>

#include "store/sqlite.hpp"

namespace fazhi::store {

class DeferredIndexes {
 public:
  explicit DeferredIndexes(Connection& conn) : conn_(conn) {}

  // Drops the reporting indexes of `table`, recording them, inside the
  // caller's write transaction. Cheap after the first call for a table.
  void defer(const std::string& table);

  // Forgets which tables were seen: the transaction that dropped their
  // indexes may have been rolled back (the next defer() looks again).
  void forget() { seen_.clear(); }

  // Builds every recorded index again (those another handle already rebuilt
  // are skipped) and removes the records, inside the caller's write
  // transaction. Returns how many were built.
  std::size_t restore();

  // How many indexes the file records as deferred.
  static std::size_t pending(Connection& conn);

 private:
  Connection& conn_;
  std::set<std::string> seen_;
};

}  // namespace fazhi::store
