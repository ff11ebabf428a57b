// record_proof.hpp — whether the records are what the journal says they are.
//
// Every entry that changes a record carries the digest of the record's
// stored state after it (record_state.hpp; records older than schema 11 got
// a "seal" entry carrying theirs), and the hash chain proves the entries
// (store/journal.hpp). So a record is proven when its row's digest, computed
// again from the row and its findings, equals the state of its latest entry.
// The proof names, by kind, key and id:
//   changed      a row whose digest is not its latest entry's state (a field,
//                the key or a finding edited, added or removed behind
//                fazhi's back), or an org unit whose place in the tree (path,
//                depth) does not follow its parent;
//   unjournaled  a row, or findings, of a record no entry names (inserted
//                behind fazhi's back);
//   missing      a record whose entries remain but whose row is gone
//                (deleted: fazhi never deletes a record), unless a move
//                entry says it was moved to another kind.
//
// Cost: one ordered pass per kind over its rows, its findings and the
// journal's record index (which holds each entry's state), merged by id: a
// full read of the records and of that index, memory bounded by one row.
// Scoped to one unit's subtree, the rows are read through the unit's range
// and each record's latest entry looked up by id; a deleted row no longer
// says which unit it belonged to, so missing records are found only by a
// proof of a kind or of everything. A scope also trusts the unit columns it
// selects by: a record moved out of the subtree by an edit is found by the
// proof of its kind or of everything.
#pragma once

#include "store/sqlite.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace fazhi::domain {

struct StateSource;

struct ProofScope {
  std::optional<std::string> kind;  // one kind (a record kind or "custom_indicator")
  std::optional<std::string> unit;  // one unit's subtree (kinds that belong to units)
};

struct RecordProblem {
  std::string problem;  // "changed" | "unjournaled" | "missing"
  std::string kind;
  std::string key;
  std::int64_t id = 0;
  std::optional<std::int64_t> seq;  // the record's latest entry, when it has one
  std::string message;
};

struct RecordProof {
  // At most this many problems are listed; all are counted.
  static constexpr std::size_t kListed = 100;

  std::int64_t checked = 0;  // rows compared
  std::int64_t changed = 0;
  std::int64_t unjournaled = 0;
  std::int64_t missing = 0;
  std::vector<RecordProblem> problems;  // the first kListed, in kind then id order

  bool ok() const { return changed == 0 && unjournaled == 0 && missing == 0; }
  // The first problem in words, and how many more; "records intact" when none.
  std::string message() const;
  // {"checked", "changed", "unjournaled", "missing", "problems": [{"problem",
  // "kind", "key", "id", "seq", "message"}], "listed"}
  nlohmann::json to_json() const;
};

// A proof in parts, which connections reading one snapshot can share
// (journal_verification.hpp). plan_proof() checks the scope and lists the
// kinds it covers: Error(argument, "kind") for an unknown kind,
// Error(not_found, "unit") for an unknown unit, Error(argument, "unit") for a
// kind that belongs to no unit scoped by one; prove_kind() proves
// one of them, leaving the records whose row is gone unsettled until the
// chain's move entries are known; settle_missing() counts and lists those
// that no move explains (`moved_from`: the records move entries say were
// moved away, store::JournalCheck); join_proofs() adds the parts up in plan
// order, listing the first kListed problems in kind, then id order.
struct ProofPlan {
  std::vector<const StateSource*> sources;
  std::optional<std::pair<std::string, std::string>> range;  // the unit's subtree
};

struct KindProof {
  std::string kind;
  std::optional<std::int64_t> code;  // the journal's code of the kind's name
  RecordProof proof;
  // Records with entries and no row, (id, latest seq), in id order; the pass
  // over the rows lists its problems first (scan_listed of them), the tree's
  // places after.
  std::vector<std::pair<std::int64_t, std::int64_t>> unsettled;
  std::size_t scan_listed = 0;
};

ProofPlan plan_proof(store::Connection& conn, const ProofScope& scope);
KindProof prove_kind(store::Connection& conn, const ProofPlan& plan, std::size_t index);
void settle_missing(store::Connection& conn, KindProof& part,
                    const std::set<std::pair<std::string, std::int64_t>>& moved_from);
RecordProof join_proofs(std::vector<KindProof> parts);

}  // namespace fazhi::domain
