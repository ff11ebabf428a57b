#include "equivalent_import.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <memory>
#include <stdexcept>
#include <vector>

#include "case_sequence.hpp"
#include "direct_sqlite.hpp"
#include "journal_chain.hpp"
#include "ndjson_lines.hpp"
#include "timing.hpp"

namespace bench {
namespace {

const std::string kActor = "fazhi";  // fazhi's default actor
const std::string kKind = "mediation_case";
const char* kLabourRule = "mediation_case.labour_15_days";
const char* kLabourSource = "劳动争议调解仲裁法 第十四条";

void key_value(std::string& out, const char* name, const std::string& value) {
  out += '"';
  out += name;
  out += "\":";
  append_json_string(out, value);
  out += ',';
}

void key_value(std::string& out, const char* name, const char* value) {
  out += '"';
  out += name;
  out += "\":";
  append_json_string(out, value);
  out += ',';
}

void key_value(std::string& out, const char* name, std::int64_t value) {
  out += '"';
  out += name;
  out += "\":";
  out += std::to_string(value);
  out += ',';
}

void key_value(std::string& out, const char* name, bool value) {
  out += '"';
  out += name;
  out += value ? "\":true," : "\":false,";
}

void close_object(std::string& out) { out.back() = '}'; }

// The change fazhi journals for a new case: its fields as given (the amount
// in fen only: the journal derives its yuan text), the unit it took from the
// committee and the labour deadline it derived; keys sorted.
void create_change(std::string& out, const Dataset& d, const Case& c) {
  const Committee& committee = d.committees[static_cast<std::size_t>(c.committee)];
  out = "{";
  if (c.amount_fen >= 0) key_value(out, "amount_fen", c.amount_fen);
  key_value(out, "case_number", c.case_number);
  key_value(out, "category", c.category);
  key_value(out, "committee", committee.key);
  if (!c.labour_deadline.empty()) key_value(out, "labour_deadline", c.labour_deadline);
  key_value(out, "mass_incident_risk", c.mass_incident_risk);
  key_value(out, "received", c.received);
  key_value(out, "source", c.source);
  key_value(out, "unit", d.units[static_cast<std::size_t>(committee.unit)].key);
  key_value(out, "unnatural_death", c.unnatural_death);
  close_object(out);
}

// The change fazhi journals for a close: the action's arguments as given
// (the amount in fen only); keys sorted.
void close_change(std::string& out, const Case& c) {
  out = "{";
  if (c.agreement) key_value(out, "agreement", c.agreement);
  if (c.agreement_amount_fen >= 0) key_value(out, "agreement_amount_fen", c.agreement_amount_fen);
  key_value(out, "date", c.closed);
  key_value(out, "outcome", c.outcome);
  if (c.prevented_criminal_case) key_value(out, "prevented_criminal_case", true);
  if (c.prevented_mass_incident) key_value(out, "prevented_mass_incident", true);
  close_object(out);
}

struct Statements {
  explicit Statements(SQLite::Database& db)
      : insert_case(db,
                    "INSERT INTO mediation_case (key, committee_id, unit_id, case_number, received, "
                    "source, category, amount_fen, unnatural_death, mass_incident_risk, "
                    "labour_deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        close_case(db,
                   "UPDATE mediation_case SET closed = ?, outcome = ?, agreement = ?, "
                   "agreement_amount_fen = ?, prevented_mass_incident = ?, "
                   "prevented_criminal_case = ? WHERE key = ? "
                   "RETURNING id, unit_id, labour_deadline"),
        insert_finding(db,
                       "INSERT INTO finding (kind, record_id, key, unit_id, date, rule, severity, "
                       "message, source, provisional) "
                       "VALUES ('mediation_case', ?, ?, ?, ?, ?, 'warning', ?, ?, 0)"),
        journal(db) {}
  SQLite::Statement insert_case, close_case, insert_finding;
  JournalChain journal;
};

struct Line {
  Case c;
  bool close = false;
};

}  // namespace

RunFigures import_equivalent(const std::string& path, const Dataset& d, const WorkingDays& calendar,
                             std::size_t chunk) {
  SegmentClock clock;
  clock.start();
  auto db = open_like_fazhi(path);
  ReferenceIds ids = reference_ids(*db, d);
  auto st = std::make_unique<Statements>(*db);
  clock.stop();

  CaseSequence sequence(d, calendar);
  std::vector<Line> buffer(chunk);
  std::string change;
  for (;;) {
    std::size_t n = 0;
    while (n < chunk && sequence.next(buffer[n].c, buffer[n].close)) ++n;
    if (n == 0) break;
    clock.start();
    SQLite::Transaction tx(*db);
    for (std::size_t k = 0; k < n; ++k) {
      const Case& c = buffer[k].c;
      if (!buffer[k].close) {
        SQLite::Statement& ins = st->insert_case;
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
        if (!c.labour_deadline.empty())
          ins.bindNoCopy(11, c.labour_deadline);
        else
          ins.bind(11);
        ins.exec();
        ins.reset();
        create_change(change, d, c);
        st->journal.append(kActor, kKind, &c.key, db->getLastInsertRowid(), "create", change);
        continue;
      }
      SQLite::Statement& upd = st->close_case;
      upd.bindNoCopy(1, c.closed);
      upd.bindNoCopy(2, c.outcome);
      if (c.agreement)
        upd.bindNoCopy(3, c.agreement);
      else
        upd.bind(3);
      if (c.agreement_amount_fen >= 0)
        upd.bind(4, static_cast<int64_t>(c.agreement_amount_fen));
      else
        upd.bind(4);
      upd.bind(5, c.prevented_mass_incident ? 1 : 0);
      upd.bind(6, c.prevented_criminal_case ? 1 : 0);
      upd.bindNoCopy(7, c.key);
      if (!upd.executeStep()) throw std::runtime_error("no mediation_case " + c.key + " to close");
      const std::int64_t id = upd.getColumn(0).getInt64();
      const std::int64_t unit_id = upd.getColumn(1).getInt64();
      const std::string deadline = upd.getColumn(2).isNull() ? std::string() : upd.getColumn(2).getString();
      upd.reset();
      if (!deadline.empty() && c.closed > deadline) {
        SQLite::Statement& f = st->insert_finding;
        f.bind(1, static_cast<int64_t>(id));
        f.bindNoCopy(2, c.key);
        f.bind(3, static_cast<int64_t>(unit_id));
        f.bindNoCopy(4, c.closed);
        f.bind(5, kLabourRule);
        f.bind(6, "劳动争议调解案件自受理之日起十五日内未结案（期限届满日 " + deadline + "，结案日 " +
                      c.closed + "），当事人可以依法申请仲裁");
        f.bind(7, kLabourSource);
        f.exec();
        f.reset();
      }
      close_change(change, c);
      // No key: the case's create holds it (fazhi finds that out by looking
      // the create up; (b) knows it).
      st->journal.append(kActor, kKind, nullptr, id, "close", change);
    }
    st->journal.flush_head();
    tx.commit();
    clock.stop();
  }
  clock.start();
  st.reset();  // statements first: the connection closes (and checkpoints) only without them
  db.reset();
  clock.stop();
  return {clock.wall, clock.user, clock.sys};
}

}  // namespace bench
