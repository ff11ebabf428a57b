#include "storage.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace bench {

Storage measure_storage(const std::string& path) {
  Storage s;
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  const std::int64_t page = db.execAndGet("PRAGMA page_size").getInt64();
  s.file_bytes = static_cast<std::uint64_t>(db.execAndGet("PRAGMA page_count").getInt64() * page);
  s.free_bytes = static_cast<std::uint64_t>(db.execAndGet("PRAGMA freelist_count").getInt64() * page);
  try {
    // Index b-trees are counted with their table; sqlite_schema's own
    // pages (and any b-tree without a table) under their own name. The
    // journal's dictionary of names (journal_name) is part of the journal.
    SQLite::Statement q(db,
                        "SELECT CASE coalesce(m.tbl_name, s.name) WHEN 'journal_name' THEN 'journal' "
                        "       ELSE coalesce(m.tbl_name, s.name) END, sum(s.pgsize) "
                        "  FROM dbstat AS s LEFT JOIN sqlite_schema AS m ON m.name = s.name "
                        " WHERE s.aggregate = TRUE GROUP BY 1");
    while (q.executeStep())
      s.table_bytes[q.getColumn(0).getString()] = static_cast<std::uint64_t>(q.getColumn(1).getInt64());
    s.available = true;
  } catch (const SQLite::Exception& e) {
    s.why_not = e.what();
  }
  return s;
}

}  // namespace bench
