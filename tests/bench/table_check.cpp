#include "table_check.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace bench {

TableCheck compare_case_tables(const std::string& fazhi_path, const std::string& raw_path) {
  SQLite::Database db(fazhi_path, SQLite::OPEN_READONLY);
  {
    SQLite::Statement attach(db, "ATTACH DATABASE ? AS raw");
    attach.bind(1, raw_path);
    attach.exec();
  }
  TableCheck r;
  std::string columns;
  SQLite::Statement info(db, "SELECT name FROM pragma_table_info('mediation_case') ORDER BY cid");
  while (info.executeStep()) {
    columns += (columns.empty() ? "" : ", ") + info.getColumn(0).getString();
    ++r.columns;
  }
  auto count = [&](const std::string& sql) { return db.execAndGet(sql).getInt64(); };
  r.fazhi_rows = count("SELECT count(*) FROM main.mediation_case");
  r.raw_rows = count("SELECT count(*) FROM raw.mediation_case");
  auto rows_only_in = [&](const char* a, const char* b) {
    return count("SELECT count(*) FROM (SELECT " + columns + " FROM " + a + ".mediation_case EXCEPT SELECT " +
                 columns + " FROM " + b + ".mediation_case)");
  };
  r.only_in_fazhi = rows_only_in("main", "raw");
  r.only_in_raw = rows_only_in("raw", "main");
  return r;
}

}  // namespace bench
