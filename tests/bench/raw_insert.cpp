#include "raw_insert.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <memory>
#include <optional>
#include <vector>

#include "direct_sqlite.hpp"
#include "timing.hpp"

namespace bench {

RunFigures insert_cases_raw(const std::string& path, const Dataset& d, const WorkingDays& calendar,
                            std::size_t chunk, bool bulk) {
  SegmentClock clock;
  clock.start();
  auto db = open_like_fazhi(path);
  std::optional<DeferredCaseIndexes> deferred;
  if (bulk) deferred.emplace(*db);
  ReferenceIds ids = reference_ids(*db, d);
  auto ins_ptr = std::make_unique<SQLite::Statement>(
      *db,
      "INSERT INTO mediation_case (key, committee_id, unit_id, case_number, "
      "received, source, category, amount_fen, unnatural_death, "
      "mass_incident_risk, closed, outcome, agreement, agreement_amount_fen, "
      "prevented_mass_incident, prevented_criminal_case, labour_deadline) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  SQLite::Statement& ins = *ins_ptr;
  clock.stop();

  CaseGenerator cases(d, calendar);
  std::vector<Case> buffer(chunk);
  for (;;) {
    std::size_t n = 0;
    while (n < chunk && cases.next(buffer[n])) ++n;
    if (n == 0) break;
    clock.start();
    SQLite::Transaction tx(*db);
    for (std::size_t k = 0; k < n; ++k) {
      const Case& c = buffer[k];
      ins.bindNoCopy(1, c.key);
      ins.bind(2, static_cast<int64_t>(ids.committee[static_cast<std::size_t>(c.committee)]));
      ins.bind(3, static_cast<int64_t>(ids.unit[static_cast<std::size_t>(c.unit)]));
      ins.bindNoCopy(4, c.case_number);
      ins.bindNoCopy(5, c.received);
      ins.bindNoCopy(6, c.source);
      ins.bindNoCopy(7, c.category);
      if (c.amount_fen >= 0)
        ins.bind(8, static_cast<int64_t>(c.amount_fen));
      else
        ins.bind(8);
      ins.bind(9, c.unnatural_death ? 1 : 0);
      ins.bind(10, c.mass_incident_risk ? 1 : 0);
      if (c.is_closed()) {
        ins.bindNoCopy(11, c.closed);
        ins.bindNoCopy(12, c.outcome);
        if (c.agreement)
          ins.bindNoCopy(13, c.agreement);
        else
          ins.bind(13);
        if (c.agreement_amount_fen >= 0)
          ins.bind(14, static_cast<int64_t>(c.agreement_amount_fen));
        else
          ins.bind(14);
        ins.bind(15, c.prevented_mass_incident ? 1 : 0);
        ins.bind(16, c.prevented_criminal_case ? 1 : 0);
      } else {
        for (int i = 11; i <= 16; ++i) ins.bind(i);
      }
      if (!c.labour_deadline.empty())
        ins.bindNoCopy(17, c.labour_deadline);
      else
        ins.bind(17);
      ins.exec();
      ins.reset();
    }
    tx.commit();
    clock.stop();
  }
  clock.start();
  if (deferred) {
    SQLite::Transaction tx(*db);
    deferred->restore();
    tx.commit();
  }
  ins_ptr.reset();  // statements first: the connection closes (and checkpoints) only without them
  db.reset();
  clock.stop();
  return {clock.wall, clock.user, clock.sys};
}

}  // namespace bench
