#include "raw_insert.hpp"

#include "timing.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <stdexcept>
#include <unordered_map>
#include <vector>

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
    if (it == ids.end())
      throw std::runtime_error(std::string(table) + " " + item.key + " missing in the raw database");
    out.push_back(it->second);
  }
  return out;
}

}  // namespace

RawRun insert_cases_raw(const std::string& path, const Dataset& d) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE, 5000);
  db.exec("PRAGMA foreign_keys = ON");  // per connection; fazhi's connection sets it too
  RawRun r;
  r.journal_mode = db.execAndGet("PRAGMA journal_mode").getString();
  r.synchronous = db.execAndGet("PRAGMA synchronous").getInt();
  r.foreign_keys = db.execAndGet("PRAGMA foreign_keys").getInt();

  std::vector<std::int64_t> unit_id = ids_by_key(db, "org_unit", d.units);
  std::vector<std::int64_t> committee_id = ids_by_key(db, "mediation_committee", d.committees);

  Stopwatch clock;
  SQLite::Transaction tx(db);
  SQLite::Statement ins(db,
                        "INSERT INTO mediation_case (key, committee_id, unit_id, case_number, "
                        "received, source, category, amount_fen, unnatural_death, "
                        "mass_incident_risk, closed, outcome, agreement, agreement_amount_fen, "
                        "prevented_mass_incident, prevented_criminal_case, labour_deadline) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  for (const Case& c : d.cases) {
    ins.bindNoCopy(1, c.key);
    ins.bind(2, static_cast<int64_t>(committee_id[static_cast<std::size_t>(c.committee)]));
    ins.bind(3, static_cast<int64_t>(unit_id[static_cast<std::size_t>(c.unit)]));
    ins.bindNoCopy(4, c.case_number);
    ins.bindNoCopy(5, c.received);
    ins.bindNoCopy(6, c.source);
    ins.bindNoCopy(7, c.category);
    if (c.amount_fen >= 0) ins.bind(8, static_cast<int64_t>(c.amount_fen));
    else ins.bind(8);
    ins.bind(9, c.unnatural_death ? 1 : 0);
    ins.bind(10, c.mass_incident_risk ? 1 : 0);
    if (c.is_closed()) {
      ins.bindNoCopy(11, c.closed);
      ins.bindNoCopy(12, c.outcome);
      if (c.agreement) ins.bindNoCopy(13, c.agreement);
      else ins.bind(13);
      if (c.agreement_amount_fen >= 0) ins.bind(14, static_cast<int64_t>(c.agreement_amount_fen));
      else ins.bind(14);
      ins.bind(15, c.prevented_mass_incident ? 1 : 0);
      ins.bind(16, c.prevented_criminal_case ? 1 : 0);
    } else {
      for (int i = 11; i <= 16; ++i) ins.bind(i);
    }
    if (!c.labour_deadline.empty()) ins.bindNoCopy(17, c.labour_deadline);
    else ins.bind(17);
    ins.exec();
    ins.reset();
    ++r.rows;
  }
  tx.commit();
  r.seconds = clock.seconds();
  r.cpu_seconds = clock.cpu_seconds();
  r.system_seconds = clock.system_seconds();
  return r;
}

}  // namespace bench
