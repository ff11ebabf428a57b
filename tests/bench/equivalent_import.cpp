#include "equivalent_import.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <memory>
#include <optional>
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

// A change as fazhi journals it, written in both its forms at once: the
// compact JSON, keys sorted, that the hash covers, and the MessagePack the
// journal stores, its keys the codes of the names (fields added in key order).
class ChangeWriter {
 public:
  explicit ChangeWriter(JournalChain& chain) : chain_(chain) {}
  void begin() {
    json_ = "{";
    pack_.assign(1, '\0');  // the map's header, once the fields are counted
    fields_ = 0;
  }
  void add(const char* name, const std::string& value) {
    key(name);
    append_json_string(json_, value);
    json_ += ',';
    append_msgpack_string(pack_, value);
  }
  void add(const char* name, const char* value) { add(name, std::string(value)); }
  void add(const char* name, std::int64_t value) {
    key(name);
    json_ += std::to_string(value);
    json_ += ',';
    append_msgpack_uint(pack_, static_cast<std::uint64_t>(value));
  }
  void add(const char* name, bool value) {
    key(name);
    json_ += value ? "true," : "false,";
    append_msgpack_bool(pack_, value);
  }
  void end() {
    json_.back() = '}';
    pack_[0] = static_cast<char>(0x80 | fields_);  // fixmap: fewer than 16 fields
  }
  const std::string& json() const { return json_; }
  const std::string& stored() const { return pack_; }

 private:
  void key(const char* name) {
    json_ += '"';
    json_ += name;
    json_ += "\":";
    append_msgpack_string(pack_, chain_.code_text(name));
    ++fields_;
  }
  JournalChain& chain_;
  std::string json_, pack_;
  int fields_ = 0;
};

// The change fazhi journals for a new case: its fields as given (the amount
// in fen only: the journal derives its yuan text), the unit it took from the
// committee and the labour deadline it derived; keys sorted.
void create_change(ChangeWriter& out, const Dataset& d, const Case& c) {
  const Committee& committee = d.committees[static_cast<std::size_t>(c.committee)];
  out.begin();
  if (c.amount_fen >= 0) out.add("amount_fen", c.amount_fen);
  out.add("case_number", c.case_number);
  out.add("category", c.category);
  out.add("committee", committee.key);
  if (!c.labour_deadline.empty()) out.add("labour_deadline", c.labour_deadline);
  out.add("mass_incident_risk", c.mass_incident_risk);
  out.add("received", c.received);
  out.add("source", c.source);
  out.add("unit", d.units[static_cast<std::size_t>(committee.unit)].key);
  out.add("unnatural_death", c.unnatural_death);
  out.end();
}

// The change fazhi journals for a close: the action's arguments as given
// (the amount in fen only); keys sorted.
void close_change(ChangeWriter& out, const Case& c) {
  out.begin();
  if (c.agreement) out.add("agreement", c.agreement);
  if (c.agreement_amount_fen >= 0) out.add("agreement_amount_fen", c.agreement_amount_fen);
  out.add("date", c.closed);
  out.add("outcome", c.outcome);
  if (c.prevented_criminal_case) out.add("prevented_criminal_case", true);
  if (c.prevented_mass_incident) out.add("prevented_mass_incident", true);
  out.end();
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
                             std::size_t chunk, bool bulk) {
  SegmentClock clock;
  clock.start();
  auto db = open_like_fazhi(path);
  std::optional<DeferredCaseIndexes> deferred;
  if (bulk) deferred.emplace(*db);
  ReferenceIds ids = reference_ids(*db, d);
  auto st = std::make_unique<Statements>(*db);
  clock.stop();

  CaseSequence sequence(d, calendar);
  std::vector<Line> buffer(chunk);
  ChangeWriter change(st->journal);
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
        // Before the change is written: a field name met for the first time
        // is inserted into journal_name, which moves the last insert rowid.
        const std::int64_t id = db->getLastInsertRowid();
        create_change(change, d, c);
        st->journal.append(kActor, kKind, &c.key, id, "create", change.json(), change.stored());
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
      st->journal.append(kActor, kKind, nullptr, id, "close", change.json(), change.stored());
    }
    st->journal.flush_head();
    tx.commit();
    clock.stop();
  }
  clock.start();
  if (deferred) {
    SQLite::Transaction tx(*db);
    deferred->restore();
    tx.commit();
  }
  st.reset();  // statements first: the connection closes (and checkpoints) only without them
  db.reset();
  clock.stop();
  return {clock.wall, clock.user, clock.sys};
}

}  // namespace bench
