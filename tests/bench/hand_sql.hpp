// hand_sql.hpp — the mediation figures of a unit's subtree for a period,
// computed the way a competent engineer would write them against fazhi's
// schema directly: four prepared aggregate queries with FILTER clauses over
// the subtree (org_unit.path range) and the period, no fazhi code involved.
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <map>
#include <string>

namespace bench {

struct Figures {
  // Committees and coverage, on the period's last day.
  std::int64_t committees = 0, villages = 0, villages_with_committee = 0;
  // Cases received in the period.
  std::int64_t received = 0, unnatural_death = 0, large_amount = 0, labour_overdue = 0;
  std::map<std::string, std::int64_t> by_category;
  // Cases closed in the period.
  std::int64_t concluded = 0, succeeded = 0, mass_incidents_prevented = 0,
               criminal_cases_prevented = 0, agreement_fen = 0;
};

class HandSql {
 public:
  // Opens its own read-only connection on the database file.
  explicit HandSql(const std::string& path);

  // The unit by its key; period [from, to] as "YYYY-MM-DD"; large amounts from
  // min_fen up (fazhi's default: 500 000 yuan).
  Figures compute(const std::string& unit_key, const std::string& from, const std::string& to,
                  std::int64_t min_fen = 50000000);

 private:
  SQLite::Database db_;
  SQLite::Statement unit_path_, received_, categories_, closed_, committees_;
};

}  // namespace bench
