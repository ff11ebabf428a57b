#include "hand_sql.hpp"

#include "synthetic.hpp"

#include <stdexcept>

namespace bench {
namespace {

// Units of the subtree: org_unit.path is the materialised path "/1/5/23/",
// so the subtree of a unit is the path range [its path, its path with the
// final '/' replaced by '0').
#define SUBTREE "unit_id IN (SELECT id FROM org_unit WHERE path >= :lo AND path < :hi)"

const char* kReceived =
    "SELECT count(*),"
    "       count(*) FILTER (WHERE unnatural_death = 1),"
    "       count(*) FILTER (WHERE amount_fen >= :min_fen),"
    "       count(*) FILTER (WHERE category = 'labour' AND"
    "                        (closed > labour_deadline OR"
    "                         (closed IS NULL AND labour_deadline < :to)))"
    "  FROM mediation_case"
    " WHERE " SUBTREE " AND received BETWEEN :from AND :to";

const char* kCategories =
    "SELECT category, count(*)"
    "  FROM mediation_case"
    " WHERE " SUBTREE " AND received BETWEEN :from AND :to"
    " GROUP BY category";

const char* kClosed =
    "SELECT count(*) FILTER (WHERE outcome IN ('succeeded', 'failed', 'terminated')),"
    "       count(*) FILTER (WHERE outcome = 'succeeded'),"
    "       count(*) FILTER (WHERE prevented_mass_incident = 1),"
    "       count(*) FILTER (WHERE prevented_criminal_case = 1),"
    "       coalesce(sum(agreement_amount_fen) FILTER (WHERE outcome = 'succeeded'), 0)"
    "  FROM mediation_case"
    " WHERE " SUBTREE " AND closed BETWEEN :from AND :to";

// Committees existing on the last day; villages/communities existing on the
// last day, and how many of them had a committee by then.
const char* kCommittees =
    "SELECT (SELECT count(*) FROM mediation_committee"
    "         WHERE " SUBTREE " AND (established IS NULL OR established <= :to)),"
    "       count(*),"
    "       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM mediation_committee m"
    "                                       WHERE m.unit_id = u.id AND"
    "                                             (m.established IS NULL OR m.established <= :to)))"
    "  FROM org_unit u"
    " WHERE u.path >= :lo AND u.path < :hi AND u.kind IN ('village', 'community')"
    "   AND (u.active_from IS NULL OR u.active_from <= :to)"
    "   AND (u.active_to IS NULL OR u.active_to >= :to)";

#undef SUBTREE

// The plain scan of the root: every received and closed figure in one pass.
// (Measured against SUM(CASE ...) columns and against no WHERE: this is the
// fastest of the four on SQLite 3.40.)
std::string scan_sql() {
  std::string sql =
      "SELECT count(*) FILTER (WHERE received BETWEEN :from AND :to),"
      "       count(*) FILTER (WHERE received BETWEEN :from AND :to AND unnatural_death = 1),"
      "       count(*) FILTER (WHERE received BETWEEN :from AND :to AND amount_fen >= :min_fen),"
      "       count(*) FILTER (WHERE received BETWEEN :from AND :to AND category = 'labour' AND"
      "                        (closed > labour_deadline OR"
      "                         (closed IS NULL AND labour_deadline < :to))),"
      "       count(*) FILTER (WHERE closed BETWEEN :from AND :to AND"
      "                              outcome IN ('succeeded', 'failed', 'terminated')),"
      "       count(*) FILTER (WHERE closed BETWEEN :from AND :to AND outcome = 'succeeded'),"
      "       count(*) FILTER (WHERE closed BETWEEN :from AND :to AND prevented_mass_incident = 1),"
      "       count(*) FILTER (WHERE closed BETWEEN :from AND :to AND prevented_criminal_case = 1),"
      "       coalesce(sum(agreement_amount_fen) FILTER (WHERE closed BETWEEN :from AND :to AND"
      "                                                         outcome = 'succeeded'), 0)";
  for (const std::string& category : category_codes())
    sql += ", count(*) FILTER (WHERE received BETWEEN :from AND :to AND category = '" + category + "')";
  // Rows in neither range (two thirds of a three-year table) skip the aggregates.
  sql += " FROM mediation_case WHERE received BETWEEN :from AND :to OR closed BETWEEN :from AND :to";
  return sql;
}

void bind_if(SQLite::Statement& st, const char* name, const std::string& value) {
  if (st.getIndex(name) > 0) st.bind(name, value);
}

}  // namespace

bool Figures::operator==(const Figures& o) const {
  return committees == o.committees && villages == o.villages &&
         villages_with_committee == o.villages_with_committee && received == o.received &&
         unnatural_death == o.unnatural_death && large_amount == o.large_amount &&
         labour_overdue == o.labour_overdue && by_category == o.by_category &&
         concluded == o.concluded && succeeded == o.succeeded &&
         mass_incidents_prevented == o.mass_incidents_prevented &&
         criminal_cases_prevented == o.criminal_cases_prevented && agreement_fen == o.agreement_fen;
}

namespace {

SQLite::Database& configured(SQLite::Database& db, bool mmap) {
  db.exec("PRAGMA temp_store = MEMORY");
  db.exec("PRAGMA cache_size = -32768");
  // Capped by SQLITE_MAX_MMAP_SIZE (2 GB in Debian's build).
  if (mmap) db.exec("PRAGMA mmap_size = 1099511627776");
  return db;
}

}  // namespace

HandSql::HandSql(const std::string& path, Plan plan, bool mmap)
    : db_(path, SQLite::OPEN_READONLY),
      plan_(plan),
      unit_path_(configured(db_, mmap), "SELECT path FROM org_unit WHERE key = ?"),
      received_(db_, kReceived),
      categories_(db_, kCategories),
      closed_(db_, kClosed),
      committees_(db_, kCommittees),
      scan_(db_, scan_sql()) {}

Figures HandSql::compute(const std::string& unit_key, const std::string& from,
                         const std::string& to, std::int64_t min_fen) {
  unit_path_.reset();
  unit_path_.bind(1, unit_key);
  if (!unit_path_.executeStep()) throw std::runtime_error("no org_unit " + unit_key);
  std::string lo = unit_path_.getColumn(0).getString();
  std::string hi = lo;
  hi.back() = '0';

  auto prepare = [&](SQLite::Statement& st) {
    st.reset();
    bind_if(st, ":lo", lo);
    bind_if(st, ":hi", hi);
    bind_if(st, ":from", from);
    bind_if(st, ":to", to);
    if (st.getIndex(":min_fen") > 0) st.bind(":min_fen", static_cast<int64_t>(min_fen));
  };
  Figures f;
  if (plan_ == Plan::plain_scan) {
    if (lo.find('/', 1) != lo.size() - 1)
      throw std::runtime_error("the plain scan covers the whole table: the root only, not " + unit_key);
    prepare(scan_);
    scan_.executeStep();
    f.received = scan_.getColumn(0).getInt64();
    f.unnatural_death = scan_.getColumn(1).getInt64();
    f.large_amount = scan_.getColumn(2).getInt64();
    f.labour_overdue = scan_.getColumn(3).getInt64();
    f.concluded = scan_.getColumn(4).getInt64();
    f.succeeded = scan_.getColumn(5).getInt64();
    f.mass_incidents_prevented = scan_.getColumn(6).getInt64();
    f.criminal_cases_prevented = scan_.getColumn(7).getInt64();
    f.agreement_fen = scan_.getColumn(8).getInt64();
    int column = 9;
    for (const std::string& category : category_codes()) {
      std::int64_t n = scan_.getColumn(column++).getInt64();
      if (n != 0) f.by_category[category] = n;
    }
  } else {
    prepare(received_);
    received_.executeStep();
    f.received = received_.getColumn(0).getInt64();
    f.unnatural_death = received_.getColumn(1).getInt64();
    f.large_amount = received_.getColumn(2).getInt64();
    f.labour_overdue = received_.getColumn(3).getInt64();

    prepare(categories_);
    while (categories_.executeStep())
      f.by_category[categories_.getColumn(0).getString()] = categories_.getColumn(1).getInt64();

    prepare(closed_);
    closed_.executeStep();
    f.concluded = closed_.getColumn(0).getInt64();
    f.succeeded = closed_.getColumn(1).getInt64();
    f.mass_incidents_prevented = closed_.getColumn(2).getInt64();
    f.criminal_cases_prevented = closed_.getColumn(3).getInt64();
    f.agreement_fen = closed_.getColumn(4).getInt64();
  }

  prepare(committees_);
  committees_.executeStep();
  f.committees = committees_.getColumn(0).getInt64();
  f.villages = committees_.getColumn(1).getInt64();
  f.villages_with_committee = committees_.getColumn(2).getInt64();

  // Release the read snapshot: a host does not keep statements open.
  for (SQLite::Statement* st : {&unit_path_, &received_, &categories_, &closed_, &committees_, &scan_})
    st->reset();
  return f;
}

}  // namespace bench
