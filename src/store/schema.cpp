#include "store/schema.hpp"

#include <SQLiteCpp/Exception.h>

#include <string>
#include <vector>

namespace fazhi::store {
namespace {

// Append only: a released migration is never edited, a change is a new entry.
// Every record-kind table has id, key, the kind's field columns and ext; the
// columns must match the kind's declaration (checked by the kind tests).
const std::vector<const char*>& migrations() {
  static const std::vector<const char*> list = {
      // 1: journal, calendar, org units.
      R"sql(
CREATE TABLE meta (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE journal (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  kind      TEXT NOT NULL,
  key       TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  op        TEXT NOT NULL,
  change    TEXT NOT NULL,
  hash      TEXT NOT NULL
) STRICT;
CREATE INDEX journal_record ON journal(kind, record_id, seq);

CREATE TABLE calendar_day (
  date          TEXT PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('off', 'work')),
  holiday       TEXT NOT NULL,
  schedule_year INTEGER NOT NULL
) STRICT;

CREATE TABLE org_unit (
  id               INTEGER PRIMARY KEY,
  key              TEXT NOT NULL UNIQUE,
  name             TEXT NOT NULL,
  kind             TEXT NOT NULL,
  parent_id        INTEGER REFERENCES org_unit(id),
  active_from      TEXT,
  active_to        TEXT,
  requires_adviser INTEGER NOT NULL,
  ext              TEXT,
  path             TEXT NOT NULL DEFAULT '',   -- "/1/5/23/": ids from the root
  depth            INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX org_unit_path ON org_unit(path);
CREATE INDEX org_unit_parent ON org_unit(parent_id);
)sql",
  };
  return list;
}

int read_int_pragma(Connection& conn, const char* pragma) {
  SQLite::Statement q(conn.db(), std::string("PRAGMA ") + pragma);
  return q.executeStep() ? q.getColumn(0).getInt() : 0;
}

}  // namespace

int schema_version() { return static_cast<int>(migrations().size()); }

void prepare_schema(Connection& conn) {
  try {
    // The first read also tells garbage from SQLite: it fails with NOTADB.
    int app = read_int_pragma(conn, "application_id");
    int version = read_int_pragma(conn, "user_version");
    if (app == kApplicationId && version == schema_version()) return;

    if (app != kApplicationId) {
      SQLite::Statement q(conn.db(), "SELECT count(*) FROM sqlite_schema");
      q.executeStep();
      if (app != 0 || version != 0 || q.getColumn(0).getInt() != 0)
        throw Error(Status::corrupt, "not a fazhi database (another application's SQLite file)");
    }
    if (version > schema_version())
      throw Error(Status::version,
                  "database schema version " + std::to_string(version) +
                      " was written by a newer fazhi; this build knows up to " +
                      std::to_string(schema_version()));
    if (conn.read_only())
      throw Error(Status::io, "database needs schema migration but was opened read_only");

    // Re-check inside the write lock: another process may have migrated it.
    conn.exec("BEGIN IMMEDIATE");
    try {
      version = read_int_pragma(conn, "user_version");
      app = read_int_pragma(conn, "application_id");
      if (version > schema_version())
        throw Error(Status::version, "database was written by a newer fazhi");
      if (app != 0 && app != kApplicationId)
        throw Error(Status::corrupt, "not a fazhi database");
      for (int v = version; v < schema_version(); ++v) conn.exec(migrations()[v]);
      conn.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
      conn.exec("PRAGMA user_version = " + std::to_string(schema_version()));
      conn.exec("COMMIT");
    } catch (...) {
      try {
        conn.exec("ROLLBACK");
      } catch (...) {
      }
      throw;
    }
  } catch (const Error&) {
    throw;
  } catch (const SQLite::Exception&) {
    rethrow_as_fazhi("opening database");
  }
}

}  // namespace fazhi::store
