#include "direct_sqlite.hpp"

#include <SQLiteCpp/Statement.h>

#include <stdexcept>
#include <unordered_map>

namespace bench {
namespace {

// Row id of every record of a table, in the dataset's order of keys.
template <class Item>
std::vector<std::int64_t> ids_by_key(SQLite::Database& db, const char* table,
                                     const std::vector<Item>& items) {
  std::unordered_map<std::string, std::int64_t> ids;
  SQLite::Statement q(db, std::string("SELECT key, id FROM ") + table);
  while (q.executeStep()) ids.emplace(q.getColumn(0).getString(), q.getColumn(1).getInt64());
  std::vector<std::int64_t> out;
  for (const Item& item : items) {
    auto it = ids.find(item.key);
    if (it == ids.end()) throw std::runtime_error(std::string(table) + " " + item.key + " missing");
    out.push_back(it->second);
  }
  return out;
}

}  // namespace

std::unique_ptr<SQLite::Database> open_like_fazhi(const std::string& path) {
  auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE, 5000);
  db->exec("PRAGMA foreign_keys = ON");
  db->exec("PRAGMA temp_store = MEMORY");
  db->exec("PRAGMA cache_size = -32768");
  if (db->execAndGet("PRAGMA journal_mode").getString() != "wal")
    throw std::runtime_error(path + " is not in WAL mode");
  return db;
}

DeferredCaseIndexes::DeferredCaseIndexes(SQLite::Database& db) : db_(db) {
  std::vector<std::string> names;
  {
    SQLite::Statement q(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND name IN "
                            "('mediation_case_unit_received', 'mediation_case_unit_closed', "
                            "'mediation_case_committee')");
    while (q.executeStep()) {
      names.push_back(q.getColumn(0).getString());
      create_.push_back(q.getColumn(1).getString());
    }
  }
  if (names.size() != 3) throw std::runtime_error("mediation_case's reporting indexes are not as expected");
  for (const std::string& name : names) db.exec("DROP INDEX " + name);
}

void DeferredCaseIndexes::restore() {
  for (const std::string& sql : create_) db_.exec(sql);
}

ReferenceIds reference_ids(SQLite::Database& db, const Dataset& d) {
  return {ids_by_key(db, "org_unit", d.units), ids_by_key(db, "mediation_committee", d.committees)};
}

}  // namespace bench
