// hand_sql.hpp — the mediation figures of a unit's subtree for a period,
// computed the way a competent engineer would write them against fazhi's
// schema directly, no fazhi code involved, in one of two plans:
//
//   per_unit    four prepared aggregate queries with FILTER clauses over the
//               subtree (org_unit.path range, then the (unit_id, date)
//               indexes) and the period: right for a leaf or a township;
//   plain_scan  for the root only: its subtree is every unit, so one pass over
//               mediation_case computes every received and closed figure at
//               once (FILTER aggregates, a column per category, over the rows
//               received or closed in the period), no join, no index.
//
// The committee figures are one small query over the unit tree in both. The
// connection is set up as fazhi's is (32 MiB page cache, temporary storage in
// memory); `mmap` adds PRAGMA mmap_size at SQLite's maximum, so that pages are
// read from the OS cache without a copy.
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
  std::map<std::string, std::int64_t> by_category;  // categories with cases only
  // Cases closed in the period.
  std::int64_t concluded = 0, succeeded = 0, mass_incidents_prevented = 0,
               criminal_cases_prevented = 0, agreement_fen = 0;

  bool operator==(const Figures& o) const;
};

class HandSql {
 public:
  enum class Plan { per_unit, plain_scan };

  // Opens its own read-only connection on the database file.
  HandSql(const std::string& path, Plan plan, bool mmap = false);

  // The unit by its key (plain_scan: the root only); period [from, to] as
  // "YYYY-MM-DD"; large amounts from min_fen up (fazhi's default: 500 000 yuan).
  Figures compute(const std::string& unit_key, const std::string& from, const std::string& to,
                  std::int64_t min_fen = 50000000);

 private:
  SQLite::Database db_;
  Plan plan_;
  SQLite::Statement unit_path_, received_, categories_, closed_, committees_, scan_;
};

}  // namespace bench
