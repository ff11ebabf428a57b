#include "domain/record_proof.hpp"

#include "domain/kind.hpp"
#include "domain/record_state.hpp"
#include "domain/unit_tree.hpp"
#include "quote.hpp"
#include "nearest.hpp"

#include <fazhi/error.hpp>

#include <algorithm>
#include <iterator>
#include <limits>

namespace fazhi::domain {
namespace {

using json = nlohmann::json;

// Counts every problem and lists the first RecordProof::kListed.
class Problems {
 public:
  explicit Problems(RecordProof& proof) : proof_(proof) {}

  bool listing() const { return proof_.problems.size() < RecordProof::kListed; }

  void add(const std::string& problem, const std::string& kind, const std::string& key,
           std::int64_t id, std::optional<std::int64_t> seq, std::string message) {
    if (problem == "changed") ++proof_.changed;
    else if (problem == "unjournaled") ++proof_.unjournaled;
    else ++proof_.missing;
    if (!listing()) return;
    proof_.problems.push_back(RecordProblem{problem, kind, key, id, seq, std::move(message)});
  }

 private:
  RecordProof& proof_;
};

std::string record_name(const std::string& kind, const std::string& key, std::int64_t id) {
  return kind + " " + quote(key) + " (id " + std::to_string(id) + ")";
}

// The journal's code of a kind's name; nothing when no entry ever named it.
std::optional<std::int64_t> kind_code(store::Connection& conn, const std::string& kind) {
  auto q = conn.statement("SELECT id FROM journal_name WHERE name = ?");
  q->bind(1, kind);
  if (!q->executeStep()) return std::nullopt;
  return q->getColumn(0).getInt64();
}

// Compares a row's digest with the state of the record's latest entry.
void compare(Problems& problems, const StateCursor& row, const std::string& kind, std::int64_t seq,
             const SQLite::Column& state) {
  if (state.isNull()) {
    problems.add("changed", kind, row.key(), row.id(), seq,
                 record_name(kind, row.key(), row.id()) + ": its latest journal entry " +
                     std::to_string(seq) + " carries no state to prove it by");
    return;
  }
  const std::string expected(static_cast<const char*>(state.getBlob()),
                             static_cast<std::size_t>(state.getBytes()));
  if (expected == row.digest()) return;
  problems.add("changed", kind, row.key(), row.id(), seq,
               record_name(kind, row.key(), row.id()) +
                   " differs from what the journal says: its stored state is not the one its "
                   "latest entry " + std::to_string(seq) + " recorded");
}

void unjournaled(Problems& problems, const std::string& kind, const std::string& key, std::int64_t id,
                 const char* what) {
  problems.add("unjournaled", kind, key, id, std::nullopt,
               record_name(kind, key, id) + " " + what + " without any journal entry");
}

// The key a record's entries name (its first entry that stores one).
std::string journaled_key(store::Connection& conn, std::int64_t code, std::int64_t id) {
  auto q = conn.statement(
      "SELECT key FROM journal WHERE kind = ? AND record_id = ? AND key IS NOT NULL "
      "ORDER BY seq LIMIT 1");
  q->bind(1, static_cast<int64_t>(code));
  q->bind(2, static_cast<int64_t>(id));
  return q->executeStep() ? q->getColumn(0).getString() : std::string();
}

// Every row of `source` against the journal, and every record the journal
// names that has no row: one merge by id of three ordered passes. A record
// with entries but no row is left unsettled: whether a move explains it is
// known once the chain has been checked (settle_missing).
void prove_all(store::Connection& conn, const StateSource& source, KindProof& part,
               Problems& problems) {
  const std::optional<std::int64_t> code = part.code;
  // Each record's latest entry: the record index holds (kind, record_id,
  // state) and the seq, so this reads the index alone, in record order.
  auto latest = conn.statement(
      "SELECT record_id, max(seq), state FROM journal WHERE kind = ? "
      "GROUP BY record_id ORDER BY record_id");
  latest->bind(1, static_cast<int64_t>(code.value_or(-1)));
  auto has_entries = conn.statement("SELECT 1 FROM journal WHERE kind = ? AND record_id = ? LIMIT 1");
  StateCursor rows(conn, source, {}, {}, [&](std::int64_t id, const std::string& key) {
    // Findings of a record without a row: a deleted record's are counted
    // with it (missing); others were inserted.
    has_entries->bind(1, static_cast<int64_t>(code.value_or(-1)));
    has_entries->bind(2, static_cast<int64_t>(id));
    const bool journaled = has_entries->executeStep();
    has_entries->reset();
    if (!journaled) unjournaled(problems, source.kind, key, id, "has findings stored");
  });
  constexpr std::int64_t kEnd = std::numeric_limits<std::int64_t>::max();
  bool have_row = rows.next();
  bool have_latest = latest->executeStep();
  while (have_row || have_latest) {
    const std::int64_t row_id = have_row ? rows.id() : kEnd;
    const std::int64_t entry_id = have_latest ? latest->getColumn(0).getInt64() : kEnd;
    if (row_id <= entry_id) {
      ++part.proof.checked;
      if (row_id == entry_id) {
        compare(problems, rows, source.kind, latest->getColumn(1).getInt64(), latest->getColumn(2));
        have_latest = latest->executeStep();
      } else {
        unjournaled(problems, source.kind, rows.key(), rows.id(), "is stored");
      }
      have_row = rows.next();
      continue;
    }
    part.unsettled.emplace_back(entry_id, latest->getColumn(1).getInt64());
    have_latest = latest->executeStep();
  }
}

// The rows of `source` in a unit's subtree, each against its latest entry.
void prove_subtree(store::Connection& conn, const StateSource& source, const std::string& lo,
                   const std::string& hi, KindProof& part, Problems& problems) {
  const std::optional<std::int64_t> code = part.code;
  RecordProof& proof = part.proof;
  auto latest = conn.statement("SELECT max(seq), state FROM journal WHERE kind = ? AND record_id = ?");
  StateCursor rows(conn, source, in_subtree(source.unit_column), {lo, hi});
  while (rows.next()) {
    ++proof.checked;
    latest->bind(1, static_cast<int64_t>(code.value_or(-1)));
    latest->bind(2, static_cast<int64_t>(rows.id()));
    latest->executeStep();
    if (latest->getColumn(0).isNull())
      unjournaled(problems, source.kind, rows.key(), rows.id(), "is stored");
    else
      compare(problems, rows, source.kind, latest->getColumn(0).getInt64(), latest->getColumn(1));
    latest->reset();
  }
}

// Org units whose path and depth do not follow their parent's: the tree's
// materialised paths are derived, so they are checked against the links
// (which the units' states prove) rather than journaled.
void prove_tree_paths(store::Connection& conn, const std::optional<std::pair<std::string, std::string>>& range,
                      Problems& problems) {
  std::string sql =
      "SELECT c.id, c.key, c.path, c.depth FROM org_unit c LEFT JOIN org_unit p ON p.id = c.parent_id "
      "WHERE (c.path IS NOT coalesce(p.path, '/') || c.id || '/' OR c.depth IS NOT coalesce(p.depth + 1, 0))";
  if (range) sql += " AND " + in_subtree("c.id");
  sql += " ORDER BY c.id";
  auto q = conn.statement(sql);
  if (range) {
    q->bind(1, range->first);
    q->bind(2, range->second);
  }
  while (q->executeStep()) {
    const std::int64_t id = q->getColumn(0).getInt64();
    const std::string key = q->getColumn(1).getString();
    problems.add("changed", "org_unit", key, id, std::nullopt,
                 record_name("org_unit", key, id) + ": its place in the tree (path " +
                     quote(q->getColumn(2).getString()) + ", depth " + q->getColumn(3).getString() +
                     ") does not follow its parent");
  }
}

}  // namespace

std::string RecordProof::message() const {
  const std::int64_t total = changed + unjournaled + missing;
  if (total == 0) return "records intact";
  std::string m = problems.front().message;
  if (total > 1) m += " (and " + std::to_string(total - 1) + " more)";
  return m;
}

json RecordProof::to_json() const {
  json list = json::array();
  for (const RecordProblem& p : problems)
    list.push_back({{"problem", p.problem},
                    {"kind", p.kind},
                    {"key", p.key},
                    {"id", p.id},
                    {"seq", p.seq ? json(*p.seq) : json(nullptr)},
                    {"message", p.message}});
  return {{"checked", checked},  {"changed", changed}, {"unjournaled", unjournaled},
          {"missing", missing},  {"problems", list},   {"listed", problems.size()}};
}

ProofPlan plan_proof(store::Connection& conn, const ProofScope& scope) {
  ProofPlan plan;
  for (const StateSource& s : state_sources())
    if (!scope.kind || s.kind == *scope.kind) plan.sources.push_back(&s);
  if (scope.kind && plan.sources.empty()) {
    std::vector<std::string> kinds;
    for (const StateSource& s : state_sources()) kinds.push_back(s.kind);
    throw Error(Status::argument, "kind", "unknown kind " + quote(*scope.kind) + did_you_mean(*scope.kind, kinds));
  }
  if (scope.unit) {
    if (scope.kind && plan.sources.front()->unit_column.empty())
      throw Error(Status::argument, "unit", *scope.kind + " records do not belong to a unit");
    plan.range = subtree_range(conn, *scope.unit);
  }
  return plan;
}

KindProof prove_kind(store::Connection& conn, const ProofPlan& plan, std::size_t index) {
  const StateSource& s = *plan.sources.at(index);
  KindProof part;
  part.kind = s.kind;
  part.code = kind_code(conn, s.kind);
  Problems problems(part.proof);
  if (plan.range) {
    if (s.unit_column.empty()) return part;  // advisers, custom indicators: no unit
    prove_subtree(conn, s, plan.range->first, plan.range->second, part, problems);
  } else {
    prove_all(conn, s, part, problems);
  }
  part.scan_listed = part.proof.problems.size();
  if (s.kind == org_unit_kind().name) prove_tree_paths(conn, plan.range, problems);
  return part;
}

void settle_missing(store::Connection& conn, KindProof& part,
                    const std::set<std::pair<std::string, std::int64_t>>& moved_from) {
  std::vector<RecordProblem> missing;
  for (const auto& [id, seq] : part.unsettled) {
    if (moved_from.count({part.kind, id})) continue;
    ++part.proof.missing;
    if (missing.size() < RecordProof::kListed)
      missing.push_back(RecordProblem{"missing", part.kind, {}, id, seq, {}});
  }
  part.unsettled.clear();
  if (missing.empty()) return;
  // The pass over the rows listed its problems in id order, the tree's
  // places after them: the missing records go in among the former by id,
  // where a single pass would have met them.
  std::vector<RecordProblem>& listed = part.proof.problems;
  const auto scan_end = listed.begin() + static_cast<std::ptrdiff_t>(part.scan_listed);
  std::vector<RecordProblem> merged;
  std::merge(std::make_move_iterator(listed.begin()), std::make_move_iterator(scan_end),
             std::make_move_iterator(missing.begin()), std::make_move_iterator(missing.end()),
             std::back_inserter(merged),
             [](const RecordProblem& a, const RecordProblem& b) { return a.id < b.id; });
  part.scan_listed = merged.size();
  merged.insert(merged.end(), std::make_move_iterator(scan_end), std::make_move_iterator(listed.end()));
  if (merged.size() > RecordProof::kListed) merged.resize(RecordProof::kListed);
  for (RecordProblem& p : merged) {
    if (p.problem != "missing" || !p.message.empty()) continue;
    p.key = journaled_key(conn, part.code.value_or(-1), p.id);
    p.message = record_name(p.kind, p.key, p.id) + " is gone: the journal holds its entries up to " +
                std::to_string(*p.seq) + ", and no entry removed or moved it";
  }
  listed = std::move(merged);
}

RecordProof join_proofs(std::vector<KindProof> parts) {
  RecordProof proof;
  for (KindProof& part : parts) {
    proof.checked += part.proof.checked;
    proof.changed += part.proof.changed;
    proof.unjournaled += part.proof.unjournaled;
    proof.missing += part.proof.missing;
    for (RecordProblem& p : part.proof.problems) {
      if (proof.problems.size() >= RecordProof::kListed) break;
      proof.problems.push_back(std::move(p));
    }
  }
  return proof;
}

}  // namespace fazhi::domain
