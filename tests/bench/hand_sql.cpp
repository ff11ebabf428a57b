#include "hand_sql.hpp"

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

void bind_if(SQLite::Statement& st, const char* name, const std::string& value) {
  if (st.getIndex(name) > 0) st.bind(name, value);
}

}  // namespace

HandSql::HandSql(const std::string& path)
    : db_(path, SQLite::OPEN_READONLY),
      unit_path_(db_, "SELECT path FROM org_unit WHERE key = ?"),
      received_(db_, kReceived),
      categories_(db_, kCategories),
      closed_(db_, kClosed),
      committees_(db_, kCommittees) {}

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

  prepare(committees_);
  committees_.executeStep();
  f.committees = committees_.getColumn(0).getInt64();
  f.villages = committees_.getColumn(1).getInt64();
  f.villages_with_committee = committees_.getColumn(2).getInt64();

  // Release the read snapshot: a host does not keep statements open.
  for (SQLite::Statement* st : {&unit_path_, &received_, &categories_, &closed_, &committees_})
    st->reset();
  return f;
}

}  // namespace bench
